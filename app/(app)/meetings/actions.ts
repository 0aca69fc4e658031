'use server';

import { revalidatePath } from 'next/cache';
import { addAgenda, createMeeting, decideMeetingItem, updateMeeting } from '@/domain/meetings';
import { guardedAction } from '@/lib/auth/action';
import {
  agendaAutoForm,
  agendaItemForm,
  meetingCloseForm,
  meetingCreateForm,
  meetingItemDecideForm,
} from '@/lib/schemas/meetings';

// The /meetings forms. Leaders and admins only; domain/meetings.ts checks again.
const WRITERS = ['admin', 'leader'] as const;

export const createMeetingAction = guardedAction({ roles: WRITERS, schema: meetingCreateForm }, (input, actor) => {
  const meeting = createMeeting(actor, input);
  revalidatePath('/meetings');
  return { id: meeting.id };
});

export const autoAgendaAction = guardedAction({ roles: WRITERS, schema: agendaAutoForm }, ({ meetingId }, actor) => {
  const { added } = addAgenda(actor, meetingId, { auto: true });
  revalidatePath(`/meetings/${meetingId}`);
  return { added };
});

export const addAgendaItemAction = guardedAction(
  { roles: WRITERS, schema: agendaItemForm },
  ({ meetingId, subject, projectId }, actor) => {
    const { added } = addAgenda(actor, meetingId, { subject, projectId: projectId ?? null });
    revalidatePath(`/meetings/${meetingId}`);
    return { added };
  },
);

export const decideItemAction = guardedAction(
  { roles: WRITERS, schema: meetingItemDecideForm },
  ({ itemId, ...input }, actor) => {
    const meeting = decideMeetingItem(actor, itemId, input);
    revalidatePath(`/meetings/${meeting.id}`);
    return { id: meeting.id };
  },
);

export const closeMeetingAction = guardedAction(
  { roles: WRITERS, schema: meetingCloseForm },
  ({ meetingId, version }, actor) => {
    const meeting = updateMeeting(actor, meetingId, { status: 'closed', version });
    revalidatePath(`/meetings/${meetingId}`);
    revalidatePath('/meetings');
    return { made: meeting.items.filter((item) => item.supervisionId != null).length };
  },
);
