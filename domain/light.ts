import 'server-only';
import { and, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { isBusyError } from '@/db/busy';
import { getDb, type Executor } from '@/db';
import { approvalItems, monthlyReports, problems, projects, projectYearPlans, supervisions, tasks, type Project, type StoredSignal } from '@/db/schema';
import { monthOf, previousMonth, today } from '@/lib/rules/dates';
import { computeLight, type LightFacts, type LightOptions, type LightResult } from '@/lib/rules/light';
import { APPROVAL_TEMPLATE } from '@/lib/rules/approvals';
import { takeLightSnapshot } from './light-history';
import { getSetting } from './settings';

// Keeps each project's stored light equal to what lib/rules/light.ts computes. The light is
// stored so SQL can filter and count by it; it is recomputed on every change to a project's
// facts and, for the passing of time, whenever a project's `lightRecheckOn` date arrives.

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
        cachedPlan: projects.plannedInvestmentThisYear,
      })
      .from(projects)
      .where(inArray(projects.id, ids))
      .all();
    // The year plan is the source; a project with no year plan at all (none recorded yet) falls
    // back to its cached column. One with plans for other years but not this one has no plan.
    const planRows = executor
      .select({ projectId: projectYearPlans.projectId, year: projectYearPlans.year, plannedInvestment: projectYearPlans.plannedInvestment })
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
      facts.set(id, { ...row, planThisYear, completedThisYear: 0, approvals: [], openTasks: [], reportMonths: [], openProblems: [], openSupervisions: [] });
    }
    for (const sum of executor
      .select({ projectId: monthlyReports.projectId, total: sql<number>`coalesce(sum(${monthlyReports.investmentThisMonth}), 0)`.mapWith(Number) })
      .from(monthlyReports)
      .where(and(inArray(monthlyReports.projectId, ids), gte(monthlyReports.month, `${year}-01`), lte(monthlyReports.month, `${year}-12`)))
      .groupBy(monthlyReports.projectId)
      .all()) {
      const fact = facts.get(sum.projectId);
      if (fact) fact.completedThisYear = sum.total;
    }
    for (const item of executor
      .select({ id: approvalItems.id, projectId: approvalItems.projectId, name: approvalItems.name, status: approvalItems.status, dueDate: approvalItems.dueDate })
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
      .select({ id: problems.id, projectId: problems.projectId, description: problems.description, deadline: problems.deadline, createdAt: problems.createdAt })
      .from(problems)
      .where(and(inArray(problems.projectId, ids), eq(problems.status, 'open')))
      .all()) {
      facts.get(problem.projectId)?.openProblems?.push(problem);
    }
    for (const order of executor
      .select({ id: supervisions.id, projectId: supervisions.projectId, content: supervisions.content, deadline: supervisions.deadline })
      .from(supervisions)
      .where(and(inArray(supervisions.projectId, ids), inArray(supervisions.status, ['open', 'replied', 'returned'])))
      .all()) {
      facts.get(order.projectId)?.openSupervisions?.push(order);
    }
  }
  return facts;
}

/** The admin settings the light rules read. */
export function lightOptions(executor: Executor, day: string): LightOptions {
  return { today: day, stageUsualDays: getSetting('stageUsualDays', executor), scheduleLagThresholds: getSetting('scheduleLagThresholds', executor) };
}

export function lightFor(facts: LightFacts, executor: Executor = getDb(), day = today()): LightResult {
  return computeLight(facts, lightOptions(executor, day));
}

// Every change to a project's light facts, name, unit or owner goes through storeLights, so it
// also notes the project here for the alert index (domain/alerts.ts), which then recomputes just
// those projects instead of the whole pool. On globalThis because Next bundles route handlers and
// pages separately: a write through the API must be seen by the next page's alert badge. A noted
// project whose transaction rolls back costs one needless recomputation, nothing more.
const changedHolder = globalThis as unknown as { __jkpLightChanges?: Set<number> };
const lightChanges = (changedHolder.__jkpLightChanges ??= new Set<number>());

