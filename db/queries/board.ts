import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../index';
import { inShuangshiSql } from './project-extras';
import { cached } from './read-cache';
import { industries, leads, projects, units, users } from '../schema';
import { leadOverdueSql, leadWhere, projectSumColumns, projectWhere } from './project-filters';
import { currentYear, today } from '@/lib/rules/dates';
import { CATEGORIES, CATEGORY_LABELS, LEAD_STAGES, STAGES, type LeadStage, type Stage } from '@/lib/rules/enums';
import type { LeadFilters, ProjectFilters } from '@/lib/schemas/filters';
import type { LeadLane, ProjectLane } from '@/lib/schemas/board';
import type { LeadCardData, ProjectCardData } from '@/lib/board-types';

// The board's reads. Header sums are one GROUP BY over the same WHERE as the ledger
// (projectWhere / leadWhere), so a column's count and money equal the ledger's sumProjects under
// the same filters. Cards come a page at a time: the first page of every column (or of every cell
// of the first few swimlanes) is one LIMIT read per cell; 加载更多 reads one cell with LIMIT/OFFSET.
// They return rows; domain/board.ts turns them into cards and lanes for a user.

const leaderUser = alias(users, 'leader_user');
const ownerUser = alias(users, 'owner_user');

// Red cards first, then yellow, then the biggest investments; the same order as projects_board_idx
// read backwards within (stage, light), so the first page of a column needs no sort.
// Grey (暂缓/终止) cards come last: they are not chased.
const projectOrder = [
  sql`case ${projects.light} when 'red' then 0 when 'yellow' then 1 when 'green' then 2 else 3 end`,
  desc(projects.totalInvestment),
  desc(projects.id),
];
const LIGHT_ORDER = ['red', 'yellow', 'green', 'grey'] as const;
const leadOrder = [
  sql`case when ${leads.nextFollowUpDate} is null then 1 else 0 end`,
  asc(leads.nextFollowUpDate),
  desc(leads.intendedInvestment),
  asc(leads.id),
];

const projectLaneColumn = { unit: projects.unitId, category: projects.category, leader: projects.leaderId } as const;
const leadLaneColumn = { owner: leads.ownerId, industry: leads.industryId } as const;

export type LaneValue = string | number | null;

function laneCondition(column: SQLWrapper & { name: string }, value: string | undefined): SQL | undefined {
  if (value === undefined) return undefined;
  if (value === 'none') return isNull(column as never);
  return eq(column as never, /^\d+$/.test(value) ? Number(value) : value);
}

// ---------------------------------------------------------------- projects

const projectCardColumns = (year = currentYear()) => ({
  id: projects.id,
  stage: projects.stage,
  version: projects.version,
  name: projects.name,
  unitId: projects.unitId,
  ownerId: projects.ownerId,
  unitName: units.name,
  category: projects.category,
  shuangshi: inShuangshiSql(year),
  totalInvestment: projects.totalInvestment,
  plannedInvestmentThisYear: projects.plannedInvestmentThisYear,
  completedInvestment: projects.completedInvestment,
  stageEnteredAt: projects.stageEnteredAt,
  leaderName: leaderUser.name,
  light: projects.light,
  lightReasons: projects.lightReasons,
  approvalsOverridden: projects.approvalsOverridden,
  openSupervisions:
    sql<number>`(select count(*) from supervisions s where s.project_id = ${projects.id} and s.status in ('open','replied','returned'))`.mapWith(
      Number,
    ),
});

/** A project card before domain/board.ts adds what depends on the day and the user. */
export type ProjectCardRow = { [K in keyof ReturnType<typeof projectCardColumns>]: unknown } & Omit<
  ProjectCardData,
  'kind' | 'daysInStage' | 'movable'
> & {
    unitId: number;
    ownerId: number | null;
    stageEnteredAt: string;
  };

const greyCount = sql<number>`coalesce(sum(case when ${projects.light} = 'grey' then 1 else 0 end), 0)`.mapWith(Number);

/** Header sums per stage (and per lane value), in SQL. */
export function projectBoardSums(filters: ProjectFilters, lane?: ProjectLane) {
  const db = getDb();
  const laneColumn = lane ? projectLaneColumn[lane] : undefined;
  const rows = db
    .select({
      stage: projects.stage,
      lane: laneColumn ? sql<LaneValue>`${laneColumn}` : sql<LaneValue>`null`,
      ...projectSumColumns,
      grey: greyCount,
    })
    .from(projects)
    .where(projectWhere(filters))
    .groupBy(...(laneColumn ? [projects.stage, laneColumn] : [projects.stage]))
    .all();
  return rows;
}

