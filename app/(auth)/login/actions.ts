'use server';

import { redirect } from 'next/navigation';
import { cookies, headers } from 'next/headers';
import { signIn, SESSION_COOKIE } from '@/lib/auth/session';
import { setSessionCookie } from '@/lib/auth/next';
import { clientIp } from '@/lib/auth/request-meta';
import { toAppError } from '@/lib/auth/guard';
import { loginSchema } from '@/lib/schemas/auth';
import { fieldErrorsOf } from '@/lib/validation';
import type { ActionState } from '@/lib/auth/action-state';

// Sign-in is the one public mutation: it validates with zod and is throttled in signIn().
export async function loginAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { username: String(formData.get('username') ?? '') };
  const parsed = loginSchema.safeParse({ username: formData.get('username'), password: formData.get('password') });
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error), values };
  const headerStore = await headers();
  try {
    const result = await signIn({
      ...parsed.data,
      ip: clientIp(headerStore),
      userAgent: headerStore.get('user-agent'),
      replaceToken: (await cookies()).get(SESSION_COOKIE)?.value ?? null,
    });
    await setSessionCookie(result.token, result.expiresAt);
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, code: appError.code, message: appError.message, values };
  }
  const next = String(formData.get('next') ?? '');
  redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/desk');
}
