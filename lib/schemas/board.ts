import { z } from 'zod';
import { LEAD_STAGES, STAGES } from '@/lib/rules/enums';
import { leadFilterSchema, projectFilterSchema } from './filters';

// The board's own parameters, on top of the shared ledger filters.

export const BOARD_KINDS = ['projects', 'leads'] as const;
export const PROJECT_LANES = ['unit', 'category', 'leader'] as const;
export const LEAD_LANES = ['owner', 'industry'] as const;
export type ProjectLane = (typeof PROJECT_LANES)[number];
export type LeadLane = (typeof LEAD_LANES)[number];
export const LANE_LABELS: Record<ProjectLane | LeadLane, string> = {
  unit: '按责任单位',
  category: '按项目类别',
  leader: '按包保领导',
  owner: '按招商专员',
  industry: '按产业',
};

/** First page of cards per column (and per swimlane cell); the rest arrive with 加载更多. */
export const COLUMN_PAGE_SIZE = 10;
export const LANE_PAGE_SIZE = 8;
/** Swimlanes whose cards come with the page; the others show their sums and load their cards when opened. */
export const RENDERED_LANES = 3;

const kind = z.enum(BOARD_KINDS, { error: 'kind 应为 projects 或 leads' }).default('projects');
/** An id, a category key, or `none` for cards without a value in the lane's column. */
const laneValue = z
  .string()
  .trim()
  .regex(/^(none|\d{1,15}|[a-z_]{1,20})$/, { error: '泳道取值无效' });

export const projectBoardQuery = projectFilterSchema.extend({
  kind: z.literal('projects'),
  lane: z.enum(PROJECT_LANES, { error: '泳道无效' }).optional(),
});
export const leadBoardQuery = leadFilterSchema.extend({
  kind: z.literal('leads'),
  lane: z.enum(LEAD_LANES, { error: '泳道无效' }).optional(),
});
export const boardKindQuery = z.object({ kind });

const pageParams = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(COLUMN_PAGE_SIZE),
  laneValue: laneValue.optional(),
};
export const projectCardsQuery = projectBoardQuery.extend({
  ...pageParams,
  stage: z.enum(STAGES, { error: '阶段无效' }),
});
export const leadCardsQuery = leadBoardQuery.extend({
  ...pageParams,
  stage: z.enum(LEAD_STAGES, { error: '阶段无效' }),
});
export type ProjectCardsQuery = z.output<typeof projectCardsQuery>;
export type LeadCardsQuery = z.output<typeof leadCardsQuery>;

/** Parsed filters back to a query string (booleans as 1/0), for links and 加载更多. */
export function filtersToQuery(filters: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  return params.toString();
}

export function pickLane<L extends string>(lanes: readonly L[], raw: string | string[] | undefined): L | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return lanes.find((lane) => lane === value);
}
