import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { diff, writeAudit } from '@/db/audit';
import { annualTargets, type AnnualTarget } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { nowIso } from '@/lib/rules/dates';
import type { TargetCreateInput, TargetUpdateInput } from '@/lib/schemas/admin';
import type { ActorContext } from '@/lib/rules/permissions';
import { assertAdmin } from './users';

// 年度目标: data an admin enters each year, read by the dashboards.

const withNullNote = <T extends { note?: string | null }>(input: T) => ({ ...input, note: input.note ?? null });

export function createTarget(actor: ActorContext, input: TargetCreateInput): AnnualTarget {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    if (tx.select({ id: annualTargets.id }).from(annualTargets).where(eq(annualTargets.year, input.year)).get()) {
      throw new AppError('validation_failed', undefined, { year: [`${input.year} 年的目标已存在，请编辑该年度`] });
    }
    const row = tx.insert(annualTargets).values(withNullNote(input)).returning().get();
    writeAudit(tx, {
      userId: actor.id,
      action: 'create',
      entityType: 'annual_target',
      entityId: row.id,
      after: withNullNote(input),
      ip: actor.ip,
    });
    return row;
  });
}

export function updateTarget(actor: ActorContext, input: TargetUpdateInput): AnnualTarget {
  assertAdmin(actor);
  const { id, version, ...fields } = input;
  return getDb().transaction((tx) => {
    const current = tx.select().from(annualTargets).where(eq(annualTargets.id, id)).get();
    if (!current) throw new AppError('not_found', '年度目标不存在');
    if (current.version !== version) throw new AppError('stale_version');
    const patch = withNullNote(fields);
    const change = diff(current, patch);
    if (!change.changed) return current;
    const updated = tx
      .update(annualTargets)
      .set({ ...patch, version: current.version + 1, updatedAt: nowIso() })
      .where(and(eq(annualTargets.id, id), eq(annualTargets.version, version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version');
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'annual_target',
      entityId: id,
      before: change.before,
      after: change.after,
      ip: actor.ip,
    });
    return updated;
  });
}
