import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as projectsApi } from '@/app/api/v1/projects/route';
import { GET as reportApi } from '@/app/api/v1/reports/monthly/route';
import { GET as statsApi } from '@/app/api/v1/stats/route';
import { getDb, getSqlite } from '@/db';
import { projects, stageHistory, units } from '@/db/schema';
import { loadDashboard } from '@/domain/dashboard';
import { getStats, headlineCounts, leadsDashboardFigures } from '@/domain/stats';
import { today } from '@/lib/rules/dates';
import { periodRange } from '@/lib/rules/stats';
import { call, loginAs, seedOnce } from '../support/api';
import { expectFiguresEqualDrills, fetchStats, independentFigures } from '../support/stats-drill';

// Issue 11: one definition per figure, and every figure equal to the ledger it opens (demo data;
// tests/api/stats-generated.test.ts repeats the drill checks on a generated 2,000-project database).

beforeAll(() => seedOnce());

const day = () => today();
const year = () => Number(day().slice(0, 4));

/** A unit that holds shuangshi projects, so the unit-level checks are not vacuous. */
function busyUnitId(): number {
  const row = getSqlite()
    .prepare(
      'select p.unit_id u, count(*) n from projects p join package_projects pp on pp.project_id = p.id and pp.year = ? group by p.unit_id order by n desc limit 1',
    )
    .get(year()) as { u: number; n: number };
  expect(row.n).toBeGreaterThan(1);
  return row.u;
}

describe('GET /api/v1/stats: every figure equals its drill-down ledger (demo data)', () => {
  for (const scope of ['all', 'shuangshi'] as const) {
    it(`scope=${scope}, city-wide and for one unit`, async () => {
      const cookie = await loginAs('leader');
      for (const unitId of [undefined, busyUnitId()]) {
        const stats = await fetchStats(cookie, `year=${year()}&scope=${scope}${unitId ? `&unitId=${unitId}` : ''}`);
        expect(stats.scope).toBe(scope);
        await expectFiguresEqualDrills(cookie, stats);
        // The definitions, checked against SQL written independently of the app's filters.
        const independent = independentFigures(year(), { shuangshi: scope === 'shuangshi', unitId });
        expect({
          started: stats.actual.started,
          signed: stats.actual.signed,
          landed: stats.actual.landed,
          investmentCompleted: stats.actual.investmentCompleted,
        }).toEqual({
          started: independent.started,
          signed: independent.signed,
          landed: independent.landed,
          investmentCompleted: independent.investmentCompleted,
        });
        expect(stats.rates.fundsRate).toBeCloseTo(independent.fundsRate!, 4);
        // The dashboard's loader shows the very same body.
        const dashboard = loadDashboard({
          year: year(),
          scope,
          unitId,
          day: day(),
          ranking: periodRange({ year: year(), quarter: null }),
        });
        expect(JSON.parse(JSON.stringify(dashboard.stats))).toEqual(stats);
        expect(dashboard.monthly.reduce((sum, m) => sum + m.amount, 0)).toBe(stats.actual.investmentCompleted);
      }
    });
  }

  it('the demo is not degenerate: figures are non-zero and scopes differ', async () => {
    const all = getStats({ year: year(), scope: 'all' });
    const shuangshi = getStats({ year: year(), scope: 'shuangshi' });
    for (const figure of [
      all.actual.started,
      all.actual.signed,
      all.actual.landed,
      all.actual.reserve,
      all.completion.onTime,
      all.funds.projects,
      all.higherLevel.applications,
    ])
      expect(figure).toBeGreaterThan(0);
    expect(all.actual.investmentCompleted).toBeGreaterThan(0);
    expect(shuangshi.actual.started).toBeLessThan(all.actual.started);
    expect(all.bands[0].projects).toBeGreaterThan(all.bands[2].projects);
  });

  it('the drill links are the ledger filters the issue names', () => {
    const stats = getStats({ year: 2026, scope: 'shuangshi', unitId: 3 });
    expect(stats.drill.started).toBe(
      '/projects?packageYear=2026&unitId=3&enteredStage=construction&enteredFrom=2026-01-01&enteredTo=2026-12-31',
    );
    expect(stats.drill.signed).toBe(
      '/projects?packageYear=2026&unitId=3&enteredStage=signed&enteredFrom=2026-01-01&enteredTo=2026-12-31&category=attraction',
    );
  });
});

