// The list queries' plans: npx tsx --conditions=react-server scripts/explain.ts --db data/bench-100000.db
// (also `npm run bench -- --plans`, and tests/integration/explain.test.ts on a small generated database).
//
// Each case calls the app's real query function (db/queries/*) on a connection opened with
// better-sqlite3's `verbose` hook, which hands over every statement as executed, with its bound
// values written in as literals. Each captured statement then goes through EXPLAIN QUERY PLAN. So the
// SQL is the builders' own, whatever they become: when a query function is renamed or changes its
// parameters, only its line in CASES below changes. (Literals, not parameters: SQLite may pick a
// partial or expression index for a literal that it could not for a bound value. The ledger's light
// order is written with literals in the query itself, so the default sort is judged as it runs.)
//
// A case fails on
//   - `SCAN projects` / `SCAN leads` (a full table read) without an index, unless the case says why
//     it may (unfiltered aggregates, which are cached; `q` LIKE search, which no b-tree serves), or
//     the statement is LIMITed and needs no sort (a walk in rowid order that stops at the limit);
//   - `USE TEMP B-TREE FOR ORDER BY` when the case is a LIMITed list in its default sort with no
//     filter: the first page must be an index range read, not a sort of the whole table.
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../db/schema';
import { listLedgerRows, listProjectRows } from '../db/queries/projects';
import { projectBoardRows, projectBoardSums, leadBoardRows, leadBoardSums } from '../db/queries/board';
import { listLitProjects, listOverdueLeads } from '../db/queries/alerts';
import { listMapPoints, sumProjectsByUnit } from '../db/queries/map';
import { listLeads } from '../db/queries/leads';
import { listProblems } from '../db/queries/problems';
import { countProjectsByLight, listProjectsByLight, listTasksOverdue, listFollowUpsDue } from '../db/queries/desk';
import { LEDGER_SORTS, type LedgerSort } from '../lib/schemas/ledger';
import { LEAD_SORTS } from '../lib/rules/lead-sorts';
import { PROJECT_LANES, RENDERED_LANES } from '../lib/schemas/board';
import type { ProjectFilters } from '../lib/schemas/filters';
import { addDaysIso, today } from '../lib/rules/dates';

export interface PlanCase {
  name: string;
  run: (ids: SampleIds) => unknown;
  /** A LIMITed list in its default sort with no filter: a temp b-tree for ORDER BY fails it. */
  defaultSortPage?: boolean;
  /** Why a full scan of projects/leads is acceptable here (shown in the report). */
  scanAllowed?: string;
}

export interface SampleIds {
  unitId: number;
  packageId: number;
  ownerId: number;
  leaderId: number;
  day: string;
}

export interface PlanResult {
  name: string;
  statements: Array<{ sql: string; plan: string[] }>;
  problems: string[];
  allowed?: string;
}

const UNFILTERED_AGGREGATE = '不带筛选的全市汇总（经 cached() 缓存）';
const MAP_ALL_POINTS = '全市地图点位：返回全部有坐标的项目';
const LIKE_SEARCH = '关键词 LIKE 模糊搜索，B 树索引无法支持（已在 docs/performance.md 说明）';

/** The ledger's filters the plan check tries with every sort. */
function ledgerFilters(ids: SampleIds): Array<{ label: string; filters: ProjectFilters; scanAllowed?: string }> {
  return [
    { label: '无筛选', filters: {} },
    { label: 'unitId', filters: { unitId: ids.unitId } },
    { label: 'stage', filters: { stage: 'construction' } },
    { label: 'minInvestment', filters: { minInvestment: 100_000 } },
    {
      label: 'enteredStage+period',
      filters: { enteredStage: 'construction', enteredFrom: addDaysIso(ids.day, -90), enteredTo: ids.day },
    },
    { label: 'packageId', filters: { packageId: ids.packageId } },
    { label: 'q', filters: { q: '产业园' }, scanAllowed: LIKE_SEARCH },
  ];
}

