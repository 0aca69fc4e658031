import { z } from 'zod';
import { addDaysIso, today } from '@/lib/rules/dates';
import { id, isoDate } from '@/lib/validation';

// GET /api/v1/lights/history?from=&to=&unitId=: dates YYYY-MM-DD, from ≤ to, at most three years;
// without dates, the last 90 days up to today (Beijing).

export const LIGHT_HISTORY_DEFAULT_DAYS = 90;

/** The same calendar day three years on (29 Feb compares as a day after 28 Feb, as it should). */
const threeYearsAfter = (date: string) => `${Number(date.slice(0, 4)) + 3}${date.slice(4)}`;

export const lightHistoryQuerySchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), unitId: id.optional() })
  .transform((query) => {
    const to = query.to ?? today();
    const from = query.from ?? addDaysIso(to, -(LIGHT_HISTORY_DEFAULT_DAYS - 1));
    return { from, to, unitId: query.unitId };
  })
  .superRefine((query, ctx) => {
    if (query.from > query.to)
      ctx.addIssue({ code: 'custom', path: ['from'], message: '开始日期不能晚于结束日期（未填结束日期时为今天）' });
    else if (query.to > threeYearsAfter(query.from))
      ctx.addIssue({ code: 'custom', path: ['to'], message: '查询范围不能超过 3 年' });
  });
export type LightHistoryQuery = z.output<typeof lightHistoryQuerySchema>;
