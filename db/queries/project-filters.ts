import 'server-only';
import { and, eq, gte, inArray, like, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getDb } from '../index';
import { leads, monthlyReports, packageProjects, packages, projects, stageHistory } from '../schema';
import { outerProjectId } from './project-extras';
import { addDaysIso, beijingDayStart, currentYear, today } from '@/lib/rules/dates';
import { STAGES } from '@/lib/rules/enums';
import type { DrillFilters } from '@/lib/schemas/ledger';
import type { LeadFilters, ProjectFilters } from '@/lib/schemas/filters';

// The SQL behind the shared filters. The ledger, the board, the dashboard drill-downs, the API and
// the exports all build their WHERE clause here, so their counts and sums agree.

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** In a year's 双十 list, in a WHERE clause (qualified, whatever the query's tables). */
const inPackageListSql = (year: number) =>
  sql`${projects.id} in (select ${packageProjects.projectId} from ${packageProjects} where ${packageProjects.year} = ${year})`;

export function projectWhere(filters: ProjectFilters): SQL | undefined {
  const q = filters.q?.trim();
  const thisYear = currentYear();
  return and(
    filters.category ? eq(projects.category, filters.category) : undefined,
    filters.scope === 'shuangshi' ? inPackageListSql(thisYear) : undefined,
    filters.shuangshi === true
      ? inPackageListSql(thisYear)
      : filters.shuangshi === false
        ? sql`not (${inPackageListSql(thisYear)})`
        : undefined,
    filters.stage ? eq(projects.stage, filters.stage) : undefined,
    filters.status ? eq(projects.status, filters.status) : undefined,
    filters.unitId ? eq(projects.unitId, filters.unitId) : undefined,
    filters.industryId ? eq(projects.industryId, filters.industryId) : undefined,
    filters.light ? eq(projects.light, filters.light) : undefined,
    filters.leaderId ? eq(projects.leaderId, filters.leaderId) : undefined,
    filters.ownerId ? eq(projects.ownerId, filters.ownerId) : undefined,
    filters.overridden === true
      ? eq(projects.approvalsOverridden, true)
      : filters.overridden === false
        ? eq(projects.approvalsOverridden, false)
        : undefined,
    q
      ? or(
          sql`${projects.name} like ${`%${escapeLike(q)}%`} escape '\\'`,
          sql`${projects.code} like ${`%${escapeLike(q)}%`} escape '\\'`,
        )
      : undefined,
    ...drillConditions(filters),
  );
}

/**
 * The Beijing calendar date of a stored UTC timestamp (stage_history.at is ISO-8601 UTC, e.g.
 * 2026-12-31T17:00:00.000Z is 2027-01-01 in Jilin). Every "entered during" figure dates moves so.
 */
export const beijingDate = (column: AnyColumn | SQL) => sql<string>`date(${column}, '+8 hours')`;

/**
 * A move into `stage` dated (Beijing date) in [from, to], either end open, optionally judged against
 * the planned finish of the stage left. Written as `id in (moves)` so SQLite reads the moves once
 * through stage_history_to_at_idx; the UTC bounds narrow the index range and the Beijing date decides.
 */
export function enteredStageSql({ enteredStage, enteredFrom, enteredTo, timeliness }: DrillFilters): SQL | undefined {
  if (!enteredStage) return undefined;
  const day = beijingDate(stageHistory.at);
  const due = stageHistory.fromStageDueDate;
  const judged =
    timeliness === 'on_time'
      ? sql`and ${due} is not null and ${due} >= ${day}`
      : timeliness === 'late'
        ? sql`and ${due} is not null and ${due} < ${day}`
        : timeliness === 'with_due'
          ? sql`and ${due} is not null`
          : sql``;
  const from = enteredFrom
    ? sql`and ${stageHistory.at} >= ${beijingDayStart(enteredFrom)} and ${day} >= ${enteredFrom}`
    : sql``;
  const to = enteredTo
    ? sql`and ${stageHistory.at} < ${beijingDayStart(addDaysIso(enteredTo, 1))} and ${day} <= ${enteredTo}`
    : sql``;
  return sql`${projects.id} in (select ${stageHistory.projectId} from ${stageHistory} where ${stageHistory.toStage} = ${enteredStage} ${from} ${to} ${judged})`;
}

