import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../index';
import { cached } from './read-cache';
import { industries, leads, projects, units, users } from '../schema';
import { leadOverdueSql, leadWhere, projectSumColumns, projectWhere } from './project-filters';
import { daysBetween, today } from '@/lib/rules/dates';
import { CATEGORIES, CATEGORY_LABELS, LEAD_STAGES, STAGES, type LeadStage, type Stage } from '@/lib/rules/enums';
import { canEditLead, canMoveProject, type Actor } from '@/lib/rules/permissions';
import type { LeadFilters, ProjectFilters } from '@/lib/schemas/filters';
import type { LeadLane, ProjectLane } from '@/lib/schemas/board';
import type { BoardLane, CellSums, LeadCardData, ProjectCardData } from '@/components/board/types';

// The board's reads. Header sums are one GROUP BY over the same WHERE as the ledger
// (projectWhere / leadWhere), so a column's count and money equal the ledger's sumProjects under
// the same filters. Cards come a page at a time: a window function picks the first page of every
// column (or swimlane cell) in one query; 加载更多 reads one cell with LIMIT/OFFSET.

const leaderUser = alias(users, 'leader_user');
const ownerUser = alias(users, 'owner_user');

// Red cards first, then yellow, then the biggest investments; the same order as projects_board_idx
// read backwards within (stage, light), so the first page of a column needs no sort.
// Grey (暂缓/终止) cards come last: they are not chased.
const projectOrder = [sql`case ${projects.light} when 'red' then 0 when 'yellow' then 1 when 'green' then 2 else 3 end`, desc(projects.totalInvestment), desc(projects.id)];
const LIGHT_ORDER = ['red', 'yellow', 'green', 'grey'] as const;
const leadOrder = [sql`case when ${leads.nextFollowUpDate} is null then 1 else 0 end`, asc(leads.nextFollowUpDate), desc(leads.intendedInvestment), asc(leads.id)];

const projectLaneColumn = { unit: projects.unitId, category: projects.category, leader: projects.leaderId } as const;
const leadLaneColumn = { owner: leads.ownerId, industry: leads.industryId } as const;

export type LaneValue = string | number | null;

function laneCondition(column: SQLWrapper & { name: string }, value: string | undefined): SQL | undefined {
  if (value === undefined) return undefined;
  if (value === 'none') return isNull(column as never);
  return eq(column as never, /^\d+$/.test(value) ? Number(value) : value);
}

const orderSql = (parts: SQL[]) => sql.join(parts, sql`, `);

// ---------------------------------------------------------------- projects

const projectCardColumns = {
  id: projects.id,
  stage: projects.stage,
  version: projects.version,
  name: projects.name,
  unitId: projects.unitId,
  ownerId: projects.ownerId,
  unitName: units.name,
  category: projects.category,
  shuangshi: projects.shuangshi,
  totalInvestment: projects.totalInvestment,
  plannedInvestmentThisYear: projects.plannedInvestmentThisYear,
  completedInvestment: projects.completedInvestment,
  stageEnteredAt: projects.stageEnteredAt,
  leaderName: leaderUser.name,
  light: projects.light,
  lightReasons: projects.lightReasons,
  approvalsOverridden: projects.approvalsOverridden,
  openSupervisions: sql<number>`(select count(*) from supervisions s where s.project_id = ${projects.id} and s.status in ('open','replied','returned'))`.mapWith(Number),
};

type ProjectCardRow = { [K in keyof typeof projectCardColumns]: unknown } & {
  id: number;
  stage: Stage;
  version: number;
  name: string;
  unitId: number;
  ownerId: number | null;
  unitName: string;
  category: ProjectCardData['category'];
  shuangshi: boolean;
  totalInvestment: number;
  plannedInvestmentThisYear: number;
  completedInvestment: number;
  stageEnteredAt: string;
  leaderName: string | null;
  light: ProjectCardData['light'];
  lightReasons: string[];
  approvalsOverridden: boolean;
  openSupervisions: number;
};

function toProjectCard(row: ProjectCardRow, actor: Actor, day: string): ProjectCardData {
  return {
    kind: 'projects',
    id: row.id,
    stage: row.stage,
    version: row.version,
    name: row.name,
    unitName: row.unitName,
    category: row.category,
    shuangshi: row.shuangshi,
    totalInvestment: row.totalInvestment,
    plannedInvestmentThisYear: row.plannedInvestmentThisYear,
    completedInvestment: row.completedInvestment,
    daysInStage: Math.max(0, daysBetween(row.stageEnteredAt, day)),
    leaderName: row.leaderName,
    light: row.light,
    lightReasons: row.lightReasons ?? [],
    approvalsOverridden: row.approvalsOverridden,
    openSupervisions: row.openSupervisions,
    movable: canMoveProject(actor, { unitId: row.unitId, ownerId: row.ownerId }),
  };
}

