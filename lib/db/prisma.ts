import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

export type Db = PrismaClient;

// A registered symbol, not a module-level map: Next.js may bundle this module into several chunks.
const POOL = Symbol.for('bien-che.pg-pool');
type WithPool = PrismaClient & { [POOL]?: pg.Pool };

/** A Prisma client over a pg pool that set-based count queries share (see poolOf). */
export function createPrismaClient(connectionString: string): PrismaClient {
  const pool = new pg.Pool({ connectionString, max: env.DB_POOL_SIZE });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as WithPool;
  Object.defineProperty(client, POOL, { value: pool, enumerable: false });
  return client;
}

/** The client's own connection pool, for hot read queries whose rows Prisma would only slow down. */
export function poolOf(db: Db): pg.Pool {
  const pool = (db as WithPool)[POOL];
  if (!pool) throw new Error('This PrismaClient was not created by createPrismaClient');
  return pool;
}
