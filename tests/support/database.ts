import { afterAll, beforeAll, inject } from 'vitest';
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
  const template = kind === 'empty' ? inject('emptyTemplate') : inject('seededTemplate');
  // Two files copying the same template at the same moment: PostgreSQL refuses the second while the first copies.
  for (let attempt = 1; ; attempt++) {
    try {
      await ensureDatabase(serverUrl, name, template, roles.owner.user);
      break;
    } catch (error) {
      if (attempt >= 20 || !/is being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
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
  return urlAs(inject('serverUrl'), inject('roles').runtime, inject('sharedSeeded'));
}

/**
 * The file's seeded database on the clock's day `today` (APP_TODAY), the app's DATABASE_URL meanwhile, signed out
 * and dropped after. Call at the top level of a test file; read `.current` inside hooks and tests.
 */
export function seededDatabaseOn(today: string): { readonly current: TestDatabase } {
  let current: TestDatabase | undefined;
  let savedToday: string | undefined;
  beforeAll(async () => {
    savedToday = process.env.APP_TODAY;
    process.env.APP_TODAY = today;
    current = await createTestDatabase('seeded');
    process.env.DATABASE_URL = current.url;
  });
  afterAll(async () => {
    (await import('./session-mock')).signInAs(null);
    if (savedToday === undefined) delete process.env.APP_TODAY;
    else process.env.APP_TODAY = savedToday;
    await current?.drop();
  });
  return {
    get current() {
      if (!current) throw new Error('seededDatabaseOn: read .current inside a hook or a test');
      return current;
    },
  };
}
