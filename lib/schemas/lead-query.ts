import { z } from 'zod';
import { LEAD_SORTS } from '@/lib/rules/lead-sorts';
import { page, pageSize } from '@/lib/validation';
import { leadFilterSchema } from './filters';

/** GET /api/v1/leads and the /leads page: the shared filters plus sorting and paging. */
export const leadListQuerySchema = leadFilterSchema.extend({
  sort: z.enum(LEAD_SORTS, { error: '排序字段无效' }).default('updatedAt'),
  dir: z.enum(['asc', 'desc'], { error: '排序方向无效' }).default('desc'),
  page,
  pageSize,
});
export type LeadListQuery = z.output<typeof leadListQuerySchema>;
