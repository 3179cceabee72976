'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import { approveTransfer as writeApproval, databaseRefusal, markDueTransfersExecuted } from '@/lib/db/transfer-mutations';
import { checkTransferTransition, type TransferAction } from '@/lib/domain/transfer';
import { ApproveTransferSchema, CloseTransferSchema } from '@/lib/validation/transfer';
import { defineAction, type ActionContext } from '../define-action';
import { fail, ok, type ActionResult } from '../result';
import { allowedOnTransfer, loadTransfer } from './load';

// The decision (Home Affairs, or the Organizing Committee) and the withdrawal (Home Affairs). Approval takes the
// quota reservation under row locks and writes the move (lib/db/transfer-mutations.ts#approveTransfer).

export const approveTransfer = defineAction('approveTransfer', 'transfer.decide', ApproveTransferSchema, async (input, ctx): Promise<ActionResult<{ state: 'approved' | 'executed' }>> => {
  const day = today();
  await markDueTransfersExecuted(ctx.db, ctx.user.provinceId, day);
  const transfer = await loadTransfer(ctx.db, ctx.user, input.transferId);
  if (!transfer) return fail('transfer.errors.notFound');
  const check = checkTransferTransition('approve', transfer.state, allowedOnTransfer(ctx.user, transfer), {
    decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, today: day,
  });
  if (!check.ok) {
    if (check.error === 'transfer.errors.forbidden') return fail('errors.forbidden');
    if (check.error === 'transfer.errors.wrongState') return fail('transfer.errors.stale');
    const field = input.decisionNumber ? 'decisionDate' : 'decisionNumber';
    return fail(check.error, { fieldErrors: { [field]: check.error } });
  }
  if (transfer.version !== input.version) return fail('transfer.errors.stale');
  try {
    const result = await ctx.db.$transaction(async (tx) => {
      const approved = await writeApproval(
        tx,
        { transferId: transfer.id, provinceId: ctx.user.provinceId, version: input.version, decisionNumber: input.decisionNumber!, decisionDate: input.decisionDate!, decidedById: ctx.user.id },
        day,
      );
      if (!approved.ok) return approved;
      await ctx.audit(tx, {
        action: 'transfer.approve',
        entityType: 'transfer',
        entityId: transfer.id,
        after: {
          from: 'proposed', to: approved.state, decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, cadre: transfer.cadreCode,
          effectiveDate: approved.effectiveDate, newAssignmentId: approved.newAssignmentId, closedAssignmentIds: approved.closedAssignmentIds,
        },
      });
      return approved;
    });
    if (!result.ok) {
      if (result.stale) return fail('transfer.errors.stale');
      const key = `transfer.errors.${result.refusal.code}`;
      return fail(key);
    }
    revalidatePath('/', 'layout');
    return ok({ state: result.state }, result.state === 'executed' ? 'transfer.notices.executed' : 'transfer.notices.approved');
  } catch (error) {
    const code = databaseRefusal(error);
    if (code) return fail(`transfer.errors.${code}`);
    throw error;
  }
});

async function close(action: Extract<TransferAction, 'decline' | 'cancel'>, input: { transferId: number; version: number; reason: string | null }, ctx: ActionContext): Promise<ActionResult> {
  await markDueTransfersExecuted(ctx.db, ctx.user.provinceId, today());
  const transfer = await loadTransfer(ctx.db, ctx.user, input.transferId);
  if (!transfer) return fail('transfer.errors.notFound');
  const check = checkTransferTransition(action, transfer.state, allowedOnTransfer(ctx.user, transfer), { reason: input.reason });
  if (!check.ok) {
    if (check.error === 'transfer.errors.forbidden') return fail('errors.forbidden');
    if (check.error === 'transfer.errors.wrongState') return fail('transfer.errors.stale');
    return fail(check.error, { fieldErrors: { reason: check.error } });
  }
  if (transfer.version !== input.version) return fail('transfer.errors.stale');
  const data = action === 'decline'
    ? { state: 'declined' as const, declineReason: input.reason, decidedById: ctx.user.id }
    : { state: 'cancelled' as const, cancelReason: input.reason };
  const failed = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.transfer.updateMany({ where: { id: transfer.id, version: input.version, state: 'proposed' }, data: { ...data, version: { increment: 1 } } });
    if (updated.count !== 1) return fail('transfer.errors.stale');
    const after = { from: 'proposed' as const, comment: input.reason ?? null, cadre: transfer.cadreCode };
    await ctx.audit(tx, action === 'decline'
      ? { action: 'transfer.decline', entityId: transfer.id, after: { ...after, to: 'declined' } }
      : { action: 'transfer.cancel', entityId: transfer.id, after: { ...after, to: 'cancelled' } });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/', 'layout');
  return ok(undefined, action === 'decline' ? 'transfer.notices.declined' : 'transfer.notices.cancelled');
}

export const declineTransfer = defineAction('declineTransfer', 'transfer.decide', CloseTransferSchema, (input, ctx) => close('decline', input, ctx));

export const cancelTransfer = defineAction('cancelTransfer', 'transfer.cancel', CloseTransferSchema, (input, ctx) => close('cancel', input, ctx));
