'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { guardedAction } from '@/lib/auth/action';
import { changeProblem, raiseProblem } from '@/domain/problems';
import { issueSupervision, replySupervision, reviewSupervision } from '@/domain/supervisions';
import { PROBLEM_LEVELS } from '@/lib/rules/enums';
import { fromFormNumber, withoutBlanks } from '@/lib/schemas/form';
import {
  issueSupervisionSchema,
  raiseProblemSchema,
  replySupervisionSchema,
  reviewSupervisionSchema,
} from '@/lib/schemas/problems';
import { id, version } from '@/lib/validation';

// The 问题与督办 tab's forms. Same domain functions, and so the same rules, as the API.

const formVersion = fromFormNumber(version);
const optionalText = z.string().trim().max(2000).optional();

// Alerts, the problem list and the navigation badge all change with these writes.
const refresh = () => revalidatePath('/', 'layout');

export const raiseProblemAction = guardedAction(
  { schema: withoutBlanks(raiseProblemSchema.extend({ projectId: id })) },
  ({ projectId, ...input }, actor) => {
    const problem = raiseProblem(actor, projectId, input);
    refresh();
    return { id: problem.id };
  },
);

export const escalateProblemAction = guardedAction(
  {
    schema: withoutBlanks(
      z.object({
        problemId: id,
        level: z.enum(PROBLEM_LEVELS),
        note: z.string({ error: '请填写上报说明' }).trim().min(1, { error: '请填写上报说明' }).max(2000),
        version: formVersion,
      }),
    ),
  },
  ({ problemId, ...patch }, actor) => {
    changeProblem(actor, problemId, { action: 'escalate', ...patch });
    refresh();
    return { id: problemId };
  },
);

export const closeProblemAction = guardedAction(
  { schema: withoutBlanks(z.object({ problemId: id, resolution: optionalText, version: formVersion })) },
  ({ problemId, ...patch }, actor) => {
    changeProblem(actor, problemId, { action: 'close', closed: true, ...patch });
    refresh();
    return { id: problemId };
  },
);

export const reopenProblemAction = guardedAction(
  { schema: withoutBlanks(z.object({ problemId: id, reason: optionalText, version: formVersion })) },
  ({ problemId, ...patch }, actor) => {
    changeProblem(actor, problemId, { action: 'reopen', reopen: true, ...patch });
    refresh();
    return { id: problemId };
  },
);

export const issueSupervisionAction = guardedAction(
  { schema: withoutBlanks(issueSupervisionSchema.extend({ projectId: id })) },
  ({ projectId, ...input }, actor) => {
    const order = issueSupervision(actor, projectId, input);
    refresh();
    return { id: order.id };
  },
);

export const replySupervisionAction = guardedAction(
  { schema: withoutBlanks(replySupervisionSchema.extend({ supervisionId: id })) },
  ({ supervisionId, text }, actor) => {
    replySupervision(actor, supervisionId, text);
    refresh();
    return { id: supervisionId };
  },
);

export const reviewSupervisionAction = guardedAction(
  { schema: withoutBlanks(reviewSupervisionSchema.extend({ supervisionId: id, version: formVersion })) },
  ({ supervisionId, ...input }, actor) => {
    reviewSupervision(actor, supervisionId, input);
    refresh();
    return { id: supervisionId };
  },
);
