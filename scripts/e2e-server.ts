// The end-to-end suite's server: its own PostgreSQL cluster (.data/pg-e2e) and a fresh seeded database
// each run, a production build when none is current, then `next start` on E2E_PORT.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { migrateDeploy } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo';
import { childEnvironment, env } from '@/lib/env';
import { isBuildCurrent } from './lib/build-state';

const port = String(env.E2E_PORT);
const nextBin = path.resolve('node_modules/next/dist/bin/next');

const cluster = await startEmbeddedPostgres({ dir: '.data/pg-e2e', port: env.E2E_PG_PORT });
const serverUrl = cluster.url('postgres');
await dropDatabase(serverUrl, 'e2e');
await ensureDatabase(serverUrl, 'e2e');
const url = cluster.url('e2e');
migrateDeploy(url);
await seedDemo(url);

const childEnv = childEnvironment({ DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: '1', APP_TODAY: env.APP_TODAY ?? '2025-11-10' });
if (!isBuildCurrent()) {
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: childEnv });
  if (build.status !== 0) {
    await cluster.stop();
    process.exit(build.status ?? 1);
  }
}
const child = spawn(process.execPath, [nextBin, 'start', '-p', port, '-H', '127.0.0.1'], { stdio: 'inherit', env: childEnv });
const stop = (signal: NodeJS.Signals) => child.kill(signal);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', async (code) => {
  await cluster.stop();
  process.exit(code ?? 0);
});