const greyCount = sql<number>`coalesce(sum(case when ${projects.light} = 'grey' then 1 else 0 end), 0)`.mapWith(Number);

/** Header sums per stage (and per lane value), in SQL. */
export function projectBoardSums(filters: ProjectFilters, lane?: ProjectLane) {
  const db = getDb();
  const laneColumn = lane ? projectLaneColumn[lane] : undefined;
  const rows = db
    .select({ stage: projects.stage, lane: laneColumn ? sql<LaneValue>`${laneColumn}` : sql<LaneValue>`null`, ...projectSumColumns, grey: greyCount })
    .from(projects)
    .where(projectWhere(filters))
    .groupBy(...(laneColumn ? [projects.stage, laneColumn] : [projects.stage]))
    .all();
  return rows;
}

function projectCardsByIds(ids: number[]) {
  if (ids.length === 0) return [];
  const rows = getDb()
    .select(projectCardColumns)
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(leaderUser, eq(leaderUser.id, projects.leaderId))
    .where(inArray(projects.id, ids))
    .all() as ProjectCardRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

/**
 * The first `limit` cards of every column. Without swimlanes: per stage and light, an indexed
 * range read of projects_board_idx (at most 24 tiny queries). With swimlanes: one window query
 * partitioned by stage and lane.
 */
function firstProjectCards(filters: ProjectFilters, lane: ProjectLane | undefined, limit: number): Array<ProjectCardRow & { lane: LaneValue }> {
  const db = getDb();
  const where = projectWhere(filters);
  if (!lane) {
    const ids: number[] = [];
    for (const stage of STAGES) {
      let taken = 0;
      for (const light of LIGHT_ORDER) {
        if (taken >= limit) break;
        const rows = db
          .select({ id: projects.id })
          .from(projects)
          .where(and(where, eq(projects.stage, stage), eq(projects.light, light)))
          .orderBy(desc(projects.totalInvestment), desc(projects.id))
          .limit(limit - taken)
          .all();
        taken += rows.length;
        for (const row of rows) ids.push(row.id);
      }
    }
    return projectCardsByIds(ids).map((row) => ({ ...row, lane: null }));
  }
  const laneColumn = projectLaneColumn[lane];
  const ranked = db
    .select({
      rankedId: sql<number>`${projects.id}`.as('ranked_id'),
      rn: sql<number>`row_number() over (partition by ${projects.stage}, ${laneColumn} order by ${orderSql(projectOrder)})`.as('rn'),
    })
    .from(projects)
    .where(where)
    .as('ranked');
  const picked = db.select({ id: ranked.rankedId }).from(ranked).where(lte(ranked.rn, limit)).orderBy(sql`"ranked"."rn"`).all();
  const laneOf = new Map(
    db
      .select({ id: projects.id, lane: sql<LaneValue>`${laneColumn}` })
      .from(projects)
      .where(inArray(projects.id, picked.map((p) => p.id)))
      .all()
      .map((row) => [row.id, row.lane]),
  );
  return projectCardsByIds(picked.map((p) => p.id)).map((row) => ({ ...row, lane: laneOf.get(row.id) ?? null }));
}

/** One page of one column (or swimlane cell), for 加载更多. */
export function listProjectCards(
  actor: Actor,
  filters: ProjectFilters,
  options: { stage: Stage; lane?: ProjectLane; laneValue?: string; page: number; pageSize: number },
) {
  const db = getDb();
  const day = today();
  const where = and(
    projectWhere(filters),
    eq(projects.stage, options.stage),
    options.lane ? laneCondition(projectLaneColumn[options.lane], options.laneValue) : undefined,
  );
  const rows = db
    .select(projectCardColumns)
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .leftJoin(leaderUser, eq(leaderUser.id, projects.leaderId))
    .where(where)
    .orderBy(...projectOrder)
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .all() as ProjectCardRow[];
  const total = db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(projects).where(where).get()!.n;
  return { items: rows.map((row) => toProjectCard(row, actor, day)), total, page: options.page, pageSize: options.pageSize };
}

function projectLaneLabels(lane: ProjectLane): Array<{ value: LaneValue; label: string }> {
  const db = getDb();
  if (lane === 'category') return CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));
  if (lane === 'unit') return db.select({ value: units.id, label: units.name }).from(units).orderBy(asc(units.sortOrder), asc(units.id)).all();
  return db.select({ value: users.id, label: users.name }).from(users).where(eq(users.role, 'leader')).orderBy(asc(users.id)).all();
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
  ownerName: ownerUser.name,
  stageEnteredAt: leads.stageEnteredAt,
  nextFollowUpDate: leads.nextFollowUpDate,
  ownerId: leads.ownerId,
  team: leads.team,
};
type LeadCardRow = {
  id: number;
  stage: LeadStage;
  version: number;
  company: string;
  origin: string | null;
  industryName: string | null;
  intendedInvestment: number;
  ownerName: string;
  stageEnteredAt: string;
  nextFollowUpDate: string | null;
  ownerId: number;
  team: string | null;
  overdue: number;
};

