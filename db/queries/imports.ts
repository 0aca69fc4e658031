import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { auditLog, importBatches, leads, projects, units, users } from '../schema';

// Import batches: who imported which file when, and which projects each batch touched.

export interface BatchScope {
  /** Officers see their own batches only. */
  userId?: number;
}

const batchColumns = {
  id: importBatches.id,
  kind: importBatches.kind,
  fileName: importBatches.fileName,
  userId: importBatches.userId,
  userName: users.name,
  createdCount: importBatches.createdCount,
  updatedCount: importBatches.updatedCount,
  skippedCount: importBatches.skippedCount,
  createdAt: importBatches.createdAt,
};

export function listImportBatches({
  userId,
  page = 1,
  pageSize = 20,
}: BatchScope & { page?: number; pageSize?: number }) {
  const db = getDb();
  const where = userId ? eq(importBatches.userId, userId) : undefined;
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(importBatches)
      .where(where)
      .get()?.n ?? 0;
  const items = db
    .select(batchColumns)
    .from(importBatches)
    .innerJoin(users, eq(users.id, importBatches.userId))
    .where(where)
    .orderBy(desc(importBatches.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { items, total, page, pageSize };
}

export function findImportBatch(batchId: number, scope: BatchScope = {}) {
  return getDb()
    .select(batchColumns)
    .from(importBatches)
    .innerJoin(users, eq(users.id, importBatches.userId))
    .where(and(eq(importBatches.id, batchId), scope.userId ? eq(importBatches.userId, scope.userId) : undefined))
    .get();
}

/** The audit rows of a batch about one kind of entity, and how many entities they name. */
function batchEntities(batchId: number, entityType: 'project' | 'lead') {
  const where = and(eq(auditLog.batchId, batchId), eq(auditLog.entityType, entityType));
  const total =
    getDb()
      .select({ n: sql<number>`count(distinct ${auditLog.entityId})` })
      .from(auditLog)
      .where(where)
      .get()?.n ?? 0;
  return { where, total };
}

/** Whether the batch created the entity: a creation is audited with no "before" (SQL NULL or JSON null). */
const createdInBatch = () => sql<number>`max(coalesce(${auditLog.before}, 'null') = 'null')`.mapWith(Boolean);

/** The projects a batch created or updated, as they are now. */
export function listBatchProjects(
  batchId: number,
  { page = 1, pageSize = 100 }: { page?: number; pageSize?: number } = {},
) {
  const { where, total } = batchEntities(batchId, 'project');
  const items = getDb()
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      unitName: units.name,
      stage: projects.stage,
      totalInvestment: projects.totalInvestment,
      created: createdInBatch(),
    })
    .from(auditLog)
    .innerJoin(projects, eq(projects.id, auditLog.entityId))
    .innerJoin(units, eq(units.id, projects.unitId))
    .where(where)
    .groupBy(projects.id)
    .orderBy(asc(projects.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { items, total, page, pageSize };
}

/** The leads a batch created or updated, as they are now. */
export function listBatchLeads(
  batchId: number,
  { page = 1, pageSize = 100 }: { page?: number; pageSize?: number } = {},
) {
  const { where, total } = batchEntities(batchId, 'lead');
  const items = getDb()
    .select({
      id: leads.id,
      company: leads.company,
      proposedProject: leads.proposedProject,
      stage: leads.stage,
      ownerName: users.name,
      intendedInvestment: leads.intendedInvestment,
      created: createdInBatch(),
    })
    .from(auditLog)
    .innerJoin(leads, eq(leads.id, auditLog.entityId))
    .innerJoin(users, eq(users.id, leads.ownerId))
    .where(where)
    .groupBy(leads.id)
    .orderBy(asc(leads.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { items, total, page, pageSize };
}