export function planCases(): PlanCase[] {
  const cases: PlanCase[] = [];
  const probe: SampleIds = { unitId: 0, packageId: 0, ownerId: 0, leaderId: 0, day: today() };
  for (const sort of LEDGER_SORTS as readonly LedgerSort[]) {
    for (const { label, scanAllowed } of ledgerFilters(probe)) {
      cases.push({
        name: `ledger sort=${sort} ${label}`,
        run: (ids) =>
          listLedgerRows({
            filters: ledgerFilters(ids).find((f) => f.label === label)!.filters,
            sort,
            page: 1,
            pageSize: 50,
          }),
        defaultSortPage: sort === 'light' && label === '无筛选',
        scanAllowed,
      });
    }
  }
  cases.push(
    { name: 'ledger sort=light page 2', run: () => listLedgerRows({ filters: {}, page: 2, pageSize: 50 }) },
    {
      name: 'api/v1/projects',
      run: () => listProjectRows({ filters: {}, page: 1, pageSize: 50 }),
      defaultSortPage: true,
    },
    { name: 'board sums', run: () => projectBoardSums({}), scanAllowed: UNFILTERED_AGGREGATE },
    { name: 'board cards', run: () => projectBoardRows({}, undefined, 30, RENDERED_LANES) },
    {
      name: 'board cards unitId',
      run: (ids) => projectBoardRows({ unitId: ids.unitId }, undefined, 30, RENDERED_LANES),
    },
    ...PROJECT_LANES.flatMap((lane) => [
      { name: `board sums lane=${lane}`, run: () => projectBoardSums({}, lane), scanAllowed: UNFILTERED_AGGREGATE },
      { name: `board lane cells lane=${lane}`, run: () => projectBoardRows({}, lane, 10, RENDERED_LANES) },
    ]),
    { name: 'lead board sums', run: () => leadBoardSums({}), scanAllowed: UNFILTERED_AGGREGATE },
    { name: 'lead board cards', run: (ids) => leadBoardRows({}, undefined, 30, ids.day, RENDERED_LANES) },
    { name: 'alerts lit list', run: () => listLitProjects() },
    { name: 'alerts overdue leads', run: (ids) => listOverdueLeads({ day: ids.day }) },
    // Every located project is a point: unfiltered, reading the table or the partial index costs about
    // the same, and SQLite picks either by its statistics. A unit's points must use the index.
    { name: 'map points', run: () => listMapPoints({}), scanAllowed: MAP_ALL_POINTS },
    { name: 'map points unitId', run: (ids) => listMapPoints({ unitId: ids.unitId }) },
    { name: 'map sums by unit', run: () => sumProjectsByUnit({}), scanAllowed: UNFILTERED_AGGREGATE },
    ...LEAD_SORTS.map((sort) => ({
      name: `leads list sort=${sort}`,
      run: (ids: SampleIds) => listLeads({ filters: {}, sort, page: 1, pageSize: 50, day: ids.day }),
      defaultSortPage: sort === 'updatedAt',
    })),
    { name: 'problems list', run: (ids) => listProblems({ filters: {}, day: ids.day }) },
    { name: 'problems list unitId', run: (ids) => listProblems({ filters: { unitId: ids.unitId }, day: ids.day }) },
    { name: 'desk lights (owner)', run: (ids) => countProjectsByLight({ ownerId: ids.ownerId }) },
    { name: 'desk lit projects (leader)', run: (ids) => listProjectsByLight({ leaderId: ids.leaderId }) },
    { name: 'desk city lights', run: () => countProjectsByLight('city'), scanAllowed: UNFILTERED_AGGREGATE },
    { name: 'desk tasks overdue', run: (ids) => listTasksOverdue(ids.ownerId, ids.day) },
    { name: 'desk follow-ups due', run: (ids) => listFollowUpsDue(ids.ownerId, null, ids.day) },
  );
  return cases;
}

/** `SCAN projects`, `SCAN leads` (any alias) read the whole table; `USING [COVERING] INDEX` is an index walk. */
const FULL_SCAN = /^SCAN (projects|leads)\b(?!.*USING (COVERING )?INDEX)/;
const TEMP_SORT = /USE TEMP B-TREE FOR ORDER BY/;

function planLines(sqlite: Database.Database, statement: string): string[] {
  const rows = sqlite.prepare(`explain query plan ${statement}`).all() as Array<{
    id: number;
    parent: number;
    detail: string;
  }>;
  const depth = new Map<number, number>([[0, 0]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? 0) + 1;
    depth.set(row.id, level);
    return `${'  '.repeat(level - 1)}${row.detail}`;
  });
}

