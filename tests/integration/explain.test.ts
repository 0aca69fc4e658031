import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainAll, planCases } from '../../scripts/explain';

// The list queries' plans (scripts/explain.ts, `npm run bench -- --plans`) on a generated database:
// no full scan of projects or leads outside the documented exceptions, and the first page of each
// list in its default order read from an index, not sorted in a temp b-tree.

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
      '600',
      '--out',
      process.env.DATABASE_PATH!,
      '--today',
      process.env.APP_TODAY!,
    ],
    { cwd: ROOT, stdio: 'pipe', env: { ...process.env } },
  );
}, 120_000);

describe('EXPLAIN QUERY PLAN of the list queries', () => {
  it('finds no full scan and no sorted first page in its default order', () => {
    const results = explainAll(process.env.DATABASE_PATH!);
    expect(results.length).toBe(planCases().length);
    const failing = results
      .filter((result) => result.problems.length > 0)
      .map((result) => `${result.name}: ${result.problems.join('; ')}`);
    expect(failing).toEqual([]);
    const ledger = results.find((result) => result.name === 'ledger sort=light 无筛选')!;
    expect(ledger.statements.flatMap((s) => s.plan).join('\n')).toMatch(/projects_ledger_light_idx/);
  });

  it('fails the ledger and leads lists when their order indexes are missing', () => {
    const copy = path.join(path.dirname(process.env.DATABASE_PATH!), 'no-order-indexes.db');
    const source = new Database(process.env.DATABASE_PATH!);
    source.exec(`vacuum into '${copy}'`);
    source.close();
    const damaged = new Database(copy);
    damaged.exec('drop index projects_ledger_light_idx; drop index leads_updated_idx');
    damaged.close();
    const cases = planCases().filter((c) => ['ledger sort=light 无筛选', 'leads list sort=updatedAt'].includes(c.name));
    const results = explainAll(copy, cases);
    expect(results.map((result) => result.problems.length > 0)).toEqual([true, true]);
    expect(results[0].problems.join()).toMatch(/临时 B 树|全表扫描/);
    fs.rmSync(copy, { force: true });
  });
});
