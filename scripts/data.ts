// npm run data -- <command>: the command-line contracts (see README), against DATABASE_URL or the embedded default.
import { runCli } from '@/lib/cli/run';
import { createPrismaClient } from '@/lib/db/prisma';
import { migrateDatabase, openDatabase } from '@/lib/runtime/database';
import { env } from '@/lib/env';

const io = {
  out: (line: string) => console.log(line),
  err: (line: string) => console.error(line),
  cwd: env.INIT_CWD ?? process.cwd(),
};

const code = await runCli(process.argv.slice(2), io, async () => {
  const database = await openDatabase();
  if (database.embedded) await migrateDatabase(database);
  // The commands are the app's own operations: they run as its runtime role.
  const db = createPrismaClient(database.url);
  return {
    db,
    url: database.url,
    ownerUrl: database.ownerUrl,
    migrate: () => migrateDatabase(database),
    close: async () => {
      await db.$disconnect();
      await database.stop();
    },
  };
});
process.exit(code);
