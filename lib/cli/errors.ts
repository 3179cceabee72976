import type { Db } from '@/lib/db/prisma';

/** An expected failure: bad input from the user. Exit code 1, message shown as is (Vietnamese). */
export class CliInputError extends Error {}

/** A failure outside the command (a mail server refusing or down): exit code 2, message shown as is (Vietnamese). */
export class CliFailure extends Error {}

export type CliIo = { out: (line: string) => void; err: (line: string) => void; cwd: string };

/**
 * The database a command works on: `db` and `url` sign in as the app's runtime role, `ownerUrl` as the schema's
 * owner (backup and restore); `migrate` applies this version's migrations and the runtime role's grants
 * (docs/decisions/031-database-roles-and-secrets.md).
 */
export type CliConnection = { db: Db; url: string; ownerUrl: string; migrate: () => Promise<void>; close: () => Promise<void> };
