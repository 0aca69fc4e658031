import 'server-only';
import { and, eq, max, ne } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { diff, writeAudit } from '@/db/audit';
import { industries, units, type Industry, type Unit } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { UnitKind } from '@/lib/rules/enums';
import type { ActorContext } from '@/lib/rules/permissions';
import { assertAdmin } from './users';

// Units and industries. Projects, users and leads refer to them, so they are never deleted:
// a row that is no longer used is deactivated and disappears from pickers, history keeps it.

type UnitInput = { name: string; code: string; kind: UnitKind };
type ReferenceTable = typeof units | typeof industries;

function entityTypeOf(table: ReferenceTable) {
  return table === units ? 'unit' : 'industry';
}

/** The sort order that puts a new unit or industry last. */
function nextSortOrder(executor: Executor, table: ReferenceTable): number {
  const last =
    executor
      .select({ n: max(table.sortOrder) })
      .from(table)
      .get()?.n ?? 0;
  return last + 1;
}

/** Writes a unit's or an industry's change at the version the admin saw, and audits it. */
function writeReference<Row extends Unit | Industry>(
  tx: Executor,
  actor: ActorContext,
  table: ReferenceTable,
  current: Row,
  set: Partial<Pick<Unit, 'name' | 'code' | 'kind' | 'active'>>,
  audit: { action: 'update' | 'deactivate' | 'reactivate'; before: object; after: object },
): Row {
  const updated = tx
    .update(table)
    .set({ ...set, version: current.version + 1 })
    .where(and(eq(table.id, current.id), eq(table.version, current.version)))
    .returning()
    .get();
  if (!updated) throw new AppError('stale_version');
  writeAudit(tx, {
    userId: actor.id,
    action: audit.action,
    entityType: entityTypeOf(table),
    entityId: current.id,
    before: audit.before,
    after: audit.after,
    ip: actor.ip,
  });
  return updated as Row;
}

/** Deactivates or reactivates a unit or an industry. */
function setReferenceActive<Row extends Unit | Industry>(
  actor: ActorContext,
  find: (executor: Executor, id: number) => Row,
  table: ReferenceTable,
  input: { id: number; version: number; active: boolean },
): Row {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    const current = find(tx, input.id);
    if (current.version !== input.version) throw new AppError('stale_version');
    if (current.active === input.active) return current;
    return writeReference(
      tx,
      actor,
      table,
      current,
      { active: input.active },
      {
        action: input.active ? 'reactivate' : 'deactivate',
        before: { active: current.active },
        after: { active: input.active },
      },
    );
  });
}

function assertUnitUnique(executor: Executor, input: { name: string; code: string }, exceptId?: number) {
  const others = exceptId ? ne(units.id, exceptId) : undefined;
  if (
    executor
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.name, input.name), others))
      .get()
  ) {
    throw new AppError('validation_failed', undefined, { name: ['已存在同名单位'] });
  }
  if (
    executor
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.code, input.code), others))
      .get()
  ) {
    throw new AppError('validation_failed', undefined, { code: ['该代码已被其他单位使用'] });
  }
}

function findUnit(executor: Executor, unitId: number): Unit {
  const unit = executor.select().from(units).where(eq(units.id, unitId)).get();
  if (!unit) throw new AppError('not_found', '单位不存在');
  return unit;
}

export function createUnit(actor: ActorContext, input: UnitInput): Unit {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    assertUnitUnique(tx, input);
    const unit = tx
      .insert(units)
      .values({ ...input, sortOrder: nextSortOrder(tx, units) })
      .returning()
      .get();
    writeAudit(tx, {
      userId: actor.id,
      action: 'create',
      entityType: 'unit',
      entityId: unit.id,
      after: input,
      ip: actor.ip,
    });
    return unit;
  });
}

export function updateUnit(actor: ActorContext, input: UnitInput & { id: number; version: number }): Unit {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    const current = findUnit(tx, input.id);
    if (current.version !== input.version) throw new AppError('stale_version');
    assertUnitUnique(tx, input, current.id);
    const patch = { name: input.name, code: input.code, kind: input.kind };
    const change = diff(current, patch);
    if (!change.changed) return current;
    return writeReference(tx, actor, units, current, patch, {
      action: 'update',
      before: change.before,
      after: change.after,
    });
  });
}

export function setUnitActive(actor: ActorContext, input: { id: number; version: number; active: boolean }): Unit {
  return setReferenceActive(actor, findUnit, units, input);
}

function assertIndustryUnique(executor: Executor, name: string, exceptId?: number) {
  if (
    executor
      .select({ id: industries.id })
      .from(industries)
      .where(and(eq(industries.name, name), exceptId ? ne(industries.id, exceptId) : undefined))
      .get()
  ) {
    throw new AppError('validation_failed', undefined, { name: ['已存在同名行业'] });
  }
}

function findIndustry(executor: Executor, industryId: number): Industry {
  const industry = executor.select().from(industries).where(eq(industries.id, industryId)).get();
  if (!industry) throw new AppError('not_found', '行业不存在');
  return industry;
}

export function createIndustry(actor: ActorContext, input: { name: string }): Industry {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    assertIndustryUnique(tx, input.name);
    const industry = tx
      .insert(industries)
      .values({ name: input.name, sortOrder: nextSortOrder(tx, industries) })
      .returning()
      .get();
    writeAudit(tx, {
      userId: actor.id,
      action: 'create',
      entityType: 'industry',
      entityId: industry.id,
      after: input,
      ip: actor.ip,
    });
    return industry;
  });
}

export function renameIndustry(actor: ActorContext, input: { id: number; version: number; name: string }): Industry {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    const current = findIndustry(tx, input.id);
    if (current.version !== input.version) throw new AppError('stale_version');
    if (current.name === input.name) return current;
    assertIndustryUnique(tx, input.name, current.id);
    return writeReference(
      tx,
      actor,
      industries,
      current,
      { name: input.name },
      { action: 'update', before: { name: current.name }, after: { name: input.name } },
    );
  });
}

export function setIndustryActive(
  actor: ActorContext,
  input: { id: number; version: number; active: boolean },
): Industry {
  return setReferenceActive(actor, findIndustry, industries, input);
}
