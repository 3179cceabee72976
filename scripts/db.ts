// npm run db:migrate | db:seed | db:reset, against DATABASE_URL or the embedded default.
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { roleOf, runtimeRoleWarnings } from '@/lib/db/database-roles';
import { seedDemo } from '@/lib/demo';
import { assertServerSupported } from '@/lib/db/migrate';
import { migrateDatabase, openDatabase, type DatabaseTarget } from '@/lib/runtime/database';
import { childEnvironment, env } from '@/lib/env';
import { defaultMessage } from '@/lib/i18n/translator';

/**
 * Drops the schema with everything in it and creates it again for the owner. The embedded cluster does it as its
 * superuser: a cluster of an earlier version has extensions the owner cannot drop.
 */
async function dropEverything(database: DatabaseTarget) {
  const { role: owner } = await roleOf(database.ownerUrl);
  const client = new pg.Client({ connectionString: database.adminUrl ?? database.ownerUrl });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query(`CREATE SCHEMA public AUTHORIZATION ${client.escapeIdentifier(owner)}`);
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
    await assertServerSupported(database.ownerUrl);
    if (command === 'reset') {
      await dropEverything(database);
      console.log('Đã xoá toàn bộ dữ liệu.');
    }
    await migrateDatabase(database);
    console.log('Đã áp dụng các migration.');
    for (const warning of await runtimeRoleWarnings(database.url)) console.warn(defaultMessage(warning.key, warning.values));
    if (command === 'seed' || command === 'reset') {
      const { created } = await seedDemo(database.ownerUrl);
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
