import { beforeAll, describe, expect, it, vi } from 'vitest';
import { asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { GET as mapApi } from '@/app/api/v1/map/route';
import { GET as projectsApi } from '@/app/api/v1/projects/route';
import { getDb } from '@/db';
import { projects, units } from '@/db/schema';
import { sumProjects } from '@/domain/fresh-light-reads';
import { CITY_BOUNDS, insideCityBounds } from '@/lib/geo/bounds';
import { loadCityShapes } from '@/lib/geo/load';
import { randomPointIn } from '@/lib/geo/shapes';
import { currentYear } from '@/lib/rules/dates';
import { projectFilterSchema } from '@/lib/schemas/filters';
import { call, loginAs, seedOnce } from '../support/api';

vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersModule);
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheModule);

// 项目一张图 (issue 17): GET /api/v1/map gives every unit's figure under the ledger's filters; each
// equals the ledger's own total under the same filters plus unitId, and every point lies in the city.

interface MapUnit {
  unitId: number;
  name: string;
  code: string;
  value: number | null;
  onMap: boolean;
  count: number;
  totalInvestment: number;
  red: number;
  started: number;
  startRate: number | null;
  href: string;
}
interface MapPoint {
  projectId: number;
  longitude: number;
  latitude: number;
  light: string;
}
interface MapBody {
  units: MapUnit[];
  points: MapPoint[];
  totals: { count: number; totalInvestment: number; red: number };
}

/** A small deterministic generator, so the located projects are the same on every run. */
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

beforeAll(async () => {
  await seedOnce();
  // Place every other county-level project that has no coordinates inside its unit's shape, so
  // the map has points whether or not the seed places them.
  const db = getDb();
  const shapes = new Map(loadCityShapes().map((shape) => [shape.code, shape]));
  const random = prng(17);
  const rows = db
    .select({ id: projects.id, code: units.code })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .where(isNull(projects.longitude))
    .orderBy(asc(projects.id))
    .all();
  for (const row of rows.filter((_, index) => index % 2 === 0)) {
    const shape = shapes.get(row.code);
    if (!shape) continue;
    const [longitude, latitude] = randomPointIn(shape, random);
    db.update(projects).set({ longitude, latitude }).where(eq(projects.id, row.id)).run();
  }
});

async function mapOf(query: string, user = 'leader'): Promise<MapBody> {
  const result = await call<MapBody>(mapApi, { path: `/api/v1/map?${query}`, cookie: await loginAs(user) });
  expect(result.status, query).toBe(200);
  return result.body;
}

async function ledgerTotal(query: string): Promise<number> {
  const result = await call<{ total: number }>(projectsApi, {
    path: `/api/v1/projects?${query}&pageSize=1`,
    cookie: await loginAs('leader'),
  });
  expect(result.status, query).toBe(200);
  return result.body.total;
}

const FILTER_SETS = [
  '',
  'category=attraction',
  'light=red',
  'stage=construction',
  'scope=shuangshi',
  'minInvestment=50000',
];

