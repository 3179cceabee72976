import pg from 'pg';
import { authSecretFile, readOrCreateAuthSecret } from '@/lib/auth/secret';
import { runtimeRoleWarnings } from '@/lib/db/database-roles';
import { seedDemo } from '@/lib/demo';
import { assertServerSupported } from '@/lib/db/migrate';
import { env } from '@/lib/env';
import { defaultMessage } from '@/lib/i18n/translator';
import { migrateDatabase, openDatabase, type DatabaseTarget } from '@/lib/runtime/database';

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

/**
 * Opens the database, refuses unsupported servers, applies migrations and the runtime role's grants as the owner,
 * optionally seeds the demo (as the owner), warns about a runtime role that could change the audit trail, and
 * makes sure the session key exists before the app starts (docs/decisions/031-database-roles-and-secrets.md).
 */
export async function prepareDatabase(options: { seedDemoWhenEmpty: boolean }): Promise<DatabaseTarget> {
  const database = await openDatabase();
  try {
    await assertServerSupported(database.ownerUrl);
    await migrateDatabase(database);
    if (options.seedDemoWhenEmpty && (await isEmpty(database.ownerUrl))) {
      console.log('Cơ sở dữ liệu trống: đang nạp tỉnh Nghệ An mẫu…');
      await seedDemo(database.ownerUrl);
    }
    for (const warning of await runtimeRoleWarnings(database.url)) console.warn(defaultMessage(warning.key, warning.values));
    if (!env.AUTH_SECRET) {
      const file = authSecretFile();
      readOrCreateAuthSecret(file);
      if (!database.embedded) console.warn(defaultMessage('system.authSecret.fromFile', { file }));
    }
    return database;
  } catch (error) {
    await database.stop();
    throw error;
  }
}
