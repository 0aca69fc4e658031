import { z } from 'zod';
import { APPROVAL_STATUSES, TASK_STATES } from '@/lib/rules/enums';
import { id, isoDate, longText, money, month, name, version } from '@/lib/validation';
import { fromFormNumber, fromFormOptional } from './form';

// Inputs of a project's lists: 任务清单, 进度清单 and the 前期手续 checklist. The JSON schemas
// serve the API; the form variants take the strings an HTML form sends.

const percent = z
  .number({ error: '请输入形象进度百分比' })
  .int({ error: '须为整数' })
  .min(0, { error: '不能小于 0' })
  .max(100, { error: '不能大于 100' });

export const taskCreateSchema = z.object({ title: name, ownerId: id.nullable().optional(), dueDate: isoDate }).strict();
export type TaskCreateInput = z.output<typeof taskCreateSchema>;

export const taskPatchSchema = z
  .object({
    version,
    title: name.optional(),
    ownerId: id.nullable().optional(),
    dueDate: isoDate.optional(),
    state: z.enum(TASK_STATES, { error: '状态无效' }).optional(),
  })
  .strict();
export type TaskPatchInput = z.output<typeof taskPatchSchema>;

export const reportCreateSchema = z
  .object({
    month,
    investmentThisMonth: money,
    progressPercent: percent,
    narrative: longText(5000).default(''),
    problemsMet: longText(5000).nullable().optional(),
  })
  .strict();
export type ReportCreateInput = z.output<typeof reportCreateSchema>;

/** 更正 a filed report: the figures to change, and the reason once one is needed (see lib/rules/report-correction). */
export const reportCorrectSchema = z
  .object({
    version,
    investmentThisMonth: money.optional(),
    progressPercent: percent.optional(),
    narrative: longText(5000).optional(),
    problemsMet: longText(5000).nullable().optional(),
    reason: longText(1000).nullable().optional(),
  })
  .strict();
export type ReportCorrectInput = z.output<typeof reportCorrectSchema>;

export const approvalPatchSchema = z
  .object({
    version,
    status: z.enum(APPROVAL_STATUSES, { error: '办理状态无效' }).optional(),
    office: longText(100).nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    doneDate: isoDate.nullable().optional(),
    note: longText(1000).nullable().optional(),
  })
  .strict();
export type ApprovalPatchInput = z.output<typeof approvalPatchSchema>;

const formVersion = fromFormNumber(version);

export const taskCreateForm = z.object({
  projectId: fromFormNumber(id),
  title: name,
  ownerId: fromFormOptional(fromFormNumber(id)),
  dueDate: isoDate,
});

export const taskPatchForm = z.object({
  taskId: fromFormNumber(id),
  version: formVersion,
  state: z.enum(TASK_STATES, { error: '状态无效' }),
});

export const reportCreateForm = z.object({
  projectId: fromFormNumber(id),
  month,
  investmentThisMonth: fromFormNumber(money),
  progressPercent: fromFormNumber(percent),
  narrative: longText(5000).default(''),
  problemsMet: fromFormOptional(longText(5000)),
});

export const reportCorrectForm = z.object({
  reportId: fromFormNumber(id),
  version: formVersion,
  investmentThisMonth: fromFormNumber(money),
  progressPercent: fromFormNumber(percent),
  narrative: longText(5000).default(''),
  problemsMet: fromFormOptional(longText(5000)).transform((value) => value ?? null),
  reason: fromFormOptional(longText(1000)).transform((value) => value ?? null),
});

export const approvalPatchForm = z.object({
  approvalId: fromFormNumber(id),
  version: formVersion,
  status: z.enum(APPROVAL_STATUSES, { error: '办理状态无效' }),
  office: fromFormOptional(longText(100)),
  dueDate: fromFormOptional(isoDate),
  doneDate: fromFormOptional(isoDate),
});
