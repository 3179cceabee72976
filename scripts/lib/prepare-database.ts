import pg from 'pg';
import { seedDemo } from '@/lib/demo';
import { assertServerSupported, migrateDeploy } from '@/lib/db/migrate';
import { openDatabase, type DatabaseTarget } from '@/lib/runtime/database';

async function isEmpty(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM province');
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}

/** Opens the database, refuses unsupported servers, applies migrations and optionally seeds the demo. */
export async function prepareDatabase(options: { seedDemoWhenEmpty: boolean }): Promise<DatabaseTarget> {
  const database = await openDatabase();
  try {
    await assertServerSupported(database.url);
    migrateDeploy(database.url);
    if (options.seedDemoWhenEmpty && (await isEmpty(database.url))) {
      console.log('Cơ sở dữ liệu trống: đang nạp tỉnh Nghệ An mẫu…');
      await seedDemo(database.url);
    }
    return database;
  } catch (error) {
    await database.stop();
    throw error;
  }
}
