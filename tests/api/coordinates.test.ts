import { eq, like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { call, createProjectAs, loginAs, seedOnce, uniqueName, unitIdByName } from '../support/api';
import { nextRequest } from '../support/next-mocks';
import { getDb } from '@/db';
import { auditLog, projects, units } from '@/db/schema';
import { POST as createProjectRoute } from '@/app/api/v1/projects/route';
import { GET as getProject, PATCH as patchProject } from '@/app/api/v1/projects/[id]/route';
import { readCityShapes, seedDemoCoordinates } from '@/db/seed/demo-coordinates';
import { CITY_BOUNDS } from '@/lib/geo/bounds';
import { HOST_SHAPE, shapeCodeFor } from '@/lib/geo/hosts';
import { insideShape } from '@/lib/geo/shapes';
import { UNITS } from '@/db/seed/reference';

vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersModule);
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheModule);

// Issue 17: projects' coordinates (API.md "Map"): inside Jilin City, both or neither; bad input is a
// 400 with `fields` and nothing written. The demo seed puts every project inside its unit's polygon.

let changyi: number;
beforeAll(async () => {
  await seedOnce();
  changyi = unitIdByName('昌邑区');
});

const shapes = readCityShapes();
const shapeByCode = new Map(shapes.map((shape) => [shape.code, shape]));
const storedCoordinates = () =>
  getDb()
    .select({ id: projects.id, unitId: projects.unitId, longitude: projects.longitude, latitude: projects.latitude })
    .from(projects)
    .orderBy(projects.id)
    .all();

// Runs before this file creates any project: the rows are the demo's.
describe('the demo seed', () => {
  it('places every demo project inside its unit’s polygon (zones and departments in their host county)', () => {
    const unitCode = new Map(
      getDb()
        .select()
        .from(units)
        .all()
        .map((unit) => [unit.id, unit.code]),
    );
    const rows = storedCoordinates();
    expect(rows.length).toBeGreaterThan(100);
    const codes = new Set(shapeByCode.keys());
    const perShape = new Map<string, number>();
    for (const row of rows) {
      expect(row.longitude, `project ${row.id}`).not.toBeNull();
      expect(row.latitude, `project ${row.id}`).not.toBeNull();
      const code = shapeCodeFor(unitCode.get(row.unitId), codes);
      expect(code, `unit ${row.unitId} has a shape or a host`).not.toBeNull();
      const shape = shapeByCode.get(code!)!;
      expect(insideShape([row.longitude!, row.latitude!], shape), `project ${row.id} in ${shape.name}`).toBe(true);
      expect(row.longitude!).toBeGreaterThanOrEqual(CITY_BOUNDS.minLongitude);
      expect(row.longitude!).toBeLessThanOrEqual(CITY_BOUNDS.maxLongitude);
      expect(row.latitude!).toBeGreaterThanOrEqual(CITY_BOUNDS.minLatitude);
      expect(row.latitude!).toBeLessThanOrEqual(CITY_BOUNDS.maxLatitude);
      perShape.set(code!, (perShape.get(code!) ?? 0) + 1);
    }
    // Spread across the unit, not stacked on its label point.
    const distinct = new Set(rows.map((row) => `${row.longitude},${row.latitude}`));
    expect(distinct.size).toBe(rows.length);
    for (const shape of shapes) {
      const atCentre = rows.filter((row) => row.longitude === shape.center[0] && row.latitude === shape.center[1]);
      expect(atCentre).toEqual([]);
    }
    expect(perShape.size).toBeGreaterThanOrEqual(5);
  });

  it('every zone and department has a documented host county that is one of the 9 shapes', () => {
    for (const unit of UNITS.filter((candidate) => candidate.kind === 'zone' || candidate.kind === 'department')) {
      expect(HOST_SHAPE[unit.code], unit.name).toBeDefined();
      expect(shapeByCode.has(HOST_SHAPE[unit.code]!), unit.name).toBe(true);
    }
  });

  it('is deterministic: drawing again gives the same points', () => {
    const before = storedCoordinates();
    getDb().transaction((tx) => {
      seedDemoCoordinates({ tx });
    });
    expect(storedCoordinates()).toEqual(before);
  });
});

const auditCount = () =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(auditLog)
    .get()!.n;

