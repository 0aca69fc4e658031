import 'server-only';
import { and, eq, lt, or } from 'drizzle-orm';
import { getDb } from '@/db';
import { isBusyError } from '@/db/busy';
import { writeAudit } from '@/db/audit';
import {
  countLoginFailures,
  findSessionUser,
  findTokenUser,
  findUserForLogin,
  pruneLoginFailures,
  type SessionUser,
} from '@/db/queries/auth';
import { apiTokens, loginFailures, sessions } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { timingDummyHash, verifyPassword } from './password';
import { newToken, sha256 } from './tokens';

export type { SessionUser };

export const SESSION_COOKIE = 'jkp_session';
/** A session ends after this long without use. */
export const SESSION_IDLE_MS = Number(process.env.SESSION_IDLE_MINUTES ?? 8 * 60) * 60_000;
/** And in any case this long after sign-in. */
export const SESSION_MAX_MS = 7 * 24 * 3600_000;

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USER = Number(process.env.LOGIN_MAX_FAILURES_PER_USER ?? 5);
export const MAX_FAILURES_PER_IP = Number(process.env.LOGIN_MAX_FAILURES_PER_IP ?? 30);

/** The expiry a session gets when used at `now`: idle timeout, capped by the absolute limit. */
export function sessionExpiry(createdAtMs: number, nowMs: number): number {
  return Math.min(nowMs + SESSION_IDLE_MS, createdAtMs + SESSION_MAX_MS);
}

function throttleKeys(username: string, ip: string | null) {
  const keys = [`user:${username.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

function isThrottled(username: string, ip: string | null, nowMs: number): boolean {
  const since = new Date(nowMs - THROTTLE_WINDOW_MS).toISOString();
  const [userKey, ipKey] = throttleKeys(username, ip);
  if (countLoginFailures(userKey, since) >= MAX_FAILURES_PER_USER) return true;
  return ipKey ? countLoginFailures(ipKey, since) >= MAX_FAILURES_PER_IP : false;
}

function recordFailure(username: string, ip: string | null, nowMs: number) {
  const at = new Date(nowMs).toISOString();
  getDb()
    .insert(loginFailures)
    .values(throttleKeys(username, ip).map((key) => ({ key, at })))
    .run();
}

export interface SignInResult {
  token: string;
  expiresAt: Date;
  user: SessionUser;
}

/**
 * Checks the password and opens a new session. Throttled per user name (known or not) and per IP.
 * `replaceToken` is the caller's current session, which is ended so the session id rotates.
 */
export async function signIn(input: {
  username: string;
  password: string;
  ip: string | null;
  userAgent?: string | null;
  replaceToken?: string | null;
}): Promise<SignInResult> {
  const nowMs = Date.now();
  if (isThrottled(input.username, input.ip, nowMs)) throw new AppError('too_many_attempts');
  const user = findUserForLogin(input.username.trim());
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await timingDummyHash(), input.password), false);
  if (!user || !ok || !user.active) {
    recordFailure(input.username, input.ip, nowMs);
    throw new AppError('invalid_credentials');
  }
  const token = newToken();
  const expiresAt = new Date(sessionExpiry(nowMs, nowMs));
  const db = getDb();
  db.transaction((tx) => {
    if (input.replaceToken)
      tx.delete(sessions)
        .where(eq(sessions.id, sha256(input.replaceToken)))
        .run();
    tx.delete(loginFailures)
      .where(eq(loginFailures.key, throttleKeys(input.username, null)[0]))
      .run();
    tx.insert(sessions)
      .values({
        id: sha256(token),
        userId: user.id,
        createdAt: new Date(nowMs).toISOString(),
        lastSeenAt: new Date(nowMs).toISOString(),
        expiresAt: expiresAt.toISOString(),
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      })
      .run();
    writeAudit(tx, { userId: user.id, action: 'login', entityType: 'user', entityId: user.id, ip: input.ip });
  });
  if (Math.random() < 0.05) pruneLoginFailures(new Date(nowMs - THROTTLE_WINDOW_MS).toISOString());
  const sessionUser = findSessionUser(sha256(token), new Date(nowMs).toISOString());
  if (!sessionUser) throw new AppError('internal');
  return { token, expiresAt, user: toSessionUser(sessionUser) };
}

function toSessionUser<T extends SessionUser>(row: T): SessionUser {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    unitId: row.unitId,
    unitName: row.unitName,
    team: row.team,
    mustChangePassword: row.mustChangePassword,
  };
}

/** Bookkeeping writes (last seen) are skipped while an import holds the write lock; the next request makes them. */
function skipWhenBusy(write: () => unknown) {
  try {
    write();
  } catch (error) {
    if (!isBusyError(error)) throw error;
  }
}

/** The user of a session cookie, sliding its idle expiry; null when absent, expired or revoked. */
export function userFromSessionToken(token: string | null | undefined): SessionUser | null {
  if (!token || token.length > 200) return null;
  const nowMs = Date.now();
  const id = sha256(token);
  const row = findSessionUser(id, new Date(nowMs).toISOString());
  if (!row) return null;
  // Write the sliding expiry at most once a minute, not on every request.
  if (nowMs - Date.parse(row.lastSeenAt) > 60_000) {
    skipWhenBusy(() =>
      getDb()
        .update(sessions)
        .set({
          lastSeenAt: new Date(nowMs).toISOString(),
          expiresAt: new Date(sessionExpiry(Date.parse(row.createdAt), nowMs)).toISOString(),
        })
        .where(eq(sessions.id, id))
        .run(),
    );
  }
  return toSessionUser(row);
}

/** The user of an API bearer token; null when unknown or revoked. */
export function userFromBearerToken(token: string | null | undefined): SessionUser | null {
  if (!token || token.length > 200) return null;
  const row = findTokenUser(sha256(token));
  if (!row) return null;
  const nowMs = Date.now();
  if (!row.lastUsedAt || nowMs - Date.parse(row.lastUsedAt) > 60_000) {
    skipWhenBusy(() =>
      getDb()
        .update(apiTokens)
        .set({ lastUsedAt: new Date(nowMs).toISOString() })
        .where(eq(apiTokens.id, row.tokenId))
        .run(),
    );
  }
  return toSessionUser(row);
}

export function signOut(token: string | null | undefined): void {
  if (!token) return;
  getDb().transaction((tx) => {
    const row = tx
      .select({ userId: sessions.userId })
      .from(sessions)
      .where(eq(sessions.id, sha256(token)))
      .get();
    if (!row) return;
    tx.delete(sessions)
      .where(eq(sessions.id, sha256(token)))
      .run();
    writeAudit(tx, { userId: row.userId, action: 'logout', entityType: 'user', entityId: row.userId });
  });
}

/** Ends every session of a user: on password reset and deactivation. */
export function revokeUserSessions(tx: Pick<ReturnType<typeof getDb>, 'delete'>, userId: number): void {
  tx.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function pruneExpiredSessions(): void {
  const now = new Date().toISOString();
  getDb()
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, now),
        and(lt(sessions.lastSeenAt, new Date(Date.now() - SESSION_MAX_MS).toISOString())),
      ),
    )
    .run();
}
