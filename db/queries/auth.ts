import 'server-only';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { apiTokens, loginFailures, sessions, units, users } from '../schema';
import type { Role } from '@/lib/rules/enums';

export interface SessionUser {
  id: number;
  username: string;
  name: string;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  team: string | null;
  mustChangePassword: boolean;
}

/** Who a user is and where they work (their unit joined in): shared by sessions and the admin pages. */
export const userIdentityColumns = {
  id: users.id,
  username: users.username,
  name: users.name,
  role: users.role,
  unitId: users.unitId,
  unitName: units.name,
  team: users.team,
};

const sessionUserColumns = { ...userIdentityColumns, mustChangePassword: users.mustChangePassword };

export function findUserForLogin(username: string) {
  return getDb().select().from(users).where(eq(users.username, username)).get();
}

export function findSessionUser(sessionId: string, now: string) {
  return getDb()
    .select({
      ...sessionUserColumns,
      expiresAt: sessions.expiresAt,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now), eq(users.active, true)))
    .get();
}

export function findTokenUser(tokenHash: string) {
  return getDb()
    .select({ ...sessionUserColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(users.active, true)))
    .get();
}

export function countLoginFailures(key: string, since: string): number {
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)))
    .get();
  return row?.n ?? 0;
}

export function pruneLoginFailures(before: string) {
  getDb().delete(loginFailures).where(lt(loginFailures.at, before)).run();
}
