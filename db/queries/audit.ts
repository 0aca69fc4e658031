import 'server-only';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../index';
import { auditLog, users } from '../schema';
import { addDaysIso } from '@/lib/rules/dates';
import type { AuditFilters } from '@/lib/schemas/audit';

// Reads of the append-only audit log. Nothing in the code base updates or deletes it.

/** Start of a Beijing-time calendar day as the UTC timestamp the log stores. */
function beijingDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

function auditWhere(filters: Omit<AuditFilters, 'page' | 'pageSize'>): SQL | undefined {
  return and(
    filters.userId ? eq(auditLog.userId, filters.userId) : undefined,
    filters.entityType ? eq(auditLog.entityType, filters.entityType) : undefined,
    filters.entityId ? eq(auditLog.entityId, filters.entityId) : undefined,
    filters.batchId ? eq(auditLog.batchId, filters.batchId) : undefined,
    filters.from ? gte(auditLog.at, beijingDayStart(filters.from)) : undefined,
    filters.to ? lt(auditLog.at, beijingDayStart(addDaysIso(filters.to, 1))) : undefined,
  );
}

const entryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  userId: auditLog.userId,
  userName: users.name,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  projectId: auditLog.projectId,
  before: auditLog.before,
  after: auditLog.after,
  batchId: auditLog.batchId,
  ip: auditLog.ip,
};

export type AuditEntryRow = {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  action: string;
  entityType: string;
  entityId: number | null;
  projectId: number | null;
  before: unknown;
  after: unknown;
  batchId: number | null;
  ip: string | null;
};

export function listAuditEntries(filters: AuditFilters): { items: AuditEntryRow[]; total: number; page: number; pageSize: number } {
  const db = getDb();
  const where = auditWhere(filters);
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
  const items = db
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
    .all();
  return { items, total, page: filters.page, pageSize: filters.pageSize };
}

/** For the export: every matching entry up to `limit`, newest first. */
export function listAuditEntriesForExport(filters: Omit<AuditFilters, 'page' | 'pageSize'>, limit: number): AuditEntryRow[] {
  return getDb()
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(auditWhere(filters))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .all();
}

export function listAuditEntityTypes(): string[] {
  return getDb()
    .selectDistinct({ entityType: auditLog.entityType })
    .from(auditLog)
    .orderBy(auditLog.entityType)
    .all()
    .map((row) => row.entityType);
}
