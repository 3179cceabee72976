import { afterEach, describe, expect, test } from 'vitest';
import { authRedirect, publicOrigin, safeCallbackPath, sameOriginPath } from '@/lib/auth/safe-callback';

// Where a redirect may go (lib/auth/safe-callback.ts, docs/decisions/032-one-csv-writer-and-safe-callbacks.md): a
// path of this origin, decided after the path is normalised as a browser would (percent-decoding, dot segments),
// never `//host`, a backslash, a scheme or a control character; anything else falls back to '/'.

describe('a callback that would leave the origin falls back to /', () => {
  test.each([
    // Dot segments that normalise to `//host` after the check (the reported payloads).
    '/.//evil.example',
    '/./%2F/evil.example',
    '/..//evil.example',
    '/%2e//evil.example',
    '/%2E//evil.example',
    '/a/..//evil.example',
    '/a/%2e%2e//evil.example',
    '/%2e%2e//evil.example',
    '/a/b/../..//evil.example',
    '/./../.././/evil.example',
    // Encoded slashes and backslashes that read as `//host` once decoded.
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '/%5Cevil.example',
    '/%5C%5Cevil.example',
    '/\\evil.example',
    '/\\/evil.example',
    // Protocol-relative, absolute and scheme URLs.
    '//evil.example',
    '///evil.example',
    'https://evil.example',
    'http://evil.example/communes',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '',
    ' /communes',
    // Control characters a URL parser drops (a tab between the slashes makes `//host`).
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/communes\u0000',
    '/%09/evil.example',
    '/communes/%00',
    '/communes/%0d%0aSet-Cookie:x=1',
    // Malformed escapes.
    '/communes/%E0%A4%A',
  ])('%j', (value) => {
    expect(safeCallbackPath(value)).toBe('/');
    expect(sameOriginPath(value)).toBeNull();
  });

  test('non-strings and very long values', () => {
    for (const value of [undefined, null, 42, ['/communes'], { toString: () => '/communes' }]) expect(safeCallbackPath(value)).toBe('/');
    expect(safeCallbackPath(`/${'a'.repeat(2001)}`)).toBe('/');
  });

  test('the sign-in page and next-auth routes are not a place to come back to', () => {
    for (const value of ['/sign-in', '/sign-in?callbackUrl=%2F', '/./sign-in', '/a/../sign-in', '/api/auth/signout', '/%61pi/auth/signout']) {
      expect(safeCallbackPath(value)).toBe('/');
    }
  });
});

describe('a same-origin path comes back normalised', () => {
  test.each([
    ['/', '/'],
    ['/communes/NA113?tab=roster', '/communes/NA113?tab=roster'],
    ['/communes/./NA113', '/communes/NA113'],
    ['/communes/x/../NA113', '/communes/NA113'],
    ['/communes/%2e/NA113', '/communes/NA113'],
    ['/report?date=10%2F11%2F2025', '/report?date=10%2F11%2F2025'],
    ['/communes/NA113#roster', '/communes/NA113'],
    ['/secondments?notice=submitted&q=Nguy%E1%BB%85n', '/secondments?notice=submitted&q=Nguy%E1%BB%85n'],
    ['/@evil.example', '/@evil.example'],
  ])('%j → %j', (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
    expect(sameOriginPath(value)).toBe(expected);
  });

  test('the result is stable: checking it again gives it back', () => {
    for (const value of ['/communes/./NA113', '/a/b/../c?x=1', '/%7Euser', '/x%20y']) {
      const once = safeCallbackPath(value);
      expect(safeCallbackPath(once)).toBe(once);
    }
  });

  test('sameOriginPath lets the sign-in page through (sign-out goes there)', () => {
    expect(sameOriginPath('/sign-in')).toBe('/sign-in');
  });
});

describe("next-auth's redirect callback", () => {
  const baseUrl = 'https://bienche.example.vn';
  test.each([
    ['/communes/NA113', `${baseUrl}/communes/NA113`],
    [`${baseUrl}/communes/NA113?tab=roster`, `${baseUrl}/communes/NA113?tab=roster`],
    ['/sign-in', `${baseUrl}/sign-in`],
    ['/.//evil.example', `${baseUrl}/`],
    ['//evil.example', `${baseUrl}/`],
    [`${baseUrl}/.//evil.example`, `${baseUrl}/`],
    [`${baseUrl}//evil.example`, `${baseUrl}/`],
    ['https://evil.example/x', `${baseUrl}/`],
    ['https://bienche.example.vn.evil.example/x', `${baseUrl}/`],
    ['http://bienche.example.vn/x', `${baseUrl}/`],
    ['javascript:alert(1)', `${baseUrl}/`],
    ['not a url', `${baseUrl}/`],
  ])('%j → %j', (url, expected) => {
    expect(authRedirect({ url, baseUrl })).toBe(expected);
  });
});

describe('the public origin: AUTH_URL, else the host the client asked for, never the address the server listens on', () => {
  const saved = process.env.AUTH_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.AUTH_URL;
    else process.env.AUTH_URL = saved;
  });
  const request = (url: string, headers: Record<string, string>) => ({ url, headers: new Headers(headers) });

  test('the Host header, not the listening address', () => {
    delete process.env.AUTH_URL;
    expect(publicOrigin(request('http://0.0.0.0:3000/api/auth/signin', { host: 'bienche.example.vn' }))).toBe('http://bienche.example.vn');
    expect(publicOrigin(request('http://0.0.0.0:3000/x', { host: 'localhost:3000' }))).toBe('http://localhost:3000');
    expect(publicOrigin(request('http://0.0.0.0:3000/x', { host: '[::1]:3000' }))).toBe('http://[::1]:3000');
  });

  test('HTTPS as the load balancer says (X-Forwarded-Proto)', () => {
    delete process.env.AUTH_URL;
    expect(publicOrigin(request('http://0.0.0.0:3000/x', { host: 'bienche.example.vn', 'x-forwarded-proto': 'https' }))).toBe('https://bienche.example.vn');
  });

  test('AUTH_URL wins over the Host header', () => {
    process.env.AUTH_URL = 'https://bienche.example.vn';
    expect(publicOrigin(request('http://0.0.0.0:3000/x', { host: 'evil.example' }))).toBe('https://bienche.example.vn');
  });

  test('a malformed Host header is not used', () => {
    delete process.env.AUTH_URL;
    for (const host of ['evil.example/path', 'a b', 'evil.example@x', '']) {
      expect(publicOrigin(request('http://127.0.0.1:3000/x', { host }))).toBe('http://127.0.0.1:3000');
    }
  });
});
