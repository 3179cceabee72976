import { runCli } from '@/lib/cli/run';
import { createPrismaClient } from '@/lib/db/prisma';
import { migrateDatabase } from '@/lib/runtime/database';

/**
 * Runs a `npm run data --` command in-process against a database, capturing its output. `ownerUrl` (default
 * `url`) is the schema's owner, for backup and restore.
 */
export async function runDataCommand(url: string, argv: string[], cwd: string, ownerUrl = url) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd }, async () => {
    const db = createPrismaClient(url);
    return {
      db,
      url,
      ownerUrl,
      migrate: () => migrateDatabase({ url, ownerUrl, embedded: false, stop: async () => {} }),
      close: () => db.$disconnect(),
    };
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
