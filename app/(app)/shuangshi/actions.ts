'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { createPackage, updatePackage } from '@/domain/packages';
import { updateProject } from '@/domain/projects';
import { packageCreateForm, packageEditForm, packageMoveForm } from '@/lib/schemas/package';

// The /shuangshi forms. Admins and leaders only; domain/packages.ts checks again.
const MANAGERS = ['admin', 'leader'] as const;

export const createPackageAction = guardedAction({ roles: MANAGERS, schema: packageCreateForm }, (input, actor) => {
  const pkg = createPackage(actor, input);
  revalidatePath('/shuangshi');
  return { id: pkg.id, year: pkg.year };
});

export const updatePackageAction = guardedAction(
  { roles: MANAGERS, schema: packageEditForm },
  ({ id, ...patch }, actor) => {
    const pkg = updatePackage(actor, id, patch);
    revalidatePath('/shuangshi');
    return { id: pkg.id, version: pkg.version };
  },
);

/** 调入 (packageId given) or 调出 (packageId blank) one project, with its reason. */
export const movePackageProjectAction = guardedAction(
  { roles: MANAGERS, schema: packageMoveForm },
  ({ projectId, version, packageId, reason }, actor) => {
    const project = updateProject(actor, projectId, { version, packageId, reason });
    revalidatePath('/shuangshi');
    revalidatePath(`/projects/${projectId}`, 'layout');
    return { id: project.id, packageId: project.packageId, version: project.version };
  },
);
