import {
  assertJsonContentType,
  assertSameOriginRequest,
  cookieValue,
  json,
  publicRoute,
  readJsonBody,
} from '@/lib/auth/api';
import { clientIp, wantsSecureCookie } from '@/lib/auth/request-meta';
import { SESSION_COOKIE, signIn, signOut } from '@/lib/auth/session';
import { toUserDto } from '@/lib/auth/user-dto';
import { loginSchema } from '@/lib/schemas/auth';
import { parseOrThrow } from '@/lib/validation';

function sessionCookie(request: Request, token: string, expiresAt: Date | null) {
  const parts = [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (expiresAt) parts.push(`Expires=${expiresAt.toUTCString()}`);
  else parts.push('Max-Age=0');
  if (wantsSecureCookie(request.headers)) parts.push('Secure');
  return parts.join('; ');
}

// Sign-in and sign-out change which account the browser acts as: a cross-site page must not do
// either (login CSRF), so both want the same origin, and sign-in a JSON body.
export const POST = publicRoute(async (request) => {
  assertSameOriginRequest(request);
  assertJsonContentType(request);
  const input = parseOrThrow(loginSchema, await readJsonBody(request));
  const result = await signIn({
    ...input,
    ip: clientIp(request.headers),
    userAgent: request.headers.get('user-agent'),
    replaceToken: cookieValue(request, SESSION_COOKIE),
  });
  return json({ user: toUserDto(result.user) }, 200, {
    'set-cookie': sessionCookie(request, result.token, result.expiresAt),
  });
});

export const DELETE = publicRoute((request) => {
  assertSameOriginRequest(request);
  signOut(cookieValue(request, SESSION_COOKIE));
  return new Response(null, { status: 204, headers: { 'set-cookie': sessionCookie(request, '', null) } });
});
