import { beforeAll, describe, expect, it, vi } from 'vitest';
import { asClient } from '../support/client-ip';
import { call, loginAs, seedOnce } from '../support/api';
import { changedTables, dbChecksum } from '../support/db-checksum';
import { nextRequest } from '../support/next-mocks';
import { actorOf, userRow, version } from './fixtures';
import { POST as createLeadApi } from '@/app/api/v1/leads/route';
import { PATCH as patchUser } from '@/app/api/v1/admin/users/[id]/route';
import { POST as signInApi } from '@/app/api/v1/session/route';
import { GET as me } from '@/app/api/v1/me/route';
import { createApiToken } from '@/domain/tokens';

vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersModule);
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheModule);

// CSRF on cookie-authenticated API writes, session cookie flags (API and login form), and session
// rotation on sign-in.

beforeAll(() => seedOnce());

const leadBody = (company: string) => ({ company });
let ipCounter = 0;
const freshIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

describe('cross-site API writes', () => {
  it('refuses a cookie-authenticated write from a foreign Origin with 403, writing nothing', async () => {
    const cookie = await loginAs('investment');
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'null', 'not a url']) {
      const before = dbChecksum();
      const result = await call(createLeadApi, {
        method: 'POST',
        path: '/api/v1/leads',
        cookie,
        body: leadBody('跨站企业'),
        headers: { origin, host: 'localhost' },
      });
      expect(result.status, origin).toBe(403);
      expect(result.body.error.code).toBe('forbidden');
      expect(changedTables(before, dbChecksum())).toEqual([]);
    }
  });

  it('accepts the same write from the same origin, and behind a proxy by X-Forwarded-Host', async () => {
    const cookie = await loginAs('investment');
    const same = await call(createLeadApi, {
      method: 'POST',
      path: '/api/v1/leads',
      cookie,
      body: leadBody('同源企业甲'),
      headers: { origin: 'http://localhost', host: 'localhost' },
    });
    expect(same.status).toBe(201);
    const proxied = await call(createLeadApi, {
      method: 'POST',
      path: '/api/v1/leads',
      cookie,
      body: leadBody('同源企业乙'),
      headers: { origin: 'https://xm.jlcity.gov.cn', host: '127.0.0.1:3000', 'x-forwarded-host': 'xm.jlcity.gov.cn' },
    });
    expect(proxied.status).toBe(201);
  });

  it('exempts bearer tokens: an integration may call from anywhere', async () => {
    const { token } = createApiToken(actorOf('admin'), { name: '外部系统', userId: userRow('investment').id });
    const result = await call(createLeadApi, {
      method: 'POST',
      path: '/api/v1/leads',
      bearer: token,
      body: leadBody('令牌企业'),
      headers: { origin: 'https://other-system.example', host: 'localhost' },
    });
    expect(result.status).toBe(201);
  });
});

describe('session cookie', () => {
  const signIn = (headers: Record<string, string>, cookie?: string) =>
    call(signInApi, {
      method: 'POST',
      path: '/api/v1/session',
      body: { username: 'leader', password: 'demo2018' },
      cookie,
      headers: { ...asClient(freshIp()), ...headers },
    });

  it('from the API is HttpOnly and SameSite=Lax, and Secure behind HTTPS only', async () => {
    const plain = (await signIn({})).headers.get('set-cookie')!;
    expect(plain).toMatch(/; HttpOnly/);
    expect(plain).toMatch(/; SameSite=Lax/);
    expect(plain).not.toMatch(/; Secure/);
    const secure = (await signIn({ 'x-forwarded-proto': 'https' })).headers.get('set-cookie')!;
    expect(secure).toMatch(/; HttpOnly/);
    expect(secure).toMatch(/; SameSite=Lax/);
    expect(secure).toMatch(/; Secure/);
  });

  it('from the login form is httpOnly, sameSite lax, and secure behind HTTPS only', async () => {
    const { loginAction } = await import('@/app/(auth)/login/actions');
    for (const proto of ['http', 'https']) {
      nextRequest.reset(null, { 'x-forwarded-proto': proto, ...asClient(freshIp()) });
      const form = new FormData();
      form.set('username', 'officer');
      form.set('password', 'demo2018');
      await expect(loginAction({ ok: false }, form)).rejects.toMatchObject({
        digest: expect.stringMatching(/^NEXT_REDIRECT/),
      });
      const set = nextRequest.setCookies.find((c) => c.name === 'jkp_session');
      expect(set?.value).toBeTruthy();
      expect(set?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', secure: proto === 'https' });
    }
  });

  it('rotates on sign-in through the API: the old session stops working', async () => {
    const first = (await signIn({})).headers.get('set-cookie')!.split(';')[0];
    expect((await call(me, { cookie: first })).status).toBe(200);
    const second = (await signIn({}, first)).headers.get('set-cookie')!.split(';')[0];
    expect(second).not.toBe(first);
    expect((await call(me, { cookie: first })).status).toBe(401);
    expect((await call(me, { cookie: second })).status).toBe(200);
  });

  it('rotates on sign-in through the login form: the old session stops working', async () => {
    const { loginAction } = await import('@/app/(auth)/login/actions');
    const old = (await signIn({})).headers.get('set-cookie')!.split(';')[0];
    nextRequest.reset(old.split('=')[1], { ...asClient(freshIp()) });
    const form = new FormData();
    form.set('username', 'leader');
    form.set('password', 'demo2018');
    await expect(loginAction({ ok: false }, form)).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT/),
    });
    const fresh = nextRequest.setCookies.find((c) => c.name === 'jkp_session')!.value;
    expect(`jkp_session=${fresh}`).not.toBe(old);
    expect((await call(me, { cookie: old })).status).toBe(401);
    expect((await call(me, { cookie: `jkp_session=${fresh}` })).status).toBe(200);
  });
});

describe('found by the fuzz test', () => {
  it('PATCH /api/v1/admin/users/:id takes only a real boolean for active (junk used to deactivate)', async () => {
    const cookie = await loginAs('admin');
    const target = userRow('officer_lt');
    for (const active of ['yes', 2, null, {}, 'false']) {
      const result = await call(patchUser, {
        method: 'PATCH',
        params: { id: String(target.id) },
        cookie,
        body: { version: version('users', target.id), active },
      });
      expect(result.status, JSON.stringify(active)).toBe(400);
    }
    const ok = await call(patchUser, {
      method: 'PATCH',
      params: { id: String(target.id) },
      cookie,
      body: { version: version('users', target.id), active: false },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.active).toBe(false);
  });
});
