import 'server-only';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { beijingDate } from './project-filters';
import { reportedInvestmentByUnit } from './stats';
import { monthlyReports, packageProjects, problemEvents, projects, stageHistory, supervisions, units } from '../schema';
import type { ProjectFilters } from '@/lib/schemas/filters';
import type { ProblemLevel, Stage } from '@/lib/rules/enums';
import { REPORTING_STAGES } from '@/lib/rules/light';
import { OPEN_SUPERVISION_STATUSES } from '@/lib/rules/problems';

// Reads behind the 月度调度通报. Moves and events are dated by their Beijing calendar date, as the
// dashboard dates them, so a month's figures agree with /dashboard's.

export interface MonthRange {
  month: string;
  from: string;
  /** Inclusive. */
  to: string;
}

/** The Beijing calendar date of a stored timestamp, as every other figure dates it. */
const dayOf = beijingDate;

/**
 * Projects that moved into `stage` within the range, each once, in order of their (first) move.
 * Moves are dated by their Beijing date, as domain/stats.ts and the ledger's enteredStage filter date them.
 */
export function listProjectsMovedInto(stage: Stage, range: { from: string; to: string }) {
  const moved = getDb()
    .select({ projectId: stageHistory.projectId, at: sql<string>`min(${stageHistory.at})`.as('first_at') })
    .from(stageHistory)
    .where(
      and(
        eq(stageHistory.toStage, stage),
        gte(beijingDate(stageHistory.at), range.from),
        lte(beijingDate(stageHistory.at), range.to),
      ),
    )
    .groupBy(stageHistory.projectId)
    .as('moved');
  return getDb()
    .select({ project: projects, movedAt: moved.at })
    .from(moved)
    .innerJoin(projects, eq(projects.id, moved.projectId))
    .orderBy(asc(moved.at), asc(projects.id))
    .all();
}

/** 本月完成投资 summed per unit over the given months (a project's investment counts for its unit): domain/stats.ts's sum, per unit. */
export function investmentByUnit(months: string[], filters: ProjectFilters = {}) {
  return reportedInvestmentByUnit(filters, months);
}

/** The year's 双十 list: the ids of the sub-projects of that year's packages. */
export function listPackageProjectIds(year: number): number[] {
  return getDb()
    .select({ projectId: packageProjects.projectId })
    .from(packageProjects)
    .where(eq(packageProjects.year, year))
    .all()
    .map((row) => row.projectId);
}

/** Units that hold projects, in the usual unit order: the rows of the by-unit table and the ranking. */
export function listUnitsWithProjects() {
  return getDb()
    .selectDistinct({ id: units.id, name: units.name, sortOrder: units.sortOrder })
    .from(units)
    .innerJoin(projects, eq(projects.unitId, units.id))
    .orderBy(asc(units.sortOrder), asc(units.id))
    .all();
}

/** Current red lights per unit. */
export function redCountByUnit() {
  return new Map(
    getDb()
      .select({ unitId: projects.unitId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(projects)
      .where(eq(projects.light, 'red'))
      .groupBy(projects.unitId)
      .all()
      .map((row) => [row.unitId, row.n]),
  );
}

/** Projects on red now, in unit order, with the reasons the light gives. */
export function listRedProjects() {
  return getDb()
    .select({
      id: projects.id,
      name: projects.name,
      unitId: projects.unitId,
      unitName: units.name,
      stage: projects.stage,
      lightReasons: projects.lightReasons,
    })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .where(eq(projects.light, 'red'))
    .orderBy(asc(units.sortOrder), asc(projects.id))
    .all();
}

/** Problems with an event of `action` in the range (escalations only to the given levels), first event order. */
export function listProblemIdsWithEvent(
  action: 'escalated' | 'closed',
  range: { from: string; to: string },
  toLevels?: readonly ProblemLevel[],
): number[] {
  return getDb()
    .select({ problemId: problemEvents.problemId })
    .from(problemEvents)
    .where(
      and(
        eq(problemEvents.action, action),
        gte(dayOf(problemEvents.at), range.from),
        lte(dayOf(problemEvents.at), range.to),
        toLevels ? inArray(problemEvents.toLevel, [...toLevels]) : undefined,
      ),
    )
    .groupBy(problemEvents.problemId)
    .orderBy(sql`min(${problemEvents.at})`, asc(problemEvents.problemId))
    .all()
    .map((row) => row.problemId);
}

/** 督办 open at the end of the range: issued by then and not closed by then. */
export function listSupervisionIdsOpenAt(to: string): number[] {
  return getDb()
    .select({ id: supervisions.id })
    .from(supervisions)
    .where(
      and(
        lte(dayOf(supervisions.createdAt), to),
        sql`(${inArray(supervisions.status, [...OPEN_SUPERVISION_STATUSES])} or ${beijingDate(supervisions.closedAt)} > ${to})`,
      ),
    )
    .orderBy(asc(supervisions.deadline), asc(supervisions.id))
    .all()
    .map((row) => row.id);
}

/**
 * Projects that owed the month's 月度调度 report and filed none: in a reporting stage at the end of
 * the month (by stage_history) and created by then, the same test the light's report signal makes.
 */
export function listMissingReports(range: MonthRange) {
  const stageAtEnd = sql`(select ${stageHistory.toStage} from ${stageHistory} where ${stageHistory.projectId} = ${projects.id} and ${beijingDate(stageHistory.at)} <= ${range.to} order by ${stageHistory.at} desc, ${stageHistory.id} desc limit 1)`;
  return getDb()
    .select({
      projectId: projects.id,
      unitId: projects.unitId,
      name: projects.name,
      unitName: units.name,
      ownerId: projects.ownerId,
    })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .where(
      and(
        lte(dayOf(projects.createdAt), range.to),
        inArray(stageAtEnd, [...REPORTING_STAGES]),
        sql`not exists (select 1 from ${monthlyReports} where ${monthlyReports.projectId} = ${projects.id} and ${monthlyReports.month} = ${range.month})`,
      ),
    )
    .orderBy(asc(units.sortOrder), asc(projects.id))
    .all();
}
