import { asc } from 'drizzle-orm';
import type { DB } from '../index';
import {
  approvalItems,
  lightSnapshotProjects,
  lightSnapshots,
  monthlyReports,
  problems,
  projects,
  projectYearPlans,
  stageHistory,
  supervisions,
  tasks,
  units,
} from '../schema';
import { addDaysIso, dateOfTimestamp } from '@/lib/rules/dates';
import { computeLight, type LightFacts } from '@/lib/rules/light';
import { snapshotRows, type ProjectLightOfDay } from '@/lib/rules/light-history';

// DEMO DATA. Backfills the demo's light history (light_snapshots, light_snapshot_projects) for the
// days before the seed's `today`, so the dashboard's trend and past months' reports have something
// to show on a fresh demo. Each day's lights are computed by the one light module
// (lib/rules/light.ts) from the seeded facts as they stood that day: the stage and its planned
// finish from stage_history, reports filed by then, problems and 督办 raised and not yet closed by
// then, 前期手续 items not yet done by then, the year's plan and the reports filed by then. The seed does not date its tasks (they carry the time of seeding), so a task counts as
// existing all along and as open until its doneAt. A real installation has no backfill: its history
// starts with its first snapshot (domain/light-history.ts).

export const DEMO_HISTORY_DAYS = 56;

const CHUNK = 500;

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

/** A Beijing calendar date for a stored timestamp (a bare date passes through). */
const dayOf = (value: string) => (value.length > 10 ? dateOfTimestamp(value) : value);

/** Writes the snapshots of the `days` days before `today`; days that already have one are left alone. */
export function backfillDemoLightHistory(
  db: DB,
  today: string,
  days = DEMO_HISTORY_DAYS,
): { days: number; rows: number } {
  const unitIds = db
    .select({ id: units.id })
    .from(units)
    .all()
    .map((row) => row.id);
  const projectRows = db
    .select()
    .from(projects)
    .all()
    .map((project) => ({ ...project, createdOn: dayOf(project.createdAt) }));
  const moves = groupBy(
    db
      .select()
      .from(stageHistory)
      .orderBy(asc(stageHistory.at), asc(stageHistory.id))
      .all()
      .map((move) => ({ ...move, day: dayOf(move.at) })),
    (move) => move.projectId,
  );
  const taskRows = groupBy(
    db
      .select()
      .from(tasks)
      .all()
      .map((task) => ({ ...task, doneOn: task.doneAt ? dayOf(task.doneAt) : null })),
    (task) => task.projectId,
  );
  const reportRows = groupBy(
    db
      .select({
        projectId: monthlyReports.projectId,
        month: monthlyReports.month,
        amount: monthlyReports.investmentThisMonth,
        createdAt: monthlyReports.createdAt,
      })
      .from(monthlyReports)
      .all()
      .map((report) => ({ ...report, filedOn: dayOf(report.createdAt) })),
    (report) => report.projectId,
  );
  const approvalRows = groupBy(
    db.select().from(approvalItems).orderBy(asc(approvalItems.sortOrder)).all(),
    (item) => item.projectId,
  );
  const planRows = groupBy(db.select().from(projectYearPlans).all(), (plan) => plan.projectId);
  const problemRows = groupBy(
    db
      .select()
      .from(problems)
      .all()
      .map((problem) => ({
        ...problem,
        raisedOn: dayOf(problem.createdAt),
        closedOn: problem.closedAt ? dayOf(problem.closedAt) : null,
      })),
    (problem) => problem.projectId,
  );
  const orderRows = groupBy(
    db
      .select()
      .from(supervisions)
      .all()
      .map((order) => ({
        ...order,
        issuedOn: dayOf(order.createdAt),
        closedOn: order.closedAt ? dayOf(order.closedAt) : null,
      })),
    (order) => order.projectId,
  );

  const factsOn = (project: (typeof projectRows)[number], day: string): LightFacts | null => {
    const history = moves.get(project.id) ?? [];
    const passed = history.filter((move) => move.day <= day);
    const current = passed.at(-1);
    // Not yet in the pool that day.
    if (!current || project.createdOn > day) return null;
    const next = history[passed.length];
    const year = Number(day.slice(0, 4));
    const plans = planRows.get(project.id);
    const filed = (reportRows.get(project.id) ?? []).filter((report) => report.filedOn <= day);
    return {
      stage: current.toStage,
      status: project.status,
      stageEnteredAt: current.at,
      // The stage's planned finish as it stood: for a stage since left, the plan recorded when it was left.
      stageDueDate: next ? next.fromStageDueDate : project.stageDueDate,
      createdAt: project.createdAt,
      openTasks: (taskRows.get(project.id) ?? []).filter(
        (task) => task.state === 'open' || (task.doneOn !== null && task.doneOn > day),
      ),
      reportMonths: filed.map((report) => report.month),
      plannedStartDate: project.plannedStartDate,
      plannedCompletionDate: project.plannedCompletionDate,
      promisedStartDate: project.promisedStartDate,
      planThisYear: plans
        ? (plans.find((plan) => plan.year === year)?.plannedInvestment ?? 0)
        : project.plannedInvestmentThisYear,
      completedThisYear: filed
        .filter((report) => report.month.startsWith(`${year}-`))
        .reduce((sum, report) => sum + report.amount, 0),
      // Items done later were still open that day; 不涉及 never counts.
      approvals: (approvalRows.get(project.id) ?? [])
        .filter(
          (item) =>
            item.status === 'pending' ||
            item.status === 'in_progress' ||
            (item.status === 'done' && item.doneDate !== null && item.doneDate > day),
        )
        .map((item) => (item.status === 'done' ? { ...item, status: 'in_progress' as const } : item)),
      openProblems: (problemRows.get(project.id) ?? []).filter(
        (problem) => problem.raisedOn <= day && (problem.closedOn === null || problem.closedOn > day),
      ),
      openSupervisions: (orderRows.get(project.id) ?? []).filter(
        (order) => order.issuedOn <= day && (order.closedOn === null || order.closedOn > day),
      ),
    };
  };

  let written = 0;
  db.transaction((tx) => {
    for (let back = days; back >= 1; back--) {
      const day = addDaysIso(today, -back);
      const lights: ProjectLightOfDay[] = [];
      for (const project of projectRows) {
        const facts = factsOn(project, day);
        if (!facts) continue;
        const result = computeLight(facts, { today: day });
        lights.push({ projectId: project.id, unitId: project.unitId, light: result.light, reasons: result.reasons });
      }
      const rows = snapshotRows(day, unitIds, lights);
      for (let start = 0; start < rows.units.length; start += CHUNK)
        written += tx
          .insert(lightSnapshots)
          .values(rows.units.slice(start, start + CHUNK))
          .onConflictDoNothing()
          .run().changes;
      for (let start = 0; start < rows.projects.length; start += CHUNK)
        written += tx
          .insert(lightSnapshotProjects)
          .values(rows.projects.slice(start, start + CHUNK))
          .onConflictDoNothing()
          .run().changes;
    }
  });
  return { days, rows: written };
}
