'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { guardedAction } from '@/lib/auth/action';
import { addFollowup, convertLead, createLead, moveLead, updateLead } from '@/domain/leads';
import {
  convertExistingFormFields,
  convertFormFields,
  followupFormFields,
  leadFormFields,
  leadTransitionSchema,
} from '@/lib/schemas/lead';
import { decidePartner, requestPartner } from '@/domain/lead-partners';
import { partnerDecisionSchema } from '@/lib/schemas/lead-partner';
import { fromFormOptional } from '@/lib/schemas/form';
import { longText } from '@/lib/validation';
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

/** The convert dialog's other choice: link an existing 谋划储备/已签约 project (谋划项目找到合作伙伴). */
export const convertLeadToExistingAction = guardedAction(
  { schema: z.object({ ...convertExistingFormFields, leadId: fromFormNumber(id) }) },
  ({ leadId, ...input }, actor) => {
    const { project } = convertLead(actor, leadId, input);
    revalidatePath(`/leads/${leadId}`);
    revalidatePath('/leads');
    redirect(`/projects/${project.id}`);
  },
);

/** 申请协同 from the lead page or from the new-lead form's duplicate notice. */
export const requestPartnerAction = guardedAction(
  { schema: z.object({ leadId: fromFormNumber(id), note: fromFormOptional(longText(500)) }) },
  ({ leadId, note }, actor) => {
    const partner = requestPartner(actor, leadId, { note });
    revalidatePath(`/leads/${leadId}`);
    return { id: partner.id, leadId };
  },
);

/** The owner or an admin accepts or declines a 协同 request. */
export const decidePartnerAction = guardedAction(
  {
    schema: partnerDecisionSchema.extend({
      leadId: fromFormNumber(id),
      partnerId: fromFormNumber(id),
      version: fromFormNumber(version),
    }),
  },
  ({ leadId, partnerId, ...input }, actor) => {
    const partner = decidePartner(actor, leadId, partnerId, input);
    revalidatePath(`/leads/${leadId}`);
    return { id: partner.id, status: partner.status };
  },
);
