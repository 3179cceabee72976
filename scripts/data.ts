// npm run data -- <command>: the command-line contracts (see README), against DATABASE_URL or the embedded default.
import { runCli } from '@/lib/cli/run';
import { createPrismaClient } from '@/lib/db/prisma';
import { migrateDeploy } from '@/lib/db/migrate';
import { openDatabase } from '@/lib/runtime/database';
import { env } from '@/lib/env';

const io = {
  out: (line: string) => console.log(line),
  err: (line: string) => console.error(line),
  cwd: env.INIT_CWD ?? process.cwd(),
};

const code = await runCli(process.argv.slice(2), io, async () => {
  const database = await openDatabase();
  if (database.embedded) migrateDeploy(database.url);
  const db = createPrismaClient(database.url);
  return {
    db,
    close: async () => {
      await db.$disconnect();
      await database.stop();
    },
  };
});
process.exit(code);