function toLeadCard(row: LeadCardRow, actor: Actor, day: string): LeadCardData {
  const { stageEnteredAt, overdue, ownerId, team, ...rest } = row;
  // Landed and dropped leads leave the board's line: landing is a conversion, dropping needs a reason.
  const open = row.stage !== 'landed' && row.stage !== 'dropped';
  return { kind: 'leads', ...rest, daysInStage: Math.max(0, daysBetween(stageEnteredAt, day)), overdue: Boolean(overdue), movable: open && canEditLead(actor, { ownerId, team }) };
}

const leadSumColumns = (day: string) => ({
  count: sql<number>`count(*)`.mapWith(Number),
  totalInvestment: sql<number>`coalesce(sum(${leads.intendedInvestment}), 0)`.mapWith(Number),
  overdue: sql<number>`coalesce(sum(case when ${leadOverdueSql(day)} then 1 else 0 end), 0)`.mapWith(Number),
});

export function leadBoardSums(filters: LeadFilters, lane?: LeadLane) {
  const day = today();
  const laneColumn = lane ? leadLaneColumn[lane] : undefined;
  return getDb()
    .select({ stage: leads.stage, lane: laneColumn ? sql<LaneValue>`${laneColumn}` : sql<LaneValue>`null`, ...leadSumColumns(day) })
    .from(leads)
    .where(leadWhere(filters, day))
    .groupBy(...(laneColumn ? [leads.stage, laneColumn] : [leads.stage]))
    .all();
}

function firstLeadCards(filters: LeadFilters, lane: LeadLane | undefined, limit: number, day: string) {
  const db = getDb();
  const laneColumn = lane ? leadLaneColumn[lane] : undefined;
  const partition = laneColumn ? sql`${leads.stage}, ${laneColumn}` : sql`${leads.stage}`;
  const ranked = db
    .select({ rankedId: sql<number>`${leads.id}`.as('ranked_id'), rn: sql<number>`row_number() over (partition by ${partition} order by ${orderSql(leadOrder)})`.as('rn') })
    .from(leads)
    .where(leadWhere(filters, day))
    .as('ranked');
  return db
    .select({ ...leadCardColumns, overdue: sql<number>`${leadOverdueSql(day)}`, lane: laneColumn ? sql<LaneValue>`${laneColumn}` : sql<LaneValue>`null` })
    .from(ranked)
    .innerJoin(leads, eq(leads.id, ranked.rankedId))
    .innerJoin(ownerUser, eq(ownerUser.id, leads.ownerId))
    .leftJoin(industries, eq(industries.id, leads.industryId))
    .where(lte(ranked.rn, limit))
    .orderBy(sql`"ranked"."rn"`)
    .all() as Array<LeadCardRow & { lane: LaneValue }>;
}

export function listLeadCards(actor: Actor, filters: LeadFilters, options: { stage: LeadStage; lane?: LeadLane; laneValue?: string; page: number; pageSize: number }) {
  const db = getDb();
  const day = today();
  const where = and(leadWhere(filters, day), eq(leads.stage, options.stage), options.lane ? laneCondition(leadLaneColumn[options.lane], options.laneValue) : undefined);
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
  const total = db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(leads).where(where).get()!.n;
  return { items: rows.map((row) => toLeadCard(row, actor, day)), total, page: options.page, pageSize: options.pageSize };
}

function leadLaneLabels(lane: LeadLane): Array<{ value: LaneValue; label: string }> {
  const db = getDb();
  if (lane === 'industry') return db.select({ value: industries.id, label: industries.name }).from(industries).orderBy(asc(industries.sortOrder)).all();
  return db.select({ value: users.id, label: users.name }).from(users).where(eq(users.role, 'investment')).orderBy(asc(users.id)).all();
}

// ---------------------------------------------------------------- assembling lanes

const EMPTY_PROJECT_SUMS: CellSums = { count: 0, totalInvestment: 0, plannedInvestmentThisYear: 0, completedInvestment: 0, red: 0, yellow: 0, grey: 0 };
const EMPTY_LEAD_SUMS: CellSums = { count: 0, totalInvestment: 0, overdue: 0 };

