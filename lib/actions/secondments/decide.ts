'use server';

import { revalidatePath } from 'next/cache';
import { checkCandidateTransition, holdsCadre, listAfterDecisions } from '@/lib/domain/secondment';
import { CONCLUSION_NUMBER, DecideCandidatesSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult } from '../result';
import { allowedOn, loadList } from './load';

// The Standing Committee approves forwarded candidates of a list, all or a subset, by a numbered Conclusion
// (an entity: number unique in the province, with its date, approving candidates of any lists), or declines
// them with a reason. When nobody on the list awaits a decision any more, the list is decided.

export const decideSecondmentCandidates = defineAction('decideSecondmentCandidates', 'secondment.decide', DecideCandidatesSchema, async (input, ctx): Promise<ActionResult<{ decided: number }>> => {
  const list = await loadList(ctx.db, ctx.user, input.listId);
  if (!list) return fail('errors.notFound');
  if (list.version !== input.version) return fail('secondment.errors.stale');
  const waiting = list.candidates.filter((c) => c.state === 'forwarded');
  const chosen =
    input.scope === 'all'
      ? waiting
      : waiting.filter((c) => (input as Record<string, unknown>)[`candidate-${c.id}`] === 'on');
  const approve = input.decision === 'approve';
  const conclusionNumber = input.conclusionNumber?.toUpperCase() ?? null;
  // Check every chosen candidate with the machine; the first refusal answers (nothing is written).
  for (const candidate of chosen.length > 0 ? chosen : [{ id: 0, cadreId: 0, state: 'forwarded' as const }]) {
    const check = checkCandidateTransition(approve ? 'approve' : 'decline', candidate.state, list.state, allowedOn(ctx.user, list.resource), {
      reason: input.reason,
      conclusionNumber,
      conclusionDate: input.conclusionDate,
    });
    if (!check.ok) {
      if (check.error === 'secondment.errors.forbidden') return fail('errors.forbidden');
      if (check.error === 'secondment.errors.wrongState') return fail('secondment.errors.stale');
      if (check.error === 'secondment.errors.conclusionRequired') {
        return fail('errors.validation', { fieldErrors: conclusionNumber ? { conclusionDate: check.error } : { conclusionNumber: check.error } });
      }
      return fail('errors.validation', { fieldErrors: { reason: check.error } });
    }
  }
  if (chosen.length === 0) return fail('secondment.errors.noneChosen');
  if (approve && !CONCLUSION_NUMBER.test(conclusionNumber!)) return fail('errors.validation', { fieldErrors: { conclusionNumber: 'secondment.errors.conclusionFormat' } });

  const conclusionDate = approve ? new Date(`${input.conclusionDate}T00:00:00Z`) : null;
  if (approve) {
    // A Conclusion already recorded under this number must be the same document (same date).
    const existing = await ctx.db.conclusion.findUnique({ where: { provinceId_number: { provinceId: list.provinceId, number: conclusionNumber! } }, select: { date: true } });
    if (existing && existing.date.getTime() !== conclusionDate!.getTime()) {
      return fail('errors.validation', { fieldErrors: { conclusionDate: 'secondment.errors.conclusionDateMismatch' } });
    }
  }

  const result = await ctx.db.$transaction(async (tx) => {
    const bumped = await tx.secondmentList.updateMany({ where: { id: list.id, version: input.version, state: 'forwarded' }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) return fail('secondment.errors.stale');
    let conclusionId: number | null = null;
    if (approve) {
      conclusionId = (
        await tx.conclusion.upsert({
          where: { provinceId_number: { provinceId: list.provinceId, number: conclusionNumber! } },
          create: { provinceId: list.provinceId, number: conclusionNumber!, date: conclusionDate! },
          update: {},
          select: { id: true },
        })
      ).id;
    }
    const to = approve ? 'approved' : 'declined';
    const ids = chosen.map((c) => c.id);
    const updated = await tx.secondmentCandidate.updateMany({
      where: { id: { in: ids }, listId: list.id, state: 'forwarded' },
      data: approve
        ? { state: to, conclusionId, holdsCadre: holdsCadre(to, 'forwarded'), version: { increment: 1 } }
        : { state: to, decisionReason: input.reason, holdsCadre: holdsCadre(to, 'forwarded'), version: { increment: 1 } },
    });
    if (updated.count !== ids.length) throw new Error('decide: candidates changed under the list lock');
    const remaining = await tx.secondmentCandidate.findMany({ where: { listId: list.id }, select: { state: true } });
    const listState = listAfterDecisions('forwarded', remaining.map((c) => c.state));
    if (listState !== 'forwarded') await tx.secondmentList.update({ where: { id: list.id }, data: { state: listState } });
    if (approve) {
      const conclusion = { number: conclusionNumber!, date: input.conclusionDate! };
      for (const id of ids) await ctx.audit(tx, { action: 'secondment.candidate.approve', entityId: id, after: { from: 'forwarded', to: 'approved', conclusion } });
      await ctx.audit(tx, { action: 'secondment.list.approve', entityId: list.id, after: { from: 'forwarded', to: listState, conclusion, candidates: ids.length } });
    } else {
      const comment = input.reason ?? '';
      for (const id of ids) await ctx.audit(tx, { action: 'secondment.candidate.decline', entityId: id, after: { from: 'forwarded', to: 'declined', comment } });
      await ctx.audit(tx, { action: 'secondment.list.decline', entityId: list.id, after: { from: 'forwarded', to: listState, comment, candidates: ids.length } });
    }
    return ok({ decided: ids.length }, approve ? 'secondment.notices.approved' : 'secondment.notices.declined');
  });
  if (result.ok) revalidatePath('/secondments', 'layout');
  return result;
});
