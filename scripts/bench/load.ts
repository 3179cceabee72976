// Decision 019, "Load run": a load run against a production build. 50 concurrent signed-in users for 60 seconds
// over the dashboard, the overview and commune pages, with 0 errors and a p95 under 1 s as the target (under 300 ms before decision 049).
//
// - Its own seeded database (ctx.prepare: the demo, migrated and seeded like the e2e server's) and 50 users of
//   their own (role standing_committee, one shared argon2id hash), so no demo account is locked or reused.
// - A production build (`next build` when scripts/lib/build-state.ts says the current one is stale), then
//   `next start` on LOAD_PORT (default 4391) on loopback, a second process.
// - The 50 users sign in for real, over HTTP, through next-auth's credentials flow (GET /api/auth/csrf, then
//   POST /api/auth/callback/credentials): the session rows are the app's own, created by signInWithPassword.
// - Each user's cookie is checked first: every path answers 200 with the user's name in the page header (not
//   the sign-in page). A path that is not there (e.g. /dashboard before it is built) is reported, not hidden.
// - autocannon in this process: one connection per user (50), each cycling through the paths, bounded by
//   LOAD_SECONDS (60) and a LOAD_TIMEOUT (30 s) timeout per request. Per path: requests, errors (non-2xx, wrong page,
//   timeouts and socket errors), p50 / p95 / p99 latency; overall: the same plus throughput.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '@/lib/auth/password';
import { seedDemo } from '@/lib/demo';
import type { BenchContext, Row } from './context';
import { percentile, signIn, startBenchServer } from './server';
import { env } from '@/lib/env';
import { PAGE_CACHE_HEADER } from '@/lib/http/front-server';

const USERS = env.LOAD_CONNECTIONS;
const SECONDS = env.LOAD_SECONDS;
const PORT = env.LOAD_PORT;
// 50 users with no pause between requests: p95 under a second (docs/decisions/049-light-pages-and-throughput.md).
const TARGET_P95_MS = 1000;
const PASSWORD = 'Tai-thu-2025!phuong-an';
const COMMUNES = 10;
/** Per request, seconds: a request still unanswered then counts as a timeout (an error). */
const TIMEOUT_S = env.LOAD_TIMEOUT;

