import { z } from 'zod';
import { currentYear } from '@/lib/rules/dates';
import { RANKING_GROUPS, type Period } from '@/lib/rules/stats';

// GET /api/v1/rankings?period=YYYY|YYYY-Qn&group=county|zone|department. Without a period, the
// current year. Unlike the dashboard's lenient picker, a malformed period here is a 400.
export const rankingsQuerySchema = z.object({
  period: z
    .string()
    .regex(/^\d{4}(-Q[1-4])?$/, { error: '期间应为 YYYY 或 YYYY-Qn，如 2026 或 2026-Q3' })
    .refine(
      (value) => {
        const year = Number(value.slice(0, 4));
        return year >= 2000 && year <= currentYear() + 1;
      },
      { error: '年份应在 2000 年至明年之间' },
    )
    .transform((value): Period => {
      const [year, quarter] = value.split('-Q');
      return { year: Number(year), quarter: quarter ? (Number(quarter) as 1 | 2 | 3 | 4) : null };
    })
    .optional(),
  group: z.enum(RANKING_GROUPS, {
    error: '考核分组应为 county（县（市）区）、zone（开发区）或 department（市直部门）',
  }),
});
export type RankingsQuery = z.output<typeof rankingsQuerySchema>;
