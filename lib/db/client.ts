import 'server-only';
import { createPrismaClient, type Db } from './prisma';
import { env } from '@/lib/env';
import { defaultMessage } from '@/lib/i18n/translator';

const globalForDb = globalThis as unknown as { bienCheDb?: Db };

/** One PrismaClient per server process (kept on globalThis so dev reloads reuse it). */
export function db(): Db {
  if (!globalForDb.bienCheDb) {
    const url = env.DATABASE_URL;
    if (!url) throw new Error(defaultMessage('system.database.urlMissing'));
    globalForDb.bienCheDb = createPrismaClient(url);
  }
  return globalForDb.bienCheDb;
}
