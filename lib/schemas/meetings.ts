import { z } from 'zod';
import { MEETING_KINDS } from '@/lib/rules/enums';
import { id, isoDate, longText, version } from '@/lib/validation';
import { fromFormNumber, fromFormOptional } from './form';

// 调度会: GET/POST /api/v1/meetings, GET/PATCH /api/v1/meetings/:id, POST /api/v1/meetings/:id/agenda,
// PATCH /api/v1/meeting-items/:id and the /meetings forms. Whether a deadline lies in the past and
// whether an assignee may edit the project are checked in domain/meetings.ts.

const title = z
  .string({ error: '请输入会议名称' })
  .trim()
  .min(1, { error: '请输入会议名称' })
  .max(100, { error: '不能超过 100 个字' });

const meetingFields = {
  date: isoDate,
  kind: z.enum(MEETING_KINDS, { error: '会议类型应为周调度会、月调度会或专题协调会' }),
  title,
  chairId: id,
  attendees: longText(1000).nullable().optional(),
  location: longText(100).nullable().optional(),
};

export const meetingCreateSchema = z.object(meetingFields).strict();
export type MeetingCreateInput = z.output<typeof meetingCreateSchema>;

/** Edit the header fields, or close the meeting with `{ status: "closed", version }`. */
export const meetingPatchSchema = z
  .object({ version, status: z.enum(['held', 'closed'], { error: '状态只能改为已召开或已闭会' }), ...meetingFields })
  .partial()
  .required({ version: true })
  .strict();
export type MeetingPatchInput = z.output<typeof meetingPatchSchema>;

export const meetingListQuery = z
  .object({ status: z.enum(['planned', 'held', 'closed'], { error: '状态无效' }).optional() })
  .strict();

const subject = z
  .string({ error: '请输入议题' })
  .trim()
  .min(1, { error: '请输入议题' })
  .max(500, { error: '不能超过 500 个字' });

/** `{ auto: true }` fills the agenda; `{ subject, projectId?, problemId? }` adds one item. */
export const agendaSchema = z.union([
  z.object({ auto: z.literal(true) }).strict(),
  z.object({ subject, projectId: id.nullable().optional(), problemId: id.nullable().optional() }).strict(),
]);
export type AgendaInput = z.output<typeof agendaSchema>;

export const meetingItemPatchSchema = z
  .object({
    decision: z
      .string({ error: '请输入会议决定' })
      .trim()
      .min(1, { error: '请输入会议决定' })
      .max(2000, { error: '不能超过 2000 个字' }),
    responsibleUnitId: id.nullable().optional(),
    assigneeId: id.nullable().optional(),
    deadline: isoDate.nullable().optional(),
    version: version.optional(),
  })
  .strict();
export type MeetingItemPatchInput = z.output<typeof meetingItemPatchSchema>;

// ---------------------------------------------------------------- the /meetings forms

export const meetingCreateForm = z.object({
  ...meetingFields,
  chairId: fromFormNumber(z.number({ error: '请选择主持人' }).int().positive({ error: '请选择主持人' })),
  attendees: fromFormOptional(longText(1000)),
  location: fromFormOptional(longText(100)),
});

export const agendaAutoForm = z.object({ meetingId: fromFormNumber(id) });

export const agendaItemForm = z.object({
  meetingId: fromFormNumber(id),
  subject,
  projectId: fromFormOptional(fromFormNumber(id)),
});

export const meetingItemDecideForm = z.object({
  itemId: fromFormNumber(id),
  version: fromFormNumber(version),
  decision: meetingItemPatchSchema.shape.decision,
  responsibleUnitId: fromFormOptional(fromFormNumber(id)),
  assigneeId: fromFormOptional(fromFormNumber(id)),
  deadline: fromFormOptional(isoDate),
});

export const meetingCloseForm = z.object({ meetingId: fromFormNumber(id), version: fromFormNumber(version) });
