import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { annualTargets, monthlyReports, projects } from '../schema';
import type { ProjectFilters } from '@/lib/schemas/filters';
import { projectWhere } from './project-filters';

// The SQL behind domain/stats.ts. Every count is a count of the projects that projectWhere() selects
// for the figure's filters, the same WHERE the ledger, its export and GET /api/v1/projects use, so a
// figure and its drill-down are one query.

export function getAnnualTargets(year: number) {
  return getDb().select().from(annualTargets).where(eq(annualTargets.year, year)).get() ?? null;
}

/** Projects matching the filters. */
export function countProjects(filters: ProjectFilters): number {
  return getDb()
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(projects)
    .where(projectWhere(filters))
    .get()!.n;
}

/** Projects matching the filters, per unit (units without any are absent). */
export function countProjectsByUnit(filters: ProjectFilters): Map<number, number> {
  const rows = getDb()
    .select({ unitId: projects.unitId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(projects)
    .where(projectWhere(filters))
    .groupBy(projects.unitId)
    .all();
  return new Map(rows.map((row) => [row.unitId, row.n]));
}

/** Σ 本月完成投资 of the given months over the projects matching the filters. */
export function reportedInvestment(filters: ProjectFilters, months: string[]): number {
  if (months.length === 0) return 0;
  return getDb()
    .select({ amount: sql<number>`coalesce(sum(${monthlyReports.investmentThisMonth}), 0)`.mapWith(Number) })
    .from(monthlyReports)
    .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
    .where(and(inArray(monthlyReports.month, months), projectWhere(filters)))
    .get()!.amount;
}

/** The same sum per unit. */
export function reportedInvestmentByUnit(filters: ProjectFilters, months: string[]): Map<number, number> {
  if (months.length === 0) return new Map();
  const rows = getDb()
    .select({
      unitId: projects.unitId,
      amount: sql<number>`coalesce(sum(${monthlyReports.investmentThisMonth}), 0)`.mapWith(Number),
    })
    .from(monthlyReports)
    .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
    .where(and(inArray(monthlyReports.month, months), projectWhere(filters)))
    .groupBy(projects.unitId)
    .all();
  return new Map(rows.map((row) => [row.unitId, row.amount]));
}

/** Σ fundsInPlace (unreported counts as 0) and Σ totalInvestment over the projects matching the filters. */
export function fundsAndTotals(filters: ProjectFilters) {
  return getDb()
    .select({
      projects: sql<number>`count(*)`.mapWith(Number),
      reporting: sql<number>`count(${projects.fundsInPlace})`.mapWith(Number),
      fundsInPlace: sql<number>`coalesce(sum(${projects.fundsInPlace}), 0)`.mapWith(Number),
      totalInvestment: sql<number>`coalesce(sum(${projects.totalInvestment}), 0)`.mapWith(Number),
    })
    .from(projects)
    .where(projectWhere(filters))
    .get()!;
}
