'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import { can } from '@/lib/auth/policy';
import { runPlan } from '@/lib/db/proposal-queries';
import { insertTransferProposal, markDueTransfersExecuted } from '@/lib/db/transfer-mutations';
import { matchSelection, parseSelection } from '@/lib/domain/plan-selection';
import { evaluatePlan } from '@/lib/domain/proposals';
import { AcceptProposalsSchema } from '@/lib/validation/transfer-plan';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult } from '../result';

// "Users review the proposals and turn the ones they accept into transfer proposals in one step" (issue 8 item 3):
// the ticked moves of the plan page become `proposed` transfers (source 'engine'), all or nothing in one
// transaction, one audit record each. The moves are checked again on the current data first: the engine is run
// again for the same scope (deterministic: same data, same plan) and each ticked move must still be in it and
// break none of the engine's guards; then the transfer guards of every insert (lib/db/transfer-mutations.ts).
// A refusal names the move (in `values.refusedMove` / `values.refusal`, which the form shows) and creates nothing.

type Accepted = { transferIds: number[] };

const describe = (m: { cadreCode: string; toCommuneCode: string }, from?: string) => `${m.cadreCode} (${from ? `${from} → ` : '→ '}${m.toCommuneCode})`;

export const acceptProposals = defineAction('acceptProposals', 'transfer.propose', AcceptProposalsSchema, async (input, ctx): Promise<ActionResult<Accepted>> => {
  const day = today();
  const provinceId = ctx.user.provinceId;
  if (!can(ctx.user, 'transfer.propose', { provinceId })) return fail('errors.forbidden');
  const selected = parseSelection(Object.entries(input as Record<string, string>));
  if (selected === null) return fail('transferPlan.errors.tooMany');
  if (selected.length === 0) return fail('transferPlan.errors.noneSelected', { fieldErrors: { moves: 'transferPlan.errors.noneSelected' } });
  const province = await ctx.db.province.findUniqueOrThrow({ where: { id: provinceId }, select: { id: true, code: true, name: true } });
  await markDueTransfersExecuted(ctx.db, provinceId, day);
  const run = await runPlan(ctx.db, province, day, input.od ?? null);
  if (!run) return fail('errors.notFound');
  // The form is refilled with what was ticked, plus the refused move and why.
  const typed = Object.fromEntries(Object.entries(input).filter(([k, v]) => typeof v === 'string' && (k.startsWith('m_') || k === 'effectiveDate'))) as Record<string, string>;
  const stale = (move: string, refusal: string, fieldErrors?: Record<string, string>) =>
    fail('transferPlan.errors.stale', { fieldErrors, values: { ...typed, refusedMove: move, refusal } });
  const { moves, missing } = matchSelection(run.plan.moves, selected);
  if (missing.length > 0) return stale(describe(missing[0]), 'Điều chuyển này không còn trong phương án tính trên số liệu hiện tại.');
  const evaluation = evaluatePlan(run.data.input, moves);
  if (evaluation.violations.length > 0) {
    const v = evaluation.violations[0];
    const move = moves.find((m) => m.cadreCode === v.cadreCode) ?? moves[0];
    return stale(describe(move, move.fromCommuneCode), v.message);
  }
  const communeIds = new Map(run.data.communes.map((c) => [c.code, c.communeId]));
  const positionIds = new Map(run.data.input.positions.map((p) => [p.code, p.id]));
  const result = await ctx.db.$transaction(
    async (tx) => {
      const transferIds: number[] = [];
      for (const move of moves) {
        const inserted = await insertTransferProposal(
          tx,
          {
            provinceId, cadreId: move.cadreId, toCommuneId: communeIds.get(move.toCommuneCode)!, positionId: positionIds.get(move.positionCode)!,
            effectiveDate: input.effectiveDate, reason: move.reason,
            justification: move.sameOldDistrict ? null : `Theo phương án điều động đề xuất: ${move.reason}`,
            source: 'engine', proposedById: ctx.user.id,
          },
          day,
        );
        // All or nothing: the first refusal undoes the moves already inserted (the transaction rolls back).
        if (!inserted.ok) throw new MoveRefused(describe(move, move.fromCommuneCode), inserted.refusal.message, inserted.refusal.field);
        transferIds.push(inserted.transferId);
        await ctx.audit(tx, {
          action: 'transfer.propose',
          entityType: 'transfer',
          entityId: inserted.transferId,
          after: {
            to: 'proposed', source: 'engine', cadre: move.cadreCode, from: move.fromCommuneCode, toCommune: move.toCommuneCode, position: move.positionCode,
            effectiveDate: input.effectiveDate, crossDistrict: !move.sameOldDistrict, comment: move.reason, justification: null,
          },
        });
      }
      return transferIds;
    },
    { timeout: 30_000 },
  ).catch((error: unknown) => {
    if (error instanceof MoveRefused) return error;
    throw error;
  });
  if (result instanceof MoveRefused) {
    if (result.field === 'effectiveDate') {
      return stale(result.move, result.message, { effectiveDate: 'transferPlan.errors.dateBeforeStart' });
    }
    return stale(result.move, result.message);
  }
  revalidatePath('/', 'layout');
  return ok({ transferIds: result }, 'transferPlan.notices.accepted');
});

class MoveRefused extends Error {
  constructor(readonly move: string, override readonly message: string, readonly field: string | undefined) {
    super(message);
  }
}
