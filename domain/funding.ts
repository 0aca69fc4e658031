import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { diff, writeAudit } from '@/db/audit';
import {
  findFunding,
  fundingBreakdown,
  fundingTotals,
  listFunding,
  listProjectFunding,
  type FundingSums,
} from '@/db/queries/funding';
import { referenceNames } from '@/db/queries/projects';
import { fundingApplications, type FundingApplication, type Project } from '@/db/schema';
import { AppError, type FieldErrors } from '@/lib/errors';
import { writeWorkbook } from '@/lib/excel/writer';
import { FUNDING_CHANNEL_LABELS, FUNDING_CHANNELS, FUNDING_STATUS_LABELS, FUNDING_STATUSES } from '@/lib/rules/enums';
import { nowIso, today } from '@/lib/rules/dates';
import { canEditFunding, type ActorContext } from '@/lib/rules/permissions';
import type { FundingCreateInput, FundingFilters, FundingListQuery, FundingPatchInput } from '@/lib/schemas/funding';
import { STATS_SCOPE_LABELS } from '@/lib/schemas/stats';
import { findProject } from './projects';

// 上争 funding applications (API.md "上争 funding applications"): each application of a project
// for 中央预算内投资, 专项债, 省级专项资金 or other funds, with applied, granted and received
// amounts (万元). The project's 申请资金/获批资金/申报状态 are sums of these (db/queries/project-extras.ts).
// Admins and the project's own officers write; leaders and everyone else read.

