import { beforeAll, describe, expect, it } from 'vitest';
import { getSqlite } from '@/db';
import { listLedgerRows } from '@/db/queries/projects';
import { LEDGER_SORTS, type LedgerSort } from '@/lib/schemas/ledger';
import { seedOnce } from '../support/api';

// The ledger reads a page of ids first and joins the names for those rows only (issue 19). Its
// order must stay the one the single four-way join gave, for every sort, both directions and every
// page: compared here with that join written out in plain SQL.

const ORDER_BY: Record<LedgerSort, string> = {
  code: "coalesce(p.code, '~')",
  name: 'p.name',
  category: 'p.category',
  unit: 'u.sort_order',
  industry: 'coalesce(i.sort_order, 999999)',
  stage:
    "case p.stage when 'reserve' then 1 when 'signed' then 2 when 'approvals' then 3 when 'construction' then 4 when 'completed' then 5 else 6 end",
  days: '-julianday(p.stage_entered_at)',
  leader: "coalesce(l.name, '~')",
  owner: "coalesce(o.name, '~')",
  total: 'p.total_investment',
  planned: 'p.planned_investment_this_year',
  completed: 'p.completed_investment',
  light: "case p.light when 'red' then 1 when 'yellow' then 2 when 'green' then 3 else 4 end",
};

function referenceIds(sort: LedgerSort, dir: 'asc' | 'desc', where = '1 = 1'): number[] {
  return getSqlite()
    .prepare(
      `select p.id from projects p join units u on u.id = p.unit_id
       left join industries i on i.id = p.industry_id
       left join users l on l.id = p.leader_id left join users o on o.id = p.owner_id
       where ${where} order by ${ORDER_BY[sort]} ${dir}, p.id ${dir}`,
    )
    .pluck()
    .all() as number[];
}

describe('ledger order (ids first)', () => {
  beforeAll(() => seedOnce());

  it('has projects with distinct and tied sort values to order', () => {
    const ids = referenceIds('light', 'asc');
    expect(ids.length).toBeGreaterThan(20);
    expect(
      new Set(listLedgerRows({ filters: {}, page: 1, pageSize: 1000 }).map((row) => row.light)).size,
    ).toBeGreaterThan(1);
  });

  for (const sort of LEDGER_SORTS) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`${sort} ${dir}: every page is the four-way join's order`, () => {
        const expected = referenceIds(sort, dir);
        const pageSize = 7;
        const pages = Math.ceil(expected.length / pageSize);
        const seen: number[] = [];
        for (let page = 1; page <= pages; page++) {
          const rows = listLedgerRows({ filters: {}, sort, dir, page, pageSize });
          seen.push(...rows.map((row) => row.id));
        }
        expect(seen).toEqual(expected);
      });
    }
  }

  it('filters before paging and joins the names of the rows it returns', () => {
    const expected = referenceIds('leader', 'asc', "p.stage = 'construction'");
    const rows = listLedgerRows({
      filters: { stage: 'construction' },
      sort: 'leader',
      dir: 'asc',
      page: 1,
      pageSize: 500,
    });
    expect(rows.map((row) => row.id)).toEqual(expected);
    const names = getSqlite()
      .prepare(
        'select p.id, u.name unit, l.name leader from projects p join units u on u.id = p.unit_id left join users l on l.id = p.leader_id',
      )
      .all() as Array<{ id: number; unit: string; leader: string | null }>;
    const byId = new Map(names.map((row) => [row.id, row]));
    for (const row of rows) {
      expect(row.unitName).toBe(byId.get(row.id)!.unit);
      expect(row.leaderName).toBe(byId.get(row.id)!.leader);
    }
  });

  it('returns no rows past the last page', () => {
    expect(listLedgerRows({ filters: {}, page: 10_000, pageSize: 50 })).toEqual([]);
  });
});
