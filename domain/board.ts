import 'server-only';
import {
  leadBoardRows,
  leadBoardTotalRows,
  leadCardPage,
  projectBoardRows,
  projectBoardTotalRows,
  projectCardPage,
  type LaneValue,
  type LeadCardRow,
  type ProjectCardRow,
} from '@/db/queries/board';
import type { BoardLane, CellSums, LeadCardData, ProjectCardData } from '@/lib/board-types';
import { daysBetween, today } from '@/lib/rules/dates';
import { LEAD_STAGES, STAGES, type LeadStage, type Stage } from '@/lib/rules/enums';
import { canEditLead, canMoveProject, type Actor } from '@/lib/rules/permissions';
import type { LeadFilters, ProjectFilters } from '@/lib/schemas/filters';
import { RENDERED_LANES, type LeadLane, type ProjectLane } from '@/lib/schemas/board';

// The board as one user sees it: db/queries/board.ts reads the rows; here they become cards
// (days in stage, whether this user may drag them) and lanes (with each lane's 加载更多 query).

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

function toLeadCard(row: LeadCardRow, actor: Actor, day: string): LeadCardData {
  const { stageEnteredAt, overdue, ownerId, team, ...rest } = row;
  // Landed and dropped leads leave the board's line: landing is a conversion, dropping needs a reason.
  const open = row.stage !== 'landed' && row.stage !== 'dropped';
  return {
    kind: 'leads',
    ...rest,
    daysInStage: Math.max(0, daysBetween(stageEnteredAt, day)),
    overdue: Boolean(overdue),
    movable: open && canEditLead(actor, { ownerId, team }),
  };
}

const EMPTY_PROJECT_SUMS: CellSums = {
  count: 0,
  totalInvestment: 0,
  plannedInvestmentThisYear: 0,
  completedInvestment: 0,
  red: 0,
  yellow: 0,
  grey: 0,
};
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
  /** The swimlanes whose cards were read; the others are deferred. All of them when absent. */
  rendered?: LaneValue[],
) {
  const sumByCell = new Map(
    sums.map(({ stage, lane: value, ...rest }) => [`${laneKey(value)}|${stage}`, rest as CellSums]),
  );
  const cardsByCell = new Map<string, C[]>();
  for (const { lane: value, ...card } of cards) {
    const key = `${laneKey(value)}|${card.stage}`;
    cardsByCell.set(key, [...(cardsByCell.get(key) ?? []), card as unknown as C]);
  }
  const laneValues: Array<{ value: LaneValue; label: string | null }> = labels
    ? [...labels]
    : [{ value: null, label: null }];
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
    const deferred = Boolean(labels && rendered && !rendered.includes(value));
    lanes.push({
      key,
      label,
      laneQuery: labels ? `lane=${lane}&laneValue=${key}` : '',
      cells: cells as never,
      ...(deferred ? { deferred } : {}),
    });
  }
  const columns = stages.map((stage) => ({
    stage,
    sums: lanes.reduce((acc, l) => addSums(acc, l.cells.find((c) => c.stage === stage)!.sums), empty),
  }));
  return { lanes, columns };
}

export function projectBoard(actor: Actor, filters: ProjectFilters, lane?: ProjectLane, pageSize?: number) {
  const day = today();
  const rows = projectBoardRows(filters, lane, pageSize ?? 30, RENDERED_LANES);
  const cards = rows.cards.map((row) => ({ ...toProjectCard(row, actor, day), lane: row.lane }));
  return assemble(
    STAGES,
    rows.sums,
    cards,
    rows.labels,
    lane,
    EMPTY_PROJECT_SUMS,
    lane === 'leader' ? '未指定包保领导' : '未指定',
    rows.laneValues,
  );
}

export function leadBoard(actor: Actor, filters: LeadFilters, lane?: LeadLane, pageSize?: number) {
  const day = today();
  const rows = leadBoardRows(filters, lane, pageSize ?? 30, day, RENDERED_LANES);
  const cards = rows.cards.map((row) => ({ ...toLeadCard(row, actor, day), lane: row.lane }));
  return assemble(
    LEAD_STAGES,
    rows.sums,
    cards,
    rows.labels,
    lane,
    EMPTY_LEAD_SUMS,
    lane === 'industry' ? '未指定产业' : '未指定',
    rows.laneValues,
  );
}

/** Sums only, no cards: the API's board and the swimlane totals. */
export function projectBoardTotals(filters: ProjectFilters, lane?: ProjectLane) {
  const rows = projectBoardTotalRows(filters, lane);
  return assemble(
    STAGES,
    rows.sums,
    [],
    rows.labels,
    lane,
    EMPTY_PROJECT_SUMS,
    lane === 'leader' ? '未指定包保领导' : '未指定',
  );
}

export function leadBoardTotals(filters: LeadFilters, lane?: LeadLane) {
  const rows = leadBoardTotalRows(filters, lane);
  return assemble(
    LEAD_STAGES,
    rows.sums,
    [],
    rows.labels,
    lane,
    EMPTY_LEAD_SUMS,
    lane === 'industry' ? '未指定产业' : '未指定',
  );
}

/** One page of one column (or swimlane cell), for 加载更多. */
export function listProjectCards(
  actor: Actor,
  filters: ProjectFilters,
  options: { stage: Stage; lane?: ProjectLane; laneValue?: string; page: number; pageSize: number },
) {
  const day = today();
  const { rows, total } = projectCardPage(filters, options);
  return {
    items: rows.map((row) => toProjectCard(row, actor, day)),
    total,
    page: options.page,
    pageSize: options.pageSize,
  };
}

export function listLeadCards(
  actor: Actor,
  filters: LeadFilters,
  options: { stage: LeadStage; lane?: LeadLane; laneValue?: string; page: number; pageSize: number },
) {
  const day = today();
  const { rows, total } = leadCardPage(filters, options, day);
  return {
    items: rows.map((row) => toLeadCard(row, actor, day)),
    total,
    page: options.page,
    pageSize: options.pageSize,
  };
}
