import 'server-only';
import type { Executor } from '@/db';
import type { Project } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { canEditProject, type Actor } from '@/lib/rules/permissions';
import { findProject } from './projects';

/** Loads a project for a change to it or its lists; 404 when missing, 403 when the actor may not edit it. */
export function editableProject(executor: Executor, actor: Actor, projectId: number): Project {
  const project = findProject(executor, projectId);
  if (!canEditProject(actor, project)) throw new AppError('forbidden', '只能维护本单位或本人负责的项目');
  return project;
}
