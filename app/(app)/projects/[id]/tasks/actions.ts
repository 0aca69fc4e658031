'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { createTask, updateTask } from '@/domain/tasks';
import { taskCreateForm, taskPatchForm } from '@/lib/schemas/project-lists';

export const createTaskAction = guardedAction({ schema: taskCreateForm }, ({ projectId, ...input }, caller) => {
  const task = createTask({ ...caller.user, ip: caller.ip }, projectId, input);
  revalidatePath(`/projects/${projectId}`, 'layout');
  return task;
});

export const updateTaskStateAction = guardedAction({ schema: taskPatchForm }, ({ taskId, ...patch }, caller) => {
  const task = updateTask({ ...caller.user, ip: caller.ip }, taskId, patch);
  revalidatePath(`/projects/${task.projectId}`, 'layout');
  return task;
});
