import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as historyApi } from '@/app/api/v1/lights/history/route';
import { GET as reportApi } from '@/app/api/v1/reports/monthly/route';
import { GET as reportXlsx } from '@/app/(app)/reports/monthly/export/route';
import { MonthlyReportView } from '@/components/reports/monthly-report-view';
import { databasePath, getDb, getSqlite } from '@/db';
import { lightSnapshotProjects, lightSnapshots, projectAdjustments, projects, units, users } from '@/db/schema';
import { DEMO_HISTORY_DAYS } from '@/db/seed/light-history';
import { unitFigures } from '@/db/queries/dashboard';
import { latestSnapshotDate, listSnapshotUnitCounts } from '@/db/queries/light-history';
import { periodRange } from '@/lib/rules/stats';
import { ensureLightsFresh } from '@/domain/light';
import { takeLightSnapshot } from '@/domain/light-history';
import { headlineFigures, monthlyReport } from '@/domain/monthly-report';
import { addDaysIso, today } from '@/lib/rules/dates';
import { call, loginAs, seedOnce, userId } from '../support/api';
import { dataRows, download, openWorkbook } from '../support/download';

// Light history: the daily snapshot (once a day, counts equal to the stored lights), the history
// API, and the monthly report's red list read from the month-end snapshot. Runs with
// APP_TODAY=2026-11-20 on the seeded demo, whose history the seed backfills for the 8 weeks before.

beforeAll(() => seedOnce());

const pinnedToday = process.env.APP_TODAY!;
afterEach(() => {
  process.env.APP_TODAY = pinnedToday;
});

const db = () => getDb();
const snapshotOf = (date: string) => ({
  units: db().select().from(lightSnapshots).where(eq(lightSnapshots.date, date)).orderBy(lightSnapshots.unitId).all(),
  projects: db()
    .select()
    .from(lightSnapshotProjects)
    .where(eq(lightSnapshotProjects.date, date))
    .orderBy(lightSnapshotProjects.projectId)
    .all(),
});
const byId = (a: number, b: number) => a - b;

describe('takeLightSnapshot', () => {
  it('writes one set of rows a day, equal to the stored lights by unit; a second call the same day changes nothing', () => {
    const day = today();
    expect(snapshotOf(day).units).toEqual([]);

    const first = takeLightSnapshot(db(), day);
    expect(first.taken).toBe(true);
    const written = snapshotOf(day);
    const unitIds = db()
      .select({ id: units.id })
      .from(units)
      .all()
      .map((u) => u.id)
      .sort(byId);
    expect(written.units.map((row) => row.unitId)).toEqual(unitIds);
    expect(first.unitRows).toBe(unitIds.length);

    const stored = db().select().from(projects).all();
    for (const row of written.units) {
      const mine = stored.filter((p) => p.unitId === row.unitId);
      expect([row.red, row.yellow, row.green, row.grey], `unit ${row.unitId}`).toEqual(
        ['red', 'yellow', 'green', 'grey'].map((light) => mine.filter((p) => p.light === light).length),
      );
    }
    expect(written.units.reduce((sum, row) => sum + row.red + row.yellow + row.green + row.grey, 0)).toBe(
      stored.length,
    );
    const flagged = stored.filter((p) => p.light === 'red' || p.light === 'yellow').sort((a, b) => a.id - b.id);
    expect(flagged.length).toBeGreaterThan(0);
    expect(written.projects.map((row) => [row.projectId, row.light, row.reasons])).toEqual(
      flagged.map((p) => [p.id, p.light, p.lightReasons]),
    );
    expect(first.projectRows).toBe(flagged.length);

    // A light that changes later in the day does not rewrite the day's snapshot.
    const green = stored.find((p) => p.light === 'green')!;
    db()
      .update(projects)
      .set({ light: 'red', lightReasons: ['当天稍后变红'] })
      .where(eq(projects.id, green.id))
      .run();
    try {
      const second = takeLightSnapshot(db(), day);
      expect(second.taken).toBe(false);
      expect(second.unitRows + second.projectRows).toBe(0);
      expect(second.counts).toEqual(first.counts);
      expect(snapshotOf(day)).toEqual(written);

      // The next day gets its own rows, from the lights as they then stand.
      const next = addDaysIso(day, 1);
      expect(takeLightSnapshot(db(), next).taken).toBe(true);
      const nextRows = snapshotOf(next);
      expect(nextRows.units).toHaveLength(unitIds.length);
      expect(nextRows.projects.find((row) => row.projectId === green.id)).toMatchObject({
        light: 'red',
        reasons: ['当天稍后变红'],
      });
      expect(written.projects.find((row) => row.projectId === green.id)).toBeUndefined();
      expect(snapshotOf(day)).toEqual(written);
    } finally {
      db()
        .update(projects)
        .set({ light: green.light, lightReasons: green.lightReasons })
        .where(eq(projects.id, green.id))
        .run();
      db()
        .delete(lightSnapshotProjects)
        .where(eq(lightSnapshotProjects.date, addDaysIso(day, 1)))
        .run();
      db()
        .delete(lightSnapshots)
        .where(eq(lightSnapshots.date, addDaysIso(day, 1)))
        .run();
    }
  });
});

