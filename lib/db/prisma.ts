import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

export type Db = PrismaClient;

// A registered symbol, not a module-level map: Next.js may bundle this module into several chunks.
const POOL = Symbol.for('bien-che.pg-pool');
type WithPool = PrismaClient & { [POOL]?: pg.Pool };

const ignoreLostConnection = () => {};

/** A Prisma client over a pg pool (DB_POOL_SIZE connections unless `poolSize`) that set-based count queries share (see poolOf). */
export function createPrismaClient(connectionString: string, options: { poolSize?: number } = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? env.DB_POOL_SIZE });
  // A connection the server ends (a restart, pg_terminate_backend) emits 'error' on its client and, while idle,
  // on the pool; with no listener Node would end the whole process. The pool drops the broken connection and the
  // next query opens a new one; a query running on it fails with the error itself (lib/db/errors.ts,
  // isDatabaseUnavailable).
  pool.on('error', ignoreLostConnection);
  pool.on('connect', (connection) => connection.on('error', ignoreLostConnection));
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
