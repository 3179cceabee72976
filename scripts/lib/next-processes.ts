// The Next.js processes behind the front server (lib/http/front-server.ts): `npm start`, the end-to-end server and
// the benchmarks run WEB_CONCURRENCY of them (default one per core, at most four), each on its loopback port, so a
// machine's cores all serve pages (Node runs JavaScript on one core per process). They share nothing but the
// database (docs/decisions/050-one-process-per-core.md). `npm run dev` runs one: the dev server owns its .next.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { env } from '@/lib/env';
import { defaultMessage } from '@/lib/i18n/translator';
import { startFrontServer, type Upstream } from '@/lib/http/front-server';
import { loadPrecompressed, precompressDirectory, type PrecompressedAssets } from '@/lib/http/precompressed';
import type { PageCacheSource } from '@/lib/http/page-cache';
import { getAuthSecret } from '@/lib/auth/secret';
import { today } from '@/lib/clock';
import { createPrismaClient } from '@/lib/db/prisma';
import type { TrustedProxies } from '@/lib/env';

const nextBin = path.resolve('node_modules/next/dist/bin/next');

/** How many Next.js processes `next start` runs as: WEB_CONCURRENCY, else one per core up to four. */
export function processCount(): number {
  return env.WEB_CONCURRENCY ?? Math.max(1, Math.min(4, os.availableParallelism()));
}

export type NextProcesses = {
  /** Stops every process with `signal` (once). */
  stop: (signal: NodeJS.Signals) => void;
  /** Resolves with the exit code when every process has exited (the first to exit stops the others). */
  exited: Promise<number>;
};

/**
 * Starts `next <mode>` on each upstream's port with `childEnv`, output to this terminal (`quiet`: errors only). When one exits (a crash, or
 * a signal), the others are stopped: the service is up whole or not at all, and a supervisor restarts it.
 */
export function startNextProcesses(mode: 'start' | 'dev', upstreams: readonly Upstream[], childEnv: NodeJS.ProcessEnv, options: { quiet?: boolean } = {}): NextProcesses {
  const stdio: StdioOptions = options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';
  const children: ChildProcess[] = upstreams.map((u) => spawn(process.execPath, [nextBin, mode, '-p', String(u.port), '-H', u.host], { stdio, env: childEnv }));
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  let firstCode: number | null = null;
  const exited = Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.on('exit', (code) => {
            // A process that ended on its own (a crash, or killed from outside) makes the exit code a failure even
            // when it has none (a signal), so that a supervisor restarts the service; a stop we asked for is not one.
            firstCode ??= code ?? (stopping ? 0 : 1);
            stop('SIGTERM');
            resolve();
          });
        }),
    ),
  ).then(() => firstCode ?? 0);
  return { stop, exited };
}

export type Served = {
  /** The loopback ports of the Next.js processes. */
  upstreams: Upstream[];
  /** Resolves with the exit code once every process has exited and the front server is closed. */
  exited: Promise<number>;
};

/** Connections the front server keeps for the page cache's lookups (the session, the data version): a few suffice. */
export const PAGE_CACHE_POOL_SIZE = 4;

/**
 * What the front server keeps pages by (lib/http/page-cache.ts): the app's own database, secret and business day, as
 * the Next.js processes get them in `childEnv`. None under the dev server (its code changes as it runs) or with
 * PAGE_CACHE_MB=0.
 */
function pageCacheSource(mode: 'start' | 'dev', childEnv: NodeJS.ProcessEnv): PageCacheSource | undefined {
  const url = childEnv.DATABASE_URL;
  if (mode !== 'start' || env.PAGE_CACHE_MB === 0 || !url) return undefined;
  // An empty value is unset, as lib/env.ts reads it.
  const fixedDay = childEnv.APP_TODAY || undefined;
  return {
    db: createPrismaClient(url, { poolSize: PAGE_CACHE_POOL_SIZE }),
    secret: childEnv.AUTH_SECRET || getAuthSecret(),
    today: () => fixedDay ?? today(),
    buildId: fs.readFileSync(path.resolve('.next/BUILD_ID'), 'utf8').trim(),
    maxBytes: env.PAGE_CACHE_MB * 1024 * 1024,
  };
}

/**
 * The app as `npm start`, the end-to-end server and scripts/serve.ts run it: the front server on `listen`, `processes`
 * Next.js processes behind it (default processCount()), Ctrl-C and SIGTERM stopping them, then the front server.
 */
export async function serveBehindFrontServer(
  listen: { port: number; host: string; trustProxy?: TrustedProxies },
  mode: 'start' | 'dev',
  childEnv: NodeJS.ProcessEnv,
  options: { processes?: number; quiet?: boolean } = {},
): Promise<Served> {
  // A production build's scripts and styles in Brotli, compressed by the first start after the build (about 2 s
  // here) and served by the front server (lib/http/precompressed.ts); the dev server's change as it runs.
  let precompressed: PrecompressedAssets | undefined;
  if (mode === 'start') {
    const dir = path.resolve('.next/static');
    // A build on a read-only disk is served as Next.js sends it (gzip), with a word to the operator.
    await precompressDirectory(dir).catch((error: unknown) => console.warn(defaultMessage('system.frontServer.precompressFailed', { reason: error instanceof Error ? error.message : String(error) })));
    precompressed = loadPrecompressed(dir);
  }
  // Pages in Brotli as they stream (the dev server's too: its pages are the same).
  const front = await startFrontServer({ ...listen, processes: options.processes ?? processCount(), precompressed, compressPages: true, pageCache: pageCacheSource(mode, childEnv) });
  const next = startNextProcesses(mode, front.upstreams, childEnv, { quiet: options.quiet });
  process.on('SIGINT', () => next.stop('SIGINT'));
  process.on('SIGTERM', () => next.stop('SIGTERM'));
  const exited = next.exited.then(async (code) => {
    await front.close();
    return code;
  });
  return { upstreams: front.upstreams, exited };
}
