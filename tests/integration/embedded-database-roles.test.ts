import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { AUTH_SECRET_FILE } from '@/lib/auth/secret';
import { runtimeRoleWarnings } from '@/lib/db/database-roles';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedCluster } from '@/lib/db/embedded-postgres';
import { migrateDeploy } from '@/lib/db/migrate';
import { EMBEDDED_CREDENTIALS_FILE, migrateDatabase, openEmbeddedDatabase, type DatabaseTarget } from '@/lib/runtime/database';

// The embedded default of `npm start` (docs/decisions/031-database-roles-and-secrets.md), on throwaway clusters
// of its own: a new cluster gets a random superuser password and the two roles; a cluster left by an earlier
// version (superuser postgres/postgres, every object owned by it, the cookie key in app_secret) is upgraded in
// place on the next start, and sessions signed with the stored key stay valid.

const roots: string[] = [];
const open: { stop: () => Promise<void> }[] = [];

afterAll(async () => {
  for (const item of open.reverse()) await item.stop().catch(() => {});
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function projectRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-roles-'));
  // The cluster runs as the OS user "postgres" when the tests run as root: it must be able to pass through.
  fs.chmodSync(root, 0o755);
  roots.push(root);
  return root;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function connectionError(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (error) {
    return (error as pg.DatabaseError).code;
  }
}

const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
const legacyUrl = (port: number) => `postgresql://postgres:postgres@127.0.0.1:${port}/app`;

async function openAndMigrate(root: string, port: number): Promise<DatabaseTarget> {
  const target = await openEmbeddedDatabase({ root, port });
  open.push(target);
  await migrateDatabase(target, { authSecretFile: path.join(root, AUTH_SECRET_FILE) });
  return target;
}

async function expectLockedDown(target: DatabaseTarget) {
  const runtime = new pg.Client({ connectionString: target.url });
  await runtime.connect();
  try {
    await expect(runtime.query(`UPDATE audit_log SET actor_name = 'x'`)).rejects.toMatchObject({ code: '42501' });
    await expect(runtime.query('SET session_replication_role = replica')).rejects.toMatchObject({ code: '42501' });
    await expect(runtime.query('ALTER TABLE audit_log DISABLE TRIGGER ALL')).rejects.toMatchObject({ code: '42501' });
    const [role] = (await runtime.query<{ superuser: boolean }>('SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user')).rows;
    expect(role.superuser).toBe(false);
  } finally {
    await runtime.end();
  }
  const notOwned = await query<{ name: string }>(
    target.ownerUrl,
    `SELECT c.relname::text AS name FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)
     UNION ALL
     SELECT p.proname::text FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
  );
  expect(notOwned, 'every table, sequence and function of the application belongs to the owner').toEqual([]);
  expect(await runtimeRoleWarnings(target.url)).toEqual([]);
}

describe('a new embedded cluster', () => {
  test('has a random superuser password, the owner and runtime roles, and the cookie key in a file, all mode 0600', async () => {
    const root = projectRoot();
    const port = await freePort();
    const target = await openAndMigrate(root, port);

    const credentialsFile = path.join(root, EMBEDDED_CREDENTIALS_FILE);
    expect(mode(credentialsFile)).toBe('600');
    const credentials = JSON.parse(fs.readFileSync(credentialsFile, 'utf8'));
    expect(Object.keys(credentials).sort()).toEqual(['owner', 'runtime', 'superuser']);
    expect(credentials.superuser.password).not.toBe('postgres');
    expect(credentials.superuser.password.length).toBeGreaterThanOrEqual(32);
    expect(target.url).toContain(encodeURIComponent(credentials.runtime.password));
    expect(await connectionError(legacyUrl(port))).toBe('28P01');

    await expectLockedDown(target);
  });
});

describe('a cluster of an earlier version (superuser postgres/postgres only)', () => {
  const root = projectRoot();
  const oldKey = 'a'.repeat(12) + '-the-key-that-signed-existing-sessions';
  let port: number;
  let old: EmbeddedCluster;

  test('is upgraded in place on the next start: roles, ownership, the key moved to a file, app_secret dropped', async () => {
    port = await freePort();
    old = await startEmbeddedPostgres({ dir: path.join(root, '.data/pg'), port });
    open.push(old);
    await ensureDatabase(old.url('postgres'), 'app');
    migrateDeploy(old.url('app'));
    // The schema as the earlier version left it: app_secret holding the key, the migration that drops it not applied.
    await query(
      old.url('app'),
      `CREATE TABLE app_secret (key text PRIMARY KEY, value text NOT NULL, created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);
       INSERT INTO app_secret (key, value) VALUES ('auth_secret', '${oldKey}');
       DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_drop_app_secret';
       INSERT INTO province (code, name) VALUES ('TT', 'Tỉnh Thử');`,
    );
    await old.stop();

    const target = await openAndMigrate(root, port);

    expect(await connectionError(legacyUrl(port)), 'postgres/postgres no longer opens the cluster').toBe('28P01');
    expect(mode(path.join(root, EMBEDDED_CREDENTIALS_FILE))).toBe('600');
    const secretFile = path.join(root, AUTH_SECRET_FILE);
    expect(mode(secretFile)).toBe('600');
    expect(fs.readFileSync(secretFile, 'utf8').trim()).toBe(oldKey);
    expect(await query(target.ownerUrl, `SELECT to_regclass('public.app_secret') AS t`)).toEqual([{ t: null }]);
    expect(await query(target.url, `SELECT name FROM province WHERE code = 'TT'`)).toEqual([{ name: 'Tỉnh Thử' }]);
    await expectLockedDown(target);
    await target.stop();
  });

  test('a second start changes nothing: the same passwords, the same key', async () => {
    const credentials = fs.readFileSync(path.join(root, EMBEDDED_CREDENTIALS_FILE), 'utf8');
    const target = await openAndMigrate(root, port);
    expect(fs.readFileSync(path.join(root, EMBEDDED_CREDENTIALS_FILE), 'utf8')).toBe(credentials);
    expect(fs.readFileSync(path.join(root, AUTH_SECRET_FILE), 'utf8').trim()).toBe(oldKey);
    await expectLockedDown(target);
    await target.stop();
  });
});