function drillConditions(filters: DrillFilters): Array<SQL | undefined> {
  const year = filters.reportYear;
  // 已申报: an application past 谋划 (submitted, granted or refused).
  const filed = sql`exists (select 1 from funding_applications fa where fa.project_id = ${outerProjectId} and fa.status != 'preparing')`;
  return [
    enteredStageSql(filters),
    filters.minStage ? inArray(projects.stage, STAGES.slice(STAGES.indexOf(filters.minStage))) : undefined,
    filters.minInvestment !== undefined ? gte(projects.totalInvestment, filters.minInvestment) : undefined,
    year
      ? sql`${projects.id} in (select ${monthlyReports.projectId} from ${monthlyReports} where ${monthlyReports.month} between ${`${year}-01`} and ${`${year}-12`})`
      : undefined,
    filters.applicationFiled === true ? filed : filters.applicationFiled === false ? sql`not ${filed}` : undefined,
    filters.packageYear ? inPackageListSql(filters.packageYear) : undefined,
    filters.packageId
      ? sql`${projects.id} in (select ${packageProjects.projectId} from ${packageProjects} where ${packageProjects.packageId} = ${filters.packageId})`
      : undefined,
  ];
}

/** A package's name, for the chip and the export title of a packageId filter. */
export function packageNameById(packageId: number): string | null {
  return getDb().select({ name: packages.name }).from(packages).where(eq(packages.id, packageId)).get()?.name ?? null;
}

export interface ProjectSums {
  count: number;
  totalInvestment: number;
  plannedInvestmentThisYear: number;
  completedInvestment: number;
  red: number;
  yellow: number;
}

export const projectSumColumns = {
  count: sql<number>`count(*)`.mapWith(Number),
  totalInvestment: sql<number>`coalesce(sum(${projects.totalInvestment}), 0)`.mapWith(Number),
  plannedInvestmentThisYear: sql<number>`coalesce(sum(${projects.plannedInvestmentThisYear}), 0)`.mapWith(Number),
  completedInvestment: sql<number>`coalesce(sum(${projects.completedInvestment}), 0)`.mapWith(Number),
  red: sql<number>`coalesce(sum(case when ${projects.light} = 'red' then 1 else 0 end), 0)`.mapWith(Number),
  yellow: sql<number>`coalesce(sum(case when ${projects.light} = 'yellow' then 1 else 0 end), 0)`.mapWith(Number),
};

/** Count and money sums of the filtered set, in SQL. */
export function sumProjects(filters: ProjectFilters): ProjectSums {
  return getDb().select(projectSumColumns).from(projects).where(projectWhere(filters)).get()!;
}

export function leadWhere(filters: LeadFilters, day = today()): SQL | undefined {
  const q = filters.q?.trim();
  return and(
    filters.stage ? eq(leads.stage, filters.stage) : undefined,
    filters.ownerId ? eq(leads.ownerId, filters.ownerId) : undefined,
    filters.team ? eq(leads.team, filters.team) : undefined,
    filters.campaignId ? eq(leads.campaignId, filters.campaignId) : undefined,
    filters.source ? eq(leads.source, filters.source) : undefined,
    filters.industryId ? eq(leads.industryId, filters.industryId) : undefined,
    filters.origin ? like(leads.origin, `%${escapeLike(filters.origin)}%`) : undefined,
    filters.overdue === true
      ? leadOverdueSql(day)
      : filters.overdue === false
        ? sql`not (${leadOverdueSql(day)})`
        : undefined,
    q ? sql`${leads.company} like ${`%${escapeLike(q)}%`} escape '\\'` : undefined,
  );
}

/** A lead is overdue when it is still open and its next follow-up date has passed. */
export function leadOverdueSql(day: string): SQL {
  return sql`(${leads.stage} in ('prospect','contacting','negotiating','signed') and ${leads.nextFollowUpDate} is not null and ${leads.nextFollowUpDate} < ${day})`;
}
