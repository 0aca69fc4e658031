import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as reportApi } from '@/app/api/v1/reports/monthly/route';
import { GET as reportXlsx } from '@/app/(app)/reports/monthly/export/route';
import { getDb } from '@/db';
import { lightSnapshotProjects, monthlyReports, problemEvents, problems, projects, stageHistory } from '@/db/schema';
import { headlineFigures, monthlyReport, monthRange, rankingPeriodOf } from '@/domain/monthly-report';
import { HEADER_ROW, MONEY_FORMAT, XLSX_CONTENT_TYPE } from '@/lib/excel/writer';
import { monthOf, nextMonth, previousMonth, today } from '@/lib/rules/dates';
import { REPORTING_STAGES } from '@/lib/rules/light';
import { RANKING_GROUP_LABELS } from '@/lib/rules/stats';
import { groupRankings } from '@/domain/rankings';
import { call, loginAs, seedOnce } from '../support/api';
import { dataRows, download, headers, openWorkbook } from '../support/download';

beforeAll(() => seedOnce());

const lastMonth = () => previousMonth(monthOf(today()));
const inMonth = (timestamp: string, month: string) => timestamp.slice(0, 7) === month;

describe('GET /api/v1/reports/monthly', () => {
  it('gives leaders and admins the contract fields', async () => {
    for (const user of ['leader', 'admin']) {
      const result = await call(reportApi, {
        path: `/api/v1/reports/monthly?month=${lastMonth()}`,
        cookie: await loginAs(user),
      });
      expect(result.status).toBe(200);
      for (const key of [
        'month',
        'targets',
        'started',
        'completed',
        'operating',
        'investmentThisMonth',
        'investmentYearToDate',
        'byUnit',
        'red',
        'problemsEscalated',
        'problemsClosed',
        'openSupervisions',
        'missingReports',
        'ranking',
      ]) {
        expect(result.body).toHaveProperty(key);
      }
      expect(result.body.month).toBe(lastMonth());
      expect(Object.keys(result.body.targets).sort()).toEqual(['investmentTarget', 'startedTarget']);
      expect(Object.keys(result.body.byUnit[0])).toEqual(
        expect.arrayContaining(['unitId', 'investmentThisMonth', 'investmentYearToDate', 'started', 'red']),
      );
      expect(Object.keys(result.body.ranking[0])).toEqual(
        expect.arrayContaining(['unitId', 'rank', 'startRate', 'investmentRate', 'onTimeRate', 'redCount']),
      );
    }
  });

  it('refuses officers and investment staff (403) and anonymous callers (401)', async () => {
    for (const user of ['officer', 'investment']) {
      const result = await call(reportApi, {
        path: `/api/v1/reports/monthly?month=${lastMonth()}`,
        cookie: await loginAs(user),
      });
      expect(result.status).toBe(403);
    }
    expect((await call(reportApi, { path: `/api/v1/reports/monthly?month=${lastMonth()}` })).status).toBe(401);
  });

  it.each([['2026-13'], ['2026-1'], ['abc'], [''], ['future']])('400 with a month field for month=%s', async (raw) => {
    const month = raw === 'future' ? nextMonth(monthOf(today())) : raw;
    const result = await call(reportApi, {
      path: `/api/v1/reports/monthly?month=${month}`,
      cookie: await loginAs('leader'),
    });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('validation_failed');
    expect(result.body.error.fields.month?.length).toBeGreaterThan(0);
  });
});

