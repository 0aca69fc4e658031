'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { guardedAction } from '@/lib/auth/action';
import { createTarget, updateTarget } from '@/domain/targets';
import { targetCreateSchema, targetUpdateSchema } from '@/lib/schemas/admin';

const ADMIN = ['admin'] as const;

export const createTargetAction = guardedAction({ roles: ADMIN, schema: targetCreateSchema }, (input, caller) => {
  const target = createTarget({ ...caller.user, ip: caller.ip }, input);
  revalidatePath('/admin/targets');
  redirect(`/admin/targets?saved=${target.year}`);
});

export const updateTargetAction = guardedAction({ roles: ADMIN, schema: targetUpdateSchema }, (input, caller) => {
  const target = updateTarget({ ...caller.user, ip: caller.ip }, input);
  revalidatePath('/admin/targets');
  redirect(`/admin/targets?saved=${target.year}`);
});
