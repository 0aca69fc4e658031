import 'server-only';
import { enterpriseCreditCodes, listCampaignOptions, listLeads } from '@/db/queries/leads';
import { listProblems, type ProblemListFilters, type ProblemSort } from '@/db/queries/problems';
import { packageNameById } from '@/db/queries/project-filters';
import { listLedgerProjects, referenceNames } from '@/db/queries/projects';
import { writeSheet } from '@/lib/excel/writer';
import { ALERT_KIND_LABELS } from '@/lib/rules/alerts';
import { dateOfTimestamp, daysBetween, today } from '@/lib/rules/dates';
import { LEAD_COLUMNS } from '@/lib/excel/lead-columns';
import { chainLinkLabel } from '@/lib/rules/chain-links';
import { chainLinkRefs } from './chains';
import {
  CATEGORY_LABELS,
  CURRENCY_LABELS,
  LEAD_STAGE_LABELS,
  LIGHT_LABELS,
  PROBLEM_LEVEL_LABELS,
  PROBLEM_STATUS_LABELS,
  PROBLEM_TYPE_LABELS,
  PROJECT_STATUS_LABELS,
  STAGE_LABELS,
} from '@/lib/rules/enums';
import { LEAD_SORT_LABELS, type LeadSort } from '@/lib/rules/lead-sorts';
import { leadLight } from '@/lib/rules/leads';
import type { Actor } from '@/lib/rules/permissions';
import { levelsFrom } from '@/lib/rules/problems';
import { periodRange, RANKING_GROUP_LABELS, weightsText, type Period } from '@/lib/rules/stats';
import { groupRankings } from './rankings';
import { scopeLabel, type LeadFilters, type ProjectFilters } from '@/lib/schemas/filters';
import { drillFilterChips, minInvestmentLabel } from '@/lib/schemas/ledger';
import { SORT_LABELS, type LedgerSort } from '@/lib/schemas/ledger';
import { listAlerts } from './alerts';
import { ensureLightsFresh } from './light';
import { projectLedgerWorkbook, projectRowNames } from './project-sheets';
import { cityLedgerWorkbook } from './city-ledger-sheet';
import { enterpriseNames, yearReportedInvestmentByProject } from '@/db/queries/city-ledger';
import { currentYear } from './year-plans';
import { getSetting } from './settings';

// 导出 Excel of every list: each export reads the same query, filters and sort as its page, all
// pages of it up to EXPORT_LIMIT rows, and names the filters in Chinese in the sheet's title row.

export const EXPORT_LIMIT = 50_000;

export interface ExportFile {
  buffer: Buffer;
  fileName: string;
  rows: number;
  truncated: boolean;
}

const dirLabel = (dir: 'asc' | 'desc') => (dir === 'asc' ? '升序' : '降序');
const yesNo = (value: boolean) => (value ? '是' : '否');
const join = (parts: Array<string | number | null | undefined | false>) => parts.filter(Boolean).join('；');
const limitNote = (count: number) =>
  count >= EXPORT_LIMIT ? `仅导出前 ${EXPORT_LIMIT.toLocaleString('zh-CN')} 条，请缩小筛选范围导出其余部分` : null;

/** The ledger's filters as the title row reads them, e.g. "单位：昌邑区；阶段：开工建设". */
export function projectFiltersText(filters: ProjectFilters, names = referenceNames()): string {
  return join([
    filters.category && `类别：${CATEGORY_LABELS[filters.category]}`,
    filters.scope === 'shuangshi' && `范围：${scopeLabel('shuangshi')}`,
    filters.shuangshi !== undefined && `双十项目：${yesNo(filters.shuangshi)}`,
    filters.stage && `阶段：${STAGE_LABELS[filters.stage]}`,
    filters.status && `状态：${PROJECT_STATUS_LABELS[filters.status]}`,
    filters.unitId && `单位：${names.units.get(filters.unitId) ?? `#${filters.unitId}`}`,
    filters.industryId && `产业：${names.industries.get(filters.industryId) ?? `#${filters.industryId}`}`,
    filters.light && `灯色：${LIGHT_LABELS[filters.light]}`,
    filters.leaderId && `包保领导：${names.users.get(filters.leaderId) ?? `#${filters.leaderId}`}`,
    filters.ownerId && `责任人：${names.users.get(filters.ownerId) ?? `#${filters.ownerId}`}`,
    filters.minInvestment !== undefined && `规模：${minInvestmentLabel(filters.minInvestment)}`,
    filters.q && `关键词：${filters.q}`,
    ...drillFilterChips(filters, { packageName: filters.packageId ? packageNameById(filters.packageId) : null }).map(
      (chip) => `统计口径：${chip.label}`,
    ),
  ]);
}