describe('GET /api/v1/lights/history', () => {
  const get = async (query: string, user: string | null = 'leader') =>
    call(historyApi, { path: `/api/v1/lights/history${query}`, cookie: user ? await loginAs(user) : null });
  const expectedRows = (from: string, to: string, unitId?: number) => {
    const rows = db()
      .select()
      .from(lightSnapshots)
      .all()
      .filter((r) => r.date >= from && r.date <= to && (unitId === undefined || r.unitId === unitId));
    const dates = [...new Set(rows.map((r) => r.date))].sort();
    return dates.map((date) => {
      const day = rows.filter((r) => r.date === date);
      const sum = (key: 'red' | 'yellow' | 'green' | 'grey') => day.reduce((s, r) => s + r[key], 0);
      return { date, red: sum('red'), yellow: sum('yellow'), green: sum('green'), grey: sum('grey') };
    });
  };

  it('gives one row per snapshot day of the last 90 days by default, city totals', async () => {
    const result = await get('');
    expect(result.status).toBe(200);
    const day = today();
    // The seed's 8 weeks, and today's taken by the first request.
    expect(result.body).toHaveLength(DEMO_HISTORY_DAYS + 1);
    expect(result.body[0].date).toBe(addDaysIso(day, -DEMO_HISTORY_DAYS));
    expect(result.body.at(-1).date).toBe(day);
    expect(result.body).toEqual(expectedRows(addDaysIso(day, -89), day));
    const last = result.body.at(-1);
    expect(last.red + last.yellow + last.green + last.grey).toBe(db().select().from(projects).all().length);
    expect(Object.keys(last).sort()).toEqual(['date', 'green', 'grey', 'red', 'yellow']);
  });

  it('filters by from and to (inclusive)', async () => {
    const result = await get('?from=2026-10-01&to=2026-10-31');
    expect(result.status).toBe(200);
    expect(result.body).toHaveLength(31);
    expect(result.body[0].date).toBe('2026-10-01');
    expect(result.body.at(-1).date).toBe('2026-10-31');
    expect(result.body).toEqual(expectedRows('2026-10-01', '2026-10-31'));
    // A range with no snapshot is an empty list, not an error.
    expect((await get('?from=2025-01-01&to=2025-03-31')).body).toEqual([]);
  });

  it('filters by unit: that unit’s counts only', async () => {
    const unitId = db().select({ unitId: projects.unitId }).from(projects).where(eq(projects.light, 'red')).get()!
      .unitId;
    const city = await get('?from=2026-11-01&to=2026-11-19');
    const unit = await get(`?from=2026-11-01&to=2026-11-19&unitId=${unitId}`);
    expect(unit.status).toBe(200);
    expect(unit.body).toEqual(expectedRows('2026-11-01', '2026-11-19', unitId));
    expect(unit.body).toHaveLength(19);
    const total = (rows: Array<{ red: number; yellow: number; green: number; grey: number }>) =>
      rows.reduce((s, r) => s + r.red + r.yellow + r.green + r.grey, 0);
    expect(total(unit.body)).toBeGreaterThan(0);
    expect(total(unit.body)).toBeLessThan(total(city.body));
  });

  it.each([
    ['from=2026-13-01', 'from'],
    ['to=2026-02-30', 'to'],
    ['from=20261101', 'from'],
    ['from=2026-11-10&to=2026-11-01', 'from'],
    ['from=2099-01-01', 'from'],
    ['from=2020-01-01&to=2023-01-02', 'to'],
    ['unitId=abc', 'unitId'],
    ['unitId=0', 'unitId'],
    ['unitId=999999', 'unitId'],
  ])('400 with fields.%s → %s', async (query, field) => {
    const result = await get(`?${query}`);
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('validation_failed');
    expect(result.body.error.fields[field]?.length, JSON.stringify(result.body)).toBeGreaterThan(0);
  });

  it('takes a range of exactly three years', async () => {
    expect((await get('?from=2023-11-20&to=2026-11-20')).status).toBe(200);
    expect((await get('?from=2023-11-20&to=2026-11-21')).status).toBe(400);
  });

  it('every role reads every unit’s counts; anonymous callers get 401', async () => {
    const leader = await get('?from=2026-11-01');
    for (const user of ['admin', 'officer', 'investment']) {
      const result = await get('?from=2026-11-01', user);
      expect(result.status, user).toBe(200);
      expect(result.body).toEqual(leader.body);
    }
    expect((await get('', null)).status).toBe(401);
  });
});