/** Runs every case against `dbPath` (an already migrated database) and returns its plans and problems. */
export function explainAll(dbPath: string, cases = planCases()): PlanResult[] {
  const file = path.resolve(dbPath);
  let captured: string[] | null = null;
  const sqlite = new Database(file, {
    readonly: true,
    verbose: (message) => captured?.push(String(message)),
  });
  sqlite.pragma('busy_timeout = 5000');
  // The query functions read through getDb(): hand them this connection (db/index.ts caches its
  // handle on globalThis by path).
  process.env.DATABASE_PATH = file;
  const previous = (globalThis as { __jilinDb?: unknown }).__jilinDb;
  (globalThis as { __jilinDb?: unknown }).__jilinDb = { path: file, sqlite, db: drizzle(sqlite, { schema }) };
  try {
    const one = <T>(q: string) => sqlite.prepare(q).pluck().get() as T;
    const ids: SampleIds = {
      unitId: one<number>('select unit_id from projects group by unit_id order by count(*) desc limit 1'),
      packageId:
        one<number>('select package_id from package_projects group by package_id order by count(*) desc limit 1') ?? 1,
      ownerId: one<number>(
        'select owner_id from projects where owner_id is not null group by owner_id order by count(*) desc limit 1',
      ),
      leaderId: one<number>(
        'select leader_id from projects where leader_id is not null group by leader_id order by count(*) desc limit 1',
      ),
      day: today(),
    };
    return cases.map((planCase) => {
      const seen: string[] = [];
      captured = seen;
      try {
        planCase.run(ids);
      } finally {
        captured = null;
      }
      const statements = [...new Set(seen)].filter((s) => /^\s*(select|with)\b/i.test(s));
      const explained = statements.map((sql) => ({ sql, plan: planLines(sqlite, sql) }));
      const problems: string[] = [];
      // A cached answer (db/queries/read-cache.ts) runs no SQL: say so instead of passing silently.
      if (explained.length === 0) problems.push('没有捕获到查询语句（结果来自缓存，或查询函数已改名）');
      for (const { sql, plan } of explained) {
        // A LIMITed statement whose order the table itself serves (e.g. `order by id desc`, no temp
        // b-tree) walks rows in order and stops at the limit: not a full read.
        const orderedWalk = /\blimit\b/i.test(sql) && !plan.some((line) => TEMP_SORT.test(line));
        for (const line of plan) {
          const detail = line.trim();
          if (FULL_SCAN.test(detail) && !planCase.scanAllowed && !orderedWalk) problems.push(`全表扫描：${detail}`);
          if (TEMP_SORT.test(detail) && planCase.defaultSortPage)
            problems.push(`默认排序的首页在临时 B 树上排序：${detail}`);
        }
      }
      return { name: planCase.name, statements: explained, problems, allowed: planCase.scanAllowed };
    });
  } finally {
    (globalThis as { __jilinDb?: unknown }).__jilinDb = previous;
    sqlite.close();
  }
}

/** Prints the report; returns the number of failing cases. */
export function printPlans(results: PlanResult[], { verbose = false } = {}): number {
  let failing = 0;
  for (const result of results) {
    const ok = result.problems.length === 0;
    if (!ok) failing++;
    console.log(`${ok ? '✓' : '✗'} ${result.name}${result.allowed ? `（允许扫描：${result.allowed}）` : ''}`);
    if (!ok || verbose) {
      for (const { sql, plan } of result.statements) {
        if (verbose) console.log(`    ${sql.replace(/\s+/g, ' ').slice(0, 240)}`);
        for (const line of plan) console.log(`      ${line}`);
      }
      for (const problem of result.problems) console.log(`    → ${problem}`);
    }
  }
  console.log(`\n查询计划：${results.length} 项，${failing} 项不合格`);
  return failing;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const i = process.argv.indexOf('--db');
  const db = i > 0 ? process.argv[i + 1] : 'data/bench.db';
  const failing = printPlans(explainAll(db), { verbose: process.argv.includes('--verbose') });
  process.exit(failing ? 1 : 0);
}