export interface FundingDto {
  id: number;
  projectId: number;
  channel: FundingApplication['channel'];
  batch: string | null;
  appliedAmount: number;
  grantedAmount: number | null;
  receivedAmount: number | null;
  appliedDate: string;
  grantedDate: string | null;
  status: FundingApplication['status'];
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const toFundingDto = (row: FundingApplication): FundingDto => ({
  id: row.id,
  projectId: row.projectId,
  channel: row.channel,
  batch: row.batch,
  appliedAmount: row.appliedAmount,
  grantedAmount: row.grantedAmount,
  receivedAmount: row.receivedAmount,
  appliedDate: row.appliedDate,
  grantedDate: row.grantedDate,
  status: row.status,
  note: row.note,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** The fields an application is judged on, after a PATCH is merged into the stored row. */
type FundingFields = Pick<
  FundingApplication,
  | 'channel'
  | 'batch'
  | 'appliedAmount'
  | 'grantedAmount'
  | 'receivedAmount'
  | 'appliedDate'
  | 'grantedDate'
  | 'status'
  | 'note'
>;

const FIRST_YEAR = 2000;

/**
 * applied ≥ granted ≥ received; granted and received amounts and the grant date only on a granted
 * application, which needs its granted amount; no date before 2000, the grant not before the
 * application and not in the future, the application at most a year ahead (planned 谋划 batches).
 */
export function fundingErrors(fields: FundingFields, day = today()): FieldErrors {
  const errors: FieldErrors = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  const granted = fields.status === 'granted';
  if (!granted) {
    const label = '仅在状态为“已获批”时填写';
    if (fields.grantedAmount !== null) add('grantedAmount', label);
    if (fields.receivedAmount !== null) add('receivedAmount', label);
    if (fields.grantedDate !== null) add('grantedDate', label);
  } else if (fields.grantedAmount === null) {
    add('grantedAmount', '已获批的申请须填写获批资金');
  }
  if (fields.grantedAmount !== null && fields.grantedAmount > fields.appliedAmount)
    add('grantedAmount', `获批资金不能超过申请资金（${fields.appliedAmount} 万元）`);
  if (fields.receivedAmount !== null && fields.grantedAmount !== null && fields.receivedAmount > fields.grantedAmount)
    add('receivedAmount', `到位资金不能超过获批资金（${fields.grantedAmount} 万元）`);
  if (fields.receivedAmount !== null && fields.grantedAmount === null && granted)
    add('receivedAmount', '请先填写获批资金');
  const lastApplied = `${Number(day.slice(0, 4)) + 1}-12-31`;
  if (fields.appliedDate < `${FIRST_YEAR}-01-01` || fields.appliedDate > lastApplied)
    add('appliedDate', `申报日期应在 ${FIRST_YEAR} 年至明年之间`);
  if (fields.grantedDate !== null) {
    if (fields.grantedDate < fields.appliedDate) add('grantedDate', '获批日期不能早于申报日期');
    else if (fields.grantedDate > day) add('grantedDate', '获批日期不能晚于今天');
  }
  return errors;
}

function assertValid(fields: FundingFields) {
  const errors = fundingErrors(fields);
  if (Object.keys(errors).length) throw new AppError('validation_failed', undefined, errors);
}

/** Loads the project for a 上争 write: 404 when missing, 403 unless admin or its own officer. */
function writableProject(executor: Executor, actor: ActorContext, projectId: number): Project {
  const project = findProject(executor, projectId);
  if (!canEditFunding(actor, project)) throw new AppError('forbidden', '只能由管理员或本单位项目专员维护上争申请');
  return project;
}

/** GET /api/v1/projects/:id/funding: the project's applications, oldest first. */
export function projectFunding(projectId: number, executor: Executor = getDb()): FundingDto[] {
  findProject(executor, projectId);
  return listProjectFunding(executor, projectId).map(toFundingDto);
}

/** POST /api/v1/projects/:id/funding. */
export function createFunding(actor: ActorContext, projectId: number, input: FundingCreateInput): FundingDto {
  return getDb().transaction((tx) => {
    writableProject(tx, actor, projectId);
    const fields: FundingFields = {
      channel: input.channel,
      batch: input.batch ?? null,
      appliedAmount: input.appliedAmount,
      grantedAmount: input.grantedAmount ?? null,
      receivedAmount: input.receivedAmount ?? null,
      appliedDate: input.appliedDate,
      grantedDate: input.grantedDate ?? null,
      status: input.status,
      note: input.note ?? null,
    };
    assertValid(fields);
    const at = nowIso();
    const row = tx
      .insert(fundingApplications)
      .values({ projectId, ...fields, createdBy: actor.id, createdAt: at, updatedAt: at })
      .returning()
      .get();
    writeAudit(tx, {
      userId: actor.id,
      action: 'create',
      entityType: 'funding_application',
      entityId: row.id,
      projectId,
      after: { ...fields },
      ip: actor.ip ?? null,
    });
    return toFundingDto(row);
  });
}

/** PATCH /api/v1/funding/:id with the version as read. */
export function updateFunding(actor: ActorContext, fundingId: number, input: FundingPatchInput): FundingDto {
  return getDb().transaction((tx) => {
    const current = findFunding(tx, fundingId);
    if (!current) throw new AppError('not_found', '上争申请不存在');
    writableProject(tx, actor, current.projectId);
    if (input.version !== current.version) throw new AppError('stale_version', '该上争申请已被他人修改，请刷新后再试');
    const { version: _version, ...patch } = input;
    const changes = Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    ) as Partial<FundingFields>;
    const merged: FundingFields = {
      channel: current.channel,
      batch: current.batch,
      appliedAmount: current.appliedAmount,
      grantedAmount: current.grantedAmount,
      receivedAmount: current.receivedAmount,
      appliedDate: current.appliedDate,
      grantedDate: current.grantedDate,
      status: current.status,
      note: current.note,
      ...changes,
    };
    assertValid(merged);
    const { before, after, changed } = diff(current as unknown as Record<string, unknown>, merged);
    if (!changed) return toFundingDto(current);
    const updated = tx
      .update(fundingApplications)
      .set({ ...merged, version: current.version + 1, updatedAt: nowIso() })
      .where(and(eq(fundingApplications.id, fundingId), eq(fundingApplications.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version', '该上争申请已被他人修改，请刷新后再试');
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'funding_application',
      entityId: fundingId,
      projectId: current.projectId,
      before,
      after,
      ip: actor.ip ?? null,
    });
    return toFundingDto(updated);
  });
}

/** GET /api/v1/funding: one page of the city-wide list, with the totals of the whole filtered list. */
export function fundingList(query: FundingListQuery) {
  const { page, pageSize, ...filters } = query;
  const { rows, total } = listFunding(filters, { page, pageSize });
  const sums = fundingTotals(filters);
  return {
    items: rows.map(({ application, projectName, unitId, unitName }) => ({
      ...toFundingDto(application),
      projectName,
      unitId,
      unitName,
    })),
    total,
    page,
    pageSize,
    totals: { applied: sums.applied, granted: sums.granted, received: sums.received },
  };
}

/** The filters as a sheet's title row reads them, e.g. "年度：2026；渠道：地方政府专项债券". */
export function fundingFiltersText(filters: FundingFilters, unitNames: Map<number, string>): string {
  return [
    filters.year && `年度：${filters.year}`,
    filters.scope && `范围：${STATS_SCOPE_LABELS[filters.scope]}`,
    filters.channel && `渠道：${FUNDING_CHANNEL_LABELS[filters.channel]}`,
    filters.unitId && `责任单位：${unitNames.get(filters.unitId) ?? `#${filters.unitId}`}`,
    filters.status && `状态：${FUNDING_STATUS_LABELS[filters.status]}`,
  ]
    .filter(Boolean)
    .join('；');
}

const EXPORT_LIMIT = 50_000;

/** 导出 Excel of /funding: every application the filters select, and the totals by channel, status and unit. */
export async function exportFunding(filters: FundingFilters) {
  const day = today();
  const { rows } = listFunding(filters, { page: 1, pageSize: EXPORT_LIMIT });
  const totals = fundingTotals(filters);
  const { byChannel, byStatus, byUnit } = fundingBreakdown(filters);
  const unitNames = referenceNames().units;
  const filtersText = [
    fundingFiltersText(filters, unitNames) || '全部上争申请',
    rows.length >= EXPORT_LIMIT && `仅导出前 ${EXPORT_LIMIT} 条`,
  ]
    .filter(Boolean)
    .join('；');
  const sumColumns = [
    { header: '申请数', key: 'applications', type: 'int' as const },
    { header: '申请资金', key: 'applied', type: 'money' as const },
    { header: '获批资金', key: 'granted', type: 'money' as const },
    { header: '到位资金', key: 'received', type: 'money' as const },
  ];
  const buffer = await writeWorkbook([
    {
      title: '上争资金申请',
      filtersText,
      sheetName: '上争申请',
      date: day,
      columns: [
        { header: '编号', key: 'id', type: 'int', width: 8 },
        { header: '项目', key: 'project', width: 34 },
        { header: '责任单位', key: 'unit', width: 16 },
        { header: '申报渠道', key: 'channel', width: 18 },
        { header: '批次', key: 'batch', width: 16 },
        { header: '申报日期', key: 'appliedDate', type: 'date' },
        { header: '状态', key: 'status', width: 10 },
        { header: '申请资金', key: 'appliedAmount', type: 'money' },
        { header: '获批资金', key: 'grantedAmount', type: 'money' },
        { header: '获批日期', key: 'grantedDate', type: 'date' },
        { header: '到位资金', key: 'receivedAmount', type: 'money' },
        { header: '备注', key: 'note', width: 30 },
      ],
      rows: [
        ...rows.map(({ application: a, projectName, unitName }) => ({
          id: a.id,
          project: projectName,
          unit: unitName,
          channel: FUNDING_CHANNEL_LABELS[a.channel],
          batch: a.batch,
          appliedDate: a.appliedDate,
          status: FUNDING_STATUS_LABELS[a.status],
          appliedAmount: a.appliedAmount,
          grantedAmount: a.grantedAmount,
          grantedDate: a.grantedDate,
          receivedAmount: a.receivedAmount,
          note: a.note,
        })),
        {
          project: `合计（${totals.applications} 个申请）`,
          appliedAmount: totals.applied,
          grantedAmount: totals.granted,
          receivedAmount: totals.received,
        },
      ],
    },
    {
      title: '上争资金汇总（按渠道）',
      filtersText,
      sheetName: '按渠道',
      date: day,
      columns: [{ header: '申报渠道', key: 'label', width: 20 }, ...sumColumns],
      rows: [
        ...FUNDING_CHANNELS.map((channel) => ({
          label: FUNDING_CHANNEL_LABELS[channel],
          ...zeroSums(byChannel.find((row) => row.channel === channel)),
        })),
        { label: '合计', ...totals },
      ],
    },
    {
      title: '上争资金汇总（按状态）',
      filtersText,
      sheetName: '按状态',
      date: day,
      columns: [{ header: '状态', key: 'label', width: 14 }, ...sumColumns],
      rows: [
        ...FUNDING_STATUSES.map((status) => ({
          label: FUNDING_STATUS_LABELS[status],
          ...zeroSums(byStatus.find((row) => row.status === status)),
        })),
        { label: '合计', ...totals },
      ],
    },
    {
      title: '上争资金汇总（按责任单位）',
      filtersText,
      sheetName: '按单位',
      date: day,
      columns: [{ header: '责任单位', key: 'label', width: 20 }, ...sumColumns],
      rows: [...byUnit.map((row) => ({ ...row, label: row.unitName })), { label: '合计', ...totals }],
    },
  ]);
  return { buffer, fileName: `上争资金申请_${day}.xlsx`, rows: rows.length };
}

const zeroSums = (row: FundingSums | undefined): FundingSums =>
  row
    ? { applications: row.applications, applied: row.applied, granted: row.granted, received: row.received }
    : { applications: 0, applied: 0, granted: 0, received: 0 };
