import type { SessionUser } from '@/lib/auth/roles';
import type { Db } from '@/lib/db/prisma';
import { findTransfer, getTransferFigures, listTransferFormOptions, listTransferTimeline, listTransfers } from '@/lib/db/transfer-queries';
import { TRANSFER_STATUSES } from '@/lib/domain/transfer';
import { firstParam, type SearchParams } from '@/lib/domain/unit-list';

// What the transfer list and a transfer's page read, at the day asked. Reads only: a GET request writes nothing but
// the lazy daily snapshot (docs/architecture.md, Conventions: caching); a transfer's execution is read from its
// date, never written (docs/domain.md, Derived states). tests/integration/no-get-writes.test.ts holds the pages to it.

type Params = SearchParams;

const idParam = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : undefined);

/** The list with its filters from the address (`state` is a status: `executed` included); a chairman sees his commune's. */
export async function loadTransferList(db: Db, user: SessionUser, params: Params, day: string) {
  const isChairman = user.role === 'commune_chairman';
  const status = TRANSFER_STATUSES.find((s) => s === firstParam(params.state));
  const communeId = isChairman ? (user.communeId ?? -1) : idParam(firstParam(params.commune));
  const oldDistrictId = isChairman ? undefined : idParam(firstParam(params.district));
  const [options, rows] = await Promise.all([
    listTransferFormOptions(db, user.provinceId),
    listTransfers(db, user.provinceId, { statuses: status ? [status] : undefined, communeId, oldDistrictId }, day),
  ]);
  return { isChairman, status, communeId, oldDistrictId, options, rows };
}

/** One transfer of the province with its figures and timeline; null when there is none (the caller checks the scope). */
export async function loadTransferPage(db: Db, provinceId: number, transferId: number, day: string) {
  const transfer = await findTransfer(db, { provinceId }, transferId, day);
  if (!transfer) return null;
  const [figures, timeline] = await Promise.all([getTransferFigures(db, transfer, day), listTransferTimeline(db, transfer.id)]);
  return { transfer, figures, timeline };
}