describe('monthlyReport figures on the seed', () => {
  const month = lastMonth();
  const report = () => monthlyReport({ month });

  it('started, completed and operating are the moves inside the month from stage_history', () => {
    const moves = getDb().select().from(stageHistory).all();
    const movedInto = (stage: string) =>
      [...new Set(moves.filter((m) => m.toStage === stage && inMonth(m.at, month)).map((m) => m.projectId))].sort(
        (a, b) => a - b,
      );
    const r = report();
    expect(r.started.map((p) => p.id).sort((a, b) => a - b)).toEqual(movedInto('construction'));
    expect(r.completed.map((p) => p.id).sort((a, b) => a - b)).toEqual(movedInto('completed'));
    expect(r.operating.map((p) => p.id).sort((a, b) => a - b)).toEqual(movedInto('operating'));
    expect(r.started.length + r.completed.length + r.operating.length).toBeGreaterThan(0);
    expect(r.started[0] ?? r.completed[0]).toHaveProperty('lightReasons');
  });

  it('investment this month and year to date are the sums of monthly_reports', () => {
    const reports = getDb().select().from(monthlyReports).all();
    const r = report();
    const thisMonth = reports.filter((x) => x.month === month).reduce((sum, x) => sum + x.investmentThisMonth, 0);
    const ytd = reports
      .filter((x) => x.month.slice(0, 4) === month.slice(0, 4) && x.month <= month)
      .reduce((sum, x) => sum + x.investmentThisMonth, 0);
    expect(thisMonth).toBeGreaterThan(0);
    expect(r.investmentThisMonth).toBe(thisMonth);
    expect(r.investmentYearToDate).toBe(ytd);
    expect(r.byUnit.reduce((sum, row) => sum + row.investmentThisMonth, 0)).toBe(thisMonth);
    expect(r.byUnit.reduce((sum, row) => sum + row.started, 0)).toBe(r.started.length);
    const unitOf = new Map(
      getDb()
        .select({ id: projects.id, unitId: projects.unitId })
        .from(projects)
        .all()
        .map((p) => [p.id, p.unitId]),
    );
    const first = r.byUnit.find((row) => row.investmentThisMonth > 0)!;
    expect(first.investmentThisMonth).toBe(
      reports
        .filter((x) => x.month === month && unitOf.get(x.projectId) === first.unitId)
        .reduce((sum, x) => sum + x.investmentThisMonth, 0),
    );
  });

  it('missing reports are the projects in a reporting stage at month end, created by then, with no report', () => {
    const end = `${month}-31`;
    const moves = getDb()
      .select()
      .from(stageHistory)
      .all()
      .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
    const reported = new Set(
      getDb()
        .select()
        .from(monthlyReports)
        .all()
        .filter((x) => x.month === month)
        .map((x) => x.projectId),
    );
    const expected = getDb()
      .select()
      .from(projects)
      .all()
      .filter((p) => {
        if (p.createdAt.slice(0, 10) > end || reported.has(p.id)) return false;
        const last = moves.filter((m) => m.projectId === p.id && m.at.slice(0, 7) <= month).at(-1);
        return last !== undefined && REPORTING_STAGES.includes(last.toStage);
      })
      .map((p) => p.id)
      .sort((a, b) => a - b);
    const r = report();
    expect(expected.length).toBeGreaterThan(0);
    expect(r.missingReports.map((m) => m.projectId).sort((a, b) => a - b)).toEqual(expected);
    expect(r.missingReports.every((m) => typeof m.unitId === 'number')).toBe(true);
  });

  it('problems escalated to city level and closed off are those with such an event in the month', () => {
    const events = getDb()
      .select()
      .from(problemEvents)
      .all()
      .filter((e) => inMonth(e.at, month));
    const escalated = [
      ...new Set(
        events
          .filter((e) => e.action === 'escalated' && (e.toLevel === 'city_meeting' || e.toLevel === 'city_leader'))
          .map((e) => e.problemId),
      ),
    ].sort((a, b) => a - b);
    const closed = [...new Set(events.filter((e) => e.action === 'closed').map((e) => e.problemId))].sort(
      (a, b) => a - b,
    );
    const r = report();
    expect(r.problemsEscalated.map((p) => p.id).sort((a, b) => a - b)).toEqual(escalated);
    expect(r.problemsClosed.map((p) => p.id).sort((a, b) => a - b)).toEqual(closed);
  });

  it('the ranking equals the dashboard’s 考核排名 for the quarter of the month, group by group', () => {
    const day = today();
    const { range } = rankingPeriodOf(month);
    // The dashboard ranks each 考核 group on its own (issue 13); the report lists the groups in turn.
    const dashboard = groupRankings(range, day).flatMap(({ group, ranked }) => ranked.map((u) => ({ ...u, group })));
    const r = report();
    expect(
      r.ranking.map((u) => [u.group, u.unitId, u.rank, u.startRate, u.investmentRate, u.onTimeRate, u.redCount]),
    ).toEqual(
      dashboard.map((u) => [u.group, u.unitId, u.position, u.startRate, u.investmentRate, u.onTimeRate, u.red]),
    );
    expect(new Set(r.ranking.map((u) => u.group)).size).toBeGreaterThan(1);
    expect(r.rankingPeriod.label).toBe(range.label);
  });

  // A past month's red list is its month-end light snapshot (the seed backfills the demo's history),
  // the current month's is today's lights (tests/api/light-history.test.ts covers the other cases).
  it('red projects of a past month are the month-end snapshot’s, with the reasons of that day', () => {
    const r = report();
    const end = monthRange(month).to;
    const red = getDb()
      .select()
      .from(lightSnapshotProjects)
      .all()
      .filter((row) => row.date === end && row.light === 'red');
    expect(red.length).toBeGreaterThan(0);
    expect(r.redSource).toEqual({ kind: 'snapshot', date: end, monthEnd: true });
    expect(r.red.map((x) => x.projectId).sort((a, b) => a - b)).toEqual(
      red.map((row) => row.projectId).sort((a, b) => a - b),
    );
    expect(r.red.map((x) => x.reasons)).toEqual(
      r.red.map((x) => red.find((row) => row.projectId === x.projectId)!.reasons),
    );
    expect(r.red.every((x) => x.reasons.length > 0)).toBe(true);
  });

  it('red projects of the current month are those red today', () => {
    const r = monthlyReport({ month: monthOf(today()) });
    const red = getDb()
      .select()
      .from(projects)
      .all()
      .filter((p) => p.light === 'red');
    expect(r.redSource).toEqual({ kind: 'current', date: today() });
    expect(r.red.map((x) => x.projectId).sort((a, b) => a - b)).toEqual(red.map((p) => p.id).sort((a, b) => a - b));
    expect(r.red.every((x) => x.reasons.length > 0)).toBe(true);
  });
});

