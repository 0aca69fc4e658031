import { NextResponse, type NextRequest } from 'next/server';
import { isSameOrigin } from '@/lib/auth/request-meta';

// Two jobs, both cheap: security headers on every response (a nonce-based Content-Security-Policy
// that Next applies to its own scripts), and an optimistic redirect to /login for visitors without
// a session cookie. The real access checks are in the guard (lib/auth/guard.ts) and requireUser().

const PUBLIC_PREFIXES = ['/login', '/api/'];

function contentSecurityPolicy(nonce: string) {
  const dev = process.env.NODE_ENV !== 'production';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function withSecurityHeaders(response: NextResponse, request: NextRequest, csp: string) {
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  response.headers.set('X-Frame-Options', 'DENY');
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return response;
}

/** Deeper nesting than any form of the platform sends; React's reply decoder recurses per level. */
const MAX_ACTION_DEPTH = 256;
const MAX_ACTION_BYTES = 4 * 1024 * 1024;

/** The deepest [ / { nesting of JSON-like text, outside strings; stops counting past `limit`. */
export function nestingDepth(text: string, limit = MAX_ACTION_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return deepest;
}

/**
 * A server action request Next.js would answer with a 500: a foreign Origin (Next refuses it by
 * throwing) or a body nested so deep that decoding it overflows the stack. Answered here instead,
 * with 403 and 400. Multipart bodies (file uploads) are not scanned.
 */
async function serverActionRefusal(request: NextRequest): Promise<{ status: number; message: string } | null> {
  if (!isSameOrigin(request.headers)) return { status: 403, message: '跨站请求被拒绝' };
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) return null;
  if (Number(request.headers.get('content-length') ?? 0) > MAX_ACTION_BYTES)
    return { status: 413, message: '请求体过大' };
  const body = await request.clone().text();
  if (body.length > MAX_ACTION_BYTES) return { status: 413, message: '请求体过大' };
  if (nestingDepth(body) > MAX_ACTION_DEPTH) return { status: 400, message: '请求内容嵌套过深' };
  return null;
}

export async function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  if (request.method === 'POST' && request.headers.has('next-action')) {
    const refusal = await serverActionRefusal(request);
    if (refusal)
      return withSecurityHeaders(
        new NextResponse(refusal.message, {
          status: refusal.status,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        }),
        request,
        csp,
      );
  }
  const { pathname, search } = request.nextUrl;

  const isPublic = PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
  if (!isPublic && !request.cookies.has('jkp_session')) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
    return withSecurityHeaders(NextResponse.redirect(url), request, csp);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), request, csp);
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)' }],
};
