'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { guardedAction } from '@/lib/auth/action';
import { createUser, resetUserPassword, setUserActive, updateUser } from '@/domain/users';
import { passwordResetSchema, userActiveSchema, userCreateSchema, userUpdateSchema } from '@/lib/schemas/admin';

const ADMIN = ['admin'] as const;

export const createUserAction = guardedAction({ roles: ADMIN, schema: userCreateSchema }, async (input, caller) => {
  const user = await createUser({ ...caller.user, ip: caller.ip }, input);
  revalidatePath('/admin/users');
  redirect(`/admin/users?created=${encodeURIComponent(user.username)}`);
});

export const updateUserAction = guardedAction({ roles: ADMIN, schema: userUpdateSchema }, (input, caller) => {
  const user = updateUser({ ...caller.user, ip: caller.ip }, input);
  revalidatePath('/admin/users');
  revalidatePath(`/admin/users/${user.id}`);
  return { version: user.version };
});

export const setUserActiveAction = guardedAction({ roles: ADMIN, schema: userActiveSchema }, (input, caller) => {
  const user = setUserActive({ ...caller.user, ip: caller.ip }, input);
  revalidatePath('/admin/users');
  revalidatePath(`/admin/users/${user.id}`);
  return { active: user.active };
});

export const resetPasswordAction = guardedAction({ roles: ADMIN, schema: passwordResetSchema }, async (input, caller) => {
  const user = await resetUserPassword({ ...caller.user, ip: caller.ip }, input);
  revalidatePath(`/admin/users/${input.id}`);
  return { version: user.version };
});
