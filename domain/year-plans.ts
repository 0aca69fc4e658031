import 'server-only';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { writeAudit } from '@/db/audit';
import { monthlyReports, projects, projectYearPlans, type Project, type ProjectYearPlan } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { currentYear, nowIso } from '@/lib/rules/dates';
import { syncPlannedThisYear } from '@/db/year-plans';
import { recordAdjustment } from './adjustments';
import { refreshLight } from './light';
import { editableProject } from './project-access';
import type { ActorContext } from '@/lib/rules/permissions';

// 年度计划投资: one plan per project per year (project_year_plans is the source). The current
// year's plan is also cached in projects.planned_investment_this_year for the ledger's SQL sums,
// sorts and the board index; every write of the current year's plan keeps the two equal.

export const FIRST_PLAN_YEAR = 2000;

export { currentYear };

export interface YearPlanDto {
  year: number;
  plannedInvestment: number;
  version: number;
}

export const toYearPlanDto = (row: ProjectYearPlan): YearPlanDto => ({
  year: row.year,
  plannedInvestment: row.plannedInvestment,
  version: row.version,
});

export function listYearPlans(projectId: number, executor: Executor = getDb()): YearPlanDto[] {
  return executor
    .select()
    .from(projectYearPlans)
    .where(eq(projectYearPlans.projectId, projectId))
    .orderBy(asc(projectYearPlans.year))
    .all()
    .map(toYearPlanDto);
}

function findYearPlan(executor: Executor, projectId: number, year: number): ProjectYearPlan | undefined {
  return executor
    .select()
    .from(projectYearPlans)
    .where(and(eq(projectYearPlans.projectId, projectId), eq(projectYearPlans.year, year)))
    .get();
}

export function assertPlanYear(year: number): void {
  const last = currentYear() + 1;
  if (!Number.isInteger(year) || year < FIRST_PLAN_YEAR || year > last) {
    throw new AppError('validation_failed', undefined, { year: [`年度须在 ${FIRST_PLAN_YEAR} 至 ${last} 之间`] });
  }
}

/** A plan above the project's total investment is refused (it would make every rate meaningless). */
export function assertPlanWithinTotal(
  plannedInvestment: number,
  totalInvestment: number,
  field = 'plannedInvestment',
): void {
  if (plannedInvestment > totalInvestment) {
    throw new AppError('validation_failed', `年度计划投资不能超过总投资（${totalInvestment} 万元）`, {
      [field]: [`不能超过总投资（${totalInvestment} 万元）`],
    });
  }
}

export interface YearPlanWrite {
  year: number;
  plannedInvestment: number;
  reason?: string | null;
  /** The plan's version as read; required when the plan exists, unless `versionChecked`. */
  version?: number;
}

export interface YearPlanWriteOptions {
  /** The caller already holds a version check (the project's, for PATCH /projects/:id). */
  versionChecked?: boolean;
  batchId?: number | null;
  /** Field name for the errors: `plannedInvestment` here, `plannedInvestmentThisYear` on the project. */
  field?: string;
  reasonField?: string;
  totalInvestment?: number;
  /** The caller records the adjustment itself (applyProjectPatch logs all its greening changes). */
  skipAdjustment?: boolean;
}

/**
 * Writes one year plan inside `tx`: checks the year, the bounds and the version, asks for a reason
 * when it lowers the current year's plan, writes the row, its audit row and (when lowered) the
 * adjustment. It does not touch the projects row: the caller updates the cached column.
 */
