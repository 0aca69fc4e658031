'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { SESSION_COOKIE, signOut } from '@/lib/auth/session';
import { clearSessionCookie } from '@/lib/auth/next';

export async function signOutAction() {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  signOut(token);
  await clearSessionCookie();
  redirect('/login');
}
