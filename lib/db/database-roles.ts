import { randomBytes } from 'node:crypto';
import pg from 'pg';

// Two database roles (docs/decisions/031-database-roles-and-secrets.md). The owner owns the schema and runs the
// migrations and the seed; the runtime role, the one the app connects with (DATABASE_URL), owns nothing and
// holds only what the app needs: SELECT, INSERT, UPDATE, DELETE on the application tables, SELECT and INSERT on
// audit_log, the sequences, and EXECUTE on the functions the triggers call. Not being the owner nor a superuser,
// it can neither switch the audit trail's guards off (ALTER TABLE … DISABLE TRIGGER, DROP TRIGGER,
// session_replication_role) nor change the trail.

export type Login = { user: string; password: string };
export type RoleLogins = { owner: Login; runtime: Login };

/** The roles of the embedded default (`npm start` without DATABASE_URL). */
export const EMBEDDED_ROLES = { owner: 'bienche_owner', runtime: 'bienche_app' } as const;

/** Tables whose runtime privileges are not the default SELECT, INSERT, UPDATE, DELETE (null: none at all). */
const TABLE_PRIVILEGES: Readonly<Record<string, string | null>> = {
  audit_log: 'SELECT, INSERT',
  _prisma_migrations: null,
};
const DEFAULT_TABLE_PRIVILEGES = 'SELECT, INSERT, UPDATE, DELETE';

export function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

export function newRoleLogins(names: { owner: string; runtime: string } = EMBEDDED_ROLES): RoleLogins {
  return { owner: { user: names.owner, password: newPassword() }, runtime: { user: names.runtime, password: newPassword() } };
}

/** The URL of `database` on the server of `serverUrl`, with the same sign-in. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = '/' + database;
  return url.toString();
}

/** The URL of `database` on the server of `serverUrl`, signed in as `login`. */
export function urlAs(serverUrl: string, login: Login, database: string): string {
  const url = new URL(databaseUrlFor(serverUrl, database));
  url.username = encodeURIComponent(login.user);
  url.password = encodeURIComponent(login.password);
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const NOT_IN_EXTENSION = (catalogue: string, alias: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalogue}'::regclass AND d.objid = ${alias}.oid AND d.deptype = 'e')`;

/**
 * Creates the owner and runtime roles (or sets their passwords and attributes again), gives `database` to the
 * owner and hands the owner every object of its schema that someone else owns: a database of an earlier version
 * belonged to the superuser. Run as a superuser (`serverUrl`). Idempotent.
 */
export async function provisionRoles(serverUrl: string, database: string, logins: RoleLogins): Promise<void> {
  await withClient(databaseUrlFor(serverUrl, 'postgres'), async (client) => {
    for (const login of [logins.owner, logins.runtime]) {
      const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login.user])).rowCount;
      const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(login.password)}`;
      await client.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${client.escapeIdentifier(login.user)} WITH ${attributes}`);
    }
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(database)} OWNER TO ${client.escapeIdentifier(logins.owner.user)}`);
  });
  await withClient(databaseUrlFor(serverUrl, database), (client) => giveSchemaTo(client, logins.owner.user));
}

async function giveSchemaTo(client: pg.Client, owner: string): Promise<void> {
  const to = `OWNER TO ${client.escapeIdentifier(owner)}`;
  const ownerOid = `(SELECT oid FROM pg_roles WHERE rolname = $1)`;
  const names = async (sql: string) => (await client.query<{ name: string; kind: string }>(sql, [owner])).rows;
  // Tables first: their serial sequences follow them (and cannot be given away alone).
  const relations = await names(
    `SELECT c.oid::regclass::text AS name, c.relkind::text AS kind FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'f', 'v', 'm')
        AND c.relowner <> ${ownerOid} AND ${NOT_IN_EXTENSION('pg_class', 'c')} ORDER BY 1`,
  );
  const relationKind: Record<string, string> = { r: 'TABLE', p: 'TABLE', f: 'FOREIGN TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW' };
  for (const { name, kind } of relations) await client.query(`ALTER ${relationKind[kind]} ${name} ${to}`);
  const sequences = await names(
    `SELECT c.oid::regclass::text AS name, 'S' AS kind FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' AND c.relowner <> ${ownerOid} AND ${NOT_IN_EXTENSION('pg_class', 'c')} ORDER BY 1`,
  );
  for (const { name } of sequences) await client.query(`ALTER SEQUENCE ${name} ${to}`);
  const routines = await names(
    `SELECT p.oid::regprocedure::text AS name, p.prokind::text AS kind FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p') AND p.proowner <> ${ownerOid} AND ${NOT_IN_EXTENSION('pg_proc', 'p')} ORDER BY 1`,
  );
  for (const { name } of routines) await client.query(`ALTER ROUTINE ${name} ${to}`);
  const types = await names(
    `SELECT t.oid::regtype::text AS name, t.typtype::text AS kind FROM pg_type t
      WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'r', 'm') AND t.typowner <> ${ownerOid}
        AND ${NOT_IN_EXTENSION('pg_type', 't')} ORDER BY 1`,
  );
  for (const { name, kind } of types) await client.query(`ALTER ${kind === 'd' ? 'DOMAIN' : 'TYPE'} ${name} ${to}`);
}

