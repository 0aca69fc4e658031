import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { call, loginAs, seedOnce, userId } from '../support/api';
import { GET as board } from '@/app/api/v1/board/route';
import { GET as cards } from '@/app/api/v1/board/cards/route';
import { getDb } from '@/db';
import { leads, projects, units } from '@/db/schema';
import { leadWhere, sumProjects } from '@/db/queries/project-filters';
import { filtersToQuery } from '@/lib/schemas/board';
import { LEAD_STAGES, STAGES } from '@/lib/rules/enums';
import type { ProjectFilters } from '@/lib/schemas/filters';

beforeAll(() => seedOnce());

const unitIdOf = (name: string) => getDb().select({ id: units.id }).from(units).where(eq(units.name, name)).get()!.id;

async function getBoard(query: string, user = 'leader') {
  return call(board, { path: `/api/v1/board?${query}`, cookie: await loginAs(user) });
}

describe('GET /api/v1/board?kind=projects', () => {
  const combos: Array<[string, () => ProjectFilters]> = [
    ['no filter', () => ({})],
    ['unit', () => ({ unitId: unitIdOf('昌邑区') })],
    ['category + 双十', () => ({ category: 'attraction', shuangshi: true })],
    ['red light', () => ({ light: 'red' })],
    ['search', () => ({ q: '吉林' })],
    ['leader + industry', () => ({ leaderId: userId('leader'), industryId: 1 })],
    ['status + not 双十', () => ({ status: 'active', shuangshi: false })],
  ];

  it.each(combos)('column sums equal sumProjects under %s', async (_label, make) => {
    const filters = make();
    const result = await getBoard(`kind=projects&${filtersToQuery(filters)}`);
    expect(result.status).toBe(200);
    expect(result.body.columns.map((c: { stage: string }) => c.stage)).toEqual([...STAGES]);
    for (const column of result.body.columns) {
      const expected = sumProjects({ ...filters, stage: column.stage });
      expect(column).toMatchObject(expected);
    }
    const total = sumProjects(filters);
    expect(result.body.columns.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(total.count);
    expect(result.body.columns.reduce((n: number, c: { totalInvestment: number }) => n + c.totalInvestment, 0)).toBe(
      total.totalInvestment,
    );
  });

  it('a filter changes the sums (the test data is not degenerate)', async () => {
    const all = await getBoard('kind=projects');
    const one = await getBoard(`kind=projects&unitId=${unitIdOf('昌邑区')}`);
    const count = (b: { columns: Array<{ count: number }> }) => b.columns.reduce((n, c) => n + c.count, 0);
    expect(count(one.body)).toBeGreaterThan(0);
    expect(count(one.body)).toBeLessThan(count(all.body));
  });

  it.each(['unit', 'category', 'leader'])('swimlane cells by %s add up to the column sums', async (lane) => {
    const result = await getBoard(`kind=projects&lane=${lane}&shuangshi=0`);
    expect(result.status).toBe(200);
    expect(result.body.lanes.length).toBeGreaterThan(1);
    for (const column of result.body.columns) {
      const cells = result.body.lanes.map((l: { cells: Array<{ stage: string }> }) =>
        l.cells.find((c) => c.stage === column.stage)!,
      );
      for (const key of [
        'count',
        'totalInvestment',
        'plannedInvestmentThisYear',
        'completedInvestment',
        'red',
        'yellow',
      ]) {
        expect(cells.reduce((n: number, c: Record<string, number>) => n + c[key], 0)).toBe(column[key]);
      }
      expect(column).toMatchObject(sumProjects({ shuangshi: false, stage: column.stage }));
    }
  });

  it('refuses bad input with 400 and the fields', async () => {
    for (const [query, field] of [
      ['kind=boats', 'kind'],
      ['kind=projects&light=purple', 'light'],
      ['kind=projects&lane=weather', 'lane'],
      ['kind=projects&unitId=abc', 'unitId'],
      ['kind=projects&shuangshi=maybe', 'shuangshi'],
    ]) {
      const result = await getBoard(query);
      expect(result.status, query).toBe(400);
      expect(result.body.error.code).toBe('validation_failed');
      expect(result.body.error.fields[field], query).toBeDefined();
    }
  });

  it('needs a session', async () => {
    const result = await call(board, { path: '/api/v1/board?kind=projects' });
    expect(result.status).toBe(401);
  });
});

describe('GET /api/v1/board?kind=leads', () => {
  it('column sums equal a count over leadWhere', async () => {
    for (const filters of [{}, { ownerId: userId('investment') }, { overdue: true }]) {
      const result = await getBoard(`kind=leads&${filtersToQuery(filters)}`);
      expect(result.status).toBe(200);
      expect(result.body.columns.map((c: { stage: string }) => c.stage)).toEqual([...LEAD_STAGES]);
      for (const column of result.body.columns) {
        const expected = getDb()
          .select({
            count: sql<number>`count(*)`,
            totalInvestment: sql<number>`coalesce(sum(${leads.intendedInvestment}), 0)`,
          })
          .from(leads)
          .where(and(leadWhere(filters), eq(leads.stage, column.stage)))
          .get()!;
        expect(column).toMatchObject(expected);
      }
    }
  });

  it('is read by officers, as the lead list is, with no card movable', async () => {
    const result = await getBoard('kind=leads', 'officer');
    expect(result.status).toBe(200);
    const page = await call(cards, {
      path: '/api/v1/board/cards?kind=leads&stage=contacting&pageSize=100',
      cookie: await loginAs('officer'),
    });
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeGreaterThan(0);
    expect(page.body.items.every((card: { movable: boolean }) => !card.movable)).toBe(true);
  });
});

describe('GET /api/v1/board/cards', () => {
  it('pages through one column; the pages hold exactly the column count', async () => {
    const cookie = await loginAs('leader');
    const { count } = sumProjects({ stage: 'construction' });
    const seen = new Set<number>();
    for (let page = 1; page <= Math.ceil(count / 10); page++) {
      const result = await call(cards, {
        path: `/api/v1/board/cards?kind=projects&stage=construction&page=${page}&pageSize=10`,
        cookie,
      });
      expect(result.status).toBe(200);
      expect(result.body.total).toBe(count);
      for (const card of result.body.items) {
        expect(card.stage).toBe('construction');
        seen.add(card.id);
      }
    }
    expect(seen.size).toBe(count);
  });

  it('marks as movable only the cards the officer may move', async () => {
    const cookie = await loginAs('officer');
    const mine = unitIdOf('昌邑区');
    const result = await call(cards, {
      path: '/api/v1/board/cards?kind=projects&stage=approvals&pageSize=100',
      cookie,
    });
    expect(result.status).toBe(200);
    const rows = getDb()
      .select({ id: projects.id, unitId: projects.unitId, ownerId: projects.ownerId })
      .from(projects)
      .all();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const officer = userId('officer');
    expect(result.body.items.some((c: { movable: boolean }) => !c.movable)).toBe(true);
    for (const card of result.body.items) {
      const row = byId.get(card.id)!;
      expect(card.movable).toBe(row.unitId === mine || row.ownerId === officer);
    }
  });

  it("marks lead cards movable for the owner or the owner's team, never for a leader", async () => {
    const investment = userId('investment');
    const team = getDb().select({ id: leads.id, ownerId: leads.ownerId, team: leads.team }).from(leads).all();
    const byId = new Map(team.map((r) => [r.id, r]));
    const mine = await call(cards, {
      path: '/api/v1/board/cards?kind=leads&stage=contacting&pageSize=100',
      cookie: await loginAs('investment'),
    });
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    for (const card of mine.body.items) {
      const row = byId.get(card.id)!;
      expect(card.movable).toBe(row.ownerId === investment || row.team === '招商一组');
    }
    const leader = await call(cards, {
      path: '/api/v1/board/cards?kind=leads&stage=contacting&pageSize=100',
      cookie: await loginAs('leader'),
    });
    expect(leader.body.items.every((c: { movable: boolean }) => !c.movable)).toBe(true);
    const landed = await call(cards, {
      path: '/api/v1/board/cards?kind=leads&stage=landed&pageSize=100',
      cookie: await loginAs('admin'),
    });
    expect(landed.body.items.every((c: { movable: boolean }) => !c.movable)).toBe(true);
  });

  it('a swimlane cell pages only its lane', async () => {
    const unitId = unitIdOf('昌邑区');
    const result = await call(cards, {
      path: `/api/v1/board/cards?kind=projects&stage=approvals&lane=unit&laneValue=${unitId}`,
      cookie: await loginAs('leader'),
    });
    expect(result.status).toBe(200);
    expect(result.body.total).toBe(sumProjects({ unitId, stage: 'approvals' }).count);
  });

  it('refuses a missing stage, a bad page size and a bad lane value', async () => {
    const cookie = await loginAs('leader');
    for (const [query, field] of [
      ['kind=projects', 'stage'],
      ['kind=projects&stage=approvals&pageSize=1000', 'pageSize'],
      ['kind=projects&stage=approvals&lane=unit&laneValue=x;drop', 'laneValue'],
      ['kind=leads&stage=construction', 'stage'],
    ]) {
      const result = await call(cards, { path: `/api/v1/board/cards?${query}`, cookie });
      expect(result.status, query).toBe(400);
      expect(result.body.error.fields[field], query).toBeDefined();
    }
  });
});
