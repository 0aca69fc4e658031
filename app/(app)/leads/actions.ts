'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { guardedAction } from '@/lib/auth/action';
import { addFollowup, convertLead, createLead, moveLead, updateLead } from '@/domain/leads';
import { convertFormFields, followupFormFields, leadFormFields, leadTransitionSchema } from '@/lib/schemas/lead';
import { fromFormNumber } from '@/lib/schemas/form';
import { id, version } from '@/lib/validation';

// Server actions of the leads pages. The rules live in domain/leads.ts, shared with the API.

export const createLeadAction = guardedAction({ schema: z.object(leadFormFields) }, (input, actor) => {
  const lead = createLead(actor, input);
  revalidatePath('/leads');
  redirect(`/leads/${lead.id}?created=1`);
});

export const updateLeadAction = guardedAction(
  { schema: z.object({ ...leadFormFields, leadId: fromFormNumber(id), version: fromFormNumber(version) }) },
  ({ leadId, ...patch }, actor) => {
    const lead = updateLead(actor, leadId, patch);
    revalidatePath(`/leads/${leadId}`);
    return { id: lead.id, version: lead.version };
  },
);

/** Stage move from the lead page and the leads board; same rules as the API's transitions. */
export const moveLeadAction = guardedAction(
  { schema: leadTransitionSchema.extend({ leadId: id }) },
  ({ leadId, ...move }, actor) => {
    const lead = moveLead(actor, leadId, move);
    revalidatePath(`/leads/${leadId}`);
    revalidatePath('/leads');
    return {
      id: lead.id,
      stage: lead.stage,
      version: lead.version,
      light: lead.light,
      lightReasons: lead.lightReasons,
      stageEnteredAt: lead.stageEnteredAt,
    };
  },
);

export const addFollowupAction = guardedAction(
  { schema: z.object({ ...followupFormFields, leadId: fromFormNumber(id) }) },
  ({ leadId, ...input }, actor) => {
    const { followup } = addFollowup(actor, leadId, input);
    revalidatePath(`/leads/${leadId}`);
    return { id: followup.id };
  },
);

export const convertLeadAction = guardedAction(
  { schema: z.object({ ...convertFormFields, leadId: fromFormNumber(id) }) },
  ({ leadId, ...input }, actor) => {
    const { project } = convertLead(actor, leadId, input);
    revalidatePath(`/leads/${leadId}`);
    revalidatePath('/leads');
    redirect(`/projects/${project.id}`);
  },
);
