import os from 'node:os';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signInWithPassword } from '@/lib/auth/session-store';
import { dropRoles, grantRuntimePrivileges, newRoleLogins, provisionRoles, runtimeRoleWarnings, urlAs } from '@/lib/db/database-roles';
import { databaseUrlFor, dropDatabase, ensureDatabase } from '@/lib/db/embedded-postgres';
import { migrateDeploy } from '@/lib/db/migrate';
import { createPrismaClient, poolOf, type Db } from '@/lib/db/prisma';
import { seedDemo } from '@/lib/demo';
import { DEMO_PASSWORD } from '@/lib/demo/accounts';
import { runDataCommand } from '../support/cli';

// The database roles (docs/decisions/031-database-roles-and-secrets.md): migrations run as the owner, the app as a
// runtime role that owns nothing and may only read and append to the audit trail. A fresh database here goes
// through the same steps as a deployment: roles, migrations as the owner, the grant step (twice: it is
// idempotent), the demo seeded as the owner; then everything below connects as the runtime role.

const serverUrl = () => inject('serverUrl');
const name = `${inject('databasePrefix')}_roles_${process.pid}`;
const logins = newRoleLogins({ owner: `${name}_owner`, runtime: `${name}_app` });
let ownerUrl: string;
let runtimeUrl: string;
let runtime: pg.Client;
let owner: pg.Client;

beforeAll(async () => {
  await ensureDatabase(serverUrl(), name);
  await provisionRoles(serverUrl(), name, logins);
  ownerUrl = urlAs(serverUrl(), logins.owner, name);
  runtimeUrl = urlAs(serverUrl(), logins.runtime, name);
  migrateDeploy(ownerUrl);
  await grantRuntimePrivileges(ownerUrl, logins.runtime.user);
  await grantRuntimePrivileges(ownerUrl, logins.runtime.user);
  await seedDemo(ownerUrl);
  runtime = new pg.Client({ connectionString: runtimeUrl });
  owner = new pg.Client({ connectionString: ownerUrl });
  await Promise.all([runtime.connect(), owner.connect()]);
});
afterAll(async () => {
  await Promise.all([runtime?.end(), owner?.end()]);
  await dropDatabase(serverUrl(), name);
  await dropRoles(serverUrl(), logins);
});

/** The error a statement fails with, as PostgreSQL reports it (code and message). */
async function refusal(client: pg.Client, sql: string): Promise<{ code?: string; message: string }> {
  try {
    await client.query(sql);
  } catch (error) {
    const { code, message } = error as pg.DatabaseError;
    return { code, message };
  }
  throw new Error(`expected "${sql}" to fail`);
}

const PERMISSION_DENIED = '42501';
const auditRows = async () => (await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;

describe('the runtime role', () => {
  test('is no superuser, cannot create roles or databases, and is no member of the owner', async () => {
    const { rows } = await runtime.query(
      `SELECT current_user::text AS role, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication,
              pg_has_role(current_user, $1, 'MEMBER') AS member_of_owner
         FROM pg_roles WHERE rolname = current_user`,
      [logins.owner.user],
    );
    expect(rows).toEqual([
      { role: logins.runtime.user, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, rolreplication: false, member_of_owner: false },
    ]);
  });

  test('owns nothing: no table, sequence, view, function, type or schema, nor the database', async () => {
    const { rows } = await runtime.query<{ kind: string; n: number }>(`
      SELECT 'relation' AS kind, count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      UNION ALL SELECT 'function', count(*)::int FROM pg_proc WHERE proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      UNION ALL SELECT 'type', count(*)::int FROM pg_type WHERE typowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      UNION ALL SELECT 'schema', count(*)::int FROM pg_namespace WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      UNION ALL SELECT 'database', count(*)::int FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)`);
    expect(rows).toEqual([
      { kind: 'relation', n: 0 },
      { kind: 'function', n: 0 },
      { kind: 'type', n: 0 },
      { kind: 'schema', n: 0 },
      { kind: 'database', n: 0 },
    ]);
    const { rows: tables } = await owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
    );
    expect(tables[0].n, 'every object of the schema belongs to the owner').toBe(0);
  });

  test('has exactly SELECT, INSERT, UPDATE, DELETE on the application tables, SELECT and INSERT on audit_log, nothing on the migrations table', async () => {
    const { rows } = await runtime.query<{ table: string; privileges: string[] }>(`
      SELECT c.relname::text AS table,
             array_remove(ARRAY[
               CASE WHEN has_table_privilege(c.oid, 'SELECT') THEN 'SELECT' END,
               CASE WHEN has_table_privilege(c.oid, 'INSERT') THEN 'INSERT' END,
               CASE WHEN has_table_privilege(c.oid, 'UPDATE') THEN 'UPDATE' END,
               CASE WHEN has_table_privilege(c.oid, 'DELETE') THEN 'DELETE' END,
               CASE WHEN has_table_privilege(c.oid, 'TRUNCATE') THEN 'TRUNCATE' END,
               CASE WHEN has_table_privilege(c.oid, 'REFERENCES') THEN 'REFERENCES' END,
               CASE WHEN has_table_privilege(c.oid, 'TRIGGER') THEN 'TRIGGER' END], NULL) AS privileges
        FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
       ORDER BY 1`);
    expect(rows.length).toBeGreaterThan(20);
    const expected = (table: string) =>
      table === 'audit_log' ? ['SELECT', 'INSERT'] : table === '_prisma_migrations' ? [] : ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
    expect(rows.filter((row) => JSON.stringify(row.privileges) !== JSON.stringify(expected(row.table)))).toEqual([]);
  });

  test('may use the sequences (nextval) but not reset them (setval)', async () => {
    const { rows } = await runtime.query<{ sequence: string; usage: boolean; update: boolean }>(`
      SELECT c.oid::regclass::text AS sequence, has_sequence_privilege(c.oid, 'USAGE') AS usage, has_sequence_privilege(c.oid, 'UPDATE') AS update
        FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'`);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((row) => !row.usage || row.update)).toEqual([]);
    expect(await refusal(runtime, `SELECT setval('audit_log_id_seq', 1)`)).toMatchObject({ code: PERMISSION_DENIED });
  });

  test('no table holds the key that signs session cookies', async () => {
    const { rows } = await runtime.query(`SELECT to_regclass('public.app_secret') AS secret`);
    expect(rows[0].secret).toBeNull();
    expect(await refusal(runtime, 'SELECT * FROM app_secret')).toMatchObject({ code: '42P01' });
  });
});

