import path from 'node:path';
import pg from 'pg';
import { authSecretFile } from '@/lib/auth/secret';
import { grantRuntimePrivileges, provisionRoles, roleOf, urlAs } from '@/lib/db/database-roles';
import { ensureDatabase, startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { migrateDeploy } from '@/lib/db/migrate';
import { env } from '@/lib/env';
import { defaultMessage } from '@/lib/i18n/translator';
import { createPrivateFile, readPrivateFile } from '@/lib/private-file';

/**
 * Where the app's data lives. `url` signs in as the runtime role (the app's DATABASE_URL), `ownerUrl` as the role
 * that owns the schema (migrations, the demo seed); `adminUrl`, for the embedded cluster only, as its superuser
 * (`npm run db:reset`). See docs/decisions/031-database-roles-and-secrets.md.
 */
export type DatabaseTarget = { url: string; ownerUrl: string; adminUrl?: string; embedded: boolean; stop: () => Promise<void> };

export const EMBEDDED_DIR = '.data/pg';
export const EMBEDDED_DATABASE = 'app';
/** The embedded cluster's passwords (superuser, owner, runtime role), mode 0600. */
export const EMBEDDED_CREDENTIALS_FILE = '.data/pg-credentials.json';

/**
 * DATABASE_URL (the runtime role) and MIGRATION_DATABASE_URL (the owner, default DATABASE_URL) when set: no
 * server is started. Otherwise the persistent embedded cluster under .data/pg (port EMBEDDED_PG_PORT, default
 * 54329) with its database "app" and its two roles.
 */
export async function openDatabase(projectRoot = process.cwd()): Promise<DatabaseTarget> {
  const external = env.DATABASE_URL;
  if (external) return { url: external, ownerUrl: env.MIGRATION_DATABASE_URL ?? external, embedded: false, stop: async () => {} };
  if (env.MIGRATION_DATABASE_URL) throw new Error(defaultMessage('system.database.migrationUrlAlone'));
  return openEmbeddedDatabase({ root: projectRoot, port: env.EMBEDDED_PG_PORT });
}

/**
 * The embedded cluster of a project folder: started (or reused), its superuser secured, the database created and
 * given to the owner role, both roles (re)created with the passwords of EMBEDDED_CREDENTIALS_FILE. A cluster of
 * an earlier version (superuser postgres/postgres, everything owned by it) is upgraded here in place.
 */
export async function openEmbeddedDatabase(options: { root: string; port: number }): Promise<DatabaseTarget> {
  const cluster = await startEmbeddedPostgres({
    dir: path.join(options.root, EMBEDDED_DIR),
    port: options.port,
    credentialsFile: path.join(options.root, EMBEDDED_CREDENTIALS_FILE),
  });
  try {
    const credentials = cluster.credentials!;
    const serverUrl = cluster.url('postgres');
    await ensureDatabase(serverUrl, EMBEDDED_DATABASE);
    await provisionRoles(serverUrl, EMBEDDED_DATABASE, credentials);
    return {
      url: urlAs(serverUrl, credentials.runtime, EMBEDDED_DATABASE),
      ownerUrl: urlAs(serverUrl, credentials.owner, EMBEDDED_DATABASE),
      adminUrl: cluster.url(EMBEDDED_DATABASE),
      embedded: true,
      stop: cluster.stop,
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/**
 * Migrations as the owner, then the grant step for the runtime role. Before the migrations, the session key an
 * earlier version kept in the database is moved to its file (unless AUTH_SECRET is set), so that dropping the
 * table signs nobody out.
 */
export async function migrateDatabase(target: DatabaseTarget, options: { authSecretFile?: string } = {}): Promise<void> {
  const [owner, runtime] = await Promise.all([roleOf(target.ownerUrl), roleOf(target.url)]);
  if (owner.database !== runtime.database) {
    throw new Error(defaultMessage('system.databaseRoles.differentDatabases', { runtime: runtime.database, owner: owner.database }));
  }
  const file = options.authSecretFile ?? authSecretFile();
  if (!env.AUTH_SECRET && (await keepStoredAuthSecret(target.ownerUrl, file))) {
    console.log(defaultMessage('system.authSecret.keptFromDatabase', { file }));
  }
  migrateDeploy(target.ownerUrl);
  await grantRuntimePrivileges(target.ownerUrl, runtime.role);
}

/**
 * Upgrade from a version that kept the session key in the table `app_secret`: writes it to `file` before the
 * migration drops the table, so the sessions it signed stay valid. Nothing is done when the file exists or the
 * table is gone. True when the key was written.
 */
export async function keepStoredAuthSecret(ownerUrl: string, file: string): Promise<boolean> {
  if (readPrivateFile(file) !== null) return false;
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows: table } = await client.query<{ exists: boolean }>(`SELECT to_regclass('public.app_secret') IS NOT NULL AS exists`);
    if (!table[0].exists) return false;
    const { rows } = await client.query<{ value: string }>(`SELECT value FROM app_secret WHERE key = 'auth_secret'`);
    if (!rows.length) return false;
    return createPrivateFile(file, rows[0].value + '\n');
  } finally {
    await client.end();
  }
}
