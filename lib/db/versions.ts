import type { Prisma } from '@/lib/generated/prisma/client';
import { StaleWrite } from './errors';

// Optimistic concurrency: every editable row has a `version`; a form posts the version it was rendered with and
// the mutation bumps it conditionally, first thing in its transaction. A row whose version moved on (or that left
// the state the mutation expects) makes it throw StaleWrite, which rolls back the transaction and answers with
// the action's "changed meanwhile" message.

const VERSIONED = ['cadre', 'commune', 'position', 'app_user', 'vacancy', 'secondment_phase', 'secondment_list', 'secondment_candidate', 'transfer', 'reception', 'recruitment_target', 'report_draft', 'support_request', 'working_group', 'problem_group'] as const;
/** Versioned tables without an `updated_at` column. */
const UNTIMED: readonly VersionedTable[] = ['recruitment_target', 'secondment_phase', 'working_group', 'problem_group'];
export type VersionedTable = (typeof VERSIONED)[number];

/**
 * Bumps `table`.version from `version` for row `id`, with optional extra conditions on the row (a fixed SQL
 * fragment over the row's own columns, e.g. `status = 'active'`). Throws StaleWrite when no row matched.
 * `at` is the instant the row records as updated: the database's now() unless a replayed story gives its own.
 */
export async function bumpVersion(tx: Prisma.TransactionClient, table: VersionedTable, id: number, version: number, condition?: `${string}`, at?: Date): Promise<void> {
  if (!VERSIONED.includes(table)) throw new Error(`bumpVersion: ${table} is not a versioned table`);
  const touch = UNTIMED.includes(table) ? '' : `, updated_at = ${at ? '$3::timestamptz' : 'now()'}`;
  const count = await tx.$executeRawUnsafe(
    `UPDATE ${table} SET version = version + 1${touch} WHERE id = $1 AND version = $2${condition ? ` AND (${condition})` : ''}`,
    id,
    version,
    ...(at && touch ? [at.toISOString()] : []),
  );
  if (count !== 1) throw new StaleWrite(table);
}
