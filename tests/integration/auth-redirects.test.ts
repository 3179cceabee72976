import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';

// next-auth's own routes (app/api/auth/[...nextauth]/route.ts) answer redirects on the public origin: AUTH_URL, else
// the Host the client asked for. Next.js hands a route handler a URL built from the address the server listens on
// (`next start -H 0.0.0.0`), which used to end up in the Location header. Their callback URLs go through the one
// rule of lib/auth/safe-callback.ts (docs/decisions/032-one-csv-writer-and-safe-callbacks.md).

let database: TestDatabase;
let route: typeof import('@/app/api/auth/[...nextauth]/route');
const saved = { DATABASE_URL: process.env.DATABASE_URL, AUTH_URL: process.env.AUTH_URL };

beforeAll(async () => {
  database = await createTestDatabase('empty');
  process.env.DATABASE_URL = database.url;
  delete process.env.AUTH_URL;
  route = await import('@/app/api/auth/[...nextauth]/route');
});
afterEach(() => {
  delete process.env.AUTH_URL;
});
afterAll(async () => {
  process.env.DATABASE_URL = saved.DATABASE_URL;
  if (saved.AUTH_URL === undefined) delete process.env.AUTH_URL;
  else process.env.AUTH_URL = saved.AUTH_URL;
  await database?.drop();
});

/** A request as Next.js builds it behind `next start -H 0.0.0.0 -p 3000`, for a client that asked for `host`. */
const listening = (path: string, init: { host: string; method?: string; headers?: Record<string, string>; body?: string }) =>
  new NextRequest(`http://0.0.0.0:3000${path}`, {
    method: init.method ?? 'GET',
    headers: { host: init.host, ...init.headers },
    body: init.body,
  });

/** The Location header made absolute the way a browser reads it, from the page the client was on. */
const followed = (response: Response, host: string) => new URL(response.headers.get('location') ?? '', `http://${host}/api/auth/x`);

describe('redirects of /api/auth/* stay on the host the client asked for', () => {
  test('a refused sign-out (no CSRF token) goes to the sign-in page of that host, not http://0.0.0.0:3000', async () => {
    const response = await route.POST(
      listening('/api/auth/signout', { host: 'bienche.example.vn', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' }),
    );
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location).not.toContain('0.0.0.0');
    expect(followed(response, 'bienche.example.vn').origin).toBe('http://bienche.example.vn');
    expect(followed(response, 'bienche.example.vn').pathname).toBe('/sign-in');
  });

  test("next-auth's sign-in route sends to our sign-in page with a callback on that host", async () => {
    const response = await route.GET(listening('/api/auth/signin', { host: 'bienche.example.vn' }));
    expect(response.status).toBe(302);
    const target = followed(response, 'bienche.example.vn');
    expect(target.origin).toBe('http://bienche.example.vn');
    expect(target.pathname).toBe('/sign-in');
    expect(target.searchParams.get('callbackUrl')).not.toContain('0.0.0.0');
  });

  test('HTTPS behind a load balancer (X-Forwarded-Proto) and AUTH_URL are honoured', async () => {
    const https = await route.POST(
      listening('/api/auth/signout', {
        host: 'bienche.example.vn',
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' },
        body: '',
      }),
    );
    expect(followed(https, 'bienche.example.vn').origin).toBe('https://bienche.example.vn');
    process.env.AUTH_URL = 'https://canbo.example.vn';
    const configured = await route.POST(
      listening('/api/auth/signout', { host: '10.0.0.5:3000', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' }),
    );
    expect(followed(configured, '10.0.0.5:3000').origin).toBe('https://canbo.example.vn');
  });

  test.each(['/.//evil.example', '/..//evil.example', '/%2e//evil.example', '/a/..//evil.example', '//evil.example', 'https://evil.example/'])(
    'a callback URL %j is answered as the home page of the app',
    async (callbackUrl) => {
      const response = await route.GET(listening(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { host: 'bienche.example.vn' }));
      const target = followed(response, 'bienche.example.vn');
      expect(target.pathname).toBe('/sign-in');
      expect(target.searchParams.get('callbackUrl')).toBe('http://bienche.example.vn/');
    },
  );
});
