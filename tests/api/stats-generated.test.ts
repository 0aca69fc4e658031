import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSqlite } from '@/db';
import { loadDashboard } from '@/domain/dashboard';
import { today } from '@/lib/rules/dates';
import { periodRange } from '@/lib/rules/stats';
import { loginAs } from '../support/api';
import { expectFiguresEqualDrills, fetchStats, independentFigures } from '../support/stats-drill';

// The drill-down checks of tests/api/stats.test.ts on a generated 2,000-project database
// (scripts/generate-demo.ts, the benchmark's generator, written into this file's test database).

const ROOT = path.resolve(import.meta.dirname, '../..');

beforeAll(() => {
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      'scripts/generate-demo.ts',
      '--projects',
      '2000',
      '--leads',
      '400',
      '--out',
      process.env.DATABASE_PATH!,
      '--today',
      today(),
    ],
    { cwd: ROOT, stdio: 'pipe', env: { ...process.env } },
  );
  const n = (getSqlite().prepare('select count(*) n from projects').get() as { n: number }).n;
  expect(n).toBe(2000);
}, 120_000);

const year = () => Number(today().slice(0, 4));

describe('GET /api/v1/stats on a generated 2,000-project database', () => {
  for (const scope of ['all', 'shuangshi'] as const) {
    it(`every figure equals its drill-down, scope=${scope}, city-wide and for one unit`, async () => {
      const cookie = await loginAs('leader');
      const unit = getSqlite()
        .prepare('select unit_id u from projects group by unit_id order by count(*) desc limit 1')
        .get() as { u: number };
      for (const unitId of [undefined, unit.u]) {
        const stats = await fetchStats(cookie, `year=${year()}&scope=${scope}${unitId ? `&unitId=${unitId}` : ''}`);
        const rows = await expectFiguresEqualDrills(cookie, stats);
        expect(rows.find((r) => r.name === 'started')!.figure).toBeGreaterThan(unitId ? 5 : 100);
        const independent = independentFigures(year(), { shuangshi: scope === 'shuangshi', unitId });
        expect([
          stats.actual.started,
          stats.actual.signed,
          stats.actual.landed,
          stats.actual.investmentCompleted,
        ]).toEqual([independent.started, independent.signed, independent.landed, independent.investmentCompleted]);
        const dashboard = loadDashboard({
          year: year(),
          scope,
          unitId,
          day: today(),
          ranking: periodRange({ year: year(), quarter: null }),
        });
        expect(JSON.parse(JSON.stringify(dashboard.stats))).toEqual(stats);
      }
    });
  }
});