describe('the audit trail cannot be changed by the runtime role', () => {
  test.each([
    ['UPDATE', `UPDATE audit_log SET actor_name = 'x'`, /permission denied for table audit_log/],
    ['DELETE', 'DELETE FROM audit_log', /permission denied for table audit_log/],
    ['TRUNCATE', 'TRUNCATE audit_log', /permission denied for table audit_log/],
    ['SELECT … FOR UPDATE', 'SELECT id FROM audit_log LIMIT 1 FOR UPDATE', /permission denied for table audit_log/],
    ['session_replication_role = replica (skips every trigger)', 'SET session_replication_role = replica', /permission denied to set parameter "session_replication_role"/],
    ['SET LOCAL session_replication_role', 'BEGIN; SET LOCAL session_replication_role = replica; ROLLBACK', /permission denied to set parameter/],
    ['DISABLE TRIGGER ALL', 'ALTER TABLE audit_log DISABLE TRIGGER ALL', /must be owner of table audit_log/],
    ['DISABLE TRIGGER of one guard', 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update', /must be owner of table audit_log/],
    ['DROP TRIGGER', 'DROP TRIGGER audit_log_no_update ON audit_log', /must be owner of (table|relation) audit_log/],
    ['replace the guard function', `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`, /must be owner of function audit_log_append_only|permission denied for schema public/],
    ['drop the guard function', 'DROP FUNCTION audit_log_append_only() CASCADE', /must be owner of function audit_log_append_only/],
    ['take the table over', 'ALTER TABLE audit_log OWNER TO CURRENT_USER', /must be owner of table audit_log/],
    ['a new table in the schema', 'CREATE TABLE audit_log_copy (id int)', /permission denied for schema public/],
  ])('%s is refused with a permission error', async (_label, sql, message) => {
    const before = await auditRows();
    const error = await refusal(runtime, sql);
    await runtime.query('ROLLBACK').catch(() => {});
    expect(error.code).toBe(PERMISSION_DENIED);
    expect(error.message).toMatch(message);
    expect(await auditRows()).toBe(before);
    const { rows } = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal AND tgenabled = 'O'`);
    expect(rows[0].n, 'the three guards are still there and enabled').toBe(3);
  });

  test('the owner, which could, still meets the append-only guards', async () => {
    expect(await refusal(owner, `UPDATE audit_log SET actor_name = 'x'`)).toMatchObject({ message: expect.stringMatching(/append-only/) });
    expect(await refusal(owner, 'DELETE FROM audit_log')).toMatchObject({ message: expect.stringMatching(/append-only/) });
  });
});

describe('the application works as the runtime role', () => {
  let db: Db;
  beforeAll(() => {
    db = createPrismaClient(runtimeUrl);
  });
  afterAll(async () => {
    await db.$disconnect();
    const pool = poolOf(db);
    if (!pool.ended) await pool.end();
  });

  test('a sign-in writes its session, its attempt and its audit record', async () => {
    const before = await auditRows();
    const result = await signInWithPassword(db, { username: 'admin', password: DEMO_PASSWORD }, { ipAddress: '10.9.0.1', userAgent: 'vitest' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await db.session.count({ where: { id: result.sessionId } })).toBe(1);
    expect(await auditRows()).toBe(before + 1);
  });

  test('the snapshot command (counting, a write and its audit record) runs as the runtime role', async () => {
    const before = await auditRows();
    const r = await runDataCommand(runtimeUrl, ['snapshot', '--date', '15/09/2025', '--province', 'NA'], os.tmpdir());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(await auditRows()).toBe(before + 1);
  });

  test('a table the owner adds later is granted by default, before the grant step runs again', async () => {
    await owner.query('CREATE TABLE later_table (id serial PRIMARY KEY, note text)');
    try {
      await runtime.query(`INSERT INTO later_table (note) VALUES ('x')`);
      expect((await runtime.query('SELECT note FROM later_table')).rows).toEqual([{ note: 'x' }]);
    } finally {
      await owner.query('DROP TABLE later_table');
    }
  });
});

describe('the start warns about a runtime role that could change the audit trail', () => {
  test('none for the runtime role', async () => {
    expect(await runtimeRoleWarnings(runtimeUrl)).toEqual([]);
  });

  test('the owner of the audit table', async () => {
    expect((await runtimeRoleWarnings(ownerUrl)).map((w) => w.key)).toContain('system.databaseRoles.ownsAuditLog');
  });

  test('a superuser', async () => {
    const warnings = await runtimeRoleWarnings(databaseUrlFor(serverUrl(), name));
    expect(warnings.map((w) => w.key)).toEqual(['system.databaseRoles.superuser']);
    expect(warnings[0].values).toEqual({ role: 'postgres' });
  });

  test('the grant step leaves a single role alone (DATABASE_URL without MIGRATION_DATABASE_URL)', async () => {
    await expect(grantRuntimePrivileges(ownerUrl, logins.owner.user)).resolves.toBe('sameRole');
  });
});
