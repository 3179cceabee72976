'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import { markDueTransfersExecuted } from '@/lib/db/transfer-mutations';
import { chairmanSide, checkTransferTransition } from '@/lib/domain/transfer';
import { TransferOpinionSchema } from '@/lib/validation/transfer';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult } from '../result';
import { allowedOnTransfer, loadTransfer } from './load';

// Each commune chairman records his commune's opinion (agree or disagree, with a note) on a proposed transfer
// out of or into his commune. He may change it while the transfer awaits the decision; opinions inform the
// decision and do not block it (docs/decisions/016).

export const recordTransferOpinion = defineAction('recordTransferOpinion', 'transfer.opinion', TransferOpinionSchema, async (input, ctx): Promise<ActionResult> => {
  await markDueTransfersExecuted(ctx.db, ctx.user.provinceId, today());
  const transfer = await loadTransfer(ctx.db, ctx.user, input.transferId);
  if (!transfer) return fail('transfer.errors.notFound');
  const check = checkTransferTransition('opinion', transfer.state, allowedOnTransfer(ctx.user, transfer), { opinion: input.opinion });
  if (!check.ok) {
    if (check.error === 'transfer.errors.forbidden') return fail('errors.forbidden');
    if (check.error === 'transfer.errors.wrongState') return fail('transfer.errors.stale');
    return fail(check.error, { fieldErrors: { opinion: check.error } });
  }
  if (transfer.version !== input.version) return fail('transfer.errors.stale');
  const side = chairmanSide(ctx.user.communeId, transfer)!;
  const at = new Date();
  const data = side === 'from'
    ? { fromOpinion: input.opinion!, fromOpinionNote: input.note, fromOpinionAt: at }
    : { toOpinion: input.opinion!, toOpinionNote: input.note, toOpinionAt: at };
  const failed = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.transfer.updateMany({ where: { id: transfer.id, version: input.version, state: 'proposed' }, data: { ...data, version: { increment: 1 } } });
    if (updated.count !== 1) return fail('transfer.errors.stale');
    await ctx.audit(tx, {
      action: 'transfer.opinion',
      entityType: 'transfer',
      entityId: transfer.id,
      after: { side, commune: side === 'from' ? transfer.fromCommuneCode : transfer.toCommuneCode, opinion: input.opinion ?? null, comment: input.note ?? null },
    });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/', 'layout');
  return ok(undefined, 'transfer.notices.opinion');
});
