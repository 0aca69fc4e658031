'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { createApiToken, revokeApiToken } from '@/domain/tokens';
import { tokenCreateSchema, tokenRevokeSchema } from '@/lib/schemas/admin';

const ADMIN = ['admin'] as const;

/** Returns the token itself: this response is the only time it is ever shown. */
export const createTokenAction = guardedAction({ roles: ADMIN, schema: tokenCreateSchema }, (input, actor) => {
  const { token, apiToken } = createApiToken(actor, input);
  revalidatePath('/admin/tokens');
  return { token, name: apiToken.name, prefix: apiToken.prefix };
});

export const revokeTokenAction = guardedAction({ roles: ADMIN, schema: tokenRevokeSchema }, (input, actor) => {
  revokeApiToken(actor, input.id);
  revalidatePath('/admin/tokens');
  return null;
});
