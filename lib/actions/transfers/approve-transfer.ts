'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import * as transfers from '@/lib/db/transfer-mutations';
import { ApproveTransferSchema } from '@/lib/validation/transfer';
import { defineAction } from '../define-action';
import { ok, type ActionResult } from '../result';
import { loadTransferStep } from './load';

// The decision (Home Affairs, or the Organizing Committee), by a province-level body's decision: number, date
// (never in the future, never before the proposal: lib/domain/decisions.ts) and issuing body. Approval records the
// decision, takes the quota reservation under row locks and writes the move
// (lib/db/transfer-mutations.ts#approveTransfer); a guard refusing there answers with its transfer.errors.* key, a
// transfer that moved on meanwhile with "changed meanwhile". The audit record carries the envelope of a dated
// change: its effective date, its decision, and that it moves the figures.

export const approveTransfer = defineAction('approveTransfer', 'transfer.decide', ApproveTransferSchema, async (input, ctx): Promise<ActionResult<{ state: 'approved' | 'executed' }>> => {
  const day = today();
  const transfer = await loadTransferStep(
    ctx,
    'approve',
    input,
    (loaded) => ({ decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, today: day, proposedOn: loaded.proposedOn }),
    (error) => (error === 'transfer.errors.decisionRequired' && !input.decisionNumber ? 'decisionNumber' : 'decisionDate'),
  );
  const decisionNumber = input.decisionNumber!;
  const decisionDate = input.decisionDate!;
  const status = await ctx.write(async (tx) => {
    const approved = await transfers.approveTransfer(
      tx,
      ctx.db,
      { transferId: transfer.id, provinceId: ctx.user.provinceId, version: input.version, decisionNumber, decisionDate, issuingBodyId: input.issuingBodyId, decidedById: ctx.user.id },
      day,
    );
    return { audit: transfers.approvalAudit(transfer.id, transfer.cadreCode, { decisionNumber, decisionDate }, approved), value: approved.status };
  });
  revalidatePath('/', 'layout');
  return ok({ state: status }, status === 'executed' ? 'transfer.notices.executed' : 'transfer.notices.approved');
}, { stale: 'transfer.errors.stale' });
