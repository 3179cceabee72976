// A production server for the sections that measure pages over HTTP (load, pages): `next build` when the build is
// stale (scripts/lib/build-state.ts), then the app as `npm start` serves it (the front server and its Next.js processes)
// on loopback on its own port, over a database of the run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { childEnvironment, env } from '@/lib/env';
import { isBuildCurrent } from '../lib/build-state';
import { processCount } from '../lib/next-processes';
import type { BenchContext, Row } from './context';

export type BenchServer = { base: string; stop: () => Promise<void> };

async function waitForServer(base: string, hasExited: () => boolean, timeoutMs = 120_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (hasExited()) throw new Error('next start exited');
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`next start did not answer on ${base} within ${timeoutMs / 1000} s`);
}

/** Rejects when the server's process exits (it did not start). */
const waitForExit = (child: ChildProcess) =>
  new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the server exited with code ${code}`))));

/** Builds when stale (reported in `rows` under `label`), starts `next start` on `port` over `databaseUrl`, waits for health. */
export async function startBenchServer(ctx: BenchContext, databaseUrl: string, port: number, label: string, rows: Row[]): Promise<BenchServer> {
  const nextBin = path.resolve('node_modules/next/dist/bin/next');
  const childEnv = childEnvironment({ DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1', APP_TODAY: env.APP_TODAY ?? ctx.date, NODE_ENV: 'production' });
  if (!isBuildCurrent()) {
    const t = performance.now();
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: childEnv });
    if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
    rows.push({ name: `${label}: production build (next build, was stale)`, value: `${((performance.now() - t) / 1000).toFixed(0)} s`, target: '', ok: null });
  }
  // As `npm start` serves (scripts/serve.ts): the front server on `port`, WEB_CONCURRENCY Next.js processes behind
  // it, in a process of their own (the load generators run in this one).
  const base = `http://127.0.0.1:${port}`;
  const processes = processCount();
  const server = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/serve.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...childEnv, PORT: String(port), HOST: '127.0.0.1', WEB_CONCURRENCY: String(processes) },
  });
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  };
  // Every process answers its health check (scripts/serve.ts says "ready"), then the front server does.
  const ready = new Promise<void>((resolve) => {
    let seen = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (seen.includes('ready\n')) resolve();
    });
  });
  try {
    await Promise.race([ready, waitForExit(server)]);
    await waitForServer(base, () => server.exitCode !== null);
  } catch (error) {
    await stop();
    throw error;
  }
  rows.push({ name: `${label}: Next.js processes behind the front server (WEB_CONCURRENCY, default one per core up to 4)`, value: String(processes), target: '', ok: null });
  return { base, stop };
}

const cookiesOf = (response: Response) =>
  response.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => !c.endsWith('='));

/** The real sign-in: next-auth's CSRF token, then the credentials callback; returns the session cookie. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ username, password, csrfToken, callbackUrl: `${base}/` }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith('authjs.session-token=') || c.startsWith('__Secure-authjs.session-token='));
  if (!session) throw new Error(`sign-in of ${username} failed (HTTP ${response.status}, ${response.headers.get('location') ?? 'no redirect'})`);
  return session;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