describe('the four forms agree', () => {
  const month = lastMonth();

  it('JSON API equals the data function', async () => {
    const result = await call(reportApi, {
      path: `/api/v1/reports/monthly?month=${month}`,
      cookie: await loginAs('leader'),
    });
    expect(result.body).toEqual(JSON.parse(JSON.stringify(monthlyReport({ month }))));
  });

  it('the workbook has a sheet per section with the same numbers', async () => {
    const report = monthlyReport({ month });
    const result = await download(reportXlsx, `/reports/monthly/export?month=${month}`, await loginAs('leader'));
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
    const workbook = await openWorkbook(result.bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '概况',
      '本月开工',
      '本月竣工',
      '本月投产',
      '分单位完成投资',
      '红灯项目',
      '上报市级问题',
      '本月销号问题',
      '未办结督办',
      '考核排名',
      '缺报月报',
      '本月调整记录',
    ]);
    const headline = workbook.getWorksheet('概况')!;
    const h = headlineFigures(report);
    const cell = (header: string) => headline.getCell(HEADER_ROW + 1, headers(headline).indexOf(header) + 1);
    expect(cell('本月完成投资（万元）').value).toBe(h.investmentThisMonth);
    expect(cell('本月完成投资（万元）').numFmt).toBe(MONEY_FORMAT);
    expect(cell('年度累计完成投资（万元）').value).toBe(h.investmentYearToDate);
    expect(cell('本月开工项目（个）').value).toBe(h.startedThisMonth);
    expect(cell('缺报月报项目（个）').value).toBe(report.missingReports.length);
    expect(String(headline.getCell('A1').value)).toContain('月份：');

    const units = dataRows(workbook.getWorksheet('分单位完成投资')!);
    expect(units.slice(0, -1).map((row) => [row[0], row[1], row[2], row[3]])).toEqual(
      report.byUnit.map((u) => [u.unitName, u.investmentThisMonth, u.investmentYearToDate, u.started]),
    );
    expect(units.at(-1)!.slice(0, 3)).toEqual(['合计', report.investmentThisMonth, report.investmentYearToDate]);
    // The sheet leads with the 考核分组 column since issue 13, so the unit is the third column.
    expect(dataRows(workbook.getWorksheet('考核排名')!).map((row) => [row[0], row[1], row[2]])).toEqual(
      report.ranking.map((u) => [RANKING_GROUP_LABELS[u.group], u.rank, u.unitName]),
    );
    expect(dataRows(workbook.getWorksheet('缺报月报')!).map((row) => row[0])).toEqual(
      report.missingReports.map((m) => m.name),
    );
    expect(dataRows(workbook.getWorksheet('本月开工')!).map((row) => row[1])).toEqual(
      report.started.map((p) => p.name),
    );
  });

  it('the workbook is refused to an officer', async () => {
    expect(
      (await download(reportXlsx, `/reports/monthly/export?month=${month}`, await loginAs('officer'))).status,
    ).toBe(403);
    expect((await download(reportXlsx, '/reports/monthly/export?month=2026-00', await loginAs('leader'))).status).toBe(
      400,
    );
  });

  it('the CLI writes the same JSON and a workbook, and prints a summary', { timeout: 60_000 }, () => {
    const report = JSON.parse(JSON.stringify(monthlyReport({ month })));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-cli-'));
    const run = (out: string) =>
      spawnSync(
        process.execPath,
        [
          path.resolve('node_modules/tsx/dist/cli.mjs'),
          '--conditions=react-server',
          'scripts/report-monthly.ts',
          '--month',
          month,
          '--out',
          out,
        ],
        {
          env: { ...process.env },
          encoding: 'utf8',
        },
      );
    const json = run(path.join(dir, 'report.json'));
    expect(json.status, json.stderr).toBe(0);
    expect(json.stdout).toContain('吉林市重点项目月度调度通报');
    expect(json.stdout).toContain(`本月开工 ${report.started.length} 个`);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'))).toEqual(report);
    const xlsx = run(path.join(dir, 'report.xlsx'));
    expect(xlsx.status, xlsx.stderr).toBe(0);
    expect(fs.statSync(path.join(dir, 'report.xlsx')).size).toBeGreaterThan(5000);
    const bad = spawnSync(
      process.execPath,
      [
        path.resolve('node_modules/tsx/dist/cli.mjs'),
        '--conditions=react-server',
        'scripts/report-monthly.ts',
        '--month',
        '2026-13',
        '--out',
        path.join(dir, 'x.json'),
      ],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('月份格式应为 YYYY-MM');
  });
});

describe('events are dated by their Beijing day', () => {
  it('a problem closed at 00:30 on 1 November in Beijing (16:30 UTC on 31 October) is November’s', () => {
    const db = getDb();
    const problem = db.select({ id: problems.id }).from(problems).limit(1).get()!;
    db.insert(problemEvents)
      .values({
        problemId: problem.id,
        at: '2026-10-31T16:30:00.000Z',
        action: 'closed',
        note: '北京时间11月1日凌晨销号',
      })
      .run();
    const closedIn = (month: string) => monthlyReport({ month }).problemsClosed.map((row) => row.id);
    expect(closedIn('2026-11')).toContain(problem.id);
    expect(closedIn('2026-10')).not.toContain(problem.id);
  });
});