function projectCardsByIds(ids: number[]) {
  if (ids.length === 0) return [];
  const rows = getDb()
    .select(projectCardColumns())
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(leaderUser, eq(leaderUser.id, projects.leaderId))
    .where(inArray(projects.id, ids))
    .all() as ProjectCardRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

/**
 * The first `limit` cards of every column, or of every cell of the given swimlanes: per cell and
 * light, an indexed range read (`… where stage = ? and light = ? [and lane = ?] order by
 * total_investment desc, id desc limit ?`), never a scan of the whole filtered table.
 */
function firstProjectCards(
  filters: ProjectFilters,
  lane: ProjectLane | undefined,
  laneValues: LaneValue[],
  limit: number,
): Array<ProjectCardRow & { lane: LaneValue }> {
  const db = getDb();
  const where = projectWhere(filters);
  const laneColumn = lane ? projectLaneColumn[lane] : undefined;
  const ids: number[] = [];
  const laneOf = new Map<number, LaneValue>();
  for (const value of laneColumn ? laneValues : [null]) {
    const inLane = laneColumn ? (value === null ? isNull(laneColumn) : eq(laneColumn, value as never)) : undefined;
    for (const stage of STAGES) {
      let taken = 0;
      for (const light of LIGHT_ORDER) {
        if (taken >= limit) break;
        const rows = db
          .select({ id: projects.id })
          .from(projects)
          .where(and(where, inLane, eq(projects.stage, stage), eq(projects.light, light)))
          .orderBy(desc(projects.totalInvestment), desc(projects.id))
          .limit(limit - taken)
          .all();
        taken += rows.length;
        for (const row of rows) {
          ids.push(row.id);
          laneOf.set(row.id, value);
        }
      }
    }
  }
  return projectCardsByIds(ids).map((row) => ({ ...row, lane: laneOf.get(row.id) ?? null }));
}

/**
 * The swimlanes whose cards the board renders at first: the first `count` lanes that hold a card,
 * in the board's lane order (the labels' order, then the lane without a value). The others show
 * their sums and load their cards when opened.
 */
function renderedLaneValues(
  sums: Array<{ lane: LaneValue; count: number }>,
  labels: Array<{ value: LaneValue }>,
  count: number,
): LaneValue[] {
  const filled = new Set(sums.filter((row) => row.count > 0).map((row) => row.lane));
  return [...labels.map((label) => label.value), null].filter((value) => filled.has(value)).slice(0, count);
}

/** One page of one column (or swimlane cell), for 加载更多. */
export function projectCardPage(
  filters: ProjectFilters,
  options: { stage: Stage; lane?: ProjectLane; laneValue?: string; page: number; pageSize: number },
) {
  const db = getDb();
  const where = and(
    projectWhere(filters),
    eq(projects.stage, options.stage),
    options.lane ? laneCondition(projectLaneColumn[options.lane], options.laneValue) : undefined,
  );
  const rows = db
    .select(projectCardColumns())
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(leaderUser, eq(leaderUser.id, projects.leaderId))
    .where(where)
    .orderBy(...projectOrder)
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .all() as ProjectCardRow[];
  const total = db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(projects)
    .where(where)
    .get()!.n;
  return { rows, total };
}

function projectLaneLabels(lane: ProjectLane): Array<{ value: LaneValue; label: string }> {
  const db = getDb();
  if (lane === 'category') return CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));
  if (lane === 'unit')
    return db
      .select({ value: units.id, label: units.name })
      .from(units)
      .orderBy(asc(units.sortOrder), asc(units.id))
      .all();
  return db
    .select({ value: users.id, label: users.name })
    .from(users)
    .where(eq(users.role, 'leader'))
    .orderBy(asc(users.id))
    .all();
}

// ---------------------------------------------------------------- leads

const leadCardColumns = {
  id: leads.id,
  stage: leads.stage,
  version: leads.version,
  company: leads.company,
  origin: leads.origin,
  industryName: industries.name,
  intendedInvestment: leads.intendedInvestment,
  currency: leads.currency,
  amountOriginal: leads.amountOriginal,
  ownerName: ownerUser.name,
  stageEnteredAt: leads.stageEnteredAt,
  nextFollowUpDate: leads.nextFollowUpDate,
  ownerId: leads.ownerId,
  team: leads.team,
};
/** A lead card before domain/board.ts adds what depends on the day and the user. */
export type LeadCardRow = Omit<LeadCardData, 'kind' | 'daysInStage' | 'overdue' | 'movable'> & {
  stageEnteredAt: string;
  ownerId: number;
  team: string | null;
  /** 0 or 1, from SQL. */
  overdue: number;
};

const leadSumColumns = (day: string) => ({
  count: sql<number>`count(*)`.mapWith(Number),
  totalInvestment: sql<number>`coalesce(sum(${leads.intendedInvestment}), 0)`.mapWith(Number),
  overdue: sql<number>`coalesce(sum(case when ${leadOverdueSql(day)} then 1 else 0 end), 0)`.mapWith(Number),
});

