import { z } from 'zod';
import { PROBLEM_LEVELS, PROBLEM_STATUSES, PROBLEM_TYPES, SUPERVISION_URGENCIES } from '@/lib/rules/enums';
import { today } from '@/lib/rules/dates';
import { AppError } from '@/lib/errors';
import { id, isoDate, longText, page, pageSize, parseOrThrow, queryBoolean, version } from '@/lib/validation';

// Input shapes of the 问题清单 and 督办, shared by the API and the forms (forms coerce first).

const description = z
  .string({ error: '请描述问题' })
  .trim()
  .min(1, { error: '请描述问题' })
  .max(2000, { error: '不能超过 2000 个字' });
/** A deadline must lie in the future; checked at parse time so it reports beside the other fields. */
const futureDate = (message: string) => isoDate.refine((value) => value > today(), { error: message });
const requiredText = (message: string, max = 2000) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `不能超过 ${max} 个字` });

export const raiseProblemSchema = z.object({
  type: z.enum(PROBLEM_TYPES, { error: '请选择问题类型' }),
  description,
  unitId: id,
  deadline: futureDate('解决时限须晚于今天'),
});
export type RaiseProblemInput = z.output<typeof raiseProblemSchema>;

export const escalateProblemSchema = z.object({
  level: z.enum(PROBLEM_LEVELS, { error: '请选择上报层级' }),
  note: requiredText('请填写上报说明'),
  version,
});
export const closeProblemSchema = z.object({
  closed: z.literal(true),
  // Checked in the domain so a missing resolution gets its own field message.
  resolution: z.string().trim().max(2000, { error: '不能超过 2000 个字' }).optional().nullable(),
  version,
});
export const reopenProblemSchema = z.object({
  reopen: z.literal(true),
  reason: z.string().trim().max(2000, { error: '不能超过 2000 个字' }).optional().nullable(),
  version,
});
export const editProblemSchema = z
  .object({
    type: z.enum(PROBLEM_TYPES, { error: '问题类型无效' }).optional(),
    description: description.optional(),
    unitId: id.optional(),
    deadline: isoDate.optional(),
    version,
  })
  .strict();

export type ProblemPatch =
  | ({ action: 'escalate' } & z.output<typeof escalateProblemSchema>)
  | ({ action: 'close' } & z.output<typeof closeProblemSchema>)
  | ({ action: 'reopen' } & z.output<typeof reopenProblemSchema>)
  | ({ action: 'edit' } & z.output<typeof editProblemSchema>);

/** PATCH /problems/:id takes one of four shapes; the keys present say which. */
export function parseProblemPatch(body: unknown): ProblemPatch {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new AppError('validation_failed', '请求体应为对象', { _: ['请求体应为对象'] });
  const keys = body as Record<string, unknown>;
  if ('closed' in keys) return { action: 'close', ...parseOrThrow(closeProblemSchema, body) };
  if ('reopen' in keys) return { action: 'reopen', ...parseOrThrow(reopenProblemSchema, body) };
  if ('level' in keys) return { action: 'escalate', ...parseOrThrow(escalateProblemSchema, body) };
  return { action: 'edit', ...parseOrThrow(editProblemSchema, body) };
}

export const issueSupervisionSchema = z.object({
  content: requiredText('请填写督办事项'),
  deadline: futureDate('办理时限须晚于今天'),
  assigneeId: id.optional().nullable(),
  urgency: z.enum(SUPERVISION_URGENCIES, { error: '紧急程度应为一般或紧急' }).optional(),
});
export type IssueSupervisionInput = z.output<typeof issueSupervisionSchema>;

export const replySupervisionSchema = z.object({ text: requiredText('请填写回复内容') });

export const reviewSupervisionSchema = z.object({
  status: z.enum(['done', 'returned'], { error: '状态应为 done 或 returned' }),
  note: longText(2000).optional().nullable(),
  version,
});
export type ReviewSupervisionInput = z.output<typeof reviewSupervisionSchema>;

/** Filters of the city-wide problem list, from the URL or the API query. */
export const problemFilterSchema = z.object({
  level: z.enum(PROBLEM_LEVELS).optional(),
  type: z.enum(PROBLEM_TYPES).optional(),
  unitId: id.optional(),
  status: z.enum(PROBLEM_STATUSES).optional(),
  overdue: queryBoolean.optional(),
  sort: z.enum(['oldest', 'newest', 'deadline']).optional(),
});
export const problemListQuerySchema = problemFilterSchema.extend({ page, pageSize });
