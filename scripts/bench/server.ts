// A production server for the sections that measure pages over HTTP (load, pages): `next build` when the build is
// stale (scripts/lib/build-state.ts), then `next start` on loopback on its own port, over a database of the run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { childEnvironment, env } from '@/lib/env';
import { isBuildCurrent } from '../lib/build-state';
import type { BenchContext, Row } from './context';

export type BenchServer = { base: string; stop: () => Promise<void> };

async function waitForServer(base: string, child: ChildProcess, timeoutMs = 120_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
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
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], { stdio: ['ignore', 'ignore', 'inherit'], env: childEnv });
  const stop = async () => {
    if (server.exitCode !== null) return;
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
  };
  try {
    await waitForServer(base, server);
  } catch (error) {
    await stop();
    throw error;
  }
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
