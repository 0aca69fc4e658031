import 'server-only';
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getDb } from '../index';
import { auditLog, campaigns, industries, leads, projects, units, users } from '../schema';
import {
  emptyAuditNames,
  referencedIds,
  type AuditNameKind,
  type AuditNames,
  type AuditRecord,
} from '@/lib/audit-format';
import { canonicalEntityType, storedEntityTypes } from '@/lib/audit-vocabulary';
import { addDaysIso, beijingDayStart } from '@/lib/rules/dates';
import type { AuditFilters } from '@/lib/schemas/audit';

// Reads of the append-only audit log. Nothing in the code base updates or deletes it.

/** Start of a Beijing-time calendar day as the UTC timestamp the log stores. */
function auditWhere(filters: Omit<AuditFilters, 'page' | 'pageSize'>): SQL | undefined {
  return and(
    filters.userId ? eq(auditLog.userId, filters.userId) : undefined,
    filters.entityType ? inArray(auditLog.entityType, storedEntityTypes(filters.entityType)) : undefined,
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

export function listAuditEntries(filters: AuditFilters): {
  items: AuditEntryRow[];
  total: number;
  page: number;
  pageSize: number;
} {
  const db = getDb();
  const where = auditWhere(filters);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(where)
      .get()?.n ?? 0;
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
export function listAuditEntriesForExport(
  filters: Omit<AuditFilters, 'page' | 'pageSize'>,
  limit: number,
): AuditEntryRow[] {
  return getDb()
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(auditWhere(filters))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .all();
}

/** The record types the log holds, each once under its current spelling (`settings` rows count as `setting`). */
export function listAuditEntityTypes(): string[] {
  const stored = getDb()
    .selectDistinct({ entityType: auditLog.entityType })
    .from(auditLog)
    .orderBy(auditLog.entityType)
    .all()
    .map((row) => canonicalEntityType(row.entityType));
  return [...new Set(stored)];
}

// Each kind of name: its table, id column and name column.
const NAME_SOURCES = {
  users: [users, users.id, users.name],
  units: [units, units.id, units.name],
  industries: [industries, industries.id, industries.name],
  campaigns: [campaigns, campaigns.id, campaigns.name],
  projects: [projects, projects.id, projects.name],
  leads: [leads, leads.id, leads.company],
} satisfies Record<AuditNameKind, [SQLiteTable, SQLiteColumn, SQLiteColumn]>;

/** Past this many ids of one kind (a large export), the whole table is read instead of a long IN list. */
const MAX_LISTED_IDS = 2000;

/** The names behind every id the rows refer to (users, units, industries, campaigns, projects, leads), in one query. */
export function loadAuditNames(rows: Iterable<Pick<AuditRecord, 'before' | 'after'>>): AuditNames {
  const names = emptyAuditNames();
  const ids = referencedIds(rows);
  const selects = (Object.keys(NAME_SOURCES) as AuditNameKind[])
    .filter((kind) => ids[kind].size > 0)
    .map((kind) => {
      const [table, id, name] = NAME_SOURCES[kind];
      const wanted = [...ids[kind]];
      const where =
        wanted.length > MAX_LISTED_IDS
          ? sql``
          : sql` where ${id} in (${sql.join(
              wanted.map((value) => sql`${value}`),
              sql`, `,
            )})`;
      return sql`select ${kind} as kind, ${id} as id, ${name} as name from ${table}${where}`;
    });
  if (selects.length === 0) return names;
  const found = getDb().all<{ kind: AuditNameKind; id: number; name: string }>(sql.join(selects, sql` union all `));
  for (const row of found) names[row.kind].set(row.id, row.name);
  return names;
}
