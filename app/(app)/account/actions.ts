'use server';

import { redirect } from 'next/navigation';
import { guardedAction } from '@/lib/auth/action';
import { credentialsFromNext } from '@/lib/auth/next';
import { sha256 } from '@/lib/auth/tokens';
import { changeOwnPassword, setOwnDigestKinds } from '@/domain/users';
import { ownPasswordSchema } from '@/lib/schemas/admin';
import { digestKindsSchema } from '@/lib/schemas/notifications';

async function currentSessionId(): Promise<string | null> {
  const { sessionToken } = await credentialsFromNext();
  return sessionToken ? sha256(sessionToken) : null;
}

/** From /account: the user stays signed in here; every other session of theirs ends. */
export const changePasswordAction = guardedAction({ schema: ownPasswordSchema }, async (input, actor) => {
  await changeOwnPassword(actor, input, await currentSessionId());
  // A fresh value each time, so the form clears after every change.
  return { changedAt: new Date().toISOString() };
});

/** From /account/password, the forced change: once done, on to the user's landing page. */
export const changeRequiredPasswordAction = guardedAction({ schema: ownPasswordSchema }, async (input, actor) => {
  await changeOwnPassword(actor, input, await currentSessionId());
  redirect('/');
});

/** From /account: which notification kinds also go to the caller's daily digest. */
export const saveDigestKindsAction = guardedAction({ schema: digestKindsSchema }, (input, actor) => ({
  kinds: setOwnDigestKinds(actor, input),
}));
