import 'server-only';
import { writeWorkbook, type SheetColumn, type SheetSpec } from '@/lib/excel/writer';
import { RANKING_GROUP_LABELS, weightsText } from '@/lib/rules/stats';
import {
  CATEGORY_LABELS,
  PROBLEM_LEVEL_LABELS,
  PROBLEM_STATUS_LABELS,
  PROBLEM_TYPE_LABELS,
  STAGE_LABELS,
  SUPERVISION_STATUS_LABELS,
} from '@/lib/rules/enums';
import { headlineFigures, monthLabel, redSourceText, REPORT_TITLE, type MonthlyReport } from './monthly-report';
import { projectRowNames } from './project-sheets';
import type { ProblemDto } from './problems';

// The 月度调度通报 as one workbook, a sheet per section of the printed page, from the same data.

/** Rates are kept as percentages (45.3); a sheet's percent cells hold the fraction. */
const fraction = (percent: number | null) => (percent === null ? null : Math.round(percent * 10) / 1000);

export const HEADLINE_COLUMNS: SheetColumn[] = [
  { header: '本月开工项目（个）', key: 'startedThisMonth', type: 'int', width: 14 },
  { header: '年度累计开工（个）', key: 'startedYearToDate', type: 'int', width: 14 },
  { header: '年度开工目标（个）', key: 'startedTarget', type: 'int', width: 14 },
  { header: '开工目标完成率', key: 'startedRate', type: 'percent', width: 14 },
  { header: '本月完成投资（万元）', key: 'investmentThisMonth', type: 'money', width: 18 },
  { header: '年度累计完成投资（万元）', key: 'investmentYearToDate', type: 'money', width: 20 },
  { header: '年度投资目标（万元）', key: 'investmentTarget', type: 'money', width: 18 },
  { header: '投资目标完成率', key: 'investmentRate', type: 'percent', width: 14 },
  { header: '本月竣工项目（个）', key: 'completed', type: 'int', width: 14 },
  { header: '本月投产项目（个）', key: 'operating', type: 'int', width: 14 },
  { header: '红灯项目（个）', key: 'red', type: 'int', width: 12 },
  { header: '缺报月报项目（个）', key: 'missing', type: 'int', width: 14 },
];

const projectColumns: SheetColumn[] = [
  { header: '项目代码', key: 'code', width: 28 },
  { header: '项目名称', key: 'name', width: 36 },
  { header: '项目类别', key: 'category', width: 12 },
  { header: '责任单位', key: 'unit', width: 16 },
  { header: '当前阶段', key: 'stage', width: 12 },
  { header: '总投资（万元）', key: 'totalInvestment', type: 'money' },
  { header: '年度计划投资（万元）', key: 'plannedInvestmentThisYear', type: 'money', width: 20 },
  { header: '累计完成投资（万元）', key: 'completedInvestment', type: 'money', width: 20 },
];

const problemColumns = (closed: boolean): SheetColumn[] => [
  { header: '问题', key: 'description', width: 40 },
  { header: '项目', key: 'project', width: 30 },
  { header: '类型', key: 'type', width: 10 },
  { header: '层级', key: 'level', width: 12 },
  { header: '责任单位', key: 'unit', width: 16 },
  { header: '解决时限', key: 'deadline', type: 'date' },
  { header: '状态', key: 'status', width: 10 },
  ...(closed ? [{ header: '销号说明', key: 'resolution', width: 40 }] : []),
];