export function leadBoardSums(filters: LeadFilters, lane?: LeadLane) {
  const day = today();
  const laneColumn = lane ? leadLaneColumn[lane] : undefined;
  return getDb()
    .select({
      stage: leads.stage,
      lane: laneColumn ? sql<LaneValue>`${laneColumn}` : sql<LaneValue>`null`,
      ...leadSumColumns(day),
    })
    .from(leads)
    .where(leadWhere(filters, day))
    .groupBy(...(laneColumn ? [leads.stage, laneColumn] : [leads.stage]))
    .all();
}

/** The first `limit` cards of every column, or of every cell of the given swimlanes: one LIMIT read per cell. */
function firstLeadCards(
  filters: LeadFilters,
  lane: LeadLane | undefined,
  laneValues: LaneValue[],
  limit: number,
  day: string,
) {
  const db = getDb();
  const where = leadWhere(filters, day);
  const laneColumn = lane ? leadLaneColumn[lane] : undefined;
  const out: Array<LeadCardRow & { lane: LaneValue }> = [];
  for (const value of laneColumn ? laneValues : [null]) {
    const inLane = laneColumn ? (value === null ? isNull(laneColumn) : eq(laneColumn, value as never)) : undefined;
    for (const stage of LEAD_STAGES) {
      const rows = db
        .select({ ...leadCardColumns, overdue: sql<number>`${leadOverdueSql(day)}` })
        .from(leads)
        .innerJoin(ownerUser, eq(ownerUser.id, leads.ownerId))
        .leftJoin(industries, eq(industries.id, leads.industryId))
        .where(and(where, inLane, eq(leads.stage, stage)))
        .orderBy(...leadOrder)
        .limit(limit)
        .all() as LeadCardRow[];
      for (const row of rows) out.push({ ...row, lane: value });
    }
  }
  return out;
}

/** One page of one column (or swimlane cell), for 加载更多. */
export function leadCardPage(
  filters: LeadFilters,
  options: { stage: LeadStage; lane?: LeadLane; laneValue?: string; page: number; pageSize: number },
  day: string,
) {
  const db = getDb();
  const where = and(
    leadWhere(filters, day),
    eq(leads.stage, options.stage),
    options.lane ? laneCondition(leadLaneColumn[options.lane], options.laneValue) : undefined,
  );
  const rows = db
    .select({ ...leadCardColumns, overdue: sql<number>`${leadOverdueSql(day)}` })
    .from(leads)
    .innerJoin(ownerUser, eq(ownerUser.id, leads.ownerId))
    .leftJoin(industries, eq(industries.id, leads.industryId))
    .where(where)
    .orderBy(...leadOrder)
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .all() as LeadCardRow[];
  const total = db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(leads)
    .where(where)
    .get()!.n;
  return { rows, total };
}

function leadLaneLabels(lane: LeadLane): Array<{ value: LaneValue; label: string }> {
  const db = getDb();
  if (lane === 'industry')
    return db
      .select({ value: industries.id, label: industries.name })
      .from(industries)
      .orderBy(asc(industries.sortOrder))
      .all();
  return db
    .select({ value: users.id, label: users.name })
    .from(users)
    .where(eq(users.role, 'investment'))
    .orderBy(asc(users.id))
    .all();
}

// ---------------------------------------------------------------- a whole board

/**
 * The header sums, the lane labels and the first page of every cell of the first `renderedLanes`
 * swimlanes (every column without swimlanes). Nothing here depends on the user, so it is cached.
 */
export function projectBoardRows(
  filters: ProjectFilters,
  lane: ProjectLane | undefined,
  limit: number,
  renderedLanes: number,
) {
  return cached(`projects|${JSON.stringify(filters)}|${lane}|${limit}|${renderedLanes}`, () => {
    const sums = projectBoardSums(filters, lane);
    const labels = lane ? projectLaneLabels(lane) : null;
    const laneValues = labels ? renderedLaneValues(sums, labels, renderedLanes) : [];
    return { sums, cards: firstProjectCards(filters, lane, laneValues, limit), labels, laneValues };
  });
}

/** The header sums and lane labels only. */
export function projectBoardTotalRows(filters: ProjectFilters, lane?: ProjectLane) {
  return cached(`project-sums|${JSON.stringify(filters)}|${lane}`, () => ({
    sums: projectBoardSums(filters, lane),
    labels: lane ? projectLaneLabels(lane) : null,
  }));
}

export function leadBoardRows(
  filters: LeadFilters,
  lane: LeadLane | undefined,
  limit: number,
  day: string,
  renderedLanes: number,
) {
  const sums = leadBoardSums(filters, lane);
  const labels = lane ? leadLaneLabels(lane) : null;
  const laneValues = labels ? renderedLaneValues(sums, labels, renderedLanes) : [];
  return { sums, cards: firstLeadCards(filters, lane, laneValues, limit, day), labels, laneValues };
}

export function leadBoardTotalRows(filters: LeadFilters, lane?: LeadLane) {
  return { sums: leadBoardSums(filters, lane), labels: lane ? leadLaneLabels(lane) : null };
}
