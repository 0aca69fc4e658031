import { z } from 'zod';
import { id } from '@/lib/validation';

export const STATS_SCOPES = ['shuangshi', 'all'] as const;
export type StatsScope = (typeof STATS_SCOPES)[number];
export const STATS_SCOPE_LABELS: Record<StatsScope, string> = { shuangshi: '双十项目', all: '全部项目' };

// GET /api/v1/stats and the dashboard's query: ?year=YYYY&scope=shuangshi|all&unitId=
const yearParam = z
  .string()
  .regex(/^\d{4}$/, { error: '年份应为四位数字，如 2026' })
  .transform(Number)
  .refine((year) => year >= 2000 && year <= 2100, { error: '年份应在 2000–2100 之间' })
  .optional();

export const statsQuerySchema = z.object({
  year: yearParam,
  scope: z.enum(STATS_SCOPES, { error: '范围应为 shuangshi（双十项目）或 all（全部项目）' }).default('all'),
  unitId: id.optional(),
});
export type StatsQueryInput = z.output<typeof statsQuerySchema>;

// GET /api/v1/stats/attraction?year=YYYY (履约, issue 16)
export const attractionQuerySchema = z.object({ year: yearParam });