const laneKey = (value: LaneValue) => (value === null ? 'none' : String(value));

function addSums(a: CellSums, b: CellSums): CellSums {
  const out: CellSums = { ...a };
  for (const key of Object.keys(b) as Array<keyof CellSums>) out[key] = (a[key] ?? 0) + (b[key] ?? 0);
  return out;
}

function assemble<C extends { stage: string }>(
  stages: readonly string[],
  sums: Array<{ stage: string; lane: LaneValue } & CellSums>,
  cards: Array<C & { lane: LaneValue }>,
  labels: Array<{ value: LaneValue; label: string }> | null,
  lane: string | undefined,
  empty: CellSums,
  noneLabel: string,
) {
  const sumByCell = new Map(sums.map(({ stage, lane: value, ...rest }) => [`${laneKey(value)}|${stage}`, rest as CellSums]));
  const cardsByCell = new Map<string, C[]>();
  for (const { lane: value, ...card } of cards) {
    const key = `${laneKey(value)}|${card.stage}`;
    cardsByCell.set(key, [...(cardsByCell.get(key) ?? []), card as unknown as C]);
  }
  const laneValues: Array<{ value: LaneValue; label: string | null }> = labels ? [...labels] : [{ value: null, label: null }];
  if (labels && sums.some((row) => row.lane === null)) laneValues.push({ value: null, label: noneLabel });
  const lanes: Array<BoardLane & { cells: Array<{ stage: string; sums: CellSums; cards: C[] }> }> = [];
  for (const { value, label } of laneValues) {
    const key = labels ? laneKey(value) : 'all';
    const cells = stages.map((stage) => ({
      stage,
      sums: sumByCell.get(`${labels ? laneKey(value) : 'none'}|${stage}`) ?? empty,
      cards: cardsByCell.get(`${labels ? laneKey(value) : 'none'}|${stage}`) ?? [],
    }));
    // A lane with nothing in it is noise at a dispatch meeting.
    if (labels && cells.every((cell) => cell.sums.count === 0)) continue;
    lanes.push({ key, label, laneQuery: labels ? `lane=${lane}&laneValue=${key}` : '', cells: cells as never });
  }
  const columns = stages.map((stage) => ({ stage, sums: lanes.reduce((acc, l) => addSums(acc, l.cells.find((c) => c.stage === stage)!.sums), empty) }));
  return { lanes, columns };
}

export function projectBoard(actor: Actor, filters: ProjectFilters, lane?: ProjectLane, pageSize?: number) {
  const day = today();
  const limit = pageSize ?? 30;
  const rows = cached(`projects|${JSON.stringify(filters)}|${lane}|${limit}`, () => ({
    sums: projectBoardSums(filters, lane),
    cards: firstProjectCards(filters, lane, limit),
    labels: lane ? projectLaneLabels(lane) : null,
  }));
  const cards = rows.cards.map((row) => ({ ...toProjectCard(row, actor, day), lane: row.lane }));
  return assemble(STAGES, rows.sums, cards, rows.labels, lane, EMPTY_PROJECT_SUMS, lane === 'leader' ? '未指定包保领导' : '未指定');
}

export function leadBoard(actor: Actor, filters: LeadFilters, lane?: LeadLane, pageSize?: number) {
  const day = today();
  const limit = pageSize ?? 30;
  const sums = leadBoardSums(filters, lane);
  const cards = firstLeadCards(filters, lane, limit, day).map((row) => ({ ...toLeadCard(row, actor, day), lane: row.lane }));
  return assemble(LEAD_STAGES, sums, cards, lane ? leadLaneLabels(lane) : null, lane, EMPTY_LEAD_SUMS, lane === 'industry' ? '未指定产业' : '未指定');
}

/** Sums only, no cards: the API's board and the swimlane totals. */
export function projectBoardTotals(filters: ProjectFilters, lane?: ProjectLane) {
  const rows = cached(`project-sums|${JSON.stringify(filters)}|${lane}`, () => ({ sums: projectBoardSums(filters, lane), labels: lane ? projectLaneLabels(lane) : null }));
  return assemble(STAGES, rows.sums, [], rows.labels, lane, EMPTY_PROJECT_SUMS, lane === 'leader' ? '未指定包保领导' : '未指定');
}

export function leadBoardTotals(filters: LeadFilters, lane?: LeadLane) {
  return assemble(LEAD_STAGES, leadBoardSums(filters, lane), [], lane ? leadLaneLabels(lane) : null, lane, EMPTY_LEAD_SUMS, lane === 'industry' ? '未指定产业' : '未指定');
}