// autocannon 9 ships no types: the part of its API used here.
type AutocannonClient = {
  requestIterator: { currentRequest: { path: string } };
  on: ((event: 'response', fn: (status: number, bytes: number, ms: number) => void) => void) & ((event: 'headers', fn: (response: { headers: string[] }) => void) => void);
};
type AutocannonRequest = { method: 'GET'; path: string; onResponse?: (status: number, body: string) => void };
type AutocannonResult = {
  requests: { total: number };
  throughput: { average: number };
  latency: { p50: number; p97_5: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
};
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

type PathStats = { path: string; latencies: number[]; non2xx: number; wrongPage: number };


/** The page is the signed-in page asked for: 200, the user's name in the header, no sign-in form. */
function isExpectedPage(status: number, body: string, displayName: string): boolean {
  return status === 200 && body.includes('data-testid="signed-in-user"') && body.includes(displayName) && !body.includes('name="password"');
}

export async function benchLoad(ctx: BenchContext): Promise<{ rows: Row[] }> {
  const rows: Row[] = [];
  const database = await ctx.prepare('bench_load', seedDemo);
  const province = await database.db.province.findUniqueOrThrow({ where: { code: 'NA' }, select: { id: true } });
  const communes = await database.db.commune.findMany({ where: { provinceId: province.id }, select: { code: true }, orderBy: { code: 'asc' } });
  const step = Math.max(1, Math.floor(communes.length / COMMUNES));
  const paths = ['/dashboard', '/', ...communes.filter((_, i) => i % step === 0).slice(0, COMMUNES).map((c) => `/communes/${c.code}`)];

  // 50 users of the run's own, sharing one password hash (argon2id: hashing 50 times would only cost time).
  const passwordHash = await hashPassword(PASSWORD);
  const users = Array.from({ length: USERS }, (_, i) => ({ username: `tai.thu${String(i + 1).padStart(2, '0')}`, displayName: `Người dùng tải thử ${i + 1}` }));
  await database.db.user.createMany({
    data: users.map((u) => ({ provinceId: province.id, username: u.username, displayName: u.displayName, passwordHash, role: 'standing_committee' as const })),
  });

  const server = await startBenchServer(ctx, database.url, PORT, 'Load run', rows);
  const base = server.base;
  try {
    const t = performance.now();
    const cookies: string[] = [];
    for (const user of users) cookies.push(await signIn(base, user.username, PASSWORD));
    rows.push({ name: `Load run: ${USERS} users signed in over HTTP (next-auth credentials)`, value: `${((performance.now() - t) / 1000).toFixed(1)} s`, target: '', ok: null });

    // Every user's cookie on every path once: the expected page, or the path is reported missing or wrong.
    // Each of these is the page rendered for its user (none has been asked for with that cookie before): their times,
    // one request at a time, are the pages' rendering on this machine; the run then finds them kept (decision 052)
    // until something on them changes.
    const available: string[] = [];
    const rendered: number[] = [];
    for (const p of paths) {
      let good = 0;
      let status = 0;
      for (let i = 0; i < users.length; i++) {
        const t0 = performance.now();
        const r = await fetch(`${base}${p}`, { headers: { cookie: cookies[i] }, redirect: 'manual' });
        const body = await r.text();
        if (r.headers.get(PAGE_CACHE_HEADER) === 'miss') rendered.push(performance.now() - t0);
        status = r.status;
        if (isExpectedPage(r.status, body, users[i].displayName)) good++;
        else if (i === 0) break;
      }
      if (good === users.length) available.push(p);
      else rows.push({ name: `Load run: ${p} before the run`, value: `HTTP ${status}, ${good}/${users.length} expected pages`, target: 'every user 200, own page', ok: false });
    }
    if (!available.length) throw new Error('no path answered the expected page');
    rendered.sort((a, b) => a - b);
    rows.push({
      name: `Load run: each user's first request for each page, rendered (${rendered.length}, one at a time): p50 / p95`,
      value: `${percentile(rendered, 50).toFixed(0)} / ${percentile(rendered, 95).toFixed(0)} ms`,
      target: '',
      ok: null,
    });

    // One user alone first (median of 5 per path, after the checks above warmed the server): the pages' own server
    // time on this machine, to read the loaded figures against.
    for (const p of available) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const r = await fetch(`${base}${p}`, { headers: { cookie: cookies[0] } });
        await r.arrayBuffer();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      rows.push({ name: `Load run ${p}: one user alone (median of 5)`, value: `${times[2].toFixed(0)} ms`, target: '', ok: null });
    }

    // autocannon: one instance per user, one connection each (50 concurrent connections), the user's cookie on every
    // request. A client answers in order (no pipelining), so at its 'response' event its current request is the
    // one answered: that gives each latency its path.
    const stats = new Map<string, PathStats>(available.map((p) => [p, { path: p, latencies: [], non2xx: 0, wrongPage: 0 }]));
    const cache = { hit: 0, miss: 0 };
    const started = performance.now();
    const results = await Promise.all(
      users.map((_, u) =>
        autocannon({
          url: base,
          connections: 1,
          duration: SECONDS,
          timeout: TIMEOUT_S,
          pipelining: 1,
          headers: { cookie: cookies[u], accept: 'text/html' },
          // Every response of the run is checked too: a 200 that is not a signed-in page (the sign-in form) is an error.
          // User u starts at path u (mod the paths), so the 50 users spread over the pages from the first request.
          requests: available.map((_p, i) => available[(u + i) % available.length]).map((p): AutocannonRequest => ({
            method: 'GET',
            path: p,
            onResponse: (status, body) => {
              if (status === 200 && (!body.includes('data-testid="signed-in-user"') || body.includes('name="password"'))) stats.get(p)!.wrongPage++;
            },
          })),
          setupClient: (client: AutocannonClient) => {
            client.on('headers', ({ headers }) => {
              for (let i = 0; i < headers.length; i += 2) if (String(headers[i]).toLowerCase() === 'x-page-cache') cache[headers[i + 1] === 'hit' ? 'hit' : 'miss']++;
            });
            client.on('response', (status, _bytes, ms) => {
              const s = stats.get(client.requestIterator.currentRequest.path)!;
              s.latencies.push(ms);
              if (status < 200 || status > 299) s.non2xx++;
            });
          },
        }),
      ),
    );
    const elapsed = (performance.now() - started) / 1000;
    const result = {
      total: results.reduce((n, r) => n + r.requests.total, 0),
      errors: results.reduce((n, r) => n + r.errors, 0),
      timeouts: results.reduce((n, r) => n + r.timeouts, 0),
      non2xx: results.reduce((n, r) => n + r.non2xx, 0),
      bytes: results.reduce((n, r) => n + r.throughput.average * r.duration, 0),
    };

    // After the run, each user's session still answers its own page (no session lost under load).
    let stillSignedIn = 0;
    for (let i = 0; i < users.length; i++) {
      const r = await fetch(`${base}${available[i % available.length]}`, { headers: { cookie: cookies[i] } });
      if (isExpectedPage(r.status, await r.text(), users[i].displayName)) stillSignedIn++;
    }

    for (const s of stats.values()) {
      const sorted = [...s.latencies].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      rows.push({
        name: `Load run ${s.path}: ${sorted.length} requests, ${s.non2xx} non-2xx, ${s.wrongPage} not the signed-in page; p50 / p95 / p99`,
        value: `${percentile(sorted, 50).toFixed(0)} / ${p95.toFixed(0)} / ${percentile(sorted, 99).toFixed(0)} ms`,
        target: `0 errors, p95 < ${TARGET_P95_MS} ms`,
        ok: s.non2xx === 0 && s.wrongPage === 0 && p95 < TARGET_P95_MS,
      });
    }
    const all = [...stats.values()].flatMap((s) => s.latencies).sort((a, b) => a - b);
    const wrongPages = [...stats.values()].reduce((n, s) => n + s.wrongPage, 0);
    const errors = result.errors + result.non2xx + wrongPages;
    const p95 = percentile(all, 95);
    rows.push({
      name: `Load run, all paths (${USERS} users × ${SECONDS} s): requests; errors (non-2xx ${result.non2xx}, wrong page ${wrongPages}, timeouts ${result.timeouts}, other ${result.errors - result.timeouts})`,
      value: `${result.total}; ${errors}`,
      target: '0 errors',
      ok: errors === 0 && stillSignedIn === users.length,
    });
    rows.push({ name: 'Load run, all paths: p50 / p95 / p99 latency', value: `${percentile(all, 50).toFixed(0)} / ${p95.toFixed(0)} / ${percentile(all, 99).toFixed(0)} ms`, target: `p95 < ${TARGET_P95_MS} ms`, ok: p95 < TARGET_P95_MS });
    rows.push({ name: 'Load run: answers sent from a kept page / rendered (decision 052)', value: `${cache.hit} / ${cache.miss}`, target: '', ok: null });
    rows.push({ name: 'Load run, all paths: throughput', value: `${(result.total / elapsed).toFixed(1)} req/s, ${(result.bytes / elapsed / 2 ** 20).toFixed(2)} MB/s`, target: '', ok: null });
    rows.push({ name: 'Load run: users still signed in after the run (own page)', value: `${stillSignedIn}/${users.length}`, target: `${users.length}/${users.length}`, ok: stillSignedIn === users.length });
  } finally {
    await server.stop();
  }
  return { rows };
}
