import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { env } from '@/lib/env';

export type DatabaseTarget = { url: string; embedded: boolean; stop: () => Promise<void> };

export const EMBEDDED_DIR = '.data/pg';
export const EMBEDDED_DATABASE = 'app';

/**
 * DATABASE_URL when set (no server is started); otherwise the persistent embedded cluster under
 * .data/pg (port EMBEDDED_PG_PORT, default 54329) with its database "app".
 */
export async function openDatabase(projectRoot = process.cwd()): Promise<DatabaseTarget> {
  const external = env.DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: async () => {} };
  const cluster = await startEmbeddedPostgres({
    dir: path.join(projectRoot, EMBEDDED_DIR),
    port: env.EMBEDDED_PG_PORT,
  });
  await ensureDatabase(cluster.url('postgres'), EMBEDDED_DATABASE);
  return { url: cluster.url(EMBEDDED_DATABASE), embedded: true, stop: cluster.stop };
}