describe('the monthly report’s red list', () => {
  /** Replaces the snapshot of `date` with one whose red projects are `ids`, everything else green. */
  function plantSnapshot(date: string, ids: number[], reason: string) {
    db().delete(lightSnapshotProjects).where(eq(lightSnapshotProjects.date, date)).run();
    db().delete(lightSnapshots).where(eq(lightSnapshots.date, date)).run();
    const all = db().select({ id: projects.id, unitId: projects.unitId }).from(projects).all();
    for (const unit of db().select({ id: units.id }).from(units).all()) {
      const mine = all.filter((p) => p.unitId === unit.id);
      const red = mine.filter((p) => ids.includes(p.id)).length;
      db()
        .insert(lightSnapshots)
        .values({ date, unitId: unit.id, red, yellow: 0, green: mine.length - red, grey: 0 })
        .run();
    }
    for (const id of ids)
      db()
        .insert(lightSnapshotProjects)
        .values({ date, projectId: id, light: 'red', reasons: [`${reason}（${id}）`] })
        .run();
  }

  it('a past month reads its month-end snapshot; the current month reads today’s lights', async () => {
    ensureLightsFresh();
    const greenNow = db().select().from(projects).where(eq(projects.light, 'green')).all();
    const [a, b, c] = [greenNow[0], greenNow[5], greenNow[10]];
    plantSnapshot('2026-10-31', [a.id, b.id], '十月末的红灯原因');
    // Today c turns red, a and b stay green.
    db()
      .update(projects)
      .set({ light: 'red', lightReasons: ['今天的红灯原因'] })
      .where(eq(projects.id, c.id))
      .run();

    const october = monthlyReport({ month: '2026-10' });
    expect(october.redSource).toEqual({ kind: 'snapshot', date: '2026-10-31', monthEnd: true });
    expect(october.red.map((r) => r.projectId).sort(byId)).toEqual([a.id, b.id].sort(byId));
    expect(october.red.find((r) => r.projectId === a.id)!.reasons).toEqual([`十月末的红灯原因（${a.id}）`]);
    expect(headlineFigures(october).red).toBe(2);
    const octoberUnits = new Map(october.byUnit.map((row) => [row.unitId, row.red]));
    expect(octoberUnits.get(a.unitId)).toBe([a, b].filter((p) => p.unitId === a.unitId).length);
    expect(october.byUnit.reduce((sum, row) => sum + (row.red ?? 0), 0)).toBe(2);

    const november = monthlyReport({ month: '2026-11' });
    expect(november.redSource).toEqual({ kind: 'current', date: today() });
    const redToday = db()
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.light, 'red'))
      .all()
      .map((p) => p.id)
      .sort(byId);
    expect(november.red.map((r) => r.projectId).sort(byId)).toEqual(redToday);
    expect(november.red.map((r) => r.projectId)).toContain(c.id);
    expect(november.red.map((r) => r.projectId)).not.toContain(a.id);
    expect(november.red.find((r) => r.projectId === c.id)!.reasons).toEqual(['今天的红灯原因']);

    // The JSON API, the workbook and the printed page show the same October list.
    const api = await call(reportApi, {
      path: '/api/v1/reports/monthly?month=2026-10',
      cookie: await loginAs('leader'),
    });
    expect(api.body.red.map((r: { projectId: number }) => r.projectId).sort(byId)).toEqual([a.id, b.id].sort(byId));
    expect(api.body.redSource.date).toBe('2026-10-31');
    const workbook = await openWorkbook(
      (await download(reportXlsx, '/reports/monthly/export?month=2026-10', await loginAs('leader'))).bytes,
    );
    expect(
      dataRows(workbook.getWorksheet('红灯项目')!)
        .map((row) => row[0])
        .sort(),
    ).toEqual([a.name, b.name].sort());
    const html = renderToStaticMarkup(createElement(MonthlyReportView, { report: october, unitNames: new Map() }));
    expect(html).toContain('灯色为月末 2026-10-31 的快照');
    expect(html).toContain(`十月末的红灯原因（${a.id}）`);
    expect(html).not.toContain('今天的红灯原因');
  });

  it('a past month without a month-end snapshot reads its latest snapshot within the month', () => {
    db().delete(lightSnapshotProjects).where(eq(lightSnapshotProjects.date, '2026-10-31')).run();
    db().delete(lightSnapshots).where(eq(lightSnapshots.date, '2026-10-31')).run();
    const october = monthlyReport({ month: '2026-10' });
    expect(october.redSource).toEqual({ kind: 'snapshot', date: '2026-10-30', monthEnd: false });
    const red = db()
      .select({ id: lightSnapshotProjects.projectId })
      .from(lightSnapshotProjects)
      .where(and(eq(lightSnapshotProjects.date, '2026-10-30'), eq(lightSnapshotProjects.light, 'red')))
      .all()
      .map((r) => r.id)
      .sort(byId);
    expect(red.length).toBeGreaterThan(0);
    expect(october.red.map((r) => r.projectId).sort(byId)).toEqual(red);
  });

  it('a past month with no snapshot says so and lists no red project (never today’s lights)', () => {
    const june = monthlyReport({ month: '2026-06' });
    expect(june.redSource).toEqual({ kind: 'none', date: null });
    expect(june.red).toEqual([]);
    expect(headlineFigures(june).red).toBeNull();
    expect(june.byUnit.every((row) => row.red === null)).toBe(true);
    const html = renderToStaticMarkup(createElement(MonthlyReportView, { report: june, unitNames: new Map() }));
    expect(html).toContain('2026年6月没有灯色快照');
    expect(html).toContain('无快照');
  });
});

