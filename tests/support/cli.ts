import { runCli } from '@/lib/cli/run';
import { createPrismaClient } from '@/lib/db/prisma';

/** Runs a `npm run data --` command in-process against a database, capturing its output. */
export async function runDataCommand(url: string, argv: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd }, async () => {
    const db = createPrismaClient(url);
    return { db, close: () => db.$disconnect() };
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
