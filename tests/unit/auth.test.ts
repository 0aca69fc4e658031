import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { sessions } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { SESSION_IDLE_MS, SESSION_MAX_MS, sessionExpiry, userFromSessionToken } from '@/lib/auth/session';
import { sha256 } from '@/lib/auth/tokens';
import { loginAs, seedOnce } from '../support/api';

beforeAll(() => seedOnce());

describe('password hashing', () => {
  it('stores an argon2id hash, not the password, and verifies only the right one', async () => {
    const hash = await hashPassword('正确的密码-2018');
    expect(hash).not.toContain('正确的密码-2018');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, '正确的密码-2018')).toBe(true);
    expect(await verifyPassword(hash, '错误的密码-2018')).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('demo2018')).not.toBe(await hashPassword('demo2018'));
  });

  it('treats a malformed stored hash as a mismatch, not an error', async () => {
    expect(await verifyPassword('not-a-hash', 'demo2018')).toBe(false);
  });
});

describe('session expiry', () => {
  const signedIn = Date.parse('2026-01-01T00:00:00Z');

  it('slides by the idle timeout', () => {
    expect(sessionExpiry(signedIn, signedIn)).toBe(signedIn + SESSION_IDLE_MS);
    const later = signedIn + 3 * 3600_000;
    expect(sessionExpiry(signedIn, later)).toBe(later + SESSION_IDLE_MS);
  });

  it('never passes the absolute cap after sign-in', () => {
    const muchLater = signedIn + SESSION_MAX_MS - 60_000;
    expect(sessionExpiry(signedIn, muchLater)).toBe(signedIn + SESSION_MAX_MS);
  });

  it('does not accept a session whose expiry has passed', async () => {
    const token = (await loginAs('leader')).split('=')[1];
    expect(userFromSessionToken(token)?.username).toBe('leader');
    getDb()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(sessions.id, sha256(token)))
      .run();
    expect(userFromSessionToken(token)).toBeNull();
  });
});
