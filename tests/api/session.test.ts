import { beforeAll, describe, expect, it } from 'vitest';
import { asClient } from '../support/client-ip';
import { call, loginAs, seedOnce } from '../support/api';
import { DELETE, POST } from '@/app/api/v1/session/route';
import { GET as me } from '@/app/api/v1/me/route';

beforeAll(() => seedOnce());

describe('POST /api/v1/session', () => {
  it.each(['admin', 'leader', 'officer', 'officer2', 'investment'])('signs in %s', async (username) => {
    const result = await call(POST, {
      method: 'POST',
      body: { username, password: 'demo2018' },
      headers: { ...asClient('10.1.0.1') },
    });
    expect(result.status).toBe(200);
    expect(result.body.user).toMatchObject({ username });
    expect(Object.keys(result.body.user).sort()).toEqual(['id', 'name', 'role', 'unitId', 'username']);
    const cookie = result.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^jkp_session=[^;]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
  });

  it('refuses a wrong password with 401 invalid_credentials', async () => {
    const result = await call(POST, {
      method: 'POST',
      body: { username: 'leader', password: 'nope' },
      headers: { ...asClient('10.1.0.2') },
    });
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('invalid_credentials');
    expect(result.body.error.message).toBe('用户名或密码错误');
  });

  it('answers malformed JSON with 400', async () => {
    const result = await call(POST, { method: 'POST', rawBody: '{"username": ' });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('malformed_json');
  });

  it('answers invalid UTF-8 with 400', async () => {
    const result = await call(POST, { method: 'POST', rawBody: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
    expect(result.status).toBe(400);
  });

  it('answers a missing field with 400 and fields', async () => {
    const result = await call(POST, { method: 'POST', body: { username: 'admin' } });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('validation_failed');
    expect(result.body.error.fields.password).toBeDefined();
  });

  it('refuses a user name from the address that keeps failing with 429, unknown names too', async () => {
    for (const username of ['officer2', 'nobody-here']) {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const result = await call(POST, {
          method: 'POST',
          body: { username, password: 'wrong' },
          headers: { ...asClient('10.2.0.9') },
        });
        statuses.push(result.status);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      // The right password from that address is refused while throttled.
      const right = await call(POST, {
        method: 'POST',
        body: { username, password: 'demo2018' },
        headers: { ...asClient('10.2.0.9') },
      });
      expect(right.status).toBe(429);
    }
  });

  it('throttles repeated failures from one IP across user names', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const result = await call(POST, {
        method: 'POST',
        body: { username: `guess${i}`, password: 'x' },
        headers: { ...asClient('10.3.3.3') },
      });
      statuses.push(result.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('GET /api/v1/me and sign-out', () => {
  it('is 401 without a cookie', async () => {
    const result = await call(me);
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('unauthenticated');
  });

  it('returns the user, and sign-out invalidates the session', async () => {
    const cookie = await loginAs('officer');
    const before = await call(me, { cookie });
    expect(before.status).toBe(200);
    expect(before.body.user).toMatchObject({ username: 'officer', role: 'officer' });
    const out = await call(DELETE, { method: 'DELETE', cookie });
    expect(out.status).toBe(204);
    const after = await call(me, { cookie });
    expect(after.status).toBe(401);
  });
});
