import 'server-only';
import { investmentByMonth, projectBreakdowns, unitFigures } from '@/db/queries/dashboard';
import { cached } from '@/db/queries/read-cache';
import type { PeriodRange } from '@/lib/rules/stats';
import { ensureLightsFresh } from './light';
import { getStats, scopeFilters, statsPeriod, type StatsQuery } from './stats';

export interface DashboardQuery extends StatsQuery {
  day: string;
  ranking: PeriodRange;
}

/** Everything /dashboard shows: the figures of domain/stats.ts, the charts of the same scope, and the ranking period. */
export function loadDashboard({ year, scope, unitId, day, ranking }: DashboardQuery) {
  ensureLightsFresh();
  return cached(`dashboard|${year}|${scope}|${unitId ?? ''}|${day}|${ranking.from}|${ranking.to}`, () => {
    const query = { year, scope, unitId };
    const filters = scopeFilters(query);
    return {
      stats: getStats(query),
      scopeFilters: filters,
      monthly: investmentByMonth(filters, statsPeriod(query).months),
      breakdowns: projectBreakdowns(filters),
      units: unitFigures(ranking, day),
    };
  });
}
export type Dashboard = ReturnType<typeof loadDashboard>;
