'use server';

import { revalidatePath } from 'next/cache';
import * as transfers from '@/lib/db/transfer-mutations';
import { chairmanSide } from '@/lib/domain/transfer';
import { TransferOpinionSchema } from '@/lib/validation/transfer';
import { defineAction } from '../define-action';
import { ok, type ActionResult } from '../result';
import { loadTransferStep } from './load';

// Each commune chairman records his commune's opinion (agree or disagree, with a note) on a proposed transfer
// out of or into his commune. He may change it while the transfer awaits the decision; opinions inform the
// decision and do not block it (docs/decisions/016).

export const recordTransferOpinion = defineAction('recordTransferOpinion', 'transfer.opinion', TransferOpinionSchema, async (input, ctx): Promise<ActionResult> => {
  const transfer = await loadTransferStep(ctx, 'opinion', input, { opinion: input.opinion }, 'opinion');
  const side = chairmanSide(ctx.user.communeId, transfer)!;
  const opinion = input.opinion!;
  await ctx.write(async (tx) => {
    await transfers.recordTransferOpinion(tx, { transferId: transfer.id, version: input.version, side, opinion, note: input.note, at: new Date() });
    return {
      audit: {
        action: 'transfer.opinion',
        entityId: transfer.id,
        after: { side, commune: side === 'from' ? transfer.fromCommuneCode : transfer.toCommuneCode, opinion, comment: input.note ?? null },
      },
    };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, 'transfer.notices.opinion');
}, { stale: 'transfer.errors.stale' });
