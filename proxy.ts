import { decode } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { getAuthSecret } from '@/lib/auth/secret';
import { contentSecurityPolicy, createNonce, isHttps, PATH_HEADER, securityHeaders } from '@/lib/auth/security-headers';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';

const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];
const PUBLIC_PREFIXES = ['/sign-in', '/api/auth/', '/api/health', '/_next/'];
const PUBLIC_FILES = /^\/(icon\.svg|favicon\.ico|robots\.txt)$|\.(woff2?|ttf|otf)$/;

function isPublic(pathname: string): boolean {
  return PUBLIC_FILES.test(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname === prefix.replace(/\/$/, '') || pathname.startsWith(prefix));
}

/** Whether the request carries a session cookie that this app signed (forged or stale-key cookies do not). */
async function hasValidToken(request: NextRequest): Promise<boolean> {
  for (const name of SESSION_COOKIES) {
    const token = request.cookies.get(name)?.value;
    if (!token) continue;
    try {
      const payload = await decode({ token, secret: await getAuthSecret(db()), salt: name });
      if (payload && typeof payload.sessionId === 'string') return true;
    } catch {
      // Not ours, or expired: fall through.
    }
  }
  return false;
}

/**
 * The first gate and the security headers. Every request but sign-in, next-auth's routes, the health check
 * and static files needs a session cookie that decodes with our secret; otherwise pages redirect to sign-in
 * (and come back) and /api answers 401. The session row itself is checked by getSessionUser on the server.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = isHttps(request.nextUrl, request.headers);
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === 'development', https });

  let response: NextResponse;
  if (isPublic(pathname) || (await hasValidToken(request))) {
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