describe('targets and rates', () => {
  it('takes the 双十 targets for started and investment, the city-wide ones for signed, landed and reserve', () => {
    const target = getSqlite().prepare('select * from annual_targets where year = ?').get(year()) as Record<
      string,
      number
    >;
    const shuangshi = getStats({ year: year(), scope: 'shuangshi' });
    const all = getStats({ year: year(), scope: 'all' });
    expect(shuangshi.targets).toEqual({
      started: target.started_target,
      investment: target.investment_target,
      signed: null,
      landed: null,
      reserve: null,
    });
    expect(all.targets).toEqual({
      started: null,
      investment: null,
      signed: target.signed_target,
      landed: target.landed_target,
      reserve: target.reserve_target,
    });
    expect(shuangshi.rates.startRate).toBeCloseTo(shuangshi.actual.started / target.started_target, 4);
    expect(shuangshi.rates.investmentRate).toBeCloseTo(
      shuangshi.actual.investmentCompleted / target.investment_target,
      4,
    );
    expect(all.rates.startRate).toBeNull();
  });

  it('资金到位率 is Σ funds in place ÷ Σ total investment over the projects in construction or later', () => {
    const stats = getStats({ year: year(), scope: 'all' });
    const row = getSqlite()
      .prepare(
        `select sum(coalesce(funds_in_place, 0)) f, sum(total_investment) t, sum(completed_investment) c from projects where stage in ('construction', 'completed', 'operating')`,
      )
      .get() as { f: number; t: number; c: number };
    expect(stats.funds).toMatchObject({ fundsInPlace: row.f, totalInvestment: row.t });
    expect(stats.rates.fundsRate).toBeCloseTo(row.f / row.t, 4);
    // Not the old definition (funds in place ÷ completed investment, 96.9% on the demo).
    expect(Math.abs(stats.rates.fundsRate! - row.f / row.c)).toBeGreaterThan(0.05);
    // A project's funds move the rate by exactly their share of the base.
    const project = getDb().select().from(projects).where(eq(projects.stage, 'construction')).limit(1).get()!;
    getSqlite()
      .prepare('update projects set funds_in_place = coalesce(funds_in_place, 0) + 10000 where id = ?')
      .run(project.id);
    expect(getStats({ year: year(), scope: 'all' }).rates.fundsRate).toBeCloseTo((row.f + 10_000) / row.t, 4);
    getSqlite().prepare('update projects set funds_in_place = funds_in_place - 10000 where id = ?').run(project.id);
  });

  it('rates are null without data: no targets, no completions, no funds reported', () => {
    const empty = getDb()
      .insert(units)
      .values({ name: '测试空单位', code: 'EMPTY-STATS', kind: 'department', sortOrder: 999 })
      .returning()
      .get();
    const stats = getStats({ year: year(), scope: 'all', unitId: empty.id });
    expect(stats.rates).toEqual({ startRate: null, investmentRate: null, fundsRate: null, onTimeCompletionRate: null });
    expect(stats.actual).toEqual({ started: 0, signed: 0, landed: 0, investmentCompleted: 0, reserve: 0 });
    const past = getStats({ year: 1990, scope: 'shuangshi' });
    expect(past.targets.started).toBeNull();
    expect([past.rates.startRate, past.rates.investmentRate, past.rates.onTimeCompletionRate]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('higherLevel counts the 上争 applications of the year applications by application date, with their applied, granted and received sums', () => {
    for (const y of [year(), year() - 1]) {
      const stats = getStats({ year: y, scope: 'all' });
      const row = getSqlite()
        .prepare(
          `select count(*) n, coalesce(sum(applied_amount), 0) a, coalesce(sum(granted_amount), 0) g, coalesce(sum(received_amount), 0) r from funding_applications where applied_date between ? and ?`,
        )
        .get(`${y}-01-01`, `${y}-12-31`) as { n: number; a: number; g: number; r: number };
      expect(row.n).toBeGreaterThan(0);
      expect(stats.higherLevel).toEqual({ applications: row.n, applied: row.a, granted: row.g, received: row.r });
      expect(stats.drill.higherLevel).toBe(`/funding?year=${y}`);
    }
  });
});

describe('/dashboard, /dashboard/leads, the monthly report and /api/v1/stats agree', () => {
  it('on started, signed, landed and investment for the year', async () => {
    const cookie = await loginAs('leader');
    const api = await fetchStats(cookie, `year=${year()}&scope=all`);
    const dashboard = loadDashboard({
      year: year(),
      scope: 'all',
      day: day(),
      ranking: periodRange({ year: year(), quarter: null }),
    }).stats.actual;
    const leads = leadsDashboardFigures(year());
    // The monthly report of the current month: its 年累计 covers January to today, i.e. the year so far.
    const month = day().slice(0, 7);
    const report = await call(reportApi, { path: `/api/v1/reports/monthly?month=${month}`, cookie });
    expect(report.status).toBe(200);
    const four = (x: { started: number; signed: number; landed: number; investmentCompleted: number }) => [
      x.started,
      x.signed,
      x.landed,
      x.investmentCompleted,
    ];
    expect(four(dashboard)).toEqual(four(api.actual));
    expect([leads.signed, leads.landed]).toEqual([api.actual.signed, api.actual.landed]);
    expect(four(report.body.yearToDate)).toEqual(four(api.actual));
    expect(report.body.startedYearToDate).toBe(api.actual.started);
    expect(report.body.investmentYearToDate).toBe(api.actual.investmentCompleted);
  });

  it('a past month’s 年累计 is the stats definition from January to the end of that month', async () => {
    const cookie = await loginAs('leader');
    const month = `${year()}-06`;
    const report = await call(reportApi, { path: `/api/v1/reports/monthly?month=${month}`, cookie });
    expect(report.status).toBe(200);
    const expected = headlineCounts({ year: year(), scope: 'all', throughMonth: month });
    expect(report.body.yearToDate).toEqual(expected);
    const sqlite = getSqlite();
    const started = (
      sqlite
        .prepare(
          `select count(distinct project_id) n from stage_history where to_stage = 'construction' and date(at, '+8 hours') between ? and ?`,
        )
        .get(`${year()}-01-01`, `${year()}-06-30`) as { n: number }
    ).n;
    const invested = (
      sqlite
        .prepare(`select coalesce(sum(investment_this_month), 0) s from monthly_reports where month between ? and ?`)
        .get(`${year()}-01`, month) as { s: number }
    ).s;
    expect([report.body.startedYearToDate, report.body.investmentYearToDate]).toEqual([started, invested]);
    expect(started).toBeLessThan(getStats({ year: year(), scope: 'all' }).actual.started);
    // The month's own 开工 list dates moves the same way.
    const inJune = (
      sqlite
        .prepare(
          `select count(distinct project_id) n from stage_history where to_stage = 'construction' and date(at, '+8 hours') between ? and ?`,
        )
        .get(`${year()}-06-01`, `${year()}-06-30`) as { n: number }
    ).n;
    expect(report.body.started).toHaveLength(inJune);
  });
});

describe('GET /api/v1/stats: access and bad input', () => {
  it('every signed-in role reads it; anonymous callers get 401', async () => {
    for (const user of ['admin', 'leader', 'officer', 'investment']) {
      const result = await call(statsApi, { path: `/api/v1/stats?year=${year()}`, cookie: await loginAs(user) });
      expect(result.status, user).toBe(200);
      expect(Object.keys(result.body)).toEqual(
        expect.arrayContaining(['year', 'scope', 'targets', 'actual', 'rates', 'bands', 'higherLevel', 'drill']),
      );
      expect(result.body.scope).toBe('all');
    }
    expect((await call(statsApi, { path: '/api/v1/stats' })).status).toBe(401);
  });

  it('refuses a malformed year, scope or unit with 400 and the field named', async () => {
    const cookie = await loginAs('leader');
    for (const [query, field] of [
      ['year=26', 'year'],
      ['year=abcd', 'year'],
      ['year=1899', 'year'],
      ['year=2026.5', 'year'],
      ['scope=everything', 'scope'],
      ['unitId=-1', 'unitId'],
      ['unitId=x', 'unitId'],
    ]) {
      const result = await call(statsApi, { path: `/api/v1/stats?${query}`, cookie });
      expect(result.status, query).toBe(400);
      expect(result.body.error.code).toBe('validation_failed');
      expect(Object.keys(result.body.error.fields)).toContain(field);
    }
  });

  it('GET /api/v1/projects refuses malformed drill filters with 400', async () => {
    const cookie = await loginAs('leader');
    for (const query of [
      'enteredStage=started',
      'enteredFrom=2026-13-01',
      'enteredTo=yesterday',
      'timeliness=soon',
      'minStage=x',
      'minInvestment=-5',
      'reportYear=26',
      'applicationFiled=maybe',
    ]) {
      const result = await call(projectsApi, { path: `/api/v1/projects?${query}`, cookie });
      expect(result.status, query).toBe(400);
    }
  });
});

describe('moves are dated by their Beijing date', () => {
  it('a move at 17:00 UTC on 31 December counts in the next Beijing year, in the figure and its ledger alike', async () => {
    const cookie = await loginAs('leader');
    const before = getStats({ year: year(), scope: 'all' });
    const next = getStats({ year: year() + 1, scope: 'all' });
    const candidate = getDb().select().from(projects).where(eq(projects.stage, 'approvals')).limit(2).all();
    expect(candidate).toHaveLength(2);
    getDb()
      .insert(stageHistory)
      .values([
        {
          projectId: candidate[0].id,
          fromStage: 'approvals',
          toStage: 'construction',
          at: `${year() - 1}-12-31T17:00:00.000Z`,
        },
        {
          projectId: candidate[1].id,
          fromStage: 'approvals',
          toStage: 'construction',
          at: `${year()}-12-31T16:30:00.000Z`,
        },
      ])
      .run();
    const after = getStats({ year: year(), scope: 'all' });
    expect(after.actual.started).toBe(before.actual.started + 1);
    expect(getStats({ year: year() + 1, scope: 'all' }).actual.started).toBe(next.actual.started + 1);
    const ledger = await call(projectsApi, {
      path: `/api/v1/projects?${after.drill.started.split('?')[1]}&pageSize=500`,
      cookie,
    });
    expect(ledger.body.total).toBe(after.actual.started);
    expect(ledger.body.items.map((p: { id: number }) => p.id)).toContain(candidate[0].id);
    expect(ledger.body.items.map((p: { id: number }) => p.id)).not.toContain(candidate[1].id);
  });
});
