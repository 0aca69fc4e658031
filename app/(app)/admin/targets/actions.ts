'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { guardedAction } from '@/lib/auth/action';
import { createTarget, updateTarget } from '@/domain/targets';
import { targetCreateSchema, targetUpdateSchema } from '@/lib/schemas/admin';

const ADMIN = ['admin'] as const;

export const createTargetAction = guardedAction({ roles: ADMIN, schema: targetCreateSchema }, (input, actor) => {
  const target = createTarget(actor, input);
  revalidatePath('/admin/targets');
  redirect(`/admin/targets?saved=${target.year}`);
});

export const updateTargetAction = guardedAction({ roles: ADMIN, schema: targetUpdateSchema }, (input, actor) => {
  const target = updateTarget(actor, input);
  revalidatePath('/admin/targets');
  redirect(`/admin/targets?saved=${target.year}`);
});
