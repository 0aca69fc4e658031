import 'server-only';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { projectAdjustments, projects, units, users, type ProjectAdjustment } from '@/db/schema';
import type { AdjustmentField } from '@/lib/adjustment-format';
import { addDaysIso, beijingDayStart, nowIso } from '@/lib/rules/dates';

// 调整记录: every change that could turn a light green without progress (suspending, moving a
// due date later, lowering this year's plan, leaving the 双十 list) is kept here with its reason.
// Rows are written in the same transaction as the change and its audit row.

export const ADJUSTMENT_FIELDS = [
  'status',
  'stageDueDate',
  'plannedStartDate',
  'plannedCompletionDate',
  'promisedStartDate',
  'shuangshi',
  'packageId',
  'plannedInvestment',
] as const satisfies readonly AdjustmentField[];
export type { AdjustmentField };

export interface AdjustmentInput {
  projectId: number;
  byUserId: number | null;
  field: AdjustmentField;
  from: unknown;
  to: unknown;
  reason: string;
  at?: string;
}

export function recordAdjustment(tx: Executor, input: AdjustmentInput): void {
  tx.insert(projectAdjustments)
    .values({
      projectId: input.projectId,
      at: input.at ?? nowIso(),
      byUserId: input.byUserId,
      field: input.field,
      fromValue: input.from ?? null,
      toValue: input.to ?? null,
      reason: input.reason,
    })
    .run();
}

/** The API's adjustment row: `by` is the user id and `byName` their name, as in the stage history. */
export interface AdjustmentDto {
  id: number;
  at: string;
  by: number | null;
  byName: string | null;
  field: AdjustmentField;
  from: unknown;
  to: unknown;
  reason: string;
}

/** A project's adjustments, oldest first. */
export function listProjectAdjustments(projectId: number, executor: Executor = getDb()): AdjustmentDto[] {
  return executor
    .select({ row: projectAdjustments, byName: users.name })
    .from(projectAdjustments)
    .leftJoin(users, eq(users.id, projectAdjustments.byUserId))
    .where(eq(projectAdjustments.projectId, projectId))
    .orderBy(asc(projectAdjustments.at), asc(projectAdjustments.id))
    .all()
    .map(({ row, byName }) => toAdjustmentDto(row, byName));
}

function toAdjustmentDto(row: ProjectAdjustment, byName: string | null): AdjustmentDto {
  return {
    id: row.id,
    at: row.at,
    by: row.byUserId,
    byName: byName ?? null,
    field: row.field as AdjustmentField,
    from: row.fromValue ?? null,
    to: row.toValue ?? null,
    reason: row.reason,
  };
}

/** Every adjustment made on the Beijing days from..to (inclusive), oldest first: the monthly report's 调整记录. */
export function listAdjustmentsBetween({ from, to }: { from: string; to: string }, executor: Executor = getDb()) {
  return executor
    .select({
      row: projectAdjustments,
      byName: users.name,
      projectName: projects.name,
      unitId: projects.unitId,
      unitName: units.name,
    })
    .from(projectAdjustments)
    .innerJoin(projects, eq(projects.id, projectAdjustments.projectId))
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(users, eq(users.id, projectAdjustments.byUserId))
    .where(
      and(
        gte(projectAdjustments.at, beijingDayStart(from)),
        lt(projectAdjustments.at, beijingDayStart(addDaysIso(to, 1))),
      ),
    )
    .orderBy(asc(projectAdjustments.at), asc(projectAdjustments.id))
    .all()
    .map(({ row, byName, projectName, unitId, unitName }) => ({
      ...toAdjustmentDto(row, byName),
      projectId: row.projectId,
      projectName,
      unitId,
      unitName,
    }));
}
