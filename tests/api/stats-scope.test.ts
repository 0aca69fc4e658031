import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as reportXlsx } from '@/app/(app)/reports/monthly/export/route';
import { GET as projectsApi } from '@/app/api/v1/projects/route';
import { GET as boardApi } from '@/app/api/v1/board/route';
import { GET as reportApi } from '@/app/api/v1/reports/monthly/route';
import { getSqlite } from '@/db';
import { headlineCounts, type Stats } from '@/domain/stats';
import { monthlyReport } from '@/domain/monthly-report';
import { today } from '@/lib/rules/dates';
import { call, loginAs, seedOnce, unitIdByName } from '../support/api';
import { dataRows, download, openWorkbook } from '../support/download';
import { drillTotal, expectFiguresEqualDrills, fetchStats, independentFigures } from '../support/stats-drill';

// Issue 13 point 2: scope=shuangshi counts the year's 双十 list (the sub-projects of that year's
// packages), scope=all the whole pool, and every drill link of either opens a ledger whose total is
// the figure, also for a past year's list. Packages are written here by direct inserts.

beforeAll(() => seedOnce());

const year = () => Number(today().slice(0, 4));
const sqlite = () => getSqlite();

let packageSeq = 0;
/** A package of `packageYear` holding `projectIds`, written straight into the tables; returns its id. */
function insertPackage(packageYear: number, projectIds: number[]): number {
  const id = Number(
    sqlite()
      .prepare('insert into packages (year, name, unit_id, note) values (?, ?, ?, ?)')
      .run(packageYear, `测试工程包${++packageSeq}`, unitIdByName('市发改委'), '测试').lastInsertRowid,
  );
  const join = sqlite().prepare(
    'insert into package_projects (package_id, project_id, year, joined_at) values (?, ?, ?, ?)',
  );
  for (const projectId of projectIds) join.run(id, projectId, packageYear, `${packageYear}-01-01T00:00:00.000Z`);
  return id;
}

function removePackage(id: number) {
  sqlite().prepare('delete from package_projects where package_id = ?').run(id);
  sqlite().prepare('delete from packages where id = ?').run(id);
}

/** Projects that entered 开工建设 during the Beijing year, with or without a place in that year's list. */
function startedIn(startYear: number, inList: boolean | null): number[] {
  const membership =
    inList === null
      ? ''
      : `and ${inList ? '' : 'not'} exists (select 1 from package_projects pp where pp.project_id = h.project_id and pp.year = ${startYear})`;
  return (
    sqlite()
      .prepare(
        `select distinct h.project_id id from stage_history h where h.to_stage = 'construction'
         and date(h.at, '+8 hours') between ? and ? ${membership} order by h.project_id`,
      )
      .all(`${startYear}-01-01`, `${startYear}-12-31`) as Array<{ id: number }>
  ).map((row) => row.id);
}

const listSize = (listYear: number) =>
  (sqlite().prepare('select count(*) n from package_projects where year = ?').get(listYear) as { n: number }).n;

describe('scope=shuangshi counts only the year’s package projects; scope=all counts the pool', () => {
  it('the demo’s 2026 list is ten packages of 130–140 sub-projects, and the figures are the list’s', async () => {
    const packages = sqlite().prepare('select count(*) n from packages where year = ?').get(year()) as { n: number };
    expect(packages.n).toBe(10);
    expect(listSize(year())).toBeGreaterThanOrEqual(130);
    expect(listSize(year())).toBeLessThanOrEqual(140);

    const cookie = await loginAs('leader');
    const shuangshi = await fetchStats(cookie, `year=${year()}&scope=shuangshi`);
    const all = await fetchStats(cookie, `year=${year()}&scope=all`);
    expect(shuangshi.actual.started).toBe(startedIn(year(), true).length);
    expect(all.actual.started).toBe(startedIn(year(), null).length);
    expect(shuangshi.actual.started).toBeLessThan(all.actual.started);
    expect(shuangshi.actual.started).toBeGreaterThan(0);
    // Written apart from the app's filters.
    expect(shuangshi.actual.investmentCompleted).toBe(
      independentFigures(year(), { shuangshi: true }).investmentCompleted,
    );
    expect(all.actual.investmentCompleted).toBe(independentFigures(year(), {}).investmentCompleted);
    // The 双十 targets (135 started, 220亿 invested) against the 双十 scope only.
    expect(shuangshi.targets.started).toBe(135);
    expect(shuangshi.targets.investment).toBe(2_200_000);
    expect(all.targets.started).toBeNull();
    expect(all.targets.investment).toBeNull();
    expect(shuangshi.rates.startRate).toBeCloseTo(shuangshi.actual.started / 135, 4);
  });

  it('a project joining the year’s list moves the 双十 figure by one and the pool’s not at all; another year’s list does not count', async () => {
    const cookie = await loginAs('leader');
    const [outsider] = startedIn(year(), false);
    expect(outsider).toBeDefined();
    const before = {
      s: await fetchStats(cookie, `year=${year()}&scope=shuangshi`),
      a: await fetchStats(cookie, `year=${year()}&scope=all`),
    };

    const lastYears = insertPackage(year() - 1, [outsider]);
    const nextYears = insertPackage(year() + 1, [outsider]);
    expect((await fetchStats(cookie, `year=${year()}&scope=shuangshi`)).actual.started).toBe(before.s.actual.started);

    const thisYears = insertPackage(year(), [outsider]);
    const joined = await fetchStats(cookie, `year=${year()}&scope=shuangshi`);
    expect(joined.actual.started).toBe(before.s.actual.started + 1);
    expect((await fetchStats(cookie, `year=${year()}&scope=all`)).actual.started).toBe(before.a.actual.started);
    expect(await drillTotal(cookie, joined.drill.started)).toBe(joined.actual.started);

    for (const id of [lastYears, nextYears, thisYears]) removePackage(id);
    expect((await fetchStats(cookie, `year=${year()}&scope=shuangshi`)).actual.started).toBe(before.s.actual.started);
  });
});

