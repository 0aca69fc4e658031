import type { IncomingHttpHeaders } from 'node:http';
import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { asClient } from '../support/client-ip';
import { call, seedOnce, userId } from '../support/api';
import { annotateRequest, clientAddress, parseTrustProxy, type Trust } from '../../scripts/trust-proxy.mjs';
import { getDb } from '@/db';
import { auditLog, users } from '@/db/schema';
import { DELETE, POST } from '@/app/api/v1/session/route';
import { GET as me } from '@/app/api/v1/me/route';
import { createApiToken } from '@/domain/tokens';
import { changeOwnPassword, createUser, resetUserPassword, setUserActive } from '@/domain/users';
import { AppError } from '@/lib/errors';
import { slowdownMs, MAX_FAILURES_PER_IP, MAX_FAILURES_PER_USER } from '@/lib/auth/session';

// Issue 14 findings 4, 5, 6, 10 and 11: forwarded headers, account lock-out, login CSRF, tokens
// that outlived their account, and the unthrottled password change.

beforeAll(() => seedOnce());

const KEY = 'test-client-ip-key';
const admin = () => ({ id: userId('admin'), role: 'admin' as const, unitId: null, ip: '127.0.0.1' });

/** The headers Next.js would see for a request from `peer` carrying `headers`, after serve.mjs. */
function throughServer(peer: string, headers: IncomingHttpHeaders, trust: Trust): Record<string, string> {
  const request = { socket: { remoteAddress: peer }, headers: { ...headers } };
  annotateRequest(request, trust, KEY);
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
}

const signIn = (username: string, password: string, headers: Record<string, string>) =>
  call(POST, { method: 'POST', path: '/api/v1/session', body: { username, password }, headers });

describe('finding 4: forwarding headers are believed only from a trusted proxy', () => {
  it('40 failed sign-ins with a changing X-Forwarded-For hit the per-address limit, and the audit keeps the real address', async () => {
    const none = parseTrustProxy(undefined);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const headers = throughServer('203.0.113.50', { 'x-forwarded-for': `198.18.${i}.${i}` }, none);
      expect(headers['x-forwarded-for']).toBeUndefined();
      statuses.push((await signIn(`spoof${i}`, 'wrong', headers)).status);
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(MAX_FAILURES_PER_IP);
    expect(statuses.at(-1)).toBe(429);

    const headers = throughServer('203.0.113.51', { 'x-forwarded-for': '1.2.3.4' }, none);
    expect((await signIn('investment', 'demo2018', headers)).status).toBe(200);
    const login = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'login'), eq(auditLog.userId, userId('investment'))))
      .orderBy(desc(auditLog.id))
      .get()!;
    expect(login.ip).toBe('203.0.113.51');
  });

  it('a client cannot write the client-address header itself', () => {
    const headers = throughServer('203.0.113.52', { 'x-jkp-client-ip': `${KEY} 10.0.0.1` }, parseTrustProxy(''));
    expect(headers['x-jkp-client-ip']).toBe(`${KEY} 203.0.113.52`);
  });

  it('X-Forwarded-Host and X-Forwarded-Proto from an untrusted peer are dropped: the CSRF check compares Host', async () => {
    const headers = throughServer(
      '203.0.113.53',
      { host: 'xm.jl.gov.cn', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
      parseTrustProxy(undefined),
    );
    expect(headers['x-forwarded-host']).toBeUndefined();
    expect(headers['x-forwarded-proto']).toBeUndefined();
    const result = await signIn('leader', 'demo2018', { ...headers, origin: 'https://evil.example' });
    expect(result.status).toBe(403);
  });

  it('TRUST_PROXY names the proxy (address, subnet, loopback) or a hop count', () => {
    const list = parseTrustProxy('10.0.0.5, 172.16.0.0/12');
    expect(clientAddress('10.0.0.5', '198.51.100.7', list)).toBe('198.51.100.7');
    expect(clientAddress('172.20.1.1', '198.51.100.7, 10.0.0.5', list)).toBe('198.51.100.7');
    // A peer that is not the proxy: its header means nothing.
    expect(clientAddress('203.0.113.9', '198.51.100.7', list)).toBe('203.0.113.9');
    // Forged hops to the left of the real client are ignored.
    expect(clientAddress('10.0.0.5', '6.6.6.6, 198.51.100.7', list)).toBe('198.51.100.7');
    const hops = parseTrustProxy('1');
    expect(clientAddress('10.0.0.5', '6.6.6.6, 198.51.100.7', hops)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.7', parseTrustProxy('loopback'))).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.5', 'not-an-ip', list)).toBe('10.0.0.5');
    expect(() => parseTrustProxy('proxy.example')).toThrow(/TRUST_PROXY/);
    const trusted = throughServer(
      '10.0.0.5',
      { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'xm.jl.gov.cn' },
      list,
    );
    expect(trusted['x-jkp-client-ip']).toBe(`${KEY} 198.51.100.7`);
    expect(trusted['x-forwarded-proto']).toBe('https');
    expect(trusted['x-forwarded-host']).toBe('xm.jl.gov.cn');
  });
});

