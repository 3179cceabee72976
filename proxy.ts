import { NextResponse, type NextRequest } from 'next/server';
import { getAuthSecret } from '@/lib/auth/secret';
import { SESSION_COOKIES, sessionIdOfCookie } from '@/lib/auth/session-cookie';
import { contentSecurityPolicy, createNonce, isHttps, PATH_HEADER, securityHeaders } from '@/lib/auth/security-headers';
import { createAvailability, probeServer, serverAddress } from '@/lib/db/availability';
import { env } from '@/lib/env';
import { unavailableResponse } from '@/lib/routes/unavailable';

const PUBLIC_PREFIXES = ['/sign-in', '/api/auth/', '/api/health', '/_next/'];
const PUBLIC_FILES = /^\/(icon\.svg|favicon\.ico|robots\.txt)$|\.(woff2?|ttf|otf)$/;

// While PostgreSQL does not answer, every request but static files is answered 503 here, before a page or a
// route fails on it; the gate reopens by itself (lib/db/availability.ts, docs/decisions/035-backups-and-a-lost-database.md).
const database = createAvailability(async () => {
  const address = env.DATABASE_URL ? serverAddress(env.DATABASE_URL) : null;
  return address ? probeServer(address) : true;
});

function needsDatabase(pathname: string): boolean {
  return !PUBLIC_FILES.test(pathname) && !pathname.startsWith('/_next/');
}

function isPublic(pathname: string): boolean {
  return PUBLIC_FILES.test(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname === prefix.replace(/\/$/, '') || pathname.startsWith(prefix));
}

/** Whether the request carries a session cookie that this app signed (forged or stale-key cookies do not). */
async function hasValidToken(request: NextRequest): Promise<boolean> {
  for (const name of SESSION_COOKIES) {
    const value = request.cookies.get(name)?.value;
    if (value && (await sessionIdOfCookie({ value, secret: getAuthSecret(), name }))) return true;
  }
  return false;
}

/**
 * The first gate and the security headers. While the database does not answer, every request but static files
 * is answered 503 (lib/routes/unavailable.ts). Every request but sign-in, next-auth's routes, the health check
 * and static files needs a session cookie that decodes with our secret; otherwise pages redirect to sign-in
 * (and come back) and /api answers 401. The session row itself is checked by getSessionUser on the server.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = isHttps(request.nextUrl, request.headers);
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === 'development', https });

  let response: NextResponse;
  if (needsDatabase(pathname) && !(await database.isAvailable())) {
    response = unavailableResponse(pathname);
  } else if (isPublic(pathname) || (await hasValidToken(request))) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('Content-Security-Policy', csp);
    requestHeaders.set('x-nonce', nonce);
    const query = new URLSearchParams(search);
    query.delete('_rsc');
    const qs = query.toString();
    requestHeaders.set(PATH_HEADER, `${pathname}${qs ? `?${qs}` : ''}`);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else if (pathname.startsWith('/api/')) {
    response = NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  } else {
    const query = new URLSearchParams(search);
    query.delete('_rsc');
    const qs = query.toString();
    const target = new URL('/sign-in', request.url);
    target.searchParams.set('callbackUrl', `${pathname}${qs ? `?${qs}` : ''}`);
    response = NextResponse.redirect(target, request.method === 'GET' || request.method === 'HEAD' ? 307 : 303);
    for (const name of SESSION_COOKIES) if (request.cookies.has(name)) response.cookies.delete(name);
  }

  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image).*)'],
};