/** The projects noted since the last call, and forgets them. */
export function drainLightChanges(): number[] {
  const ids = [...lightChanges];
  lightChanges.clear();
  return ids;
}

/** Stores computed lights with one prepared statement (thousands of rows during an import). */
function storeLights(executor: Executor, facts: Iterable<[number, LightFacts]>, day: string): void {
  const options = lightOptions(executor, day);
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
    lightChanges.add(projectId);
    const result = computeLight(fact, options);
    const signals: StoredSignal[] = result.signals.map(({ kind, severity, message, dueDate }) => ({ kind, severity, message, dueDate }));
    update.run({ id: projectId, light: result.light, reasons: result.reasons, signals, overridden: result.approvalsOverridden, recheckOn: result.recheckOn });
  }
}

/** Recomputes and stores the light of the given projects. Call inside the transaction that changed them. */
export function refreshLights(executor: Executor, projectIds: number[], day = today()): void {
  if (projectIds.length === 0) return;
  storeLights(executor, loadLightFacts(executor, projectIds, day), day);
}

type NewProjectFacts = Pick<
  Project,
  'id' | 'stage' | 'status' | 'stageEnteredAt' | 'stageDueDate' | 'createdAt' | 'plannedStartDate' | 'plannedCompletionDate' | 'plannedInvestmentThisYear'
>;

/**
 * Lights of projects inserted in this very transaction: they have no tasks, reports, problems or
 * 督办 yet, and their 前期手续 checklist is the template, all pending with no due date. So their
 * facts are the rows themselves and nothing needs to be read back. This year's plan is the row's
 * (the year plan is written from the same figure).
 */
export function refreshNewProjectLights(executor: Executor, created: ReadonlyArray<NewProjectFacts>, day = today()): void {
  const pendingChecklist = APPROVAL_TEMPLATE.map((item) => ({ name: item.name, status: 'pending' as const, dueDate: null }));
  storeLights(
    executor,
    created.map((project): [number, LightFacts] => [
      project.id,
      {
        stage: project.stage,
        status: project.status,
        stageEnteredAt: project.stageEnteredAt,
        stageDueDate: project.stageDueDate,
        createdAt: project.createdAt,
        plannedStartDate: project.plannedStartDate,
        plannedCompletionDate: project.plannedCompletionDate,
        planThisYear: project.plannedInvestmentThisYear,
        completedThisYear: 0,
        approvals: pendingChecklist,
        openTasks: [],
        reportMonths: [],
        openProblems: [],
        openSupervisions: [],
      },
    ]),
    day,
  );
}

export function refreshLight(executor: Executor, projectId: number, day = today()): void {
  refreshLights(executor, [projectId], day);
}

let freshOn: string | null = null;

/**
 * Brings every stored light up to date with today's date. Cheap when nothing is due: one indexed
 * query, done at most once per process per day unless forced.
 */
export function ensureLightsFresh(options: { force?: boolean } = {}): number {
  const day = today();
  if (!options.force && freshOn === day) return 0;
  const db = getDb();
  const due = db
    .select({ id: projects.id })
    .from(projects)
    .where(and(isNotNull(projects.lightRecheckOn), lte(projects.lightRecheckOn, day)))
    .all()
    .map((row) => row.id);
  try {
    for (let i = 0; i < due.length; i += CHUNK) {
      db.transaction((tx) => refreshLights(tx, due.slice(i, i + CHUNK), day));
    }
    // The day's light history from the lights just brought up to date; busy → taken next time.
    takeLightSnapshot(db, day);
  } catch (error) {
    // An import holds the write lock: serve the stored lights now and bring them up to date next time.
    if (isBusyError(error)) return 0;
    throw error;
  }
  freshOn = day;
  return due.length;
}

/** After a settings change that alters every light (stage usual days, 序时进度 thresholds). */
export function refreshAllLights(executor: Executor): void {
  const ids = executor.select({ id: projects.id }).from(projects).all().map((r) => r.id);
  refreshLights(executor, ids);
}
