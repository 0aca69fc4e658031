'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { moveProjectStage } from '@/domain/projects';
import { transitionSchema } from '@/lib/schemas/project';
import { id } from '@/lib/validation';

/** Stage move from the project page and the board; same rules as the API's transitions. */
export const moveProjectAction = guardedAction({ schema: transitionSchema.extend({ projectId: id }) }, ({ projectId, ...move }, caller) => {
  const project = moveProjectStage({ ...caller.user, ip: caller.ip }, projectId, move);
  revalidatePath(`/projects/${projectId}`);
  return { id: project.id, stage: project.stage, version: project.version, light: project.light, lightReasons: project.lightReasons, stageEnteredAt: project.stageEnteredAt };
});
