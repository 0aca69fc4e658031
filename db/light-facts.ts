import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from './index';
import {
  approvalItems,
  monthlyReports,
  problems,
  projects,
  projectYearPlans,
  supervisions,
  tasks,
  type StoredSignal,
} from './schema';
import { monthOf, previousMonth, today } from '@/lib/rules/dates';
import { computeLight, type LightFacts, type LightOptions, type LightResult } from '@/lib/rules/light';

// The facts the light rules (lib/rules/light.ts) read, loaded in bulk, and the stored light
// written back. Free of server-only imports so the seed and the scale generator store lights
// exactly as the app does (domain/light.ts adds the settings and the alert-index bookkeeping).

const CHUNK = 500;

/**
 * Loads the light facts of many projects with one query per kind of fact. Only the report months
 * the rules look at (last month and later) are read: at city scale the full report history is
 * tens of thousands of rows that no signal uses. This year's reports are read as one sum each.
 */
export function loadLightFacts(executor: Executor, projectIds: number[], day = today()): Map<number, LightFacts> {
  const fromMonth = previousMonth(monthOf(day));
  const year = Number(day.slice(0, 4));
  const facts = new Map<number, LightFacts>();
  for (let i = 0; i < projectIds.length; i += CHUNK) {
    const ids = projectIds.slice(i, i + CHUNK);
    const rows = executor
      .select({
        id: projects.id,
        stage: projects.stage,
        status: projects.status,
        stageEnteredAt: projects.stageEnteredAt,
        stageDueDate: projects.stageDueDate,
        createdAt: projects.createdAt,
        plannedStartDate: projects.plannedStartDate,
        plannedCompletionDate: projects.plannedCompletionDate,
        promisedStartDate: projects.promisedStartDate,
        cachedPlan: projects.plannedInvestmentThisYear,
      })
      .from(projects)
      .where(inArray(projects.id, ids))
      .all();
    // The year plan is the source; a project with no year plan at all (none recorded yet) falls
    // back to its cached column. One with plans for other years but not this one has no plan.
    const planRows = executor
      .select({
        projectId: projectYearPlans.projectId,
        year: projectYearPlans.year,
        plannedInvestment: projectYearPlans.plannedInvestment,
      })
      .from(projectYearPlans)
      .where(inArray(projectYearPlans.projectId, ids))
      .all();
    const planOf = new Map<number, number>();
    const hasPlans = new Set<number>();
    for (const plan of planRows) {
      hasPlans.add(plan.projectId);
      if (plan.year === year) planOf.set(plan.projectId, plan.plannedInvestment);
    }
    for (const { id, cachedPlan, ...row } of rows) {
      const planThisYear = planOf.get(id) ?? (hasPlans.has(id) ? 0 : cachedPlan);
      facts.set(id, {
        ...row,
        planThisYear,
        completedThisYear: 0,
        approvals: [],
        openTasks: [],
        reportMonths: [],
        openProblems: [],
        openSupervisions: [],
      });
    }
    for (const sum of executor
      .select({
        projectId: monthlyReports.projectId,
        total: sql<number>`coalesce(sum(${monthlyReports.investmentThisMonth}), 0)`.mapWith(Number),
      })
      .from(monthlyReports)
      .where(
        and(
          inArray(monthlyReports.projectId, ids),
          gte(monthlyReports.month, `${year}-01`),
          lte(monthlyReports.month, `${year}-12`),
        ),
      )
      .groupBy(monthlyReports.projectId)
      .all()) {
      const fact = facts.get(sum.projectId);
      if (fact) fact.completedThisYear = sum.total;
    }
    for (const item of executor
      .select({
        id: approvalItems.id,
        projectId: approvalItems.projectId,
        name: approvalItems.name,
        status: approvalItems.status,
        dueDate: approvalItems.dueDate,
      })
      .from(approvalItems)
      .where(and(inArray(approvalItems.projectId, ids), inArray(approvalItems.status, ['pending', 'in_progress'])))
      .orderBy(approvalItems.projectId, approvalItems.sortOrder)
      .all()) {
      facts.get(item.projectId)?.approvals?.push(item);
    }
    for (const task of executor
      .select({ id: tasks.id, projectId: tasks.projectId, title: tasks.title, dueDate: tasks.dueDate })
      .from(tasks)
      .where(and(inArray(tasks.projectId, ids), eq(tasks.state, 'open')))
      .all()) {
      facts.get(task.projectId)?.openTasks.push(task);
    }
    for (const report of executor
      .select({ projectId: monthlyReports.projectId, month: monthlyReports.month })
      .from(monthlyReports)
      .where(and(inArray(monthlyReports.projectId, ids), gte(monthlyReports.month, fromMonth)))
      .all()) {
      facts.get(report.projectId)?.reportMonths.push(report.month);
    }
    for (const problem of executor
      .select({
        id: problems.id,
        projectId: problems.projectId,
        description: problems.description,
        deadline: problems.deadline,
        createdAt: problems.createdAt,
      })
      .from(problems)
      .where(and(inArray(problems.projectId, ids), eq(problems.status, 'open')))
      .all()) {
      facts.get(problem.projectId)?.openProblems?.push(problem);
    }
    for (const order of executor
      .select({
        id: supervisions.id,
        projectId: supervisions.projectId,
        content: supervisions.content,
        deadline: supervisions.deadline,
        urgency: supervisions.urgency,
      })
      .from(supervisions)
      .where(and(inArray(supervisions.projectId, ids), inArray(supervisions.status, ['open', 'replied', 'returned'])))
      .all()) {
      facts.get(order.projectId)?.openSupervisions?.push(order);
    }
  }
  return facts;
}

/** Stores computed lights with one prepared statement (thousands of rows during an import). */
export function storeLights(
  executor: Executor,
  facts: Iterable<[number, LightFacts]>,
  options: LightOptions,
  onStored?: (projectId: number, result: LightResult) => void,
): void {
  // Bound values still go through the column's JSON encoding, so reasons stay an array here.
  const update = executor
    .update(projects)
    .set({
      light: sql.placeholder('light'),
      lightReasons: sql.placeholder('reasons'),
      lightSignals: sql.placeholder('signals'),
      approvalsOverridden: sql.placeholder('overridden'),
      lightRecheckOn: sql.placeholder('recheckOn'),
    } as never)
    .where(eq(projects.id, sql.placeholder('id')))
    .prepare();
  for (const [projectId, fact] of facts) {
    const result = computeLight(fact, options);
    const signals: StoredSignal[] = result.signals.map(({ kind, severity, message, dueDate }) => ({
      kind,
      severity,
      message,
      dueDate,
    }));
    update.run({
      id: projectId,
      light: result.light,
      reasons: result.reasons,
      signals,
      overridden: result.approvalsOverridden,
      recheckOn: result.recheckOn,
    });
    onStored?.(projectId, result);
  }
}
