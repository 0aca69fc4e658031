'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { updateProject } from '@/domain/projects';
import { contractForm } from '@/lib/schemas/project-form';

/** 履约 card: the same PATCH as the API, limited to the contract fields (and a reason). */
export const updateProjectContractAction = guardedAction({ schema: contractForm }, ({ projectId, patch }, actor) => {
  const project = updateProject(actor, projectId, patch);
  revalidatePath(`/projects/${projectId}`, 'layout');
  return { version: project.version };
});
