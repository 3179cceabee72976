'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import { can } from '@/lib/auth/policy';
import { insertTransferProposal, markDueTransfersExecuted } from '@/lib/db/transfer-mutations';
import { checkTransferTransition } from '@/lib/domain/transfer';
import { ProposeTransferSchema } from '@/lib/validation/transfer';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult } from '../result';

// Home Affairs proposes a transfer of an active cadre or civil servant of a commune (issue 8 item 1). The guards
// (lib/domain/transfer.ts) are checked on the current figures; the reservation is taken at approval.

export const proposeTransfer = defineAction('proposeTransfer', 'transfer.propose', ProposeTransferSchema, async (input, ctx): Promise<ActionResult<{ transferId: number }>> => {
  const day = today();
  if (!can(ctx.user, 'transfer.propose', { provinceId: ctx.user.provinceId })) return fail('errors.forbidden');
  const check = checkTransferTransition('propose', null, (p) => can(ctx.user, p, { provinceId: ctx.user.provinceId }));
  if (!check.ok) return fail('errors.forbidden');
  if (!input.reason) return fail('transfer.errors.reasonRequired', { fieldErrors: { reason: 'transfer.errors.reasonRequired' } });
  await markDueTransfersExecuted(ctx.db, ctx.user.provinceId, day);
  const result = await ctx.db.$transaction(async (tx) => {
    const inserted = await insertTransferProposal(
      tx,
      {
        provinceId: ctx.user.provinceId, cadreId: input.cadreId, toCommuneId: input.toCommuneId, positionId: input.positionId,
        effectiveDate: input.effectiveDate, reason: input.reason!, justification: input.justification, source: 'manual', proposedById: ctx.user.id,
      },
      day,
    );
    if (!inserted.ok) return inserted;
    const row = await tx.transfer.findUniqueOrThrow({
      where: { id: inserted.transferId },
      select: { crossDistrict: true, cadre: { select: { code: true } }, fromCommune: { select: { code: true } }, toCommune: { select: { code: true } }, position: { select: { code: true } } },
    });
    await ctx.audit(tx, {
      action: 'transfer.propose',
      entityType: 'transfer',
      entityId: inserted.transferId,
      after: {
        to: 'proposed', source: 'manual', cadre: row.cadre.code, from: row.fromCommune.code, toCommune: row.toCommune.code, position: row.position.code,
        effectiveDate: input.effectiveDate, crossDistrict: row.crossDistrict, comment: input.reason, justification: input.justification ?? null,
      },
    });
    return inserted;
  });
  if (!result.ok) {
    const key = `transfer.errors.${result.refusal.code}`;
    return fail(key, { fieldErrors: { [result.refusal.field ?? 'cadreId']: key } });
  }
  revalidatePath('/', 'layout');
  return ok({ transferId: result.transferId }, 'transfer.notices.proposed');
});
