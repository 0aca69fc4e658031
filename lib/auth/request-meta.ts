// What a request's headers say about its client, read one way by API handlers, server actions and pages.

/**
 * The client's address for audit rows and sign-in throttling: the first x-forwarded-for hop (set by
 * the reverse proxy), else x-real-ip, else loopback (a direct local call).
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) return forwarded.split(',')[0].trim() || null;
  return headers.get('x-real-ip') ?? '127.0.0.1';
}

/** Whether the session cookie gets `Secure`: forced by COOKIE_SECURE=1, else when the proxy reports https. */
export function wantsSecureCookie(headers: Headers): boolean {
  return process.env.COOKIE_SECURE === '1' || headers.get('x-forwarded-proto') === 'https';
}