interface LedgerExportQuery {
  filters: ProjectFilters;
  sort: LedgerSort;
  dir: 'asc' | 'desc';
}

/** The ledger's filtered, sorted rows as both exports write them, with the line naming filters and sort. */
function ledgerRowsFor({ filters, sort, dir }: LedgerExportQuery) {
  ensureLightsFresh();
  const rows = listLedgerProjects({ filters, sort, dir, limit: EXPORT_LIMIT });
  const filtersText = join([
    projectFiltersText(filters) || '全部项目',
    `排序：${SORT_LABELS[sort]}${dirLabel(dir)}`,
    limitNote(rows.length),
  ]);
  return { rows, filtersText, truncated: rows.length >= EXPORT_LIMIT };
}

export async function exportLedger(query: LedgerExportQuery): Promise<ExportFile> {
  const { rows, filtersText, truncated } = ledgerRowsFor(query);
  return {
    buffer: await projectLedgerWorkbook(rows, { filtersText }),
    fileName: `重点项目台账-${today()}.xlsx`,
    rows: rows.length,
    truncated,
  };
}

/**
 * 导出 按市里格式: the same filtered, sorted ledger as exportLedger, laid out as the city's
 * 重点建设项目计划表 (domain/city-ledger-sheet.ts). Its 合计 row sums what the ledger's total row sums.
 */
export async function exportCityLedger(query: LedgerExportQuery): Promise<ExportFile> {
  const { rows, filtersText, truncated } = ledgerRowsFor(query);
  const year = currentYear();
  const day = today();
  const enterprises = enterpriseNames();
  const yearReported = yearReportedInvestmentByProject(year);
  const buffer = await cityLedgerWorkbook(rows, {
    year,
    date: day,
    filtersText,
    names: projectRowNames(),
    enterpriseName: (id) => enterprises.get(id),
    completedThisYear: (id) => yearReported.get(id) ?? 0,
  });
  return { buffer, fileName: `${year}年吉林市重点建设项目计划表-${day}.xlsx`, rows: rows.length, truncated };
}

export async function exportLeads({
  filters,
  sort,
  dir,
}: {
  filters: LeadFilters;
  sort: LeadSort;
  dir: 'asc' | 'desc';
}): Promise<ExportFile> {
  const day = today();
  const rows = listLeads({ filters, sort, dir, page: 1, pageSize: EXPORT_LIMIT, day });
  const names = referenceNames();
  const campaigns = new Map(listCampaignOptions().map((c) => [c.id, c.name]));
  const usualDays = getSetting('leadStageUsualDays');
  const staleDays = getSetting('leadFollowupStaleDays');
  const links = new Map(chainLinkRefs().map((link) => [link.id, link]));
  const creditCodes = enterpriseCreditCodes(rows.map((lead) => lead.enterpriseId));
  const filtersText = join([
    filters.stage && `阶段：${LEAD_STAGE_LABELS[filters.stage]}`,
    filters.ownerId && `负责人：${names.users.get(filters.ownerId) ?? `#${filters.ownerId}`}`,
    filters.team && `团队：${filters.team}`,
    filters.campaignId && `招商活动：${campaigns.get(filters.campaignId) ?? `#${filters.campaignId}`}`,
    filters.source && `来源：${filters.source}`,
    filters.industryId && `产业：${names.industries.get(filters.industryId) ?? `#${filters.industryId}`}`,
    filters.origin && `来源地：${filters.origin}`,
    filters.overdue !== undefined && `跟进逾期：${yesNo(filters.overdue)}`,
    filters.q && `关键词：${filters.q}`,
  ]);
  const buffer = await writeSheet({
    title: '招商线索',
    filtersText: join([
      filtersText || '全部线索',
      `排序：${LEAD_SORT_LABELS[sort]}${dirLabel(dir)}`,
      limitNote(rows.length),
    ]),
    sheetName: '招商线索',
    date: day,
    // 编号, then the importer's own columns (lib/excel/lead-columns.ts), so the file imports back unchanged.
    columns: [
      { header: '编号', key: 'id', type: 'int', width: 8 },
      ...LEAD_COLUMNS.map(({ header, key, width, type }) => ({ header, key, width, type })),
    ],
    rows: rows.map((lead) => {
      const light = leadLight(lead, day, usualDays, staleDays);
      const link = lead.chainLinkId == null ? undefined : links.get(lead.chainLinkId);
      const foreign = lead.currency !== 'CNY';
      return {
        id: lead.id,
        company: lead.company,
        creditCode: lead.enterpriseId == null ? null : (creditCodes.get(lead.enterpriseId) ?? null),
        origin: lead.origin,
        contactName: lead.contactName,
        contactTitle: lead.contactTitle,
        contactPhone: lead.contactPhone,
        contactEmail: lead.contactEmail,
        industryId: lead.industryName,
        chainLinkId: link ? chainLinkLabel(link) : null,
        intendedInvestment: lead.intendedInvestment,
        currency: CURRENCY_LABELS[lead.currency],
        amountOriginal: foreign ? lead.amountOriginal : null,
        exchangeRate: foreign ? lead.exchangeRate : null,
        rateDate: foreign ? lead.rateDate : null,
        proposedProject: lead.proposedProject,
        locationUnitId: lead.locationUnitName,
        campaignId: lead.campaignName,
        source: lead.source,
        ownerId: lead.ownerName,
        team: lead.team,
        stage: LEAD_STAGE_LABELS[lead.stage],
        nextFollowUpDate: lead.nextFollowUpDate,
        light: LIGHT_LABELS[light.light],
        lightReasons: light.reasons.join('；'),
        updatedAt: dateOfTimestamp(lead.updatedAt),
      } satisfies Record<(typeof LEAD_COLUMNS)[number]['key'] | 'id', unknown>;
    }),
  });
  return { buffer, fileName: `招商线索-${day}.xlsx`, rows: rows.length, truncated: rows.length >= EXPORT_LIMIT };
}

