import { beforeAll, describe, expect, it } from 'vitest';
import { asClient } from '../support/client-ip';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLog, sessions } from '@/db/schema';
import { GET as listUsers, POST as createUserRoute } from '@/app/api/v1/admin/users/route';
import { PATCH as patchUser } from '@/app/api/v1/admin/users/[id]/route';
import { GET as listTokens, POST as createTokenRoute } from '@/app/api/v1/admin/tokens/route';
import { DELETE as revokeTokenRoute } from '@/app/api/v1/admin/tokens/[id]/route';
import { POST as session } from '@/app/api/v1/session/route';
import { GET as me } from '@/app/api/v1/me/route';
import { createApiToken, revokeApiToken } from '@/domain/tokens';
import { call, loginAs, seedOnce, userId } from '../support/api';

beforeAll(() => seedOnce());

const admin = () => ({ id: userId('admin'), role: 'admin' as const, unitId: null, ip: '127.0.0.1' });

async function signIn(username: string, password: string) {
  return call(session, {
    method: 'POST',
    body: { username, password },
    headers: { ...asClient(`10.9.${Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 200)}`) },
  });
}

describe('API tokens', () => {
  it('authenticate with Authorization: Bearer, and a revoked one does not', async () => {
    const { token, apiToken } = createApiToken(admin(), { name: '统计局数据导入', userId: userId('leader') });
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const ok = await call(me, { bearer: token });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ username: 'leader', role: 'leader' });

    revokeApiToken(admin(), apiToken.id);
    const refused = await call(me, { bearer: token });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthenticated');
  });

  it('are stored hashed, never in clear', async () => {
    const { token, apiToken } = createApiToken(admin(), { name: '哈希检查', userId: userId('officer') });
    const listed = await call(listTokens, { cookie: await loginAs('admin') });
    const row = listed.body.items.find((item: { id: number }) => item.id === apiToken.id);
    expect(row.prefix).toBe(apiToken.prefix);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    const stored = getDb()
      .query.apiTokens.findFirst({ where: (t, { eq }) => eq(t.id, apiToken.id) })
      .sync();
    expect(stored?.tokenHash).not.toBe(token);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('act with the role of their user: a token of an officer cannot reach admin endpoints', async () => {
    const { token } = createApiToken(admin(), { name: '区县对接', userId: userId('officer') });
    const result = await call(listUsers, { bearer: token });
    expect(result.status).toBe(403);
  });

  it('stop working when their user is deactivated', async () => {
    const { token } = createApiToken(admin(), { name: '停用检查', userId: userId('officer_ps') });
    expect((await call(me, { bearer: token })).status).toBe(200);
    const cookie = await loginAs('admin');
    const target = (await call(listUsers, { path: '/api/v1/admin/users?q=officer_ps', cookie })).body.items[0];
    const off = await call(patchUser, {
      method: 'PATCH',
      params: { id: String(target.id) },
      body: { version: target.version, active: false },
      cookie,
    });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await call(me, { bearer: token })).status).toBe(401);
  });

  it('POST /api/v1/admin/tokens returns the token once with 201; DELETE revokes it', async () => {
    const cookie = await loginAs('admin');
    const created = await call(createTokenRoute, {
      method: 'POST',
      body: { name: '省审批平台', userId: userId('leader') },
      cookie,
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^jkp_/);
    expect((await call(me, { bearer: created.body.token })).status).toBe(200);
    const revoked = await call(revokeTokenRoute, {
      method: 'DELETE',
      params: { id: String(created.body.apiToken.id) },
      cookie,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBeTruthy();
    expect((await call(me, { bearer: created.body.token })).status).toBe(401);
  });

  it('POST /api/v1/admin/tokens: 400 with fields for bad input, 404 revoking an unknown token', async () => {
    const cookie = await loginAs('admin');
    const bad = await call(createTokenRoute, { method: 'POST', body: { name: '' }, cookie });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['name', 'userId']);
    const missing = await call(revokeTokenRoute, { method: 'DELETE', params: { id: '999999' }, cookie });
    expect(missing.status).toBe(404);
  });
});

