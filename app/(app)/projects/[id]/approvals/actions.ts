'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { updateApprovalItem } from '@/domain/approvals';
import { approvalPatchForm } from '@/lib/schemas/project-lists';

export const updateApprovalAction = guardedAction({ schema: approvalPatchForm }, ({ approvalId, ...patch }, actor) => {
  const item = updateApprovalItem(actor, approvalId, patch);
  revalidatePath(`/projects/${item.projectId}`, 'layout');
  return item;
});