describe('finding 5: failures from elsewhere do not lock the owner out', () => {
  it("an attacker's failures on a name refuse the attacker's address, not the owner's right password", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_USER + 3; i++) await signIn(' LEADER ', 'guess', asClient('198.51.100.66'));
    expect((await signIn('leader', 'demo2018', asClient('198.51.100.66'))).status).toBe(429);
    expect((await signIn('leader', 'demo2018', asClient('10.20.0.1'))).status).toBe(200);
  });

  it('slows attempts on a name under attack progressively instead', () => {
    expect(slowdownMs(MAX_FAILURES_PER_USER - 1)).toBe(0);
    const steps = [0, 1, 2, 3].map((extra) => slowdownMs(MAX_FAILURES_PER_USER + extra));
    expect(steps[0]).toBeGreaterThan(0);
    expect(steps[1]).toBeGreaterThan(steps[0]);
    expect(steps[2]).toBeGreaterThan(steps[1]);
    expect(slowdownMs(1000)).toBe(slowdownMs(2000));
  });
});

describe('finding 6: login CSRF', () => {
  it('a cross-site text/plain sign-in is refused and sets no cookie', async () => {
    const result = await call(POST, {
      method: 'POST',
      path: '/api/v1/session',
      rawBody: JSON.stringify({ username: 'officer', password: 'demo2018' }),
      headers: { 'content-type': 'text/plain', ...asClient('10.30.0.1') },
    });
    expect(result.status).toBe(415);
    expect(result.headers.get('set-cookie')).toBeNull();
  });

  it('a sign-in or sign-out from a foreign Origin is refused', async () => {
    const signedIn = await signIn('officer', 'demo2018', asClient('10.30.0.2'));
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0];
    const foreign = await signIn('officer2', 'demo2018', { ...asClient('10.30.0.2'), origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie')).toBeNull();
    const out = await call(DELETE, { method: 'DELETE', cookie, headers: { origin: 'https://evil.example' } });
    expect(out.status).toBe(403);
    expect((await call(me, { cookie })).status).toBe(200);
    // The same origin still works.
    const sameOrigin = await signIn('officer2', 'demo2018', {
      ...asClient('10.30.0.3'),
      origin: 'http://localhost',
      host: 'localhost',
    });
    expect(sameOrigin.status).toBe(200);
  });
});

describe('finding 10: API tokens end with the account', () => {
  it('a deactivated then reactivated user’s token stays dead, and a password reset revokes tokens', async () => {
    const user = await createUser(admin(), {
      username: 'token_owner',
      name: '令牌用户',
      role: 'leader',
      unitId: null,
      team: null,
      password: 'Token-pass-2026',
      mustChangePassword: false,
    } as Parameters<typeof createUser>[1]);
    const first = createApiToken(admin(), { name: '对接系统', userId: user.id });
    expect((await call(me, { bearer: first.token })).status).toBe(200);
    const version = () => getDb().select().from(users).where(eq(users.id, user.id)).get()!.version;
    setUserActive(admin(), { id: user.id, version: version(), active: false });
    setUserActive(admin(), { id: user.id, version: version(), active: true });
    expect((await call(me, { bearer: first.token })).status).toBe(401);

    const second = createApiToken(admin(), { name: '对接系统二', userId: user.id });
    expect((await call(me, { bearer: second.token })).status).toBe(200);
    await resetUserPassword(admin(), { id: user.id, password: 'Another-pass-2026', mustChangePassword: true });
    expect((await call(me, { bearer: second.token })).status).toBe(401);
  });
});

describe('finding 11: the password change is throttled like sign-in', () => {
  it('wrong current passwords hit the limiter', async () => {
    const actor = { id: userId('officer2'), role: 'officer' as const, unitId: null, ip: '10.40.0.1' };
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      try {
        await changeOwnPassword(
          actor,
          { currentPassword: `wrong-${i}`, newPassword: 'Whatever-2026', confirmPassword: 'Whatever-2026' },
          null,
        );
      } catch (error) {
        codes.push((error as AppError).code);
      }
    }
    expect(codes.slice(0, MAX_FAILURES_PER_USER)).toEqual(Array(MAX_FAILURES_PER_USER).fill('validation_failed'));
    expect(codes.slice(MAX_FAILURES_PER_USER)).toEqual(Array(8 - MAX_FAILURES_PER_USER).fill('too_many_attempts'));
  });
});
