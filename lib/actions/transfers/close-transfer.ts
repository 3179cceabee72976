import { revalidatePath } from 'next/cache';
import * as transfers from '@/lib/db/transfer-mutations';
import type { ActionContext } from '../define-action';
import { ok, type ActionResult } from '../result';
import { loadTransferStep } from './load';

/**
 * A proposed transfer closed with a reason: declined by the decider (decline-transfer.ts) or withdrawn by Home
 * Affairs (cancel-transfer.ts). One transaction guarded by the transfer's version, with its audit record.
 */
export async function closeTransfer(step: 'decline' | 'cancel', input: { transferId: number; version: number; reason: string | null }, ctx: ActionContext): Promise<ActionResult> {
  const transfer = await loadTransferStep(ctx, step, input, { reason: input.reason }, 'reason');
  const reason = input.reason!;
  await ctx.write(async (tx) => {
    const after = { from: 'proposed' as const, comment: reason, cadre: transfer.cadreCode };
    if (step === 'decline') {
      await transfers.closeTransfer(tx, { transferId: transfer.id, version: input.version, state: 'declined', reason, decidedById: ctx.user.id });
      return { audit: { action: 'transfer.decline', entityId: transfer.id, after: { ...after, to: 'declined' } } };
    }
    await transfers.closeTransfer(tx, { transferId: transfer.id, version: input.version, state: 'cancelled', reason });
    return { audit: { action: 'transfer.cancel', entityId: transfer.id, after: { ...after, to: 'cancelled' } } };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, step === 'decline' ? 'transfer.notices.declined' : 'transfer.notices.cancelled');
}
