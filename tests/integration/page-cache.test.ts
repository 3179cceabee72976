import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, encodeSessionCookie } from '@/lib/auth/session-cookie';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-store';
import { insertSession } from '@/lib/db/session-mutations';
import { createFrontServer, PAGE_CACHE_HEADER } from '@/lib/http/front-server';
import type { PageCacheSource } from '@/lib/http/page-cache';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seededProvince } from '../support/factories';

// Whole pages kept by the front server by data version (docs/decisions/052-pages-cached-by-data-version.md), against a
// real PostgreSQL: the session is checked on every request, any committed write moves the version, and only what the
// key holds may make two answers the same copy.

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
/** The tables that do not move the data version (migration 20261207040000): no kept page may read them. */
const UNVERSIONED = ['_prisma_migrations', 'audit_log', 'data_change_pending', 'data_version', 'session', 'sign_in_attempt'];

let database: TestDatabase;
let provinceId: number;
let upstream: http.Server;
let front: http.Server;
let base: string;
let source: PageCacheSource;
let day = '2025-11-10';
/** What the fake app rendered: one line per request that reached it. */
let rendered: string[] = [];
/** What the fake app answers with besides the page (e.g. a cookie set). */
let extraHeaders: Record<string, string> = {};
/** How the fake app's page ends: whole, with an error React streamed into it after the 200, or cut (the process died). */
let ending: 'whole' | 'streamed error' | 'cut' = 'whole';
let serial = 0;

async function signedInCookie(options: { mustChangePassword?: boolean; role?: 'standing_committee' | 'organizing_committee' } = {}): Promise<{ cookie: string; userId: number; sessionId: string }> {
  const user = await database.db.user.create({
    data: {
      provinceId,
      username: `kept.page${process.pid}.${++serial}`,
      displayName: `Người đọc ${serial}`,
      passwordHash: 'x',
      role: options.role ?? 'standing_committee',
      mustChangePassword: options.mustChangePassword ?? false,
    },
  });
  const now = new Date();
  const sessionId = await insertSession(database.db, { userId: user.id, now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000), ipAddress: null, userAgent: null });
  const value = await encodeSessionCookie({ sessionId, secret: SECRET, name: SESSION_COOKIE, maxAgeSeconds: SESSION_MAX_AGE_SECONDS });
  return { cookie: `${SESSION_COOKIE}=${value}`, userId: user.id, sessionId };
}

type Answer = { status: number; body: string; cache: string | undefined; encoding: string | undefined; headers: http.IncomingHttpHeaders };

function get(path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const body = (raw.length === 0 ? raw : encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : raw).toString();
        resolve({ status: res.statusCode ?? 0, body, cache: res.headers[PAGE_CACHE_HEADER.toLowerCase()] as string | undefined, encoding: res.headers['content-encoding'], headers: res.headers });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  provinceId = (await seededProvince(database.db)).id;
  // The app's stand-in: a page that names the request it rendered, long enough to be compressed.
  upstream = http.createServer((req, res) => {
    const line = `${rendered.length + 1} ${req.method} ${req.url} rsc=${req.headers.rsc ?? ''}`;
    rendered.push(line);
    const error = ending === 'streamed error' ? '<script>self.__next_f.push([1,"5:E{\\"digest\\":\\"NEXT_REDIRECT;replace;/sign-in;307;\\"}\\n"])</script>' : '';
    const html = `<!doctype html><p>${line}</p>${'<!-- padding -->'.repeat(200)}${error}`;
    if (ending === 'cut') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(html.length * 2) });
      res.write(html);
      setTimeout(() => res.destroy(), 20);
      return;
    }
    // As Next.js does: gzip for a client that takes it (the front server asks for the page uncompressed when it compresses).
    const gzip = /gzip/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "script-src 'nonce-abc'", Vary: 'RSC, Next-Router-State-Tree, Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), ...extraHeaders,
    });
    res.end(gzip ? zlib.gzipSync(html) : html);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  source = { db: database.db, secret: SECRET, today: () => day, buildId: 'build-1', maxBytes: 8 * 1024 * 1024 };
  front = createFrontServer({ upstream: { host: '127.0.0.1', port: (upstream.address() as AddressInfo).port }, compressPages: true, pageCache: source });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});

afterAll(async () => {
  front.closeAllConnections();
  await new Promise((resolve) => front.close(resolve));
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
  await database.drop();
});

beforeEach(() => {
  rendered = [];
  extraHeaders = {};
  ending = 'whole';
  day = '2025-11-10';
});

const brotli = { 'accept-encoding': 'gzip, deflate, br' };

