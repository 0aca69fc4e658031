import { sql } from 'drizzle-orm';
import type { Executor } from './index';
import { projects } from './schema';
import { nowIso } from '@/lib/rules/dates';

// The cached copy of this year's plan on projects (planned_investment_this_year), which SQL sums,
// sorts and the board index read. The year plans (project_year_plans) are the source.

/**
 * Rewrites the cached current-year column of every project from the year plans (call at year
 * rollover: on 1 January every project's cached plan becomes the new year's, 0 where none is
 * set yet). Projects whose figure changes get a new version. Returns how many changed.
 */
export function syncPlannedThisYear(executor: Executor, year: number): number {
  // Spelled out: inside an UPDATE drizzle leaves column names unqualified, which a subquery would misread.
  const planOf = sql`coalesce((select y.planned_investment from project_year_plans y where y.project_id = projects.id and y.year = ${year}), 0)`;
  return executor
    .update(projects)
    .set({ plannedInvestmentThisYear: planOf, version: sql`${projects.version} + 1`, updatedAt: nowIso() })
    .where(sql`${projects.plannedInvestmentThisYear} <> ${planOf}`)
    .run().changes;
}
