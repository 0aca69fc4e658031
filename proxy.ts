import { NextResponse, type NextRequest } from 'next/server';

// Optimistic redirect only: a visitor without a session cookie goes to /login. The real checks
// are in the guard (lib/auth/guard.ts) and requireUser().
const PUBLIC_PATHS = ['/login', '/api/'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((prefix) => pathname.startsWith(prefix))) return NextResponse.next();
  if (request.cookies.has('jkp_session')) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
