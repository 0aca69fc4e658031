import 'server-only';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Role } from '@/lib/rules/enums';
import { clientIp, wantsSecureCookie } from './request-meta';
import { resolveCaller, type Caller, type Credentials } from './guard';
import { SESSION_COOKIE, SESSION_IDLE_MS, type SessionUser } from './session';

// Bridges the guard to Next's request APIs, for pages and server actions.

export async function credentialsFromNext(): Promise<Credentials> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return {
    sessionToken: cookieStore.get(SESSION_COOKIE)?.value ?? null,
    ip: clientIp(headerStore),
  };
}

/** The signed-in caller for this render, once per request. */
export const currentCaller = cache(async (): Promise<Caller | null> => resolveCaller(await credentialsFromNext()));

/**
 * For pages: the signed-in user, or a redirect to /login. A role the page does not admit gets the 403
 * page (app/(app)/forbidden.tsx, naming the page and the roles of lib/page-access.ts), not a redirect.
 */
export async function requireUser(roles?: readonly Role[]): Promise<SessionUser> {
  const caller = await currentCaller();
  if (!caller) redirect('/login');
  if (caller.user.mustChangePassword) redirect('/account/password');
  if (roles && !roles.includes(caller.user.role)) forbidden();
  return caller.user;
}

export async function setSessionCookie(token: string, expiresAt: Date) {
  const store = await cookies();
  store.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: wantsSecureCookie(await headers()),
    path: '/',
    expires: expiresAt,
    maxAge: Math.floor(Math.min(expiresAt.getTime() - Date.now(), SESSION_IDLE_MS * 100) / 1000),
  });
}

export async function clearSessionCookie() {
  const store = await cookies();
  store.delete(SESSION_COOKIE);
}
