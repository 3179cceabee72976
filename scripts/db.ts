// npm run db:migrate | db:seed | db:reset, against DATABASE_URL or the embedded default.
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { seedDemo } from '@/lib/demo';
import { assertServerSupported, migrateDeploy } from '@/lib/db/migrate';
import { openDatabase } from '@/lib/runtime/database';
import { childEnvironment, env } from '@/lib/env';

async function dropEverything(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

async function main() {
  const command = process.argv[2];
  if (command === 'generate') {
    execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
      stdio: 'inherit',
      env: childEnvironment({ DATABASE_URL: env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54329/app' }),
    });
    return;
  }
  if (!['migrate', 'seed', 'reset'].includes(command ?? '')) {
    console.error('Cách dùng: npm run db:migrate | db:seed | db:reset');
    process.exit(1);
  }
  const database = await openDatabase();
  try {
    await assertServerSupported(database.url);
    if (command === 'reset') {
      await dropEverything(database.url);
      console.log('Đã xoá toàn bộ dữ liệu.');
    }
    migrateDeploy(database.url);
    console.log('Đã áp dụng các migration.');
    if (command === 'seed' || command === 'reset') {
      const { created } = await seedDemo(database.url);
      console.log(created ? 'Đã nạp tỉnh Nghệ An mẫu.' : 'Tỉnh Nghệ An mẫu đã có sẵn: không thay đổi gì.');
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
