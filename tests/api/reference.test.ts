import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { GET as getUnits } from '@/app/api/v1/units/route';
import { GET as getIndustries } from '@/app/api/v1/industries/route';
import { GET as getUsers } from '@/app/api/v1/users/route';
import { call, loginAs, seedOnce } from '../support/api';

beforeAll(() => seedOnce());

describe('GET /api/v1/units', () => {
  it('is 401 without auth', async () => {
    expect((await call(getUnits)).status).toBe(401);
  });

  it('lists units with id, name, code and kind', async () => {
    const result = await call(getUnits, { cookie: await loginAs('officer') });
    expect(result.status).toBe(200);
    const changyi = result.body.find((unit: { name: string }) => unit.name === '昌邑区');
    expect(changyi).toMatchObject({ code: '220202', kind: 'district' });
    expect(Object.keys(changyi).sort()).toEqual(['code', 'id', 'kind', 'name']);
    expect(result.body.map((unit: { code: string }) => unit.code)).toEqual(
      expect.arrayContaining(['220204', '220211', '220221', '220281', '220284']),
    );
  });
});

describe('GET /api/v1/industries', () => {
  it('is 401 without auth', async () => {
    expect((await call(getIndustries)).status).toBe(401);
  });

  it('lists the industries of the report', async () => {
    const result = await call(getIndustries, { cookie: await loginAs('investment') });
    expect(result.status).toBe(200);
    const names = result.body.map((industry: { name: string }) => industry.name);
    expect(names).toEqual(expect.arrayContaining(['化工', '汽车', '碳纤维及新材料', '通用航空']));
    expect(Object.keys(result.body[0]).sort()).toEqual(['id', 'name']);
  });
});

describe('GET /api/v1/users', () => {
  it('is 401 without auth', async () => {
    const result = await call(getUsers, { path: '/api/v1/users?role=leader' });
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('unauthenticated');
  });

  it('lists only names, roles and units of active users of the role', async () => {
    const cookie = await loginAs('officer');
    const before = await call(getUsers, { path: '/api/v1/users?role=leader', cookie });
    expect(before.status).toBe(200);
    expect(before.body.length).toBeGreaterThanOrEqual(2);
    for (const user of before.body) {
      expect(user.role).toBe('leader');
      expect(Object.keys(user).sort()).toEqual(['id', 'name', 'role', 'unitId']);
    }
    // A deactivated leader disappears from the picker.
    const leaderLiu = before.body.find((user: { name: string }) => user.name === '刘志强');
    expect(leaderLiu).toBeDefined();
    getDb().update(users).set({ active: false }).where(eq(users.id, leaderLiu.id)).run();
    const after = await call(getUsers, { path: '/api/v1/users?role=leader', cookie });
    expect(after.body.map((user: { id: number }) => user.id)).not.toContain(leaderLiu.id);
    expect(after.body).toHaveLength(before.body.length - 1);
  });

  it('refuses an unknown role with 400', async () => {
    const result = await call(getUsers, { path: '/api/v1/users?role=king', cookie: await loginAs('officer') });
    expect(result.status).toBe(400);
    expect(result.body.error.fields.role).toBeDefined();
  });
});
