import 'server-only';
import { alias } from 'drizzle-orm/sqlite-core';
import { asc, desc, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getDb } from '../index';
import {
  approvalItems,
  auditLog,
  industries,
  monthlyReports,
  projects,
  projectStagePlans,
  reportCorrections,
  reportPhotos,
  stageHistory,
  tasks,
  units,
  users,
  type ReportCorrection,
  type ReportFigures,
} from '../schema';
import type { ProjectFilters } from '@/lib/schemas/filters';
import type { LedgerSort } from '@/lib/schemas/ledger';
import { projectExtraColumns, inShuangshiSql } from './project-extras';
import { projectWhere } from './project-filters';
import { currentYear } from '@/lib/rules/dates';

// Reads of the project pool: the ledger, the project page and its lists.

const leader = alias(users, 'leader');
const owner = alias(users, 'owner');

/** The names a ledger row and the project page show: unit (inner-joined), industry, leader, owner. */
const projectNameColumns = {
  unitName: units.name,
  industryName: industries.name,
  leaderName: leader.name,
  ownerName: owner.name,
};

const stageOrder = sql`case ${projects.stage} when 'reserve' then 1 when 'signed' then 2 when 'approvals' then 3 when 'construction' then 4 when 'completed' then 5 else 6 end`;
const lightOrder = sql`case ${projects.light} when 'red' then 1 when 'yellow' then 2 when 'green' then 3 else 4 end`;

const SORT_COLUMNS: Record<LedgerSort, SQL | AnyColumn> = {
  code: sql`coalesce(${projects.code}, '~')`,
  name: projects.name,
  category: projects.category,
  unit: units.sortOrder,
  industry: sql`coalesce(${industries.sortOrder}, 999999)`,
  stage: stageOrder,
  // More days in stage means an earlier entry, so "days ascending" is "entered descending" (see
  // ledgerOrder); the bare column lets SQLite read an index on stage_entered_at.
  days: projects.stageEnteredAt,
  leader: sql`coalesce(${leader.name}, '~')`,
  owner: sql`coalesce(${owner.name}, '~')`,
  total: projects.totalInvestment,
  planned: projects.plannedInvestmentThisYear,
  completed: projects.completedInvestment,
  light: lightOrder,
};

export interface ListProjectsOptions {
  filters: ProjectFilters;
  sort?: LedgerSort;
  dir?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** The joins a sort needs to order by: only the unit, industry, leader and owner sorts read another table. */
const SORT_JOINS: Partial<Record<LedgerSort, 'unit' | 'industry' | 'leader' | 'owner'>> = {
  unit: 'unit',
  industry: 'industry',
  leader: 'leader',
  owner: 'owner',
};

/**
 * One page of the ledger with the names it shows; the count and sums come from sumProjects. Ids
 * first: the page's 50 ids come from projects alone (joined only to what the sort orders by), so the
 * default and money sorts read an index range; then the names are joined for those 50 rows only.
 */
export function listLedgerRows({ filters, sort = 'light', dir = 'asc', page, pageSize }: ListProjectsOptions) {
  const db = getDb();
  const ids = db.select({ id: projects.id }).from(projects).$dynamic();
  const join = SORT_JOINS[sort];
  if (join === 'unit') ids.innerJoin(units, eq(units.id, projects.unitId));
  if (join === 'industry') ids.leftJoin(industries, eq(industries.id, projects.industryId));
  if (join === 'leader') ids.leftJoin(leader, eq(leader.id, projects.leaderId));
  if (join === 'owner') ids.leftJoin(owner, eq(owner.id, projects.ownerId));
  const pageIds = ids
    .where(projectWhere(filters))
    .orderBy(...ledgerOrder(sort, dir))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
    .map((row) => row.id);
  if (pageIds.length === 0) return [];
  const rows = db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      category: projects.category,
      shuangshi: inShuangshiSql(currentYear()),
      stage: projects.stage,
      status: projects.status,
      stageEnteredAt: projects.stageEnteredAt,
      totalInvestment: projects.totalInvestment,
      plannedInvestmentThisYear: projects.plannedInvestmentThisYear,
      completedInvestment: projects.completedInvestment,
      light: projects.light,
      lightReasons: projects.lightReasons,
      approvalsOverridden: projects.approvalsOverridden,
      ...projectNameColumns,
    })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(industries, eq(industries.id, projects.industryId))
    .leftJoin(leader, eq(leader.id, projects.leaderId))
    .leftJoin(owner, eq(owner.id, projects.ownerId))
    .where(inArray(projects.id, pageIds))
    .all();
  const position = new Map(pageIds.map((id, i) => [id, i]));
  return rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}
export type LedgerRow = ReturnType<typeof listLedgerRows>[number];

function ledgerOrder(sort: LedgerSort, dir: 'asc' | 'desc') {
  const order = SORT_COLUMNS[sort];
  const columnDir = sort === 'days' ? (dir === 'asc' ? 'desc' : 'asc') : dir;
  return [columnDir === 'desc' ? desc(order) : asc(order), dir === 'desc' ? desc(projects.id) : asc(projects.id)];
}

/** The whole filtered ledger as full project rows, in the ledger's order: the 导出 Excel of /projects. */
export function listLedgerProjects({
  filters,
  sort = 'light',
  dir = 'asc',
  limit,
}: {
  filters: ProjectFilters;
  sort?: LedgerSort;
  dir?: 'asc' | 'desc';
  limit: number;
}) {
  return getDb()
    .select({ project: projects, extras: projectExtraColumns(currentYear()) })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(industries, eq(industries.id, projects.industryId))
    .leftJoin(leader, eq(leader.id, projects.leaderId))
    .leftJoin(owner, eq(owner.id, projects.ownerId))
    .where(projectWhere(filters))
    .orderBy(...ledgerOrder(sort, dir))
    .limit(limit)
    .all()
    .map((row) => ({ ...row.project, ...row.extras }));
}

