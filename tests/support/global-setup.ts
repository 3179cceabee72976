import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { databaseUrlFor, dropDatabase, ensureDatabase, startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { migrateDeploy } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo';
import { env } from '@/lib/env';

// Each run gets its own databases on its own cluster (.data/pg-test, port 54339), or on the server of
// DATABASE_URL when set; never the developer's .data/pg. Two templates: migrated-empty and seeded demo.
export default async function setup(project: TestProject) {
  const external = env.DATABASE_URL;
  const cluster = external ? null : await startEmbeddedPostgres({ dir: '.data/pg-test', port: env.TEST_PG_PORT });
  const serverUrl = cluster ? cluster.url('postgres') : databaseUrlFor(external!, 'postgres');
  const prefix = `it_${Date.now()}_${process.pid}`;
  const emptyDb = `${prefix}_empty`;
  const seededDb = `${prefix}_seeded`;
  await ensureDatabase(serverUrl, emptyDb);
  migrateDeploy(databaseUrlFor(serverUrl, emptyDb));
  await ensureDatabase(serverUrl, seededDb, emptyDb);
  await seedDemo(databaseUrlFor(serverUrl, seededDb));

  project.provide('serverUrl', serverUrl);
  project.provide('databasePrefix', prefix);
  project.provide('emptyTemplate', emptyDb);
  project.provide('seededTemplate', seededDb);

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(`SELECT datname::text FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
    await client.end();
    for (const row of rows) await dropDatabase(serverUrl, row.datname);
    await cluster?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    databasePrefix: string;
    emptyTemplate: string;
    seededTemplate: string;
  }
}
