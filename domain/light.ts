import 'server-only';
import { and, inArray, isNotNull, lte } from 'drizzle-orm';
import { writeAudit, type AuditEntry } from '@/db/audit';
import { isBusyError } from '@/db/busy';
import { getDb, type Executor } from '@/db';
import { loadLightFacts, storeLights } from '@/db/light-facts';
import { syncPlannedThisYear } from '@/db/year-plans';
import { projects, type Project } from '@/db/schema';
import { today } from '@/lib/rules/dates';
import { computeLight, type LightFacts, type LightOptions, type LightResult } from '@/lib/rules/light';
import { APPROVAL_TEMPLATE } from '@/lib/rules/approvals';
import type { ActorContext } from '@/lib/rules/permissions';
import { takeLightSnapshot } from './light-history';
import { getSetting } from './settings';
import { notify, projectPeople } from './notifications';

// Keeps each project's stored light equal to what lib/rules/light.ts computes. The light is
// stored so SQL can filter and count by it; it is recomputed on every change to a project's
// facts and, for the passing of time, whenever a project's `lightRecheckOn` date arrives.

export { loadLightFacts };

const CHUNK = 500;

/** The admin settings the light rules read. */
export function lightOptions(executor: Executor, day: string): LightOptions {
  return {
    today: day,
    stageUsualDays: getSetting('stageUsualDays', executor),
    scheduleLagThresholds: getSetting('scheduleLagThresholds', executor),
  };
}

export function lightFor(facts: LightFacts, executor: Executor = getDb(), day = today()): LightResult {
  return computeLight(facts, lightOptions(executor, day));
}

/**
 * Stores computed lights. Every change to a project's light facts, name, unit or owner goes through
 * here; the write itself logs the project for the alert index (trigger projects_update_log).
 */
function storeLightsNoting(
  executor: Executor,
  facts: Iterable<[number, LightFacts]>,
  day: string,
  onStored?: (projectId: number, result: LightResult) => void,
): void {
  storeLights(executor, facts, lightOptions(executor, day), onStored);
}

/**
 * Recomputes and stores the light of the given projects. Call inside the transaction that changed them.
 * A project whose stored light turns red here tells its 责任人 and 包保领导 — once per turn, since a
 * refresh that finds it already red changes nothing.
 */
export function refreshLights(executor: Executor, projectIds: number[], day = today()): void {
  if (projectIds.length === 0) return;
  const before = new Map<number, string>();
  for (let i = 0; i < projectIds.length; i += CHUNK) {
    for (const row of executor
      .select({ id: projects.id, light: projects.light })
      .from(projects)
      .where(inArray(projects.id, projectIds.slice(i, i + CHUNK)))
      .all())
      before.set(row.id, row.light);
  }
  const turnedRed: Array<{ id: number; reason: string }> = [];
  storeLightsNoting(executor, loadLightFacts(executor, projectIds, day), day, (projectId, result) => {
    const was = before.get(projectId);
    if (result.light === 'red' && was !== undefined && was !== 'red')
      turnedRed.push({ id: projectId, reason: result.signals.find((sig) => sig.severity === 'red')?.message ?? '' });
  });
  if (turnedRed.length === 0) return;
  const people = projectPeople(
    executor,
    turnedRed.map((p) => p.id),
  );
  for (const { id, reason } of turnedRed) {
    const project = people.get(id);
    if (!project) continue;
    notify(executor, {
      userIds: [project.ownerId, project.leaderId],
      kind: 'light_red',
      message: `${project.name}亮红灯${reason ? `：${reason}` : ''}`,
      link: `/projects/${id}`,
      projectId: id,
    });
  }
}

type NewProjectFacts = Pick<
  Project,
  | 'id'
  | 'stage'
  | 'status'
  | 'stageEnteredAt'
  | 'stageDueDate'
  | 'createdAt'
  | 'plannedStartDate'
  | 'plannedCompletionDate'
  | 'promisedStartDate'
  | 'plannedInvestmentThisYear'
>;

/**
 * Lights of projects inserted in this very transaction: they have no tasks, reports, problems or
 * 督办 yet, and their 前期手续 checklist is the template, all pending with no due date. So their
 * facts are the rows themselves and nothing needs to be read back. This year's plan is the row's
 * (the year plan is written from the same figure).
 */
export function refreshNewProjectLights(
  executor: Executor,
  created: ReadonlyArray<NewProjectFacts>,
  day = today(),
): void {
  const pendingChecklist = APPROVAL_TEMPLATE.map((item) => ({
    name: item.name,
    status: 'pending' as const,
    dueDate: null,
  }));
  storeLightsNoting(
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
        promisedStartDate: project.promisedStartDate,
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

/**
 * Audits a change to one of a project's records (problem, supervision, task, report, approval)
 * and recomputes the project's light, whose facts the change may have moved.
 */
export function auditProjectChange(
  tx: Executor,
  actor: ActorContext,
  entry: Omit<AuditEntry, 'userId' | 'ip'> & { projectId: number },
): void {
  writeAudit(tx, { userId: actor.id, ...entry, ip: actor.ip });
  refreshLight(tx, entry.projectId);
}

let freshOn: string | null = null;

/**
 * Brings every stored light up to date with today's date. Cheap when nothing is due: one indexed
 * query, done at most once per process per day unless forced.
 */
export function ensureLightsFresh(options: { force?: boolean } = {}): number {
  const day = today();
  const newDay = freshOn !== day;
  if (!options.force && !newDay) return 0;
  const db = getDb();
  let refreshed = 0;
  try {
    // Year rollover: the cached 本年计划投资 column follows the new year's plans (a no-op on other days).
    if (newDay) db.transaction((tx) => syncPlannedThisYear(tx, Number(day.slice(0, 4))));
    const due = db
      .select({ id: projects.id })
      .from(projects)
      .where(and(isNotNull(projects.lightRecheckOn), lte(projects.lightRecheckOn, day)))
      .all()
      .map((row) => row.id);
    for (let i = 0; i < due.length; i += CHUNK) {
      db.transaction((tx) => refreshLights(tx, due.slice(i, i + CHUNK), day));
    }
    refreshed = due.length;
    // The day's light history from the lights just brought up to date.
    if (newDay) takeLightSnapshot(db, day);
  } catch (error) {
    // An import holds the write lock: serve the stored lights now and bring them up to date next time.
    if (isBusyError(error)) return 0;
    throw error;
  }
  freshOn = day;
  return refreshed;
}

/** After a settings change that alters every light (stage usual days, 序时进度 thresholds). */
export function refreshAllLights(executor: Executor): void {
  const ids = executor
    .select({ id: projects.id })
    .from(projects)
    .all()
    .map((r) => r.id);
  refreshLights(executor, ids);
}
