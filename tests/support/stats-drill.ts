import { expect } from 'vitest';
import { GET as projectsApi } from '@/app/api/v1/projects/route';
import { GET as statsApi } from '@/app/api/v1/stats/route';
import { getSqlite } from '@/db';
import { sumProjects } from '@/db/queries/project-filters';
import { reportedInvestment } from '@/db/queries/stats';
import type { Stats } from '@/domain/stats';
import { parseFiltersLenient, projectFilterSchema } from '@/lib/schemas/filters';
import { call } from './api';

// Checks that every figure of GET /api/v1/stats equals the total of the ledger its `drill` link
// opens, read both through GET /api/v1/projects and through the query the /projects page runs.

export async function fetchStats(cookie: string, query: string): Promise<Stats> {
  const result = await call<Stats>(statsApi, { path: `/api/v1/stats?${query}`, cookie });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body;
}

/** The ledger total of a drill link, through the API and through the page's own query; they must agree. */
export async function drillTotal(cookie: string, link: string): Promise<number> {
  expect(link).toMatch(/^\/projects\?/);
  const query = link.slice('/projects?'.length);
  const api = await call(projectsApi, { path: `/api/v1/projects?${query}&pageSize=1`, cookie });
  expect(api.status, `${link}: ${JSON.stringify(api.body)}`).toBe(200);
  const params = Object.fromEntries(new URLSearchParams(query));
  const page = sumProjects(parseFiltersLenient(projectFilterSchema, params)).count;
  expect(page, `the ledger page and the API disagree on ${link}`).toBe(api.body.total);
  return api.body.total;
}

/** The year's reported investment of the ledger the 完成投资 link opens, as the ledger page shows it. */
export function drillInvestment(link: string, year: number): number {
  const params = Object.fromEntries(new URLSearchParams(link.slice('/projects?'.length)));
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return reportedInvestment(parseFiltersLenient(projectFilterSchema, params), months);
}

/** Every count figure of a stats body beside its drill link. */
export function countFigures(stats: Stats): Array<{ name: string; figure: number; link: string }> {
  const rows = [
    { name: 'started', figure: stats.actual.started, link: stats.drill.started },
    { name: 'signed', figure: stats.actual.signed, link: stats.drill.signed },
    { name: 'landed', figure: stats.actual.landed, link: stats.drill.landed },
    { name: 'reserve', figure: stats.actual.reserve, link: stats.drill.reserve },
    { name: 'completed', figure: stats.completion.completed, link: stats.drill.completed },
    { name: 'completedWithDue', figure: stats.completion.withDue, link: stats.drill.completedWithDue },
    { name: 'completedOnTime', figure: stats.completion.onTime, link: stats.drill.completedOnTime },
    { name: 'fundsBase', figure: stats.funds.projects, link: stats.drill.fundsRate },
    // higherLevel drills into /funding, not the ledger: tests/api/funding.test.ts checks its totals.
  ];
  for (const band of stats.bands) {
    rows.push({ name: `band${band.band}.projects`, figure: band.projects, link: band.drill.projects });
    rows.push({ name: `band${band.band}.started`, figure: band.started, link: band.drill.started });
    rows.push({ name: `band${band.band}.completed`, figure: band.completed, link: band.drill.completed });
  }
  return rows;
}

/** Asserts every figure equals its drill-down; returns the rows for a printed table. */
export async function expectFiguresEqualDrills(cookie: string, stats: Stats) {
  const rows: Array<{ name: string; figure: number; drill: number }> = [];
  for (const { name, figure, link } of countFigures(stats)) {
    const total = await drillTotal(cookie, link);
    expect(total, `${stats.scope}/${stats.unitId ?? '全市'} ${name}: ${link}`).toBe(figure);
    rows.push({ name, figure, drill: total });
  }
  expect(drillInvestment(stats.drill.investmentCompleted, stats.year), 'investmentCompleted').toBe(
    stats.actual.investmentCompleted,
  );
  rows.push({
    name: 'investmentCompleted (万元)',
    figure: stats.actual.investmentCompleted,
    drill: drillInvestment(stats.drill.investmentCompleted, stats.year),
  });
  return rows;
}

/** Independent SQL for the definitions, written without the app's query builders. */
export function independentFigures(year: number, { shuangshi, unitId }: { shuangshi?: boolean; unitId?: number }) {
  const sqlite = getSqlite();
  // The year's 双十 list: the sub-projects of that year's packages.
  const scope = `${shuangshi ? ` and p.id in (select project_id from package_projects where year = ${Number(year)})` : ''}${unitId ? ` and p.unit_id = ${Number(unitId)}` : ''}`;
  const entered = (stage: string, extra = '') =>
    (
      sqlite
        .prepare(
          `select count(distinct h.project_id) n from stage_history h join projects p on p.id = h.project_id
           where h.to_stage = ? and date(h.at, '+8 hours') between ? and ? ${extra} ${scope}`,
        )
        .get(stage, `${year}-01-01`, `${year}-12-31`) as { n: number }
    ).n;
  const investment = (
    sqlite
      .prepare(
        `select coalesce(sum(r.investment_this_month), 0) s from monthly_reports r join projects p on p.id = r.project_id where r.month like ? ${scope}`,
      )
      .get(`${year}-%`) as {
      s: number;
    }
  ).s;
  const funds = sqlite
    .prepare(
      `select count(p.funds_in_place) reporting, coalesce(sum(p.funds_in_place), 0) f, coalesce(sum(p.total_investment), 0) t from projects p where p.stage in ('construction','completed','operating') ${scope}`,
    )
    .get() as { reporting: number; f: number; t: number };
  return {
    started: entered('construction'),
    signed: entered('signed', "and p.category = 'attraction'"),
    landed: entered('construction', "and p.category = 'attraction'"),
    investmentCompleted: investment,
    fundsRate: funds.reporting && funds.t ? funds.f / funds.t : null,
  };
}