export const PROBLEM_SORT_LABELS: Record<ProblemSort, string> = {
  oldest: '挂账最久在前',
  newest: '最新提出在前',
  deadline: '时限最近在前',
};

/** The problem list's query as /problems builds it: the 协调会 view adds its levels and open status. */
export function problemPageFilters(
  filters: Omit<ProblemListFilters, 'levels' | 'projectId'>,
  meetingView: boolean,
): ProblemListFilters {
  return {
    ...filters,
    levels: meetingView && !filters.level ? levelsFrom('city_meeting') : undefined,
    status: filters.status ?? (meetingView ? 'open' : undefined),
  };
}

export async function exportProblems({
  filters,
  meetingView,
  sort,
}: {
  filters: Omit<ProblemListFilters, 'levels' | 'projectId'>;
  meetingView: boolean;
  sort: ProblemSort;
}): Promise<ExportFile> {
  const day = today();
  const { items } = listProblems({
    filters: problemPageFilters(filters, meetingView),
    day,
    sort,
    page: 1,
    pageSize: EXPORT_LIMIT,
  });
  const names = referenceNames();
  const filtersText = join([
    meetingView && '视图：市级协调会及以上',
    filters.level && `层级：${PROBLEM_LEVEL_LABELS[filters.level]}`,
    filters.type && `类型：${PROBLEM_TYPE_LABELS[filters.type]}`,
    filters.unitId && `责任单位：${names.units.get(filters.unitId) ?? `#${filters.unitId}`}`,
    filters.status && `状态：${PROBLEM_STATUS_LABELS[filters.status]}`,
    filters.overdue !== undefined && `是否超期：${filters.overdue ? '已超期' : '未超期'}`,
  ]);
  const buffer = await writeSheet({
    title: '问题清单',
    filtersText: join([filtersText || '全部问题', `排序：${PROBLEM_SORT_LABELS[sort]}`, limitNote(items.length)]),
    sheetName: '问题清单',
    date: day,
    columns: [
      { header: '编号', key: 'id', type: 'int', width: 8 },
      { header: '问题', key: 'description', width: 40 },
      { header: '项目', key: 'project', width: 30 },
      { header: '类型', key: 'type', width: 10 },
      { header: '层级', key: 'level', width: 12 },
      { header: '责任单位', key: 'unit', width: 16 },
      { header: '提出日期', key: 'raisedOn', type: 'date' },
      { header: '解决时限', key: 'deadline', type: 'date' },
      { header: '是否超期', key: 'overdue', width: 10 },
      { header: '挂账天数', key: 'days', type: 'int' },
      { header: '状态', key: 'status', width: 10 },
      { header: '销号说明', key: 'resolution', width: 40 },
    ],
    rows: items.map((p) => ({
      id: p.id,
      description: p.description,
      project: p.projectName,
      type: PROBLEM_TYPE_LABELS[p.type],
      level: PROBLEM_LEVEL_LABELS[p.level],
      unit: p.unitName,
      raisedOn: dateOfTimestamp(p.createdAt),
      deadline: p.deadline,
      overdue: yesNo(p.overdue),
      days: daysBetween(dateOfTimestamp(p.createdAt), p.closedAt ? dateOfTimestamp(p.closedAt) : day),
      status: PROBLEM_STATUS_LABELS[p.status],
      resolution: p.resolution,
    })),
  });
  return { buffer, fileName: `问题清单-${day}.xlsx`, rows: items.length, truncated: items.length >= EXPORT_LIMIT };
}

