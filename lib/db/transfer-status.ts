import type { TransferStatus } from '@/lib/domain/transfer';
import type { Prisma } from '@/lib/generated/prisma/client';

// A transfer's derived states (lib/domain/transfer.ts: transferStatus, isExecutedTransfer, holdsTransferCadre) as
// SQL fragments and Prisma filters, for the queries that select or count by them. Nothing stores them: an
// approved transfer is executed at a date once its effective date has come (docs/domain.md, Derived states).
// tests/integration/derived-states-sql.test.ts checks every form here against the domain functions on random rows.
//
// `alias` names a transfer row in the statement; `date` is an SQL date expression (e.g. `$2::date`).

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** isExecutedTransfer: approved and the effective date reached. */
export const transferExecutedSql = (alias: string, date: string) => `(${alias}.state = 'approved' AND ${alias}.effective_date <= ${date})`;

/** Approved and not yet effective at the date: the reservations of the quota guards and the scheduled moves. */
export const transferAwaitingEffectSql = (alias: string, date: string) => `(${alias}.state = 'approved' AND ${alias}.effective_date > ${date})`;

/** transferStatus, as text. */
export const transferStatusSql = (alias: string, date: string) => `(CASE WHEN ${transferExecutedSql(alias, date)} THEN 'executed' ELSE ${alias}.state::text END)`;

/** holdsTransferCadre: undecided, or approved and not yet effective. */
export const transferHoldsCadreSql = (alias: string, date: string) => `(${alias}.state = 'proposed' OR ${transferAwaitingEffectSql(alias, date)})`;

/** The transfers whose status at `date` is `status`. */
export function transferStatusWhere(status: TransferStatus, date: string): Prisma.TransferWhereInput {
  switch (status) {
    case 'executed':
      return { state: 'approved', effectiveDate: { lte: day(date) } };
    case 'approved':
      return { state: 'approved', effectiveDate: { gt: day(date) } };
    default:
      return { state: status };
  }
}

/** The transfers holding their cadre at `date`. */
export const transferHoldsCadreWhere = (date: string): Prisma.TransferWhereInput => ({
  OR: [{ state: 'proposed' }, transferStatusWhere('approved', date)],
});
