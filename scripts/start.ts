// `npm start` / `npm run dev`: database (embedded unless DATABASE_URL), migrations, demo seed on an empty
// embedded database, a production build when none is current, then Next.js behind the front server on PORT
// (default 3000). The environment is checked first (lib/env.ts): a bad value stops the start with a message
// naming the variable.
// Ctrl-C stops Next.js and then the embedded PostgreSQL, leaving no orphan process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepareDatabase } from './lib/prepare-database';
import { childEnvironment, checkEnvironment, env, EnvError } from '@/lib/env';
import { changedSinceBuild } from './lib/build-state';
import { serveBehindFrontServer } from './lib/next-processes';
import { defaultMessage } from '@/lib/i18n/translator';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
const nextBin = path.resolve('node_modules/next/dist/bin/next');

async function main() {
  checkEnvironment();
  const database = await prepareDatabase({ seedDemoWhenEmpty: !env.DATABASE_URL || env.SEED_DEMO });
  const childEnv = childEnvironment({ DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1' });
  // The app signs in as the runtime role only: the owner's password stays with the launcher.
  delete childEnv.MIGRATION_DATABASE_URL;

  const changed = mode === 'start' ? changedSinceBuild() : [];
  if (changed === null || changed.length > 0) {
    console.log(changed ? `Đang build ứng dụng (đã thay đổi: ${changed.join(', ')})…` : 'Đang build ứng dụng (lần đầu)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: childEnv });
    if (build.status !== 0) {
      await database.stop();
      process.exit(build.status ?? 1);
    }
  }

  // Next.js on loopback ports behind the front server, which owns PORT (docs/decisions/034-trusted-proxies-and-the-client-address.md);
  // one process per core in production (docs/decisions/050-one-process-per-core.md), one for the dev server.
  const served = await serveBehindFrontServer({ port: env.PORT, host: env.HOST, trustProxy: env.TRUST_PROXY }, mode, childEnv, {
    processes: mode === 'dev' ? 1 : undefined,
  }).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  console.log(defaultMessage('system.frontServer.listening', { host: env.HOST, port: env.PORT, count: served.upstreams.length, upstream: served.upstreams.map((u) => u.port).join(', ') }));
  const code = await served.exited;
  await database.stop();
  if (database.embedded) console.log('Đã dừng PostgreSQL nhúng.');
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (!(error instanceof EnvError) && fs.existsSync('.data/pg/log')) console.error('Xem thêm nhật ký trong .data/pg.');
  process.exit(1);
});
