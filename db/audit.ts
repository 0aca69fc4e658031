import { sql } from 'drizzle-orm';
import type { Executor } from './index';
import { auditLog } from './schema';
import type { AuditAction, AuditEntityType } from '@/lib/audit-vocabulary';
import { nowIso } from '@/lib/rules/dates';

/** One audit row to write. `action` and `entityType` come from lib/audit-vocabulary.ts, so each has a label. */
export interface AuditEntry {
  userId: number | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: number | null;
  projectId?: number | null;
  before?: unknown;
  after?: unknown;
  batchId?: number | null;
  ip?: string | null;
}

/** The columns of an entry's row, other than its time; absent fields are stored as NULL. */
function auditRow(entry: AuditEntry) {
  return {
    userId: entry.userId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    projectId: entry.projectId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    batchId: entry.batchId ?? null,
    ip: entry.ip ?? null,
  };
}

/** Appends one audit row. Call it inside the transaction that makes the change. */
export function writeAudit(tx: Executor, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({ at: nowIso(), ...auditRow(entry) })
    .run();
}

/** Appends many audit rows through one prepared statement (bulk imports). */
export function writeAudits(tx: Executor, entries: readonly AuditEntry[]): void {
  const insert = tx
    .insert(auditLog)
    .values({
      at: nowIso(),
      userId: sql.placeholder('userId'),
      action: sql.placeholder('action'),
      entityType: sql.placeholder('entityType'),
      entityId: sql.placeholder('entityId'),
      projectId: sql.placeholder('projectId'),
      before: sql.placeholder('before'),
      after: sql.placeholder('after'),
      batchId: sql.placeholder('batchId'),
      ip: sql.placeholder('ip'),
    })
    .prepare();
  for (const entry of entries) insert.run(auditRow(entry));
}

/** The fields that differ between two records, as `{ before, after }` holding only those keys. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'version' || key === 'updatedAt') continue;
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      changedBefore[key] = a;
      changedAfter[key] = b;
    }
  }
  return { before: changedBefore, after: changedAfter, changed: Object.keys(changedAfter).length > 0 };
}