/** The caller's own alerts, as /alerts lists them; only leaders and admins may narrow to a unit. */
export async function exportAlerts({ actor, unitId }: { actor: Actor; unitId?: number }): Promise<ExportFile> {
  const day = today();
  const seeAll = actor.role === 'leader' || actor.role === 'admin';
  const scopeUnit = seeAll ? unitId : undefined;
  const alerts = listAlerts({ actor, unitId: scopeUnit }).slice(0, EXPORT_LIMIT);
  const names = referenceNames();
  const scope = seeAll
    ? scopeUnit
      ? `单位：${names.units.get(scopeUnit) ?? `#${scopeUnit}`}`
      : '全市'
    : `本人可见范围（${names.users.get(actor.id) ?? ''}）`;
  const buffer = await writeSheet({
    title: '预警',
    filtersText: join([scope, limitNote(alerts.length)]),
    sheetName: '预警',
    date: day,
    columns: [
      { header: '级别', key: 'severity', width: 8 },
      { header: '类别', key: 'kind', width: 14 },
      { header: '预警内容', key: 'message', width: 50 },
      { header: '项目/线索', key: 'subject', width: 30 },
      { header: '单位', key: 'unit', width: 14 },
      { header: '时限', key: 'dueDate', type: 'date' },
      { header: '逾期天数', key: 'daysLate', type: 'int' },
    ],
    rows: alerts.map((alert) => ({
      severity: alert.severity === 'red' ? '红色' : '黄色',
      kind: ALERT_KIND_LABELS[alert.kind],
      message: alert.message,
      subject: alert.subject,
      unit: alert.unitName,
      dueDate: alert.dueDate,
      daysLate: alert.daysLate !== null && alert.daysLate > 0 ? alert.daysLate : null,
    })),
  });
  return { buffer, fileName: `预警-${day}.xlsx`, rows: alerts.length, truncated: alerts.length >= EXPORT_LIMIT };
}

/** The dashboard's 考核排名 for the period: group by group, each in the dashboard's order. */
export function rankingFor(period: Period, day = today()) {
  const range = periodRange(period);
  const groups = groupRankings(range, day);
  return {
    range,
    ranked: groups.flatMap(({ group, ranked }) => ranked.map((unit) => ({ ...unit, group }))),
  };
}

const fraction = (percent: number | null) => (percent === null ? null : Math.round(percent * 10) / 1000);

export async function exportRankings(period: Period): Promise<ExportFile> {
  const day = today();
  const { range, ranked } = rankingFor(period, day);
  const weights = weightsText(getSetting('rankingWeights'));
  const buffer = await writeSheet({
    title: '考核排名',
    filtersText: `考核期间：${range.label}（${range.from} 至 ${range.to}）；各单位在本组内排名，综合得分为组内名次的加权平均（权重：${weights}），越小越好`,
    sheetName: '考核排名',
    date: day,
    columns: [
      { header: '考核分组', key: 'groupLabel', width: 12 },
      { header: '名次', key: 'position', type: 'int', width: 8 },
      { header: '单位', key: 'unitName', width: 18 },
      { header: '开工率', key: 'startRate', type: 'percent', width: 10 },
      { header: '已开工（个）', key: 'started', type: 'int', width: 12 },
      { header: '应开工（个）', key: 'startBase', type: 'int', width: 12 },
      { header: '投资完成率', key: 'investmentRate', type: 'percent', width: 12 },
      { header: '完成投资（万元）', key: 'completedInvestment', type: 'money', width: 16 },
      { header: '计划投资（万元）', key: 'planInvestment', type: 'money', width: 16 },
      { header: '按期竣工率', key: 'onTimeRate', type: 'percent', width: 12 },
      { header: '红灯数', key: 'red', type: 'int', width: 8 },
      { header: '序时进度', key: 'scheduleRate', type: 'percent', width: 10 },
      { header: '未销号问题', key: 'openProblems', type: 'int', width: 12 },
      { header: '逾期问题', key: 'overdueProblems', type: 'int', width: 10 },
      { header: '综合得分', key: 'score', width: 10 },
    ],
    rows: ranked.map((unit) => ({
      ...unit,
      groupLabel: RANKING_GROUP_LABELS[unit.group],
      startRate: fraction(unit.startRate),
      investmentRate: fraction(unit.investmentRate),
      onTimeRate: fraction(unit.onTimeRate),
      scheduleRate: fraction(unit.scheduleRate),
    })),
  });
  return { buffer, fileName: `考核排名-${range.label}.xlsx`, rows: ranked.length, truncated: false };
}