export function monthlyReportSheets(report: MonthlyReport): SheetSpec[] {
  const names = projectRowNames();
  const label = monthLabel(report.month);
  const sheet = (
    sheetName: string,
    columns: SheetColumn[],
    rows: Array<Record<string, unknown>>,
    note?: string,
  ): SheetSpec => ({
    title: `${REPORT_TITLE}（${label}）· ${sheetName}`,
    filtersText: [`月份：${label}`, `范围：${report.scopeLabel}`, note].filter(Boolean).join('；'),
    sheetName,
    columns,
    rows,
    date: report.generatedOn,
  });
  const projectRows = (list: MonthlyReport['started']) =>
    list.map((p) => ({
      code: p.code,
      name: p.name,
      category: CATEGORY_LABELS[p.category],
      unit: names.unitName(p.unitId),
      stage: STAGE_LABELS[p.stage],
      totalInvestment: p.totalInvestment,
      plannedInvestmentThisYear: p.plannedInvestmentThisYear,
      completedInvestment: p.completedInvestment,
    }));
  const problemRows = (list: ProblemDto[]) =>
    list.map((p) => ({
      description: p.description,
      project: p.projectName,
      type: PROBLEM_TYPE_LABELS[p.type],
      level: PROBLEM_LEVEL_LABELS[p.level],
      unit: p.unitName,
      deadline: p.deadline,
      status: PROBLEM_STATUS_LABELS[p.status],
      resolution: p.resolution,
    }));
  const headline = headlineFigures(report);

  return [
    sheet(
      '概况',
      HEADLINE_COLUMNS,
      [{ ...headline, startedRate: fraction(headline.startedRate), investmentRate: fraction(headline.investmentRate) }],
      '完成率为年度累计对年度目标',
    ),
    sheet('本月开工', projectColumns, projectRows(report.started)),
    sheet('本月竣工', projectColumns, projectRows(report.completed)),
    sheet('本月投产', projectColumns, projectRows(report.operating)),
    sheet(
      '分单位完成投资',
      [
        { header: '单位', key: 'unit', width: 18 },
        { header: '本月完成投资（万元）', key: 'investmentThisMonth', type: 'money', width: 20 },
        { header: '年度累计完成投资（万元）', key: 'investmentYearToDate', type: 'money', width: 22 },
        { header: '本月开工（个）', key: 'started', type: 'int', width: 14 },
        { header: '红灯项目（个）', key: 'red', type: 'int', width: 14 },
      ],
      [
        ...report.byUnit.map((row) => ({ ...row, unit: row.unitName })),
        {
          unit: '合计',
          investmentThisMonth: report.investmentThisMonth,
          investmentYearToDate: report.investmentYearToDate,
          started: report.started.length,
          red: report.redSource.kind === 'none' ? null : report.byUnit.reduce((sum, row) => sum + (row.red ?? 0), 0),
        },
      ],
      `红灯项目：${redSourceText(report.redSource, report.month)}`,
    ),
    sheet(
      '红灯项目',
      [
        { header: '项目名称', key: 'name', width: 36 },
        { header: '责任单位', key: 'unit', width: 16 },
        { header: '红灯原因', key: 'reasons', width: 70 },
      ],
      report.red.map((row) => ({ name: row.name, unit: row.unitName, reasons: row.reasons.join('；') })),
      redSourceText(report.redSource, report.month),
    ),
    sheet(
      '上报市级问题',
      problemColumns(false),
      problemRows(report.problemsEscalated),
      '本月上报至市级协调会或市主要领导',
    ),
    sheet('本月销号问题', problemColumns(true), problemRows(report.problemsClosed)),
    sheet(
      '未办结督办',
      [
        { header: '督办事项', key: 'content', width: 40 },
        { header: '项目', key: 'project', width: 30 },
        { header: '办理时限', key: 'deadline', type: 'date' },
        { header: '当前状态', key: 'status', width: 10 },
        { header: '承办人', key: 'assignee', width: 12 },
        { header: '督办领导', key: 'issuer', width: 12 },
      ],
      report.openSupervisions.map((s) => ({
        content: s.content,
        project: s.projectName,
        deadline: s.deadline,
        status: SUPERVISION_STATUS_LABELS[s.status],
        assignee: s.assigneeName,
        issuer: s.issuerName,
      })),
      '月末尚未办结',
    ),
    sheet(
      '考核排名',
      [
        { header: '考核分组', key: 'groupLabel', width: 12 },
        { header: '名次', key: 'rank', type: 'int', width: 8 },
        { header: '单位', key: 'unit', width: 18 },
        { header: '开工率', key: 'startRate', type: 'percent', width: 12 },
        { header: '投资完成率', key: 'investmentRate', type: 'percent', width: 12 },
        { header: '按期竣工率', key: 'onTimeRate', type: 'percent', width: 12 },
        { header: '红灯数', key: 'redCount', type: 'int', width: 10 },
        { header: '序时进度', key: 'scheduleRate', type: 'percent', width: 10 },
        { header: '综合得分', key: 'score', width: 10 },
      ],
      report.ranking.map((row) => ({
        ...row,
        groupLabel: RANKING_GROUP_LABELS[row.group],
        unit: row.unitName,
        startRate: fraction(row.startRate),
        investmentRate: fraction(row.investmentRate),
        onTimeRate: fraction(row.onTimeRate),
        scheduleRate: fraction(row.scheduleRate),
      })),
      `考核期间：${report.rankingPeriod.label}；各单位在本组内排名，综合得分为组内名次的加权平均（权重：${weightsText(report.rankingWeights)}），越小越好`,
    ),
    sheet(
      '缺报月报',
      [
        { header: '项目名称', key: 'name', width: 36 },
        { header: '责任单位', key: 'unit', width: 16 },
      ],
      report.missingReports.map((row) => ({ name: row.name, unit: row.unitName })),
    ),
    sheet(
      '本月调整记录',
      [
        { header: '日期', key: 'date', type: 'date' },
        { header: '项目名称', key: 'project', width: 30 },
        { header: '责任单位', key: 'unit', width: 16 },
        { header: '调整事项', key: 'field', width: 16 },
        { header: '调整前', key: 'from', width: 18 },
        { header: '调整后', key: 'to', width: 18 },
        { header: '调整原因', key: 'reason', width: 40 },
        { header: '调整人', key: 'by', width: 12 },
      ],
      report.adjustments.map((row) => ({
        date: row.date,
        project: row.projectName,
        unit: row.unitName,
        field: row.fieldLabel,
        from: row.fromText,
        to: row.toText,
        reason: row.reason,
        by: row.byName ?? '—',
      })),
      '本月经书面说明原因的调整（暂缓/终止、推迟计划时间、调减年度计划、调整双十名单），北京时间',
    ),
  ];
}

export function monthlyReportWorkbook(report: MonthlyReport): Promise<Buffer> {
  return writeWorkbook(monthlyReportSheets(report));
}

export function monthlyReportFileName(month: string, scope: MonthlyReport['scope'] = 'all'): string {
  return `月度调度通报-${scope === 'shuangshi' ? '双十项目-' : ''}${month}.xlsx`;
}
