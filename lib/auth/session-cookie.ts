import { decode, encode } from 'next-auth/jwt';

// The session cookie as next-auth writes and reads it (auth.ts, docs/decisions/007-sessions-in-postgresql-behind-next-auth.md):
// an encrypted JWT whose only claim of ours is the id of a `session` row, under next-auth's cookie name, which is
// also the salt of the key derived from AUTH_SECRET. One place for the names and the salt, shared by the proxy's
// first gate and the end-to-end suite, which signs in by writing a session row and this cookie.

/** The name on plain HTTP (the end-to-end server, a local start). */
export const SESSION_COOKIE = 'authjs.session-token';
/** The name over HTTPS (`Secure`, with the prefix browsers enforce). */
export const SECURE_SESSION_COOKIE = '__Secure-authjs.session-token';
export const SESSION_COOKIES = [SECURE_SESSION_COOKIE, SESSION_COOKIE] as const;
export type SessionCookieName = (typeof SESSION_COOKIES)[number];

/** The cookie's value for a session row: what next-auth itself writes after a sign-in (auth.ts `jwt` callback). */
export function encodeSessionCookie(input: { sessionId: string; secret: string; name: SessionCookieName; maxAgeSeconds: number }): Promise<string> {
  return encode({ token: { sessionId: input.sessionId }, secret: input.secret, salt: input.name, maxAge: input.maxAgeSeconds });
}

/** The session id a cookie carries, or null when it was not encrypted with this secret under this name, or expired. */
export async function sessionIdOfCookie(input: { value: string; secret: string; name: SessionCookieName }): Promise<string | null> {
  try {
    const payload = await decode({ token: input.value, secret: input.secret, salt: input.name });
    return payload && typeof payload.sessionId === 'string' ? payload.sessionId : null;
  } catch {
    return null;
  }
}
