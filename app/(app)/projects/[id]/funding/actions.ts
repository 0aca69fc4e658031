'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { createFunding, updateFunding } from '@/domain/funding';
import { fundingCreateForm, fundingPatchForm } from '@/lib/schemas/funding';

export const createFundingAction = guardedAction({ schema: fundingCreateForm }, ({ projectId, ...input }, actor) => {
  const application = createFunding(actor, projectId, input);
  revalidatePath(`/projects/${projectId}`, 'layout');
  revalidatePath('/funding');
  return application;
});

export const updateFundingAction = guardedAction({ schema: fundingPatchForm }, ({ fundingId, ...patch }, actor) => {
  const application = updateFunding(actor, fundingId, patch);
  revalidatePath(`/projects/${application.projectId}`, 'layout');
  revalidatePath('/funding');
  return application;
});