describe('POST /api/v1/projects with coordinates', () => {
  it('stores a pair inside the city and returns it on the Project', async () => {
    const project = await createProjectAs('officer', {
      name: uniqueName('坐标项目'),
      category: 'government',
      unitId: changyi,
      longitude: 126.574709,
      latitude: 43.881818,
    });
    expect(project).toMatchObject({ longitude: 126.574709, latitude: 43.881818 });
    const read = await call(getProject, { cookie: await loginAs('leader'), params: { id: String(project.id) } });
    expect(read.body).toMatchObject({ longitude: 126.574709, latitude: 43.881818 });
    const plain = await createProjectAs('officer', {
      name: uniqueName('无坐标'),
      category: 'government',
      unitId: changyi,
    });
    expect(plain).toMatchObject({ longitude: null, latitude: null });
  });

  it.each([
    ['outside the city', { longitude: 121.47, latitude: 31.23 }, ['longitude', 'latitude']],
    ['longitude past 127.9', { longitude: 128.2, latitude: 43.8 }, ['longitude']],
    ['half a pair (no latitude)', { longitude: 126.5 }, ['latitude']],
    ['half a pair (latitude null)', { longitude: 126.5, latitude: null }, ['latitude']],
    ['half a pair (no longitude)', { latitude: 43.8 }, ['longitude']],
    ['text', { longitude: '东经126度', latitude: 43.8 }, ['longitude']],
    ['a numeric string', { longitude: 126.5, latitude: '43.8' }, ['latitude']],
  ])('refuses %s: 400 with fields, nothing written', async (_label, coordinates, fields) => {
    const name = uniqueName('坏坐标');
    const audits = auditCount();
    const result = await call(createProjectRoute, {
      method: 'POST',
      cookie: await loginAs('officer'),
      body: { name, category: 'government', unitId: changyi, ...coordinates },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('validation_failed');
    expect(Object.keys(result.body.error.fields).sort()).toEqual([...fields].sort());
    for (const field of fields) expect(result.body.error.fields[field][0]).toMatch(/[经纬]度/);
    expect(getDb().select().from(projects).where(eq(projects.name, name)).all()).toEqual([]);
    expect(auditCount()).toBe(audits);
  });
});

describe('PATCH /api/v1/projects/:id with coordinates', () => {
  const patch = async (id: number, body: Record<string, unknown>) =>
    call(patchProject, { method: 'PATCH', cookie: await loginAs('officer'), params: { id: String(id) }, body });
  const stored = (id: number) => getDb().select().from(projects).where(eq(projects.id, id)).get()!;

  it('sets, moves and clears the pair, each an audited change', async () => {
    const project = await createProjectAs('officer', {
      name: uniqueName('改坐标'),
      category: 'government',
      unitId: changyi,
    });
    const set = await patch(project.id, { version: 1, longitude: 126.6, latitude: 43.9 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ longitude: 126.6, latitude: 43.9, version: 2 });
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, project.id))
      .all()
      .filter((row) => row.entityType === 'project' && row.action === 'update');
    expect(audit.at(-1)?.after).toMatchObject({ longitude: 126.6, latitude: 43.9 });
    const cleared = await patch(project.id, { version: 2, longitude: null, latitude: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ longitude: null, latitude: null, version: 3 });
  });

  it.each([
    ['outside the city', { longitude: 116.4, latitude: 39.9 }, ['longitude', 'latitude']],
    ['half a pair', { longitude: 126.7 }, ['latitude']],
    ['clearing one of the two', { latitude: null, longitude: 126.7 }, ['latitude']],
    ['text', { longitude: 126.7, latitude: 'abc' }, ['latitude']],
  ])('refuses %s: 400 with fields, the project unchanged', async (_label, coordinates, fields) => {
    const project = await createProjectAs('officer', {
      name: uniqueName('坏补丁'),
      category: 'government',
      unitId: changyi,
      longitude: 126.6,
      latitude: 43.9,
    });
    const before = stored(project.id);
    const audits = auditCount();
    const result = await patch(project.id, { version: 1, ...coordinates });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('validation_failed');
    expect(Object.keys(result.body.error.fields).sort()).toEqual([...fields].sort());
    expect(stored(project.id)).toEqual(before);
    expect(auditCount()).toBe(audits);
  });
});

describe('the project form', () => {
  const sessionFor = async (username: string) => nextRequest.reset((await loginAs(username)).split('=')[1]);

  it('refuses half a pair and text beside the field, and writes nothing', async () => {
    await sessionFor('officer');
    const { createProjectAction } = await import('@/app/(app)/projects/actions');
    for (const [longitude, latitude, field] of [
      ['126.5', '', 'latitude'],
      ['', '43.8', 'longitude'],
      ['一二六', '43.8', 'longitude'],
      ['126.5', '50', 'latitude'],
    ] as const) {
      const form = new FormData();
      form.set('name', `表单坐标${field}${longitude}${latitude}`);
      form.set('category', 'government');
      form.set('nature', 'new');
      form.set('unitId', String(changyi));
      form.set('longitude', longitude);
      form.set('latitude', latitude);
      const result = await createProjectAction(undefined, form);
      expect(result, `${longitude}|${latitude}`).toMatchObject({ ok: false, code: 'validation_failed' });
      expect(result.ok === false && result.errors?.[field]?.[0]).toMatch(/[经纬]度/);
    }
    expect(getDb().select().from(projects).where(like(projects.name, '表单坐标%')).all()).toEqual([]);
  });

  it('saves a typed pair on the 概况 form', async () => {
    const project = await createProjectAs('officer', {
      name: uniqueName('表单改坐标'),
      category: 'government',
      unitId: changyi,
    });
    await sessionFor('officer');
    const { updateProjectAction } = await import('@/app/(app)/projects/actions');
    const form = new FormData();
    for (const [key, value] of Object.entries({
      projectId: project.id,
      version: project.version,
      name: project.name,
      category: 'government',
      nature: 'new',
      status: 'active',
      unitId: changyi,
      longitude: '126.58',
      latitude: '43.87',
    }))
      form.set(key, String(value));
    const result = await updateProjectAction(undefined, form);
    expect(result).toMatchObject({ ok: true });
    expect(getDb().select().from(projects).where(eq(projects.id, project.id)).get()).toMatchObject({
      longitude: 126.58,
      latitude: 43.87,
    });
  });
});
