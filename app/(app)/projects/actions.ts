'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { guardedAction } from '@/lib/auth/action';
import { createProject, moveProjectStage, updateProject } from '@/domain/projects';
import { transitionSchema } from '@/lib/schemas/project';
import { projectCreateForm, projectEditForm } from '@/lib/schemas/project-form';
import { id } from '@/lib/validation';

/** Stage move from the project page and the board; same rules as the API's transitions. */
export const moveProjectAction = guardedAction(
  { schema: transitionSchema.extend({ projectId: id }) },
  ({ projectId, ...move }, actor) => {
    const project = moveProjectStage(actor, projectId, move);
    revalidatePath(`/projects/${projectId}`);
    return {
      id: project.id,
      stage: project.stage,
      version: project.version,
      light: project.light,
      lightReasons: project.lightReasons,
      approvalsOverridden: project.approvalsOverridden,
      stageEnteredAt: project.stageEnteredAt,
    };
  },
);

export const createProjectAction = guardedAction({ schema: projectCreateForm }, (input, actor) => {
  const project = createProject(actor, input);
  revalidatePath('/projects');
  redirect(`/projects/${project.id}`);
});

export const updateProjectAction = guardedAction({ schema: projectEditForm }, ({ projectId, ...patch }, actor) => {
  const project = updateProject(actor, projectId, patch);
  revalidatePath(`/projects/${projectId}`, 'layout');
  return { version: project.version };
});