describe('本月调整记录', () => {
  it('lists the month’s adjustments by Beijing date in every form of the report', { timeout: 60_000 }, async () => {
    const [p1, p2] = db().select().from(projects).limit(2).all();
    const officer = userId('officer');
    const officerName = db().select({ name: users.name }).from(users).where(eq(users.id, officer)).get()!.name;
    const insert = (
      at: string,
      projectId: number,
      field: string,
      fromValue: unknown,
      toValue: unknown,
      reason: string,
    ) =>
      db()
        .insert(projectAdjustments)
        .values({ projectId, at, byUserId: officer, field, fromValue, toValue, reason })
        .returning({ id: projectAdjustments.id })
        .get().id;
    // 23:59 on 31 October in Beijing, 00:00 on 1 November, mid-November, 00:00 on 1 December.
    const october = insert(
      '2026-10-31T15:59:59.000Z',
      p1.id,
      'plannedCompletionDate',
      '2026-12-31',
      '2027-06-30',
      '设计变更，工期顺延',
    );
    const first = insert('2026-10-31T16:00:00.000Z', p1.id, 'status', 'active', 'suspended', '资金链断裂，暂缓建设');
    const second = insert('2026-11-15T02:00:00.000Z', p2.id, 'shuangshi', true, false, '调出双十名单');
    const third = insert('2026-11-16T02:00:00.000Z', p2.id, 'plannedInvestment', 5000, 3000, '年度计划调减');
    const december = insert(
      '2026-11-30T16:00:00.000Z',
      p2.id,
      'stageDueDate',
      '2026-12-01',
      '2027-01-31',
      '下月的调整',
    );

    const november = monthlyReport({ month: '2026-11' });
    expect(november.adjustments.map((a) => a.id)).toEqual([first, second, third]);
    expect(november.adjustments[0]).toMatchObject({
      projectId: p1.id,
      projectName: p1.name,
      field: 'status',
      fieldLabel: '项目状态',
      from: 'active',
      to: 'suspended',
      fromText: '正常推进',
      toText: '暂缓',
      reason: '资金链断裂，暂缓建设',
      by: officer,
      byName: officerName,
      date: '2026-11-01',
    });
    expect(november.adjustments.slice(1).map((a) => [a.fieldLabel, a.fromText, a.toText])).toEqual([
      ['“双十”工程包', '纳入', '未纳入'],
      ['本年度计划投资', '5,000 万元', '3,000 万元'],
    ]);
    const octoberReport = monthlyReport({ month: '2026-10' });
    expect(octoberReport.adjustments.map((a) => [a.id, a.date, a.fieldLabel])).toEqual([
      [october, '2026-10-31', '计划竣工时间'],
    ]);
    expect(november.adjustments.map((a) => a.id)).not.toContain(december);

    const api = await call(reportApi, {
      path: '/api/v1/reports/monthly?month=2026-11',
      cookie: await loginAs('leader'),
    });
    expect(api.body.adjustments).toEqual(JSON.parse(JSON.stringify(november.adjustments)));

    const workbook = await openWorkbook(
      (await download(reportXlsx, '/reports/monthly/export?month=2026-11', await loginAs('leader'))).bytes,
    );
    const rows = dataRows(workbook.getWorksheet('本月调整记录')!);
    expect(rows.map((row) => [row[1], row[3], row[4], row[5], row[6], row[7]])).toEqual([
      [p1.name, '项目状态', '正常推进', '暂缓', '资金链断裂，暂缓建设', officerName],
      [p2.name, '“双十”工程包', '纳入', '未纳入', '调出双十名单', officerName],
      [p2.name, '本年度计划投资', '5,000 万元', '3,000 万元', '年度计划调减', officerName],
    ]);

    const html = renderToStaticMarkup(createElement(MonthlyReportView, { report: november, unitNames: new Map() }));
    expect(html).toContain('九、本月调整记录');
    expect(html).toContain('资金链断裂，暂缓建设');
    expect(html).not.toContain('下月的调整');
    expect(
      renderToStaticMarkup(
        createElement(MonthlyReportView, { report: monthlyReport({ month: '2026-06' }), unitNames: new Map() }),
      ),
    ).toContain('本月无调整记录');

    const cli = spawnSync(
      process.execPath,
      [
        path.resolve('node_modules/tsx/dist/cli.mjs'),
        '--conditions=react-server',
        'scripts/report-monthly.ts',
        '--month',
        '2026-11',
        '--out',
        path.join(path.dirname(databasePath()), 'r.json'),
      ],
      {
        env: { ...process.env },
        encoding: 'utf8',
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('本月调整记录 3 条');
    expect(cli.stdout).toContain('资金链断裂，暂缓建设');
  });
});

describe('when the snapshot is taken', () => {
  it('the day’s first ensureLightsFresh takes it, once', () => {
    process.env.APP_TODAY = '2026-11-22';
    expect(snapshotOf('2026-11-22').units).toEqual([]);
    ensureLightsFresh();
    const taken = snapshotOf('2026-11-22');
    expect(taken.units.length).toBeGreaterThan(0);
    const red = db()
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.light, 'red'))
      .all()
      .map((p) => p.id)
      .sort(byId);
    expect(taken.projects.filter((p) => p.light === 'red').map((p) => p.projectId)).toEqual(red);
    ensureLightsFresh({ force: true });
    expect(snapshotOf('2026-11-22')).toEqual(taken);
  });

  it('a busy database skips the snapshot without failing the request, and the next call takes it', () => {
    process.env.APP_TODAY = '2026-11-23';
    const other = new Database(databasePath());
    const sqlite = getSqlite();
    const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
    sqlite.pragma('busy_timeout = 20');
    try {
      other.exec('BEGIN IMMEDIATE');
      expect(() => ensureLightsFresh()).not.toThrow();
      expect(snapshotOf('2026-11-23').units).toEqual([]);
      other.exec('ROLLBACK');
      ensureLightsFresh();
      expect(snapshotOf('2026-11-23').units.length).toBeGreaterThan(0);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      sqlite.pragma(`busy_timeout = ${timeout}`);
    }
  });

  it(
    'npm run lights:snapshot writes today once, prints it, and refuses the future and unrecorded past days',
    { timeout: 60_000 },
    () => {
      const run = (...args: string[]) =>
        spawnSync(
          process.execPath,
          [
            path.resolve('node_modules/tsx/dist/cli.mjs'),
            '--conditions=react-server',
            'scripts/lights-snapshot.ts',
            ...args,
          ],
          {
            env: { ...process.env, APP_TODAY: '2026-11-24' },
            encoding: 'utf8',
          },
        );
      const first = run();
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toContain('已记录 2026-11-24 的灯色快照');
      const rows = snapshotOf('2026-11-24');
      expect(rows.units.length).toBeGreaterThan(0);
      const red = rows.units.reduce((sum, row) => sum + row.red, 0);
      expect(first.stdout).toContain(`全市：红灯 ${red} 个`);
      const again = run('--date', '2026-11-24');
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toContain('此前已记录，未作改动');
      expect(snapshotOf('2026-11-24')).toEqual(rows);
      expect(run('--date', '2026-11-25').status).toBe(2);
      const past = run('--date', '2026-01-05');
      expect(past.status).toBe(2);
      expect(past.stderr).toContain('无法补录');
      expect(run('--date', '2026-02-30').status).toBe(2);
      // A recorded past day is printed, unchanged.
      const recorded = run('--date', '2026-11-01');
      expect(recorded.status, recorded.stderr).toBe(0);
      expect(recorded.stdout).toContain('2026-11-01 的灯色快照此前已记录');
    },
  );
});

describe('the ranking’s 红灯数 for a past period', () => {
  it('reads the period’s last snapshot, and the current period reads today’s lights', () => {
    const db = getDb();
    const q3 = periodRange({ year: 2026, quarter: 3 });
    const lastDay = latestSnapshotDate(db, q3);
    expect(lastDay).toBe('2026-09-30');
    const snapshotRed = new Map(listSnapshotUnitCounts(db, lastDay!).map((row) => [row.unitId, row.red]));
    const past = unitFigures(q3, today());
    expect(past.length).toBeGreaterThan(0);
    for (const unit of past) expect(unit.red).toBe(snapshotRed.get(unit.unitId) ?? 0);

    const current = unitFigures(periodRange({ year: 2026, quarter: 4 }), today());
    const liveRed = (unitId: number) =>
      db
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.unitId, unitId), eq(projects.light, 'red')))
        .all().length;
    for (const unit of current) expect(unit.red).toBe(liveRed(unit.unitId));
    // The demo's lights moved between the end of September and today, so the two differ somewhere.
    expect(past.some((unit) => unit.red !== liveRed(unit.unitId))).toBe(true);
  });
});