/** The role a URL signs in as, and its database. */
export async function roleOf(url: string): Promise<{ role: string; database: string }> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ role: string; database: string }>('SELECT current_user::text AS role, current_database()::text AS database');
    return rows[0];
  });
}

/**
 * The grant step, run by the owner after the migrations: exactly the runtime role's privileges on every table,
 * sequence and function of the schema the owner may grant, and default privileges for what the owner creates
 * later. Idempotent; serialised by an advisory lock so that instances starting together do not collide. Nothing
 * to do when both URLs name the same role ('sameRole': the start then warns that the app owns the audit table).
 */
export async function grantRuntimePrivileges(ownerUrl: string, runtimeRole: string): Promise<'granted' | 'sameRole'> {
  return withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ role: string }>('SELECT current_user::text AS role');
    if (rows[0].role === runtimeRole) return 'sameRole';
    const runtime = client.escapeIdentifier(runtimeRole);
    await client.query('BEGIN');
    try {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('bien-che:grants'))`);
      const usage = await client.query<{ granted: boolean }>(`SELECT has_schema_privilege($1, 'public', 'USAGE') AS granted`, [runtimeRole]);
      if (!usage.rows[0].granted) await client.query(`GRANT USAGE ON SCHEMA public TO ${runtime}`);

      const relations = await client.query<{ name: string; relname: string; kind: string }>(
        `SELECT c.oid::regclass::text AS name, c.relname::text AS relname, c.relkind::text AS kind FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
            AND pg_has_role(current_user, c.relowner, 'USAGE') AND ${NOT_IN_EXTENSION('pg_class', 'c')} ORDER BY 1`,
      );
      for (const { name, relname, kind } of relations.rows) {
        const object = kind === 'S' ? `SEQUENCE ${name}` : `TABLE ${name}`;
        const privileges = kind === 'S' ? 'USAGE, SELECT' : Object.hasOwn(TABLE_PRIVILEGES, relname) ? TABLE_PRIVILEGES[relname] : DEFAULT_TABLE_PRIVILEGES;
        await client.query(`REVOKE ALL ON ${object} FROM ${runtime}`);
        if (privileges) await client.query(`GRANT ${privileges} ON ${object} TO ${runtime}`);
      }

      const routines = await client.query<{ name: string }>(
        `SELECT p.oid::regprocedure::text AS name FROM pg_proc p
          WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p')
            AND pg_has_role(current_user, p.proowner, 'USAGE') AND ${NOT_IN_EXTENSION('pg_proc', 'p')} ORDER BY 1`,
      );
      for (const { name } of routines.rows) await client.query(`GRANT EXECUTE ON ROUTINE ${name} TO ${runtime}`);

      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ${DEFAULT_TABLE_PRIVILEGES} ON TABLES TO ${runtime}`);
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${runtime}`);
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON ROUTINES TO ${runtime}`);
      await client.query('COMMIT');
      return 'granted';
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

export type RoleWarning = { key: string; values: Record<string, string> };

/**
 * What would let the runtime role change the audit trail or escape its grants, as message keys for the start's
 * log: a superuser (nothing else then matters), CREATEROLE, owning audit_log (or being a member of its owner),
 * UPDATE, DELETE or TRUNCATE on it, owning any table, or CREATE on the schema (each only when no broader one
 * applies).
 */
export async function runtimeRoleWarnings(runtimeUrl: string): Promise<RoleWarning[]> {
  return withClient(runtimeUrl, async (client) => {
    const { rows } = await client.query<{
      role: string; superuser: boolean; create_role: boolean; owns_audit_log: boolean; audit_log_writable: boolean; owns_objects: boolean; can_create: boolean;
    }>(`
      SELECT current_user::text AS role, r.rolsuper AS superuser, r.rolcreaterole AS create_role,
             COALESCE(pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = to_regclass('public.audit_log')), 'MEMBER'), false) AS owns_audit_log,
             COALESCE((SELECT has_table_privilege(a, 'UPDATE') OR has_table_privilege(a, 'DELETE') OR has_table_privilege(a, 'TRUNCATE')
                         FROM to_regclass('public.audit_log') AS a WHERE a IS NOT NULL), false) AS audit_log_writable,
             EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owns_objects,
             has_schema_privilege('public', 'CREATE') AS can_create
        FROM pg_roles r WHERE r.rolname = current_user`);
    const found = rows[0];
    const values = { role: found.role };
    if (found.superuser) return [{ key: 'system.databaseRoles.superuser', values }];
    const problems: [boolean, string][] = [
      [found.create_role, 'system.databaseRoles.createRole'],
      [found.owns_audit_log, 'system.databaseRoles.ownsAuditLog'],
      [found.audit_log_writable && !found.owns_audit_log, 'system.databaseRoles.auditLogWritable'],
      [found.owns_objects && !found.owns_audit_log, 'system.databaseRoles.ownsTables'],
      [found.can_create && !found.owns_objects, 'system.databaseRoles.canCreate'],
    ];
    return problems.filter(([applies]) => applies).map(([, key]) => ({ key, values }));
  });
}

/** Drops roles made for a test run, once their databases are gone. */
export async function dropRoles(serverUrl: string, logins: RoleLogins): Promise<void> {
  await withClient(databaseUrlFor(serverUrl, 'postgres'), async (client) => {
    for (const login of [logins.runtime, logins.owner]) await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(login.user)}`);
  });
}
