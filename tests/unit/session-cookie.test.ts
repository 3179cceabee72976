import { decode, encode } from 'next-auth/jwt';
import { describe, expect, test } from 'vitest';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, SESSION_COOKIES, encodeSessionCookie, sessionIdOfCookie } from '@/lib/auth/session-cookie';

// The session cookie of lib/auth/session-cookie.ts is next-auth's own: what the helper writes, next-auth reads
// (so a session the end-to-end suite writes opens pages), and what next-auth writes after a sign-in, the proxy's
// gate reads. The cookie's name is the salt of its key: the other name, or another secret, reads nothing.

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const OTHER_SECRET = 'another-test-secret-of-thirty-two-characters!!';

describe('the session cookie', () => {
  test.each(SESSION_COOKIES)('written by the helper, next-auth reads the session id (%s)', async (name) => {
    const value = await encodeSessionCookie({ sessionId: 'row-1', secret: SECRET, name, maxAgeSeconds: 3600 });
    const payload = await decode({ token: value, secret: SECRET, salt: name });
    expect(payload?.sessionId).toBe('row-1');
    expect(payload?.exp).toBeGreaterThan(Date.now() / 1000 + 3500);
  });

  test('written by next-auth after a sign-in, the gate reads the session id', async () => {
    const value = await encode({ token: { sessionId: 'row-2' }, secret: SECRET, salt: SESSION_COOKIE, maxAge: 60 });
    await expect(sessionIdOfCookie({ value, secret: SECRET, name: SESSION_COOKIE })).resolves.toBe('row-2');
  });

  test('another secret, the other name, an expired cookie, a token without a session id or a forged value read nothing', async () => {
    const value = await encodeSessionCookie({ sessionId: 'row-3', secret: SECRET, name: SESSION_COOKIE, maxAgeSeconds: 3600 });
    await expect(sessionIdOfCookie({ value, secret: OTHER_SECRET, name: SESSION_COOKIE })).resolves.toBeNull();
    await expect(sessionIdOfCookie({ value, secret: SECRET, name: SECURE_SESSION_COOKIE })).resolves.toBeNull();
    const expired = await encodeSessionCookie({ sessionId: 'row-3', secret: SECRET, name: SESSION_COOKIE, maxAgeSeconds: -120 });
    await expect(sessionIdOfCookie({ value: expired, secret: SECRET, name: SESSION_COOKIE })).resolves.toBeNull();
    const anonymous = await encode({ token: { sub: 'someone' }, secret: SECRET, salt: SESSION_COOKIE, maxAge: 60 });
    await expect(sessionIdOfCookie({ value: anonymous, secret: SECRET, name: SESSION_COOKIE })).resolves.toBeNull();
    const forged = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..forged.forged.forged';
    await expect(sessionIdOfCookie({ value: forged, secret: SECRET, name: SESSION_COOKIE })).resolves.toBeNull();
  });
});