export function writeYearPlan(
  tx: Executor,
  actor: ActorContext | null,
  project: Project,
  input: YearPlanWrite,
  options: YearPlanWriteOptions = {},
): { plan: YearPlanDto; changed: boolean } {
  const field = options.field ?? 'plannedInvestment';
  assertPlanYear(input.year);
  if (!Number.isInteger(input.plannedInvestment) || input.plannedInvestment < 0)
    throw new AppError('validation_failed', undefined, { [field]: ['金额不能为负数'] });
  assertPlanWithinTotal(input.plannedInvestment, options.totalInvestment ?? project.totalInvestment, field);
  const existing = findYearPlan(tx, project.id, input.year);
  if (existing && !options.versionChecked && input.version !== existing.version) {
    throw new AppError(
      'stale_version',
      input.version === undefined
        ? '该年度计划已存在，请带上读取时的版本号 version'
        : '该年度计划已被他人修改，请刷新后再试',
    );
  }
  const isCurrent = input.year === currentYear();
  const previous = existing?.plannedInvestment ?? (isCurrent ? project.plannedInvestmentThisYear : null);
  if (existing && existing.plannedInvestment === input.plannedInvestment)
    return { plan: toYearPlanDto(existing), changed: false };
  const reason = input.reason?.trim() || null;
  const lowered = isCurrent && previous !== null && input.plannedInvestment < previous;
  if (lowered && !reason) {
    throw new AppError('reason_required', `调减${input.year}年计划投资须填写原因`, {
      [options.reasonField ?? 'reason']: ['调减本年度计划投资须填写原因'],
    });
  }
  const at = nowIso();
  const row = existing
    ? tx
        .update(projectYearPlans)
        .set({ plannedInvestment: input.plannedInvestment, version: existing.version + 1, updatedAt: at })
        .where(
          and(
            eq(projectYearPlans.projectId, project.id),
            eq(projectYearPlans.year, input.year),
            eq(projectYearPlans.version, existing.version),
          ),
        )
        .returning()
        .get()
    : tx
        .insert(projectYearPlans)
        .values({ projectId: project.id, year: input.year, plannedInvestment: input.plannedInvestment, updatedAt: at })
        .returning()
        .get();
  if (!row) throw new AppError('stale_version', '该年度计划已被他人修改，请刷新后再试');
  writeAudit(tx, {
    userId: actor?.id ?? null,
    action: options.batchId ? 'import' : existing ? 'update' : 'create',
    entityType: 'year_plan',
    entityId: project.id,
    projectId: project.id,
    before: existing ? { year: input.year, plannedInvestment: existing.plannedInvestment } : null,
    after: { year: input.year, plannedInvestment: input.plannedInvestment, ...(reason ? { reason } : {}) },
    batchId: options.batchId ?? null,
    ip: actor?.ip ?? null,
  });
  if (lowered && !options.skipAdjustment) {
    recordAdjustment(tx, {
      projectId: project.id,
      byUserId: actor?.id ?? null,
      field: 'plannedInvestment',
      from: previous,
      to: input.plannedInvestment,
      reason: reason!,
      at,
    });
  }
  return { plan: toYearPlanDto(row), changed: true };
}

/**
 * PUT /api/v1/projects/:id/plans/:year. Writing the current year's plan also updates the cached
 * column and bumps the project's version (a form holding the old figure must not write it back),
 * then refreshes the light.
 */
export function putYearPlan(actor: ActorContext, projectId: number, input: YearPlanWrite): YearPlanDto {
  return getDb().transaction((tx) => {
    const project = editableProject(tx, actor, projectId);
    const { plan, changed } = writeYearPlan(tx, actor, project, input);
    if (changed && input.year === currentYear()) {
      tx.update(projects)
        .set({ plannedInvestmentThisYear: plan.plannedInvestment, version: project.version + 1, updatedAt: nowIso() })
        .where(eq(projects.id, projectId))
        .run();
      refreshLight(tx, projectId);
    }
    return plan;
  });
}

export { syncPlannedThisYear };

/** Σ of each project's monthly reports in `year` (completedThisYear), in one grouped query. */
export function completedInYear(
  executor: Executor,
  projectIds: readonly number[],
  year = currentYear(),
): Map<number, number> {
  const out = new Map<number, number>();
  if (projectIds.length === 0) return out;
  const unique = [...new Set(projectIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = executor
      .select({ projectId: monthlyReports.projectId, sum: sql<number>`sum(${monthlyReports.investmentThisMonth})` })
      .from(monthlyReports)
      .where(
        and(
          inArray(monthlyReports.projectId, unique.slice(i, i + 500)),
          gte(monthlyReports.month, `${year}-01`),
          lte(monthlyReports.month, `${year}-12`),
        ),
      )
      .groupBy(monthlyReports.projectId)
      .all();
    for (const row of rows) out.set(row.projectId, Number(row.sum ?? 0));
  }
  return out;
}

/** Σ of all a project's monthly reports; completedInvestment = openingInvestment + this. */
export function reportedTotal(executor: Executor, projectId: number): number {
  const row = executor
    .select({ sum: sql<number>`coalesce(sum(${monthlyReports.investmentThisMonth}), 0)` })
    .from(monthlyReports)
    .where(eq(monthlyReports.projectId, projectId))
    .get();
  return Number(row?.sum ?? 0);
}

export function hasReports(executor: Executor, projectId: number): boolean {
  return !!executor
    .select({ id: monthlyReports.id })
    .from(monthlyReports)
    .where(eq(monthlyReports.projectId, projectId))
    .limit(1)
    .get();
}
