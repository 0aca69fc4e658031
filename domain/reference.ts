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
    const last =
      tx
        .select({ n: max(units.sortOrder) })
        .from(units)
        .get()?.n ?? 0;
    const unit = tx
      .insert(units)
      .values({ ...input, sortOrder: last + 1 })
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
    const updated = tx
      .update(units)
      .set({ ...patch, version: current.version + 1 })
      .where(and(eq(units.id, current.id), eq(units.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version');
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'unit',
      entityId: current.id,
      before: change.before,
      after: change.after,
      ip: actor.ip,
    });
    return updated;
  });
}

export function setUnitActive(actor: ActorContext, input: { id: number; version: number; active: boolean }): Unit {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    const current = findUnit(tx, input.id);
    if (current.version !== input.version) throw new AppError('stale_version');
    if (current.active === input.active) return current;
    const updated = tx
      .update(units)
      .set({ active: input.active, version: current.version + 1 })
      .where(and(eq(units.id, current.id), eq(units.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version');
    writeAudit(tx, {
      userId: actor.id,
      action: input.active ? 'reactivate' : 'deactivate',
      entityType: 'unit',
      entityId: current.id,
      before: { active: current.active },
      after: { active: input.active },
      ip: actor.ip,
    });
    return updated;
  });
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
    const last =
      tx
        .select({ n: max(industries.sortOrder) })
        .from(industries)
        .get()?.n ?? 0;
    const industry = tx
      .insert(industries)
      .values({ name: input.name, sortOrder: last + 1 })
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
    const updated = tx
      .update(industries)
      .set({ name: input.name, version: current.version + 1 })
      .where(and(eq(industries.id, current.id), eq(industries.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version');
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'industry',
      entityId: current.id,
      before: { name: current.name },
      after: { name: input.name },
      ip: actor.ip,
    });
    return updated;
  });
}

export function setIndustryActive(
  actor: ActorContext,
  input: { id: number; version: number; active: boolean },
): Industry {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    const current = findIndustry(tx, input.id);
    if (current.version !== input.version) throw new AppError('stale_version');
    if (current.active === input.active) return current;
    const updated = tx
      .update(industries)
      .set({ active: input.active, version: current.version + 1 })
      .where(and(eq(industries.id, current.id), eq(industries.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version');
    writeAudit(tx, {
      userId: actor.id,
      action: input.active ? 'reactivate' : 'deactivate',
      entityType: 'industry',
      entityId: current.id,
      before: { active: current.active },
      after: { active: input.active },
      ip: actor.ip,
    });
    return updated;
  });
}
