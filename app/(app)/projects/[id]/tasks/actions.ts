'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { createTask, updateTask } from '@/domain/tasks';
import { taskCreateForm, taskPatchForm } from '@/lib/schemas/project-lists';

export const createTaskAction = guardedAction({ schema: taskCreateForm }, ({ projectId, ...input }, actor) => {
  const task = createTask(actor, projectId, input);
  revalidatePath(`/projects/${projectId}`, 'layout');
  return task;
});

export const updateTaskStateAction = guardedAction({ schema: taskPatchForm }, ({ taskId, ...patch }, actor) => {
  const task = updateTask(actor, taskId, patch);
  revalidatePath(`/projects/${task.projectId}`, 'layout');
  return task;
});
