// `npm start` / `npm run dev`: database (embedded unless DATABASE_URL), migrations, demo seed on an empty
// embedded database, a production build when none is current, then Next.js on PORT (default 3000).
// Ctrl-C stops Next.js and then the embedded PostgreSQL, leaving no orphan process.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepareDatabase } from './lib/prepare-database';
import { isBuildCurrent } from './lib/build-state';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
const nextBin = path.resolve('node_modules/next/dist/bin/next');

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const database = await prepareDatabase({ seedDemoWhenEmpty: !process.env.DATABASE_URL || process.env.SEED_DEMO === '1' });
  const env = { ...process.env, DATABASE_URL: database.url };

  if (mode === 'start' && !isBuildCurrent()) {
    console.log('Đang build ứng dụng (lần đầu hoặc mã nguồn đã thay đổi)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env });
    if (build.status !== 0) {
      await database.stop();
      process.exit(build.status ?? 1);
    }
  }

  const port = process.env.PORT ?? '3000';
  const child = spawn(process.execPath, [nextBin, mode, '-p', port, ...(mode === 'start' ? ['-H', process.env.HOST ?? '0.0.0.0'] : [])], {
    stdio: 'inherit',
    env,
  });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  child.on('exit', async (code) => {
    await database.stop();
    if (database.embedded) console.log('Đã dừng PostgreSQL nhúng.');
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (fs.existsSync('.data/pg/log')) console.error('Xem thêm nhật ký trong .data/pg.');
  process.exit(1);
});
