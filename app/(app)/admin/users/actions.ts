'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { guardedAction } from '@/lib/auth/action';
import { createUser, resetUserPassword, setUserActive, updateUser } from '@/domain/users';
import { passwordResetSchema, userActiveSchema, userCreateSchema, userUpdateSchema } from '@/lib/schemas/admin';

const ADMIN = ['admin'] as const;

export const createUserAction = guardedAction({ roles: ADMIN, schema: userCreateSchema }, async (input, actor) => {
  const user = await createUser(actor, input);
  revalidatePath('/admin/users');
  redirect(`/admin/users?created=${encodeURIComponent(user.username)}`);
});

export const updateUserAction = guardedAction({ roles: ADMIN, schema: userUpdateSchema }, (input, actor) => {
  const user = updateUser(actor, input);
  revalidatePath('/admin/users');
  revalidatePath(`/admin/users/${user.id}`);
  return { version: user.version };
});

export const setUserActiveAction = guardedAction({ roles: ADMIN, schema: userActiveSchema }, (input, actor) => {
  const user = setUserActive(actor, input);
  revalidatePath('/admin/users');
  revalidatePath(`/admin/users/${user.id}`);
  return { active: user.active };
});

export const resetPasswordAction = guardedAction(
  { roles: ADMIN, schema: passwordResetSchema },
  async (input, actor) => {
    const user = await resetUserPassword(actor, input);
    revalidatePath(`/admin/users/${input.id}`);
    return { version: user.version };
  },
);
