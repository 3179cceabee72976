import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from './prisma';

// The one-time tokens of submitted forms (docs/decisions/036-one-time-form-tokens.md), written by the action helper
// (lib/actions/define-action.ts) only: claimed and given the change's value in the change's transaction, given the
// action's answer once it answered.

type Tx = Prisma.TransactionClient;

/** A token's row lives a day: long enough for any repeat of a post, short enough that the table stays small. */
const LIFETIME = '1 day';
/** Expired rows deleted by one claim at most: the cost of a submission stays bounded whatever piled up. */
const EXPIRED_PER_CLAIM = 100;

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/**
 * Claims a form's token in the caller's transaction, as its first statement: true when this submission is the first
 * with it. Under READ COMMITTED a second submission's insert waits on the primary key until the first's transaction
 * ends: committed, the token is taken (false); rolled back (a refusal), this one claims it. Rows older than a day
 * are deleted on the way, skipping those another transaction holds, so no timer is needed and nobody waits on them.
 */
export async function claimFormToken(tx: Tx, claim: { token: string; userId: number; action: string }): Promise<boolean> {
  const claimed = await tx.$queryRaw<{ token: string }[]>`
    WITH expired AS (
      DELETE FROM form_submission
       WHERE token IN (SELECT token FROM form_submission
                        WHERE created_at < now() - ${LIFETIME}::interval AND token <> ${claim.token}
                        ORDER BY created_at LIMIT ${EXPIRED_PER_CLAIM} FOR UPDATE SKIP LOCKED)
    )
    INSERT INTO form_submission (token, user_id, action) VALUES (${claim.token}, ${claim.userId}, ${claim.action})
    ON CONFLICT (token) DO NOTHING
    RETURNING token`;
  return claimed.length === 1;
}

/** What the change returned, in its transaction: a submission meeting the token meanwhile answers from it. */
export async function recordFormValue(tx: Tx, token: string, value: unknown): Promise<void> {
  if (value === undefined) return;
  await tx.formSubmission.update({ where: { token }, data: { value: json(value) } });
}

/** The action's answer, after it answered: a later submission of the form answers it without running the action. */
export async function recordFormResult(db: Db, token: string, result: unknown): Promise<void> {
  await db.$executeRaw`UPDATE form_submission SET result = ${JSON.stringify(result)}::jsonb WHERE token = ${token} AND result IS NULL`;
}