describe('both scopes’ drill links open ledgers whose totals equal the figures', () => {
  for (const scope of ['shuangshi', 'all'] as const) {
    it(`scope=${scope}, this year`, async () => {
      const cookie = await loginAs('leader');
      const stats = await fetchStats(cookie, `year=${year()}&scope=${scope}`);
      await expectFiguresEqualDrills(cookie, stats);
      // The project ledger's links carry the year's list; 上争 opens /funding in the same scope.
      const ledgerLinks = Object.values(stats.drill).filter((link) => link.startsWith('/projects'));
      expect(stats.drill.higherLevel).toBe(`/funding?year=${year()}${scope === 'shuangshi' ? '&scope=shuangshi' : ''}`);
      if (scope === 'shuangshi') for (const link of ledgerLinks) expect(link).toContain(`packageYear=${year()}`);
      else for (const link of ledgerLinks) expect(link).not.toContain('packageYear');
    });
  }

  it('a past year’s list: the figures count that year’s packages, and their ledgers agree', async () => {
    const cookie = await loginAs('leader');
    const past = year() - 1;
    const startedLastYear = startedIn(past, null);
    expect(startedLastYear.length).toBeGreaterThan(4);
    // Last year's list: some of the projects started last year, none of them in this year's list on purpose.
    const members = startedLastYear.filter((_, i) => i % 2 === 0);
    const id = insertPackage(past, members);
    try {
      const stats: Stats = await fetchStats(cookie, `year=${past}&scope=shuangshi`);
      expect(stats.actual.started).toBe(members.length);
      expect(stats.drill.started).toContain(`packageYear=${past}`);
      await expectFiguresEqualDrills(cookie, stats);
      // The same figures for one unit.
      const unitId = (
        sqlite()
          .prepare(
            `select unit_id u from projects where id in (${members.join(',')}) group by unit_id order by count(*) desc`,
          )
          .get() as { u: number }
      ).u;
      await expectFiguresEqualDrills(cookie, await fetchStats(cookie, `year=${past}&scope=shuangshi&unitId=${unitId}`));
      // This year's list is not last year's: the current-year flag would give another ledger.
      const currentFlag = await call(projectsApi, {
        path: `/api/v1/projects?shuangshi=1&${stats.drill.started.split('?')[1].replace(`packageYear=${past}&`, '')}`,
        cookie,
      });
      expect(currentFlag.body.total).not.toBe(stats.actual.started);
    } finally {
      removePackage(id);
    }
  });
});

describe('the ledger, the board and the API take scope, packageYear and packageId', () => {
  it('scope=shuangshi, shuangshi=1 and packageYear=<this year> are the same list; packageId is one package', async () => {
    const cookie = await loginAs('leader');
    const total = async (query: string) => {
      const result = await call(projectsApi, { path: `/api/v1/projects?${query}&pageSize=1`, cookie });
      expect(result.status, query).toBe(200);
      return result.body.total as number;
    };
    const size = listSize(year());
    expect(await total('scope=shuangshi')).toBe(size);
    expect(await total('shuangshi=1')).toBe(size);
    expect(await total(`packageYear=${year()}`)).toBe(size);
    expect(await total('scope=all')).toBe(await total(''));
    const pkg = sqlite()
      .prepare(
        'select package_id id, count(*) n from package_projects where year = ? group by package_id order by n desc',
      )
      .get(year()) as { id: number; n: number };
    expect(await total(`packageId=${pkg.id}`)).toBe(pkg.n);
    const board = await call(boardApi, { path: `/api/v1/board?kind=projects&scope=shuangshi`, cookie });
    expect(board.status).toBe(200);
    expect(board.body.columns.reduce((sum: number, column: { count: number }) => sum + column.count, 0)).toBe(size);
    for (const bad of ['scope=double', 'packageYear=26', 'packageId=0', 'packageId=x'])
      expect((await call(projectsApi, { path: `/api/v1/projects?${bad}`, cookie })).status, bad).toBe(400);
  });
});

