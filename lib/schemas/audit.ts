import { z } from 'zod';
import { id, isoDate, page, pageSize } from '@/lib/validation';

// Filters of the audit log page and its export, parsed from the URL.
export const auditFilterSchema = z.object({
  userId: id.optional(),
  entityType: z
    .string()
    .trim()
    .regex(/^[a-z_]{1,40}$/, { error: '记录类型无效' })
    .optional(),
  entityId: id.optional(),
  batchId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page,
  pageSize,
});
export type AuditFilters = z.output<typeof auditFilterSchema>;
