import { z } from 'zod';
import { NOTIFICATION_KINDS } from '@/lib/rules/enums';
import { queryBoolean } from '@/lib/validation';

// Inputs of the notification list, "mark read" and each user's digest kinds.

export const notificationListQuery = z.object({
  unread: queryBoolean.optional(),
  limit: z.coerce.number({ error: 'limit 应为 1–200 的整数' }).int().min(1).max(200).optional(),
});

const notificationId = z.number({ error: '通知编号应为正整数' }).int().positive();

export const markReadSchema = z.union(
  [
    z.object({ ids: z.array(notificationId, { error: '请给出要标为已读的通知' }).min(1).max(500) }).strict(),
    z.object({ all: z.literal(true, { error: 'all 只能为 true' }) }).strict(),
  ],
  { error: '请给出 ids（通知编号数组）或 all: true' },
);
export type MarkReadInput = z.output<typeof markReadSchema>;

/** The kinds a user wants in the daily digest; from a form the checkboxes arrive as `kinds[]` (none checked: absent). */
export const digestKindsSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    const fields = raw as Record<string, unknown>;
    return { kinds: fields.kinds ?? fields['kinds[]'] ?? [] };
  },
  z.object({
    kinds: z
      .array(z.enum(NOTIFICATION_KINDS, { error: '通知类型无效' }), { error: '请选择通知类型' })
      .max(NOTIFICATION_KINDS.length),
  }),
);
export type DigestKindsInput = z.output<typeof digestKindsSchema>;