/** The API's list: full project rows, newest first. */
export function listProjectRows({
  filters,
  page,
  pageSize,
}: {
  filters: ProjectFilters;
  page: number;
  pageSize: number;
}) {
  return getDb()
    .select()
    .from(projects)
    .where(projectWhere(filters))
    .orderBy(desc(projects.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
}

/** A project with the names of its unit, industry, leader and owner. */
export function getProjectView(projectId: number) {
  const row = getDb()
    .select({
      project: projects,
      extras: projectExtraColumns(currentYear()),
      ...projectNameColumns,
    })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(industries, eq(industries.id, projects.industryId))
    .leftJoin(leader, eq(leader.id, projects.leaderId))
    .leftJoin(owner, eq(owner.id, projects.ownerId))
    .where(eq(projects.id, projectId))
    .get();
  if (!row) return null;
  const { project, extras, ...names } = row;
  return { project: { ...project, ...extras }, ...names };
}
export type ProjectView = NonNullable<ReturnType<typeof getProjectView>>;

export function listStagePlans(projectId: number) {
  return getDb()
    .select({ stage: projectStagePlans.stage, dueDate: projectStagePlans.dueDate })
    .from(projectStagePlans)
    .where(eq(projectStagePlans.projectId, projectId))
    .all();
}

export function listApprovals(projectId: number) {
  return getDb()
    .select()
    .from(approvalItems)
    .where(eq(approvalItems.projectId, projectId))
    .orderBy(asc(approvalItems.sortOrder))
    .all();
}

export function listProjectTasks(projectId: number) {
  return getDb()
    .select({ task: tasks, ownerName: users.name })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.ownerId))
    .where(eq(tasks.projectId, projectId))
    .orderBy(asc(tasks.state), asc(tasks.dueDate), asc(tasks.id))
    .all();
}

/** Reports newest first, with their photos and who filed them. */
export function listProjectReports(projectId: number) {
  const db = getDb();
  const rows = db
    .select({ report: monthlyReports, createdByName: users.name })
    .from(monthlyReports)
    .leftJoin(users, eq(users.id, monthlyReports.createdBy))
    .where(eq(monthlyReports.projectId, projectId))
    .orderBy(desc(monthlyReports.month))
    .all();
  const ids = rows.map((row) => row.report.id);
  const photos = ids.length
    ? db
        .select({ id: reportPhotos.id, reportId: reportPhotos.reportId })
        .from(reportPhotos)
        .where(inArray(reportPhotos.reportId, ids))
        .orderBy(asc(reportPhotos.id))
        .all()
    : [];
  const corrections = listReportCorrections(ids);
  return rows.map((row) => ({
    ...row,
    photoIds: photos.filter((photo) => photo.reportId === row.report.id).map((photo) => photo.id),
    corrections: corrections.filter((correction) => correction.reportId === row.report.id),
  }));
}

export interface ReportCorrectionDto {
  id: number;
  reportId: number;
  at: string;
  byUserId: number | null;
  byName: string | null;
  reason: string | null;
  before: ReportFigures;
  after: ReportFigures;
}

const toCorrectionDto = (row: ReportCorrection, byName: string | null): ReportCorrectionDto => ({
  id: row.id,
  reportId: row.reportId,
  at: row.at,
  byUserId: row.byUserId,
  byName,
  reason: row.reason,
  before: row.before,
  after: row.after,
});

/** Corrections of the given reports, oldest first, with the corrector's name. */
export function listReportCorrections(reportIds: number[]): ReportCorrectionDto[] {
  if (reportIds.length === 0) return [];
  return getDb()
    .select({ row: reportCorrections, byName: users.name })
    .from(reportCorrections)
    .leftJoin(users, eq(users.id, reportCorrections.byUserId))
    .where(inArray(reportCorrections.reportId, reportIds))
    .orderBy(asc(reportCorrections.at), asc(reportCorrections.id))
    .all()
    .map(({ row, byName }) => toCorrectionDto(row, byName));
}

/** Stage moves, oldest first, with the mover's name. */
export function listStageHistory(projectId: number) {
  return getDb()
    .select({ row: stageHistory, byName: users.name })
    .from(stageHistory)
    .leftJoin(users, eq(users.id, stageHistory.byUserId))
    .where(eq(stageHistory.projectId, projectId))
    .orderBy(asc(stageHistory.at), asc(stageHistory.id))
    .all();
}

/** The project's audit rows, newest first. */
export function listProjectAudit(projectId: number, limit = 300) {
  return getDb()
    .select({ row: auditLog, byName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(eq(auditLog.projectId, projectId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .all();
}

/** Names of users, units and industries by id, for rendering audit rows (small tables). */
export function referenceNames() {
  const db = getDb();
  return {
    users: new Map(
      db
        .select({ id: users.id, name: users.name })
        .from(users)
        .all()
        .map((row) => [row.id, row.name]),
    ),
    units: new Map(
      db
        .select({ id: units.id, name: units.name })
        .from(units)
        .all()
        .map((row) => [row.id, row.name]),
    ),
    industries: new Map(
      db
        .select({ id: industries.id, name: industries.name })
        .from(industries)
        .all()
        .map((row) => [row.id, row.name]),
    ),
  };
}
export type ReferenceNames = ReturnType<typeof referenceNames>;