describe('admin-only endpoints', () => {
  const endpoints = [
    ['GET /admin/users', () => call(listUsers, {})],
    ['POST /admin/users', () => call(createUserRoute, { method: 'POST', body: {} })],
    ['PATCH /admin/users/:id', () => call(patchUser, { method: 'PATCH', params: { id: '1' }, body: {} })],
    ['GET /admin/tokens', () => call(listTokens, {})],
    ['POST /admin/tokens', () => call(createTokenRoute, { method: 'POST', body: {} })],
    ['DELETE /admin/tokens/:id', () => call(revokeTokenRoute, { method: 'DELETE', params: { id: '1' } })],
  ] as const;

  it.each(endpoints)('%s is 401 without auth', async (_name, send) => {
    const result = await send();
    expect(result.status).toBe(401);
  });

  it.each(['leader', 'officer', 'investment'])('refuses %s with 403 on every admin endpoint', async (username) => {
    const cookie = await loginAs(username);
    const results = await Promise.all([
      call(listUsers, { cookie }),
      call(createUserRoute, {
        method: 'POST',
        body: { username: 'x1', name: 'x', role: 'admin', password: 'abcdefgh' },
        cookie,
      }),
      call(patchUser, {
        method: 'PATCH',
        params: { id: String(userId(username)) },
        body: { version: 1, name: 'x', role: 'admin' },
        cookie,
      }),
      call(listTokens, { cookie }),
      call(createTokenRoute, { method: 'POST', body: { name: 'x', userId: userId(username) }, cookie }),
      call(revokeTokenRoute, { method: 'DELETE', params: { id: '1' }, cookie }),
    ]);
    expect(results.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    // Nothing was written: no user x1, the caller is still not an admin.
    expect((await call(me, { cookie })).body.user.role).not.toBe('admin');
  });
});

describe('users', () => {
  it('an admin creates a user who can then sign in; the change is audited', async () => {
    const cookie = await loginAs('admin');
    const units = getDb().query.units.findMany().sync();
    const created = await call(createUserRoute, {
      method: 'POST',
      body: {
        username: 'officer_new',
        name: '钱新',
        role: 'officer',
        unitId: units[0].id,
        password: 'Jilin-2026',
        mustChangePassword: false,
      },
      cookie,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: 'officer_new',
      role: 'officer',
      unitId: units[0].id,
      active: true,
      version: 1,
    });
    expect(created.body.passwordHash).toBeUndefined();
    const login = await signIn('officer_new', 'Jilin-2026');
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ name: '钱新', role: 'officer' });
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, created.body.id), eq(auditLog.action, 'create')),
      )
      .all();
    expect(audit).toHaveLength(1);
  });

  it('refuses bad input with 400 and Chinese field errors, and a short password by the setting', async () => {
    const cookie = await loginAs('admin');
    const bad = await call(createUserRoute, {
      method: 'POST',
      body: { username: '中文名', name: '', role: 'king', password: '' },
      cookie,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['name', 'password', 'role', 'username']);
    const short = await call(createUserRoute, {
      method: 'POST',
      body: { username: 'short_pw', name: '短密码', role: 'leader', password: 'abc12' },
      cookie,
    });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.password[0]).toMatch(/至少 8 位/);
    const noUnit = await call(createUserRoute, {
      method: 'POST',
      body: { username: 'no_unit', name: '无单位', role: 'officer', password: 'abcdefgh1' },
      cookie,
    });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.error.fields.unitId).toBeDefined();
    const duplicate = await call(createUserRoute, {
      method: 'POST',
      body: { username: 'leader', name: '重复', role: 'leader', password: 'abcdefgh1' },
      cookie,
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.fields.username).toEqual(['该用户名已被使用']);
  });

  it('edits role and unit with the version; a stale version gets 409 and writes nothing', async () => {
    const cookie = await loginAs('admin');
    const target = (await call(listUsers, { path: '/api/v1/admin/users?q=officer_hd', cookie })).body.items[0];
    const investmentUnit = getDb()
      .query.units.findFirst({ where: (u, { eq }) => eq(u.name, '市商务局') })
      .sync()!;
    const edited = await call(patchUser, {
      method: 'PATCH',
      params: { id: String(target.id) },
      body: { version: target.version, name: '曹阳', role: 'investment', unitId: investmentUnit.id, team: '招商三组' },
      cookie,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      role: 'investment',
      unitId: investmentUnit.id,
      team: '招商三组',
      version: target.version + 1,
    });
    const stale = await call(patchUser, {
      method: 'PATCH',
      params: { id: String(target.id) },
      body: { version: target.version, name: '改名', role: 'leader' },
      cookie,
    });
    expect(stale.status).toBe(409);
    const now = (await call(listUsers, { path: '/api/v1/admin/users?q=officer_hd', cookie })).body.items[0];
    expect(now).toMatchObject({ name: '曹阳', role: 'investment' });
    expect(
      (
        await call(patchUser, {
          method: 'PATCH',
          params: { id: '999999' },
          body: { version: 1, name: 'x', role: 'leader' },
          cookie,
        })
      ).status,
    ).toBe(404);
  });

  it('deactivation ends all of the user’s sessions and refuses sign-in; reactivation restores it', async () => {
    const adminCookie = await loginAs('admin');
    const login = await signIn('officer_sl', 'demo2018');
    const userCookie = login.headers.get('set-cookie')!.split(';')[0];
    expect((await call(me, { cookie: userCookie })).status).toBe(200);
    const target = (await call(listUsers, { path: '/api/v1/admin/users?q=officer_sl', cookie: adminCookie })).body
      .items[0];
    await call(patchUser, {
      method: 'PATCH',
      params: { id: String(target.id) },
      body: { version: target.version, active: false },
      cookie: adminCookie,
    });
    expect((await call(me, { cookie: userCookie })).status).toBe(401);
    expect(getDb().select().from(sessions).where(eq(sessions.userId, target.id)).all()).toHaveLength(0);
    expect((await signIn('officer_sl', 'demo2018')).status).toBe(401);
    await call(patchUser, {
      method: 'PATCH',
      params: { id: String(target.id) },
      body: { version: target.version + 1, active: true },
      cookie: adminCookie,
    });
    expect((await signIn('officer_sl', 'demo2018')).status).toBe(200);
  });

  it('an admin cannot deactivate or demote themselves', async () => {
    const cookie = await loginAs('admin');
    const self = (await call(listUsers, { path: '/api/v1/admin/users?q=admin&role=admin', cookie })).body.items.find(
      (u: { username: string }) => u.username === 'admin',
    );
    const off = await call(patchUser, {
      method: 'PATCH',
      params: { id: String(self.id) },
      body: { version: self.version, active: false },
      cookie,
    });
    expect(off.status).toBe(400);
    const demote = await call(patchUser, {
      method: 'PATCH',
      params: { id: String(self.id) },
      body: { version: self.version, name: self.name, role: 'leader' },
      cookie,
    });
    expect(demote.status).toBe(400);
    expect(demote.body.error.fields.role).toBeDefined();
  });

  it('lists users with filters and paging', async () => {
    const cookie = await loginAs('admin');
    const result = await call(listUsers, { path: '/api/v1/admin/users?role=leader&pageSize=2', cookie });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(result.body.items).toHaveLength(2);
    expect(result.body.total).toBeGreaterThanOrEqual(3);
    expect(result.body.items.every((u: { role: string }) => u.role === 'leader')).toBe(true);
    expect((await call(listUsers, { path: '/api/v1/admin/users?pageSize=501', cookie })).status).toBe(400);
  });
});
