'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import { can } from '@/lib/auth/policy';
import * as transfers from '@/lib/db/transfer-mutations';
import { checkTransferTransition } from '@/lib/domain/transfer';
import { ProposeTransferSchema } from '@/lib/validation/transfer';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult } from '../result';

// Home Affairs proposes a transfer of an active cadre or civil servant of a commune (decision 016). The guards
// (lib/domain/transfer.ts) are checked on the current figures; the reservation is taken at approval.

export const proposeTransfer = defineAction('proposeTransfer', 'transfer.propose', ProposeTransferSchema, async (input, ctx): Promise<ActionResult<{ transferId: number }>> => {
  const day = today();
  if (!can(ctx.user, 'transfer.propose', { provinceId: ctx.user.provinceId })) return fail('errors.forbidden');
  const check = checkTransferTransition('propose', null, (p) => can(ctx.user, p, { provinceId: ctx.user.provinceId }));
  if (!check.ok) return fail('errors.forbidden');
  if (!input.reason) return fail('transfer.errors.reasonRequired', { fieldErrors: { reason: 'transfer.errors.reasonRequired' } });
  const reason = input.reason;
  const transferId = await ctx.write((tx) =>
    transfers.proposeTransfer(
      tx,
      ctx.db,
      {
        provinceId: ctx.user.provinceId, cadreId: input.cadreId, toCommuneId: input.toCommuneId, positionId: input.positionId,
        effectiveDate: input.effectiveDate, reason, justification: input.justification, source: 'manual', proposedById: ctx.user.id,
      },
      day,
    ),
  );
  revalidatePath('/', 'layout');
  return ok({ transferId }, 'transfer.notices.proposed');
}, { stale: 'transfer.errors.stale' });
