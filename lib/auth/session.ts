import 'server-only';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
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
/** Failures of one name from one address before that pair is refused for the window. */
export const MAX_FAILURES_PER_USER = Number(process.env.LOGIN_MAX_FAILURES_PER_USER ?? 5);
/** Failures from one address, over every name, before the address is refused for the window. */
export const MAX_FAILURES_PER_IP = Number(process.env.LOGIN_MAX_FAILURES_PER_IP ?? 30);
/** Failures on one name from anywhere before each attempt on it is slowed down. */
export const SLOWDOWN_AFTER = MAX_FAILURES_PER_USER;
const SLOWDOWN_BASE_MS = Number(process.env.LOGIN_SLOWDOWN_BASE_MS ?? 250);
const SLOWDOWN_MAX_MS = Number(process.env.LOGIN_SLOWDOWN_MAX_MS ?? 8_000);

/** The expiry a session gets when used at `now`: idle timeout, capped by the absolute limit. */
export function sessionExpiry(createdAtMs: number, nowMs: number): number {
  return Math.min(nowMs + SESSION_IDLE_MS, createdAtMs + SESSION_MAX_MS);
}

/** User names compare with case and surrounding spaces folded, as the sign-in form does. */
const foldName = (username: string) => username.trim().toLowerCase();

/**
 * The limiter's keys: the name (slowdown only), the name from this address (refused after
 * MAX_FAILURES_PER_USER) and the address (refused after MAX_FAILURES_PER_IP). Keying the refusal
 * on name + address means failures from elsewhere cannot lock the owner of the name out.
 */
function throttleKeys(username: string, ip: string | null) {
  const name = foldName(username);
  return {
    name: `user:${name}`,
    pair: `pair:${name}@${ip ?? 'unknown'}`,
    ip: ip ? `ip:${ip}` : null,
  };
}

/** The wait before trying a name that has failed `failures` times in the window, from anywhere. */
export function slowdownMs(failures: number): number {
  if (failures < SLOWDOWN_AFTER) return 0;
  return Math.min(SLOWDOWN_BASE_MS * 2 ** (failures - SLOWDOWN_AFTER), SLOWDOWN_MAX_MS);
}

/**
 * The sign-in limiter, shared by sign-in and the password change: refuses (429) a name from an
 * address, or an address, over its limit, and slows down every attempt on a name under attack.
 */
export async function throttleCredentialCheck(username: string, ip: string | null): Promise<void> {
  const nowMs = Date.now();
  const since = new Date(nowMs - THROTTLE_WINDOW_MS).toISOString();
  const keys = throttleKeys(username, ip);
  if (countLoginFailures(keys.pair, since) >= MAX_FAILURES_PER_USER) throw new AppError('too_many_attempts');
  if (keys.ip && countLoginFailures(keys.ip, since) >= MAX_FAILURES_PER_IP) throw new AppError('too_many_attempts');
  const wait = slowdownMs(countLoginFailures(keys.name, since));
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** Counts a wrong password against the name, the name from this address and the address. */
export function recordCredentialFailure(username: string, ip: string | null): void {
  const at = new Date().toISOString();
  const keys = throttleKeys(username, ip);
  getDb()
    .insert(loginFailures)
    .values([keys.name, keys.pair, keys.ip].filter((key): key is string => key !== null).map((key) => ({ key, at })))
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
  await throttleCredentialCheck(input.username, input.ip);
  const nowMs = Date.now();
  const user = findUserForLogin(input.username.trim());
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await timingDummyHash(), input.password), false);
  if (!user || !ok || !user.active) {
    recordCredentialFailure(input.username, input.ip);
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
      .where(eq(loginFailures.key, throttleKeys(input.username, input.ip).pair))
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

/**
 * Revokes every live API token of the user (deactivation, a password reset by an admin): a token
 * must not come back to life when the account does. Returns how many were revoked.
 */
export function revokeUserTokens(tx: Pick<ReturnType<typeof getDb>, 'update'>, userId: number): number {
  return tx
    .update(apiTokens)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run().changes;
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
