// What a request's headers say about its client, read one way by API handlers, server actions and pages.

/** Written by scripts/serve.mjs on every request as `<key> <address>`; a client's own copy is replaced. */
export const CLIENT_IP_HEADER = 'x-jkp-client-ip';

/**
 * The client's address for audit rows and sign-in throttling, as scripts/serve.mjs worked it out
 * from the socket and TRUST_PROXY. The header counts only with the server's per-process key, so a
 * client cannot name its own address; without serve.mjs in front (next dev) the address is unknown
 * (null) rather than taken from a header anyone can send.
 */
export function clientIp(headers: Headers): string | null {
  const key = process.env.JKP_CLIENT_IP_KEY;
  const value = headers.get(CLIENT_IP_HEADER);
  if (!key || !value) return null;
  const [given, address] = value.split(' ');
  return given === key && address ? address : null;
}

/**
 * Whether the session cookie gets `Secure`: forced by COOKIE_SECURE=1, else when the request came
 * over https. X-Forwarded-Proto reaches here only from a trusted proxy (serve.mjs drops it otherwise
 * and Next.js sets it from the socket).
 */
export function wantsSecureCookie(headers: Headers): boolean {
  return process.env.COOKIE_SECURE === '1' || headers.get('x-forwarded-proto') === 'https';
}

/**
 * Whether a request's Origin names the host it was sent to (CSRF). The host is X-Forwarded-Host
 * when a trusted proxy sent it (scripts/serve.mjs drops it otherwise), else Host. A request with no
 * Origin (curl, scripts, tests) is not a browser's cross-site request and counts as same-origin.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (!origin) return true;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (!host || !URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}
