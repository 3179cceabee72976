import { inject } from 'vitest';
import { urlAs } from '@/lib/db/database-roles';
import { dropDatabase, ensureDatabase } from '@/lib/db/embedded-postgres';
import { createPrismaClient, poolOf, type Db } from '@/lib/db/prisma';

let counter = 0;

/**
 * A test's database: `url` and `db` sign in as the runtime role, as the app does; `ownerUrl` as the owner of the
 * schema, for what only the owner may do (tests/support/global-setup.ts).
 */
export type TestDatabase = { url: string; ownerUrl: string; db: Db; drop: () => Promise<void> };

/** A fresh copy of the migrated-empty or the seeded-demo template, for a test that changes data. */
export async function createTestDatabase(kind: 'empty' | 'seeded'): Promise<TestDatabase> {
  const serverUrl = inject('serverUrl');
  const roles = inject('roles');
  const name = `${inject('databasePrefix')}_${process.pid}_${++counter}`;
  await ensureDatabase(serverUrl, name, kind === 'empty' ? inject('emptyTemplate') : inject('seededTemplate'), roles.owner.user);
  const url = urlAs(serverUrl, roles.runtime, name);
  const db = createPrismaClient(url);
  return {
    url,
    ownerUrl: urlAs(serverUrl, roles.owner, name),
    db,
    drop: async () => {
      await db.$disconnect();
      // End the pool too, so no idle connection is left for DROP … WITH (FORCE) to terminate.
      const pool = poolOf(db);
      if (!pool.ended) await pool.end();
      await dropDatabase(serverUrl, name);
    },
  };
}

/** The shared seeded database, read-only by convention (tests that write use createTestDatabase). */
export function seededDatabaseUrl(): string {
  return urlAs(inject('serverUrl'), inject('roles').runtime, inject('seededTemplate'));
}
