import 'server-only';
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../index';
import { annualTargets, apiTokens, units, users } from '../schema';
import type { Role } from '@/lib/rules/enums';
import { userIdentityColumns } from './auth';

// Reads for the admin pages and the admin API.

export interface AdminUserFilter {
  role?: Role;
  unitId?: number;
  active?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** A user as the admin pages and API show it (findUserForAdmin; the list adds its timestamps). */
const adminUserColumns = {
  ...userIdentityColumns,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  version: users.version,
};

export function listUsersForAdmin({ role, unitId, active, q, page = 1, pageSize = 50 }: AdminUserFilter = {}) {
  const db = getDb();
  const pattern = q ? `%${q.replace(/[%_!]/g, (c) => `!${c}`)}%` : null;
  const where = and(
    role ? eq(users.role, role) : undefined,
    unitId ? eq(users.unitId, unitId) : undefined,
    active === undefined ? undefined : eq(users.active, active),
    pattern
      ? or(sql`${users.username} like ${pattern} escape '!'`, sql`${users.name} like ${pattern} escape '!'`)
      : undefined,
  );
  const items = db
    .select({ ...adminUserColumns, createdAt: users.createdAt, updatedAt: users.updatedAt })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(where)
    .orderBy(desc(users.active), asc(users.role), asc(users.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(where)
      .get()?.n ?? 0;
  return { items, total, page, pageSize };
}
export type AdminUserRow = ReturnType<typeof listUsersForAdmin>['items'][number];

export function findUserForAdmin(userId: number) {
  return getDb()
    .select(adminUserColumns)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId))
    .get();
}

/** Teams any user carries (any role, active or not), offered as suggestions in the user form. */
export function listTeamsInUse(): string[] {
  return getDb()
    .selectDistinct({ team: users.team })
    .from(users)
    .where(sql`${users.team} is not null`)
    .orderBy(asc(users.team))
    .all()
    .map((row) => row.team as string);
}

const creator = alias(users, 'creator');

export function listApiTokens({ page = 1, pageSize = 50 }: { page?: number; pageSize?: number } = {}) {
  const db = getDb();
  const items = db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      userId: apiTokens.userId,
      userName: users.name,
      username: users.username,
      userRole: users.role,
      createdBy: apiTokens.createdBy,
      createdByName: creator.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(creator, eq(creator.id, apiTokens.createdBy))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(apiTokens)
      .get()?.n ?? 0;
  return { items, total, page, pageSize };
}
export type ApiTokenRow = ReturnType<typeof listApiTokens>['items'][number];

export function listAnnualTargets() {
  return getDb().select().from(annualTargets).orderBy(desc(annualTargets.year)).all();
}

export function findAnnualTarget(targetId: number) {
  return getDb().select().from(annualTargets).where(eq(annualTargets.id, targetId)).get();
}
