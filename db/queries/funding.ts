import 'server-only';
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { fundingApplications, projects, units, type FundingApplication } from '../schema';
import type { FundingFilters } from '@/lib/schemas/funding';
import type { FundingChannel, FundingStatus } from '@/lib/rules/enums';
import { currentYear } from '@/lib/rules/dates';
import { inShuangshiSql } from './project-extras';

// Reads of the 上争 applications: the city-wide list (GET /api/v1/funding, /funding and its Excel),
// its totals and breakdowns, a project's applications, and the dashboard's 上争 figures. One WHERE
// (fundingWhere) serves all of them, so a list, its totals and the dashboard figure cannot disagree.

/** The year of the filters, or this year: the 双十 scope is the list of one year. */
const scopeYear = (filters: FundingFilters) => filters.year ?? currentYear();

export function fundingWhere(filters: FundingFilters): SQL | undefined {
  return and(
    filters.year !== undefined
      ? and(
          gte(fundingApplications.appliedDate, `${filters.year}-01-01`),
          lte(fundingApplications.appliedDate, `${filters.year}-12-31`),
        )
      : undefined,
    filters.channel ? eq(fundingApplications.channel, filters.channel) : undefined,
    filters.status ? eq(fundingApplications.status, filters.status) : undefined,
    filters.unitId ? eq(projects.unitId, filters.unitId) : undefined,
    filters.projectId ? eq(fundingApplications.projectId, filters.projectId) : undefined,
    filters.scope === 'shuangshi' ? sql`${inShuangshiSql(scopeYear(filters))}` : undefined,
  );
}

export interface FundingListRow {
  application: FundingApplication;
  projectName: string;
  projectCode: string | null;
  unitId: number;
  unitName: string;
}

const listColumns = {
  application: fundingApplications,
  projectName: projects.name,
  projectCode: projects.code,
  unitId: projects.unitId,
  unitName: units.name,
};

/** The applications matching the filters, newest application date first. */
export function listFunding(
  filters: FundingFilters,
  paging?: { page: number; pageSize: number },
): { rows: FundingListRow[]; total: number } {
  const db = getDb();
  const where = fundingWhere(filters);
  const base = db
    .select(listColumns)
    .from(fundingApplications)
    .innerJoin(projects, eq(projects.id, fundingApplications.projectId))
    .innerJoin(units, eq(units.id, projects.unitId))
    .where(where)
    .orderBy(desc(fundingApplications.appliedDate), desc(fundingApplications.id));
  const rows = paging
    ? base
        .limit(paging.pageSize)
        .offset((paging.page - 1) * paging.pageSize)
        .all()
    : base.all();
  const total = paging ? fundingTotals(filters).applications : rows.length;
  return { rows, total };
}

const sums = {
  applications: sql<number>`count(*)`.mapWith(Number),
  applied: sql<number>`coalesce(sum(${fundingApplications.appliedAmount}), 0)`.mapWith(Number),
  granted: sql<number>`coalesce(sum(${fundingApplications.grantedAmount}), 0)`.mapWith(Number),
  received: sql<number>`coalesce(sum(${fundingApplications.receivedAmount}), 0)`.mapWith(Number),
};

export interface FundingSums {
  applications: number;
  applied: number;
  granted: number;
  received: number;
}

/** Count and Σ applied / granted / received over the applications matching the filters (万元). */
export function fundingTotals(filters: FundingFilters): FundingSums {
  return getDb()
    .select(sums)
    .from(fundingApplications)
    .innerJoin(projects, eq(projects.id, fundingApplications.projectId))
    .where(fundingWhere(filters))
    .get()!;
}

/** The same sums per channel, per status and per responsible unit (groups without any are absent). */
export function fundingBreakdown(filters: FundingFilters) {
  const db = getDb();
  const where = fundingWhere(filters);
  const byChannel = db
    .select({ channel: fundingApplications.channel, ...sums })
    .from(fundingApplications)
    .innerJoin(projects, eq(projects.id, fundingApplications.projectId))
    .where(where)
    .groupBy(fundingApplications.channel)
    .all() as Array<FundingSums & { channel: FundingChannel }>;
  const byStatus = db
    .select({ status: fundingApplications.status, ...sums })
    .from(fundingApplications)
    .innerJoin(projects, eq(projects.id, fundingApplications.projectId))
    .where(where)
    .groupBy(fundingApplications.status)
    .all() as Array<FundingSums & { status: FundingStatus }>;
  const byUnit = db
    .select({ unitId: units.id, unitName: units.name, ...sums })
    .from(fundingApplications)
    .innerJoin(projects, eq(projects.id, fundingApplications.projectId))
    .innerJoin(units, eq(units.id, projects.unitId))
    .where(where)
    .groupBy(units.id)
    .orderBy(asc(units.sortOrder), asc(units.id))
    .all();
  return { byChannel, byStatus, byUnit };
}

/** A project's applications, oldest application first. */
export function listProjectFunding(executor: Executor, projectId: number): FundingApplication[] {
  return executor
    .select()
    .from(fundingApplications)
    .where(eq(fundingApplications.projectId, projectId))
    .orderBy(asc(fundingApplications.appliedDate), asc(fundingApplications.id))
    .all();
}

export function findFunding(executor: Executor, id: number): FundingApplication | undefined {
  return executor.select().from(fundingApplications).where(eq(fundingApplications.id, id)).get();
}
