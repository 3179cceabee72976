import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { loadSessionUser, signInWithPassword } from '@/lib/auth/session-store';
import { DEMO_PASSWORD } from '@/lib/demo/accounts';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';
import { createTestDatabase, type TestDatabase } from '../support/database';

// How a session ends (docs/decisions/007-sessions-in-postgresql-behind-next-auth.md): 8 hours after sign-in, or after
// SESSION_IDLE_MINUTES without a request (default 60), read from `last_seen_at`, which a request moves forward only
// when it is more than 5 minutes old (docs/architecture.md, Conventions: caching); by the app's sign-out or
// next-auth's own POST /api/auth/signout, both of which delete the row and audit it. Passwords are compared in NFC.

let t: TestDatabase;
let route: typeof import('@/app/api/auth/[...nextauth]/route');
const saved = { DATABASE_URL: process.env.DATABASE_URL, AUTH_SECRET: process.env.AUTH_SECRET, AUTH_URL: process.env.AUTH_URL };
const SECRET = 'k'.repeat(43);

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  process.env.DATABASE_URL = t.url;
  process.env.AUTH_SECRET = SECRET;
  delete process.env.AUTH_URL;
  route = await import('@/app/api/auth/[...nextauth]/route');
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await t?.drop();
});
beforeEach(() => {
  delete process.env.SESSION_IDLE_MINUTES;
});

let ipCounter = 0;
const request = () => ({ ipAddress: `10.1.0.${++ipCounter}`, userAgent: 'vitest' });
async function signedIn(username: string, at = new Date()) {
  const result = await signInWithPassword(t.db, { username, password: DEMO_PASSWORD }, request(), at);
  if (!result.ok) throw new Error(`sign-in of ${username} failed`);
  return result;
}
const lastSeen = async (sessionId: string) => (await t.db.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt;
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

describe('the idle timeout', () => {
  it('ends a session 60 minutes after its last request; each request within them keeps it going', async () => {
    const start = new Date('2025-11-10T01:00:00Z');
    const { sessionId } = await signedIn('noivu', start);
    expect(await loadSessionUser(t.db, sessionId, minutes(start, 59))).toMatchObject({ username: 'noivu' });
    expect(await loadSessionUser(t.db, sessionId, minutes(start, 59 + 59))).toMatchObject({ username: 'noivu' });
    expect(await loadSessionUser(t.db, sessionId, minutes(start, 59 + 59 + 60))).toBeNull();
  });

  it('a request moves last_seen_at only when it is more than 5 minutes old', async () => {
    const start = new Date('2025-11-10T02:00:00Z');
    const { sessionId } = await signedIn('bantochuc', start);
    await loadSessionUser(t.db, sessionId, minutes(start, 4));
    expect(await lastSeen(sessionId)).toEqual(start);
    await loadSessionUser(t.db, sessionId, minutes(start, 6));
    expect(await lastSeen(sessionId)).toEqual(minutes(start, 6));
  });

  it('takes its length from SESSION_IDLE_MINUTES', async () => {
    process.env.SESSION_IDLE_MINUTES = '10';
    const start = new Date('2025-11-10T03:00:00Z');
    const { sessionId } = await signedIn('thuongtruc', start);
    expect(await loadSessionUser(t.db, sessionId, minutes(start, 9))).not.toBeNull();
    expect(await loadSessionUser(t.db, sessionId, minutes(start, 9 + 10))).toBeNull();
  });

  it('the 8-hour limit holds however active the session is', async () => {
    const start = new Date('2025-11-10T04:00:00Z');
    const { sessionId } = await signedIn('so.noivu', start);
    for (let at = 30; at < 8 * 60; at += 30) expect(await loadSessionUser(t.db, sessionId, minutes(start, at)), `${at} minutes`).not.toBeNull();
    expect(await loadSessionUser(t.db, sessionId, minutes(start, 8 * 60))).toBeNull();
  });
});

describe("next-auth's own sign-out route", () => {
  const cookieOf = (response: Response, name: string) =>
    response.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith(`${name}=`)) ?? '';

  it('POST /api/auth/signout deletes the session row and audits the sign-out with the client address', async () => {
    const { sessionId, userId } = await signedIn('xa.ngamy');
    const since = (await t.db.auditLog.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;
    const csrf = await route.GET(new NextRequest('http://bienche.example.vn/api/auth/csrf', { headers: { host: 'bienche.example.vn' } }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const sessionToken = await encode({ token: { sessionId }, secret: SECRET, salt: 'authjs.session-token', maxAge: 3600 });

    const response = await route.POST(
      new NextRequest('http://bienche.example.vn/api/auth/signout', {
        method: 'POST',
        headers: {
          host: 'bienche.example.vn',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `${cookieOf(csrf, 'authjs.csrf-token')}; authjs.session-token=${sessionToken}`,
          [CLIENT_ADDRESS_HEADER]: '203.0.113.5',
          'x-forwarded-for': '6.6.6.6',
        },
        body: new URLSearchParams({ csrfToken }).toString(),
      }),
    );
    expect(response.status).toBe(302);
    expect(await loadSessionUser(t.db, sessionId)).toBeNull();
    const rows = await t.db.auditLog.findMany({ where: { id: { gt: since } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.action, r.actorId, r.ipAddress])).toEqual([['auth.signOut', userId, '203.0.113.5']]);
  });
});

describe('passwords at sign-in', () => {
  it('are compared in NFC, as they are stored when set: a decomposed form of the same password signs in', async () => {
    const password = 'Mật khẩu Hòa Quân 2025';
    const user = await t.db.user.findUniqueOrThrow({ where: { username: 'xa.bacly' } });
    await t.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password.normalize('NFC')) } });
    const decomposed = password.normalize('NFD');
    expect(decomposed).not.toBe(password.normalize('NFC'));
    expect(await signInWithPassword(t.db, { username: 'xa.bacly', password: decomposed }, request())).toMatchObject({ ok: true });
    expect(await signInWithPassword(t.db, { username: 'xa.bacly', password: password.normalize('NFC') }, request())).toMatchObject({ ok: true });
  });
});
