import { z } from 'zod';
import { id, longText, money, version } from '@/lib/validation';

// PUT /api/v1/projects/:id/plans/:year. The year's range (2000..next year) is checked in
// domain/year-plans.ts, where "this year" is known.

export const yearPlanParams = z.object({
  id,
  year: z.coerce
    .number({ error: '年度无效' })
    .int({ error: '年度无效' })
    .min(1000, { error: '年度无效' })
    .max(9999, { error: '年度无效' }),
});

export const yearPlanPutSchema = z
  .object({
    plannedInvestment: money,
    reason: longText(1000).nullable().optional(),
    version: version.optional(),
  })
  .strict();
export type YearPlanPutInput = z.output<typeof yearPlanPutSchema>;
