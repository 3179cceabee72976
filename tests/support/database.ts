import { inject } from 'vitest';
import { databaseUrlFor, dropDatabase, ensureDatabase } from '@/lib/db/embedded-postgres';
import { createPrismaClient, poolOf, type Db } from '@/lib/db/prisma';

let counter = 0;

export type TestDatabase = { url: string; db: Db; drop: () => Promise<void> };

/** A fresh copy of the migrated-empty or the seeded-demo template, for a test that changes data. */
export async function createTestDatabase(kind: 'empty' | 'seeded'): Promise<TestDatabase> {
  const serverUrl = inject('serverUrl');
  const name = `${inject('databasePrefix')}_${process.pid}_${++counter}`;
  await ensureDatabase(serverUrl, name, kind === 'empty' ? inject('emptyTemplate') : inject('seededTemplate'));
  const url = databaseUrlFor(serverUrl, name);
  const db = createPrismaClient(url);
  return {
    url,
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
  return databaseUrlFor(inject('serverUrl'), inject('seededTemplate'));
}
