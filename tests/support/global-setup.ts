import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { dropRoles, grantRuntimePrivileges, newRoleLogins, provisionRoles, urlAs, type RoleLogins } from '@/lib/db/database-roles';
import { databaseUrlFor, dropDatabase, ensureDatabase, startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { migrateDeploy } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo';
import { env } from '@/lib/env';

// Each run gets its own databases on its own cluster (.data/pg-test, port 54339), or on the server of
// DATABASE_URL when set (signed in as a role that may create databases and roles); never the developer's .data/pg.
// Two templates: migrated-empty and seeded demo. As in production (docs/decisions/031-database-roles-and-secrets.md),
// the run's owner role migrates and seeds them and the tests connect as its runtime role, so every test also
// proves that the runtime role's grants suffice. The roles are the run's own and are dropped with its databases.
export default async function setup(project: TestProject) {
  const external = env.DATABASE_URL;
  const cluster = external ? null : await startEmbeddedPostgres({ dir: '.data/pg-test', port: env.TEST_PG_PORT });
  const serverUrl = cluster ? cluster.url('postgres') : databaseUrlFor(external!, 'postgres');
  const prefix = `it_${Date.now()}_${process.pid}`;
  const emptyDb = `${prefix}_empty`;
  const seededDb = `${prefix}_seeded`;
  const roles = newRoleLogins({ owner: `${prefix}_owner`, runtime: `${prefix}_app` });
  await ensureDatabase(serverUrl, emptyDb);
  await provisionRoles(serverUrl, emptyDb, roles);
  const emptyAsOwner = urlAs(serverUrl, roles.owner, emptyDb);
  migrateDeploy(emptyAsOwner);
  await grantRuntimePrivileges(emptyAsOwner, roles.runtime.user);
  await ensureDatabase(serverUrl, seededDb, emptyDb, roles.owner.user);
  await seedDemo(urlAs(serverUrl, roles.owner, seededDb));
  // The read-only seeded database the files share is a copy: nothing ever connects to a template, so files running at
  // once can each copy it (CREATE DATABASE … TEMPLATE refuses a template another session is connected to).
  const sharedDb = `${prefix}_shared`;
  await ensureDatabase(serverUrl, sharedDb, seededDb, roles.owner.user);

  project.provide('serverUrl', serverUrl);
  project.provide('databasePrefix', prefix);
  project.provide('emptyTemplate', emptyDb);
  project.provide('seededTemplate', seededDb);
  project.provide('sharedSeeded', sharedDb);
  project.provide('roles', roles);

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(`SELECT datname::text FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
    await client.end();
    for (const row of rows) await dropDatabase(serverUrl, row.datname);
    await dropRoles(serverUrl, roles);
    await cluster?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    databasePrefix: string;
    emptyTemplate: string;
    seededTemplate: string;
    /** A copy of the seeded template that tests only read (tests/support/database.ts, seededDatabaseUrl). */
    sharedSeeded: string;
    /** The run's owner (migrations, seeds) and runtime (every test's connection) roles. */
    roles: RoleLogins;
  }
}
