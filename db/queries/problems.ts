import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../index';
import { problemEvents, problems, projects, units, users } from '../schema';
import type { ProblemLevel, ProblemStatus, ProblemType } from '@/lib/rules/enums';

// Reads of the 问题清单: the city-wide list, a project's problems, a problem's log, and counts per unit.

export const PROBLEM_SORTS = ['oldest', 'newest', 'deadline'] as const;
export type ProblemSort = (typeof PROBLEM_SORTS)[number];

export interface ProblemListFilters {
  level?: ProblemLevel;
  /** Any of these levels: the leaders' view of what has reached them. */
  levels?: ProblemLevel[];
  type?: ProblemType;
  unitId?: number;
  status?: ProblemStatus;
  overdue?: boolean;
  projectId?: number;
}

/** Open and past its deadline; the same test the light's red problem signal makes. */
export function problemOverdueSql(day: string): SQL {
  return sql`(${problems.status} = 'open' and ${problems.deadline} < ${day})`;
}

export function problemWhere(filters: ProblemListFilters, day: string): SQL | undefined {
  return and(
    filters.level ? eq(problems.level, filters.level) : undefined,
    filters.levels?.length ? inArray(problems.level, filters.levels) : undefined,
    filters.type ? eq(problems.type, filters.type) : undefined,
    filters.unitId ? eq(problems.unitId, filters.unitId) : undefined,
    filters.status ? eq(problems.status, filters.status) : undefined,
    filters.overdue === true
      ? problemOverdueSql(day)
      : filters.overdue === false
        ? sql`not ${problemOverdueSql(day)}`
        : undefined,
    filters.projectId ? eq(problems.projectId, filters.projectId) : undefined,
  );
}

const problemColumns = (day: string) => ({
  id: problems.id,
  projectId: problems.projectId,
  projectName: projects.name,
  projectUnitId: projects.unitId,
  type: problems.type,
  description: problems.description,
  unitId: problems.unitId,
  unitName: units.name,
  deadline: problems.deadline,
  level: problems.level,
  status: problems.status,
  resolution: problems.resolution,
  raisedBy: problems.raisedBy,
  closedAt: problems.closedAt,
  closedBy: problems.closedBy,
  version: problems.version,
  createdAt: problems.createdAt,
  updatedAt: problems.updatedAt,
  overdue: sql<boolean>`${problemOverdueSql(day)}`.mapWith((v) => Boolean(Number(v))),
});

function selectProblems(day: string) {
  return getDb()
    .select(problemColumns(day))
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .innerJoin(units, eq(units.id, problems.unitId));
}
export type ProblemRow = ReturnType<ReturnType<typeof selectProblems>['all']>[number];

const sortOrder = (sort: ProblemSort) =>
  sort === 'newest'
    ? [desc(problems.createdAt), desc(problems.id)]
    : sort === 'deadline'
      ? [asc(problems.deadline), asc(problems.id)]
      : [asc(problems.createdAt), asc(problems.id)];

export function listProblems({
  filters,
  day,
  sort = 'oldest',
  page = 1,
  pageSize = 50,
}: {
  filters: ProblemListFilters;
  day: string;
  sort?: ProblemSort;
  page?: number;
  pageSize?: number;
}): { items: ProblemRow[]; total: number } {
  const db = getDb();
  const where = problemWhere(filters, day);
  const total =
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(problems)
      .where(where)
      .get()?.n ?? 0;
  const items = selectProblems(day)
    .where(where)
    .orderBy(...sortOrder(sort))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { items, total };
}

/** A project's problems, open ones first, each group oldest first. */
export function listProjectProblems(projectId: number, day: string): ProblemRow[] {
  return selectProblems(day)
    .where(eq(problems.projectId, projectId))
    .orderBy(sql`case when ${problems.status} = 'open' then 0 else 1 end`, asc(problems.createdAt), asc(problems.id))
    .all();
}

export function findProblemRow(problemId: number, day: string): ProblemRow | undefined {
  return selectProblems(day).where(eq(problems.id, problemId)).get();
}

const actor = alias(users, 'actor');

/** The log of one problem, oldest first, with the actor's name. */
export function listProblemEvents(problemIds: number[]) {
  if (problemIds.length === 0) return [];
  return getDb()
    .select({
      id: problemEvents.id,
      problemId: problemEvents.problemId,
      at: problemEvents.at,
      byUserId: problemEvents.byUserId,
      byName: actor.name,
      action: problemEvents.action,
      fromLevel: problemEvents.fromLevel,
      toLevel: problemEvents.toLevel,
      note: problemEvents.note,
    })
    .from(problemEvents)
    .leftJoin(actor, eq(actor.id, problemEvents.byUserId))
    .where(inArray(problemEvents.problemId, problemIds))
    .orderBy(asc(problemEvents.at), asc(problemEvents.id))
    .all();
}

/** Open and overdue problems per responsible unit, for the dashboard's rankings. */
export function countProblemsByUnit(day: string) {
  return getDb()
    .select({
      unitId: problems.unitId,
      open: sql<number>`sum(case when ${problems.status} = 'open' then 1 else 0 end)`.mapWith(Number),
      overdue: sql<number>`sum(case when ${problemOverdueSql(day)} then 1 else 0 end)`.mapWith(Number),
      closed: sql<number>`sum(case when ${problems.status} = 'closed' then 1 else 0 end)`.mapWith(Number),
    })
    .from(problems)
    .groupBy(problems.unitId)
    .all();
}
