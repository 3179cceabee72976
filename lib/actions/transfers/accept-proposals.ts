'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import { can } from '@/lib/auth/policy';
import type { AuditEvent } from '@/lib/audit/events';
import { Refusal } from '@/lib/db/errors';
import { runPlan } from '@/lib/db/proposal-queries';
import * as transfers from '@/lib/db/transfer-mutations';
import { matchSelection, parseSelection } from '@/lib/domain/plan-selection';
import { evaluatePlan } from '@/lib/domain/proposals';
import { renderMoveReason } from '@/lib/i18n/plan-messages';
import { translatorFor } from '@/lib/i18n/translator';
import { AcceptProposalsSchema } from '@/lib/validation/transfer-plan';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult, type MessageKey, type MessageParams } from '../result';

// "Users review the proposals and turn the ones they accept into transfer proposals in one step" (decision 017):
// the ticked moves of the plan page become `proposed` transfers (source 'engine'), all or nothing in one
// transaction, one audit record each. The moves are checked again on the current data first: the engine is run
// again for the same scope (deterministic: same data, same plan) and each ticked move must still be in it and
// break none of the engine's guards; then the transfer guards of every insert (lib/db/transfer-mutations.ts).
// A refusal names the move (`params.move`) and why (`fieldErrors.moves`, a message key with its `params`), and
// creates nothing.

type Accepted = { transferIds: number[] };

/** The stored texts of a proposal are Vietnamese, as a proposal typed by Home Affairs is. */
const vi = translatorFor('vi');

const describe = (m: { cadreCode: string; toCommuneCode: string }, from?: string) => `${m.cadreCode} (${from ? `${from} → ` : '→ '}${m.toCommuneCode})`;

/** The plan changed under the user: which move, why (a message key and its parameters), and the date field when that is the cause. */
function stale(move: string, why: MessageKey, params: MessageParams = {}, dateRefused = false) {
  return {
    fieldErrors: { moves: why, ...(dateRefused ? { effectiveDate: 'transferPlan.errors.dateBeforeStart' } : {}) },
    params: { ...params, move },
  };
}

export const acceptProposals = defineAction('acceptProposals', 'transfer.propose', AcceptProposalsSchema, async (input, ctx): Promise<ActionResult<Accepted>> => {
  const day = today();
  const provinceId = ctx.user.provinceId;
  if (!can(ctx.user, 'transfer.propose', { provinceId })) return fail('errors.forbidden');
  const selected = parseSelection(Object.entries(input as Record<string, string>));
  if (selected === null) return fail('transferPlan.errors.tooMany');
  if (selected.length === 0) return fail('transferPlan.errors.noneSelected', { fieldErrors: { moves: 'transferPlan.errors.noneSelected' } });
  const province = await ctx.db.province.findUniqueOrThrow({ where: { id: provinceId }, select: { id: true, code: true, name: true } });
  const run = await runPlan(ctx.db, province, day, input.od ?? null);
  if (!run) return fail('errors.notFound');
  const { moves, missing } = matchSelection(run.plan.moves, selected);
  if (missing.length > 0) return fail('transferPlan.errors.stale', stale(describe(missing[0]), 'transferPlan.errors.moveNotInPlan'));
  const evaluation = evaluatePlan(run.data.input, moves);
  if (evaluation.violations.length > 0) {
    const v = evaluation.violations[0];
    const move = moves.find((m) => m.cadreCode === v.cadreCode) ?? moves[0];
    return fail('transferPlan.errors.stale', stale(describe(move, move.fromCommuneCode), v.message.key, v.message.params));
  }
  const communeIds = new Map(run.data.communes.map((c) => [c.code, c.communeId]));
  const positionIds = new Map(run.data.input.positions.map((p) => [p.code, p.id]));
  const transferIds = await ctx.write(
    async (tx) => {
      const ids: number[] = [];
      const audit: AuditEvent[] = [];
      for (const move of moves) {
        const reason = renderMoveReason(vi, move.reason);
        const inserted = await transfers.insertTransferProposal(
          tx,
          ctx.db,
          {
            provinceId, cadreId: move.cadreId, toCommuneId: communeIds.get(move.toCommuneCode)!, positionId: positionIds.get(move.positionCode)!,
            effectiveDate: input.effectiveDate, reason,
            justification: move.sameOldDistrict ? null : vi('transferPlan.accept.justification', { reason }),
            source: 'engine', proposedById: ctx.user.id,
          },
          day,
        );
        // All or nothing: the first refusal rolls back the moves already inserted.
        if (!inserted.ok) {
          const { fieldErrors, params } = stale(describe(move, move.fromCommuneCode), inserted.refusal.key, {}, inserted.refusal.field === 'effectiveDate');
          throw new Refusal('transferPlan.errors.stale', fieldErrors, params);
        }
        ids.push(inserted.transferId);
        audit.push({
          action: 'transfer.propose',
          entityId: inserted.transferId,
          after: {
            to: 'proposed', source: 'engine', cadre: move.cadreCode, from: move.fromCommuneCode, toCommune: move.toCommuneCode, position: move.positionCode,
            effectiveDate: input.effectiveDate, crossDistrict: !move.sameOldDistrict, comment: reason, justification: inserted.justification,
          },
        });
      }
      return { audit, value: ids };
    },
    { timeout: 30_000 },
  );
  revalidatePath('/', 'layout');
  return ok({ transferIds }, 'transferPlan.notices.accepted');
});
