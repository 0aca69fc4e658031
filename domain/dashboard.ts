import 'server-only';
import { investmentByMonth, projectBreakdowns } from '@/db/queries/dashboard';
import { cached } from '@/db/queries/read-cache';
import type { PeriodRange } from '@/lib/rules/stats';
import { ensureLightsFresh } from './light';
import { countProjects } from '@/db/queries/stats';
import { getStats, ledgerLink, scopeFilters, statsPeriod, type StatsQuery } from './stats';

export interface DashboardQuery extends StatsQuery {
  day: string;
  ranking: PeriodRange;
}

/** The figures of domain/stats.ts and the charts of the same scope (the ranking is domain/rankings.ts). */
export function loadDashboard({ year, scope, unitId, day, ranking }: DashboardQuery) {
  ensureLightsFresh();
  return cached(`dashboard|${year}|${scope}|${unitId ?? ''}|${day}|${ranking.from}|${ranking.to}`, () => {
    const query = { year, scope, unitId };
    const filters = scopeFilters(query);
    return {
      stats: getStats(query),
      scopeFilters: filters,
      /** The scope's projects: how many, and their ledger (the page states the scope it shows). */
      scopeProjects: { count: countProjects(filters), drill: ledgerLink(filters) },
      monthly: investmentByMonth(filters, statsPeriod(query).months),
      breakdowns: projectBreakdowns(filters),
    };
  });
}
export type Dashboard = ReturnType<typeof loadDashboard>;