describe('GET /api/v1/map', () => {
  it('lists every active unit, the 9 county-level ones on the map joined to their shapes by code', async () => {
    const body = await mapOf('metric=count');
    const active = getDb().select({ id: units.id }).from(units).where(eq(units.active, true)).all();
    expect(body.units.map((unit) => unit.unitId).sort((a, b) => a - b)).toEqual(
      active.map((unit) => unit.id).sort((a, b) => a - b),
    );
    const onMap = body.units.filter((unit) => unit.onMap);
    expect(onMap).toHaveLength(9);
    expect(onMap.map((unit) => unit.code).sort()).toEqual(
      loadCityShapes()
        .map((shape) => shape.code)
        .sort(),
    );
    // Zones and departments are listed beside the map with the same figures.
    expect(body.units.some((unit) => !unit.onMap && unit.count > 0)).toBe(true);
  });

  it.each(FILTER_SETS)('each unit’s count, 总投资 and 红灯 equal the ledger’s totals under “%s”', async (filters) => {
    const counts = await mapOf(`metric=count&${filters}`);
    const investment = await mapOf(`metric=investment&${filters}`);
    const red = await mapOf(`metric=red&${filters}`);
    const params = Object.fromEntries(new URLSearchParams(filters));
    let total = 0;
    for (const unit of counts.units) {
      const ledger = sumProjects({ ...parseLedger(params), unitId: unit.unitId });
      expect(unit.value, `${unit.name} ${filters}`).toBe(ledger.count);
      expect(unit.value).toBe(await ledgerTotal(`${filters}&unitId=${unit.unitId}`));
      expect(investment.units.find((u) => u.unitId === unit.unitId)!.value, unit.name).toBe(ledger.totalInvestment);
      expect(red.units.find((u) => u.unitId === unit.unitId)!.value, unit.name).toBe(ledger.red);
      expect(unit.href).toBe(`/projects?${new URLSearchParams({ ...params, unitId: String(unit.unitId) })}`);
      total += unit.count;
    }
    expect(total).toBe(await ledgerTotal(filters));
    expect(counts.totals.count).toBe(total);
  });

  it('开工率 is the unit’s filtered projects that entered 开工建设 this year ÷ its filtered projects', async () => {
    const year = currentYear();
    for (const filters of ['', 'category=attraction']) {
      const body = await mapOf(`metric=startRate&${filters}`);
      let someStarted = false;
      for (const unit of body.units) {
        const started = await ledgerTotal(
          `${filters}&unitId=${unit.unitId}&enteredStage=construction&enteredFrom=${year}-01-01&enteredTo=${year}-12-31`,
        );
        expect(unit.started, unit.name).toBe(started);
        const expected = unit.count === 0 ? null : Math.round((started / unit.count) * 10_000) / 10_000;
        expect(unit.value, unit.name).toBe(expected);
        expect(unit.startRate).toBe(expected);
        if (started > 0) someStarted = true;
      }
      expect(someStarted, filters).toBe(true);
    }
  });

  it('points are the located projects under the filters, every one inside the city’s bounds', async () => {
    for (const filters of ['', 'light=red', 'category=attraction']) {
      const body = await mapOf(`metric=count&${filters}`);
      const located = getDb()
        .select({ id: projects.id, light: projects.light, longitude: projects.longitude })
        .from(projects)
        .where(isNotNull(projects.longitude))
        .all();
      const params = Object.fromEntries(new URLSearchParams(filters));
      const expected = located.filter((row) => (params.light ? row.light === params.light : true)).map((row) => row.id);
      if (!params.category)
        expect(body.points.map((p) => p.projectId).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      expect(body.points.length, filters).toBeGreaterThan(0);
      for (const point of body.points) {
        expect(insideCityBounds(point.longitude, point.latitude), `${point.projectId}`).toBe(true);
        expect(point.longitude).toBeGreaterThanOrEqual(CITY_BOUNDS.minLongitude);
        expect(point.latitude).toBeLessThanOrEqual(CITY_BOUNDS.maxLatitude);
      }
    }
  });

  it('a filter that matches nothing gives every unit 0 and no points, not an error', async () => {
    const body = await mapOf('metric=investment&q=没有这个项目的名字');
    expect(body.units.length).toBeGreaterThan(9);
    expect(body.units.every((unit) => unit.value === 0 && unit.count === 0)).toBe(true);
    expect(body.points).toEqual([]);
    const rate = await mapOf('metric=startRate&q=没有这个项目的名字');
    expect(rate.units.every((unit) => unit.value === null)).toBe(true);
  });

  it('refuses a bad metric or filter with 400 and the field named, and an anonymous caller with 401', async () => {
    const cookie = await loginAs('officer');
    for (const [query, field] of [
      ['metric=money', 'metric'],
      ['light=purple', 'light'],
      ['unitId=x', 'unitId'],
    ]) {
      const result = await call(mapApi, { path: `/api/v1/map?${query}`, cookie });
      expect(result.status, query).toBe(400);
      expect(result.body.error.code).toBe('validation_failed');
      expect(Object.keys(result.body.error.fields)).toContain(field);
    }
    expect((await call(mapApi, { path: '/api/v1/map' })).status).toBe(401);
  });
});

function parseLedger(params: Record<string, string>) {
  // The same schema the ledger and the API parse their query with.
  return projectFilterSchema.parse(params);
}