describe('the data version', () => {
  test('every table but the audit log, the sessions, the sign-in attempts and the version itself moves it', async () => {
    const rows = await database.db.$queryRaw<{ table: string }[]>`
      SELECT c.relname::text AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        -- A statement-level trigger (bit 1 clear) on insert, delete, update and truncate (4 + 8 + 16 + 32), enabled.
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgfoid = 'data_change_note'::regproc
                        AND t.tgtype & 61 = 60 AND t.tgenabled = 'O')
      ORDER BY 1`;
    expect(rows.map((r) => r.table)).toEqual(UNVERSIONED);
  });

  test('a write to a table the figures are not counted from (the issuing bodies) moves it too', async () => {
    const before = await database.db.dataVersion.findUniqueOrThrow({ where: { provinceId } });
    await database.db.$executeRaw`UPDATE issuing_body SET name = name WHERE id = (SELECT min(id) FROM issuing_body)`;
    const after = await database.db.dataVersion.findUniqueOrThrow({ where: { provinceId } });
    expect(after.version).toBeGreaterThan(before.version);
  });
});

describe('pages kept by the front server', () => {
  test('the second request for a page is the kept copy; the page was rendered once', async () => {
    const { cookie } = await signedInCookie();
    const first = await get('/communes/NA001', { cookie, ...brotli });
    const second = await get('/communes/NA001', { cookie, ...brotli });
    expect(first.cache).toBe('miss');
    expect(second.cache).toBe('hit');
    expect(second.encoding).toBe('br');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-security-policy']).toBe("script-src 'nonce-abc'");
    expect(Number(second.headers['content-length'])).toBeGreaterThan(0);
    expect(rendered).toHaveLength(1);
  });

  test('one copy for every client: inflated for a client without compression, gzipped for a gzip-only one', async () => {
    const { cookie } = await signedInCookie();
    const br = await get('/dashboard', { cookie, ...brotli });
    const plain = await get('/dashboard', { cookie });
    const gzip = await get('/dashboard', { cookie, 'accept-encoding': 'gzip, deflate' });
    expect([br.cache, plain.cache, gzip.cache]).toEqual(['miss', 'hit', 'hit']);
    expect([plain.encoding, gzip.encoding]).toEqual([undefined, 'gzip']);
    expect(plain.body).toBe(br.body);
    expect(gzip.body).toBe(br.body);
    expect(rendered).toHaveLength(1);
  });

  test('a page first asked for without compression, or by a gzip-only client, is kept too (in Brotli)', async () => {
    const { cookie } = await signedInCookie();
    const plain = await get('/districts/P', { cookie });
    const gzip = await get('/districts/Q', { cookie, 'accept-encoding': 'gzip, deflate' });
    expect([plain.cache, plain.encoding, gzip.cache, gzip.encoding]).toEqual(['miss', undefined, 'miss', 'gzip']);
    expect(gzip.body).toContain('/districts/Q');
    // Compressed once the answers have gone (a thread of Node's pool: well under a second for a few kilobytes).
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const path of ['/districts/P', '/districts/Q']) {
      const again = await get(path, { cookie, ...brotli });
      expect([again.cache, again.encoding]).toEqual(['hit', 'br']);
    }
    expect(rendered).toHaveLength(2);
  });

  test('any committed write renders the page anew', async () => {
    const { cookie } = await signedInCookie();
    await get('/', { cookie, ...brotli });
    await database.db.$executeRaw`UPDATE issuing_body SET name = name WHERE id = (SELECT min(id) FROM issuing_body)`;
    const after = await get('/', { cookie, ...brotli });
    expect(after.cache).toBe('miss');
    expect(rendered).toHaveLength(2);
  });

  test('a write that is rolled back does not', async () => {
    const { cookie } = await signedInCookie();
    await get('/', { cookie, ...brotli });
    await database.db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE issuing_body SET name = name WHERE id = (SELECT min(id) FROM issuing_body)`;
      throw new Error('rolled back');
    }).catch(() => undefined);
    expect((await get('/', { cookie, ...brotli })).cache).toBe('hit');
  });

  test('a new business day renders the page anew', async () => {
    const { cookie } = await signedInCookie();
    await get('/', { cookie, ...brotli });
    day = '2025-11-11';
    expect((await get('/', { cookie, ...brotli })).cache).toBe('miss');
  });

  test('a session ended, expired or of a deactivated user is never answered from a kept copy', async () => {
    const ended = await signedInCookie();
    await get('/', { cookie: ended.cookie, ...brotli });
    await database.db.session.delete({ where: { id: ended.sessionId } });
    const afterSignOut = await get('/', { cookie: ended.cookie, ...brotli });
    expect(afterSignOut.cache).toBeUndefined();

    const expired = await signedInCookie();
    await get('/', { cookie: expired.cookie, ...brotli });
    await database.db.session.update({ where: { id: expired.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await get('/', { cookie: expired.cookie, ...brotli })).cache).toBeUndefined();

    const deactivated = await signedInCookie();
    await get('/', { cookie: deactivated.cookie, ...brotli });
    await database.db.user.update({ where: { id: deactivated.userId }, data: { isActive: false } });
    expect((await get('/', { cookie: deactivated.cookie, ...brotli })).cache).toBeUndefined();
    expect(rendered).toHaveLength(6);
  });

  test("one user's copy is never another's", async () => {
    const a = await signedInCookie();
    const b = await signedInCookie();
    await get('/districts/X', { cookie: a.cookie, ...brotli });
    expect((await get('/districts/X', { cookie: b.cookie, ...brotli })).cache).toBe('miss');
    expect(rendered).toHaveLength(2);
  });

  test('a forged or missing session cookie, two session cookies, a password to change: rendered each time', async () => {
    // A real session's id, encrypted with another key than the app's.
    const { sessionId } = await signedInCookie();
    const forged = `${SESSION_COOKIE}=${await encodeSessionCookie({ sessionId, secret: 'another-secret-of-at-least-thirty-two-chars', name: SESSION_COOKIE, maxAgeSeconds: 60 })}`;
    const { cookie: mustChange } = await signedInCookie({ mustChangePassword: true });
    // Both names at once, each a valid session of its own: next-auth might read the other one than the front server checked.
    const { cookie: valid } = await signedInCookie();
    const other = await signedInCookie();
    const secureValue = await encodeSessionCookie({ sessionId: other.sessionId, secret: SECRET, name: SECURE_SESSION_COOKIE, maxAgeSeconds: SESSION_MAX_AGE_SECONDS });
    const both = `${valid}; ${SECURE_SESSION_COOKIE}=${secureValue}`;
    for (const cookie of [forged, mustChange, both]) {
      await get('/', { cookie, ...brotli });
      expect((await get('/', { cookie, ...brotli })).cache).toBeUndefined();
    }
    await get('/', brotli);
    expect(rendered).toHaveLength(7);
    // The same session's cookie alone is kept: the refusals above were the cookies', not the session's.
    await get('/', { cookie: valid, ...brotli });
    expect((await get('/', { cookie: valid, ...brotli })).cache).toBe('hit');
  });

  test('a page into which the app streamed an error after the 200, or cut short, is sent but not kept', async () => {
    const { cookie } = await signedInCookie();
    ending = 'streamed error';
    const failed = await get('/communes/NA006', { cookie, ...brotli });
    expect(failed.body).toContain('NEXT_REDIRECT');
    expect((await get('/communes/NA006', { cookie, ...brotli })).cache).toBe('miss');
    ending = 'cut';
    await get('/communes/NA007', { cookie, ...brotli }).catch(() => undefined);
    ending = 'whole';
    expect((await get('/communes/NA007', { cookie, ...brotli })).cache).toBe('miss');
    expect((await get('/communes/NA007', { cookie, ...brotli })).cache).toBe('hit');
    expect(rendered).toHaveLength(4);
  });

  test('the query, the RSC headers and the language cookie are part of the key', async () => {
    const { cookie } = await signedInCookie();
    await get('/?page=2', { cookie, ...brotli });
    expect((await get('/?page=3', { cookie, ...brotli })).cache).toBe('miss');
    expect((await get('/?page=2', { cookie, ...brotli, rsc: '1' })).cache).toBe('miss');
    expect((await get('/?page=2', { cookie: `${cookie}; NEXT_LOCALE=en`, ...brotli })).cache).toBe('miss');
    expect((await get('/?page=2', { cookie, ...brotli, rsc: '1' })).cache).toBe('hit');
    expect(rendered.map((line) => line.split(' ').slice(2).join(' '))).toEqual(['/?page=2 rsc=', '/?page=3 rsc=', '/?page=2 rsc=1', '/?page=2 rsc=']);
  });

  test('pages not listed, other methods and clients that refuse an answer as is always reach the app', async () => {
    const { cookie } = await signedInCookie();
    for (let i = 0; i < 2; i++) {
      await get('/communes/NA001/manage', { cookie, ...brotli });
      await get('/communes/NA001', { cookie, ...brotli }, 'HEAD');
      await get('/communes/NA002', { cookie, 'accept-encoding': 'gzip, identity;q=0' });
    }
    expect(rendered).toHaveLength(6);
  });

  test('an answer that sets a cookie or varies by a header outside the key is not kept', async () => {
    const { cookie } = await signedInCookie();
    extraHeaders = { 'Set-Cookie': 'x=1; Path=/' };
    await get('/communes/NA003', { cookie, ...brotli });
    expect((await get('/communes/NA003', { cookie, ...brotli })).cache).toBe('miss');
    extraHeaders = { Vary: 'User-Agent' };
    await get('/communes/NA004', { cookie, ...brotli });
    expect((await get('/communes/NA004', { cookie, ...brotli })).cache).toBe('miss');
    expect(rendered).toHaveLength(4);
  });

  test('another build renders anew', async () => {
    const { cookie } = await signedInCookie();
    await get('/communes/NA005', { cookie, ...brotli });
    source.buildId = 'build-2';
    try {
      expect((await get('/communes/NA005', { cookie, ...brotli })).cache).toBe('miss');
    } finally {
      source.buildId = 'build-1';
    }
  });
});
