'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { updateResponsibility } from '@/domain/responsibility';
import { responsibilityForm } from '@/lib/schemas/project-form';

export const updateResponsibilityAction = guardedAction(
  { schema: responsibilityForm },
  ({ projectId, patch }, actor) => {
    const project = updateResponsibility(actor, projectId, patch);
    revalidatePath(`/projects/${projectId}`, 'layout');
    return { version: project.version };
  },
);