describe('the monthly report takes the scope in all four forms', () => {
  const month = () => today().slice(0, 7);

  it('scope=shuangshi keeps the list’s projects and compares the 双十 targets; scope=all compares none', async () => {
    const list = new Set(
      (
        sqlite().prepare('select project_id id from package_projects where year = ?').all(year()) as Array<{
          id: number;
        }>
      ).map((row) => row.id),
    );
    const shuangshi = monthlyReport({ month: month(), scope: 'shuangshi' });
    const all = monthlyReport({ month: month() });
    expect(shuangshi.scope).toBe('shuangshi');
    expect(all.scope).toBe('all');
    expect(shuangshi.targets).toEqual({ startedTarget: 135, investmentTarget: 2_200_000 });
    expect(all.targets).toEqual({ startedTarget: null, investmentTarget: null });
    expect(shuangshi.yearToDate).toEqual(headlineCounts({ year: year(), scope: 'shuangshi', throughMonth: month() }));
    for (const section of [shuangshi.started, shuangshi.completed, shuangshi.operating])
      for (const project of section) expect(list.has(project.id)).toBe(true);
    for (const row of [...shuangshi.red, ...shuangshi.missingReports]) expect(list.has(row.projectId)).toBe(true);
    for (const problem of [...shuangshi.problemsEscalated, ...shuangshi.problemsClosed])
      expect(list.has(problem.projectId)).toBe(true);
    for (const supervision of shuangshi.openSupervisions) expect(list.has(supervision.projectId)).toBe(true);
    expect(shuangshi.started.length).toBe(all.started.filter((project) => list.has(project.id)).length);
    // A 调出 of the month is in the 双十 report although the project has left the list.
    const leaving = sqlite()
      .prepare(
        "select project_id id, at from project_adjustments where field = 'packageId' and to_value is null order by at",
      )
      .get() as { id: number; at: string };
    expect(list.has(leaving.id)).toBe(false);
    const leavingMonth = monthlyReport({ month: leaving.at.slice(0, 7), scope: 'shuangshi' });
    expect(leavingMonth.adjustments.map((row) => row.projectId)).toContain(leaving.id);
    expect(shuangshi.red.length).toBe(all.red.filter((row) => list.has(row.projectId)).length);
    expect(shuangshi.investmentYearToDate).toBe(shuangshi.yearToDate.investmentCompleted);
    expect(shuangshi.byUnit.reduce((sum, row) => sum + row.investmentYearToDate, 0)).toBe(
      shuangshi.investmentYearToDate,
    );
    expect(shuangshi.byUnit.reduce((sum, row) => sum + (row.red ?? 0), 0)).toBe(shuangshi.red.length);
    // Not vacuous: the scope leaves projects out.
    expect(shuangshi.yearToDate.started).toBeLessThan(all.yearToDate.started);
    expect(shuangshi.started.length).toBeGreaterThan(0);
  });

  it('the JSON API, the workbook and the CLI give the scope’s report', async () => {
    const cookie = await loginAs('leader');
    const api = await call(reportApi, { path: `/api/v1/reports/monthly?month=${month()}&scope=shuangshi`, cookie });
    expect(api.status).toBe(200);
    expect(api.body).toEqual(JSON.parse(JSON.stringify(monthlyReport({ month: month(), scope: 'shuangshi' }))));
    const bad = await call(reportApi, { path: `/api/v1/reports/monthly?month=${month()}&scope=x`, cookie });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toContain('scope');

    const file = await download(reportXlsx, `/reports/monthly/export?month=${month()}&scope=shuangshi`, cookie);
    expect(file.status).toBe(200);
    const workbook = await openWorkbook(file.bytes);
    const headline = workbook.worksheets[0];
    const text = headline.getSheetValues().flat().map(String).join('|');
    expect(text).toContain(`范围：${year()}年“双十”项目`);
    const [row] = dataRows(headline, 3).length ? dataRows(headline, 3) : dataRows(headline);
    expect(row).toContain(135);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-cli-'));
    const out = path.join(dir, 'report.json');
    const cli = spawnSync(
      process.execPath,
      [
        path.resolve('node_modules/tsx/dist/cli.mjs'),
        '--conditions=react-server',
        'scripts/report-monthly.ts',
        '--month',
        month(),
        '--scope',
        'shuangshi',
        '--out',
        out,
      ],
      { env: { ...process.env }, encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`${year()}年“双十”项目`);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(JSON.parse(JSON.stringify(api.body)));
  });
});

describe('the ledger export names the scope', () => {
  it('an export under scope=shuangshi says so in its title row and holds the list', async () => {
    const { GET: exportLedger } = await import('@/app/(app)/projects/export/route');
    const file = await download(exportLedger, '/projects/export?scope=shuangshi', await loginAs('leader'));
    expect(file.status).toBe(200);
    const sheet = (await openWorkbook(file.bytes)).worksheets[0];
    expect(String(sheet.getCell('A1').value)).toContain(`范围：${year()}年“双十”项目`);
    expect(dataRows(sheet)).toHaveLength(listSize(year()));
  });
});
