import type { Prisma } from '@/lib/generated/prisma/client';
import { checkRecruitmentWithinQuota, type BlockFigure } from '@/lib/domain/roster';
import type { Block } from '@/lib/domain/types';
import { listCommuneMovements } from './movement-queries';
import type { Db } from './prisma';
import { lockCommune } from './roster-mutations';
import { getCommuneStaffing } from './staffing-queries';

type Tx = Prisma.TransactionClient;

export type QuotaGuardOutcome =
  | { ok: true; figures: BlockFigure }
  | { ok: false; figures: BlockFigure; breach: { at: string; headcount: number; quota: number } };

/**
 * The quota guard (docs/domain.md, The quota guard), the one every path that adds people to a commune block goes
 * through (recruitment, a change of primary post across blocks, a transfer): locks the commune row in the caller's
 * transaction, so changes to one commune are serialised, then checks that the block's headcount plus `adding`
 * stays within its quota at `date` and at every later date a scheduled change (a recruitment or post change
 * recorded ahead, an approved transfer) brings someone into the block. Figures come from the counting pipeline,
 * read after the lock (every earlier change to the commune has committed). `figures` are those at `date`.
 */
export async function checkBlockQuota(
  tx: Tx,
  db: Db,
  commune: { id: number; provinceId: number },
  block: Block,
  date: string,
  adding = 1,
): Promise<QuotaGuardOutcome> {
  await lockCommune(tx, commune.id);
  const later = (await listCommuneMovements(db, commune.id, date))
    .filter((m) => m.kind !== 'secondment' && m.direction === 'in' && m.block === block && m.startDate > date)
    .map((m) => m.startDate);
  const dates = [date, ...[...new Set(later)].sort()];
  let first: BlockFigure | null = null;
  for (const at of dates) {
    const figures = (await getCommuneStaffing(db, commune.provinceId, commune.id, { date: at })).blocks[block];
    first ??= figures;
    if (!checkRecruitmentWithinQuota(figures, adding).ok) return { ok: false, figures: first, breach: { at, headcount: figures.headcount, quota: figures.quota } };
  }
  return { ok: true, figures: first! };
}
