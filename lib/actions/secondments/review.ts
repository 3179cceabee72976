'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { candidateOnForward, checkCandidateTransition, checkListTransition, holdsCadre } from '@/lib/domain/secondment';
import { AssessCandidateSchema, ForwardListSchema, ReturnListSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult } from '../result';
import { allowedOn, loadList } from './load';

// The Organizing Committee's review: assess each candidate ("meets the standards and conditions" or not, with a
// reason), then return the list to the department with a comment or forward those who meet the standards.
// Each write is conditional on the version the reviewer saw, so of two reviewers acting at once exactly one
// transition happens and the other is told the list moved on.

const stale = () => fail('secondment.errors.stale');

function refusal(error: string): ActionResult<never> {
  if (error === 'secondment.errors.forbidden') return fail('errors.forbidden');
  if (error === 'secondment.errors.wrongState') return stale();
  return fail(error);
}

export const assessSecondmentCandidate = defineAction('assessSecondmentCandidate', 'secondment.review', AssessCandidateSchema, async (input, ctx): Promise<ActionResult> => {
  const candidate = await ctx.db.secondmentCandidate.findFirst({
    where: { id: input.candidateId, list: { phase: { provinceId: ctx.user.provinceId } } },
    select: { id: true, state: true, version: true, listId: true, cadre: { select: { code: true } } },
  });
  if (!candidate) return fail('errors.notFound');
  const list = await loadList(ctx.db, ctx.user, candidate.listId);
  if (!list) return fail('errors.notFound');
  if (candidate.version !== input.version) return stale();
  const action = input.meets === 'yes' ? 'assess_meets' : 'assess_not_meets';
  const check = checkCandidateTransition(action, candidate.state, list.state, allowedOn(ctx.user, list.resource), { reason: input.reason });
  if (!check.ok) {
    if (check.error === 'secondment.errors.reasonRequired') return fail('errors.validation', { fieldErrors: { reason: check.error } });
    return refusal(check.error);
  }
  const failed = await ctx.db.$transaction(async (tx) => {
    // The list must still be under review: lock its row so a concurrent forward or return waits for this.
    const locked = await tx.$queryRaw<{ state: string }[]>`SELECT state::text FROM secondment_list WHERE id = ${list.id} FOR UPDATE`;
    if (locked[0]?.state !== 'submitted') return stale();
    const updated = await tx.secondmentCandidate.updateMany({
      where: { id: candidate.id, version: input.version },
      data: { state: check.to, assessmentReason: input.reason, holdsCadre: holdsCadre(check.to, 'submitted'), version: { increment: 1 } },
    });
    if (updated.count !== 1) return stale();
    await ctx.audit(tx, {
      action: 'secondment.candidate.assess',
      entityType: 'secondment_candidate',
      entityId: candidate.id,
      after: { from: candidate.state, to: check.to, comment: input.reason, cadre: candidate.cadre.code },
    });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.assessed');
});

export const returnSecondmentList = defineAction('returnSecondmentList', 'secondment.review', ReturnListSchema, async (input, ctx): Promise<ActionResult> => {
  const list = await loadList(ctx.db, ctx.user, input.listId);
  if (!list) return fail('errors.notFound');
  if (list.version !== input.version) return stale();
  const check = checkListTransition('return', list.state, allowedOn(ctx.user, list.resource), { candidates: list.candidates.map((c) => c.state), comment: input.comment });
  if (!check.ok) {
    if (check.error === 'secondment.errors.commentRequired') return fail('errors.validation', { fieldErrors: { comment: check.error } });
    return refusal(check.error);
  }
  const failed = await ctx.db.$transaction(async (tx) => {
    const moved = await tx.secondmentList.updateMany({ where: { id: list.id, version: input.version, state: 'submitted' }, data: { state: check.to, version: { increment: 1 } } });
    if (moved.count !== 1) return stale();
    await ctx.audit(tx, { action: 'secondment.list.return', entityType: 'secondment_list', entityId: list.id, after: { from: list.state, to: check.to, comment: input.comment } });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.returned');
});

export const forwardSecondmentList = defineAction('forwardSecondmentList', 'secondment.review', ForwardListSchema, async (input, ctx): Promise<ActionResult> => {
  const list = await loadList(ctx.db, ctx.user, input.listId);
  if (!list) return fail('errors.notFound');
  if (!can(ctx.user, 'secondment.review', list.resource)) return fail('errors.forbidden');
  if (list.version !== input.version) return stale();
  const check = checkListTransition('forward', list.state, allowedOn(ctx.user, list.resource), { candidates: list.candidates.map((c) => c.state) });
  if (!check.ok) return refusal(check.error);
  const failed = await ctx.db.$transaction(async (tx) => {
    const moved = await tx.secondmentList.updateMany({ where: { id: list.id, version: input.version, state: 'submitted' }, data: { state: check.to, version: { increment: 1 } } });
    if (moved.count !== 1) return stale();
    // The list's row is now ours (updated in this transaction): its candidates cannot be assessed meanwhile.
    const candidates = await tx.secondmentCandidate.findMany({ where: { listId: list.id }, select: { id: true, state: true } });
    if (candidates.some((c) => c.state === 'proposed') || !candidates.some((c) => c.state === 'meets')) throw new Error('forward: candidates changed under the list lock');
    const forwardedIds = candidates.filter((c) => candidateOnForward(c.state) === 'forwarded').map((c) => c.id);
    await tx.secondmentCandidate.updateMany({ where: { id: { in: forwardedIds } }, data: { state: 'forwarded', holdsCadre: holdsCadre('forwarded', 'forwarded'), version: { increment: 1 } } });
    await tx.secondmentCandidate.updateMany({
      where: { listId: list.id, state: 'does_not_meet' },
      data: { holdsCadre: holdsCadre('does_not_meet', 'forwarded'), version: { increment: 1 } },
    });
    await ctx.audit(tx, { action: 'secondment.list.forward', entityType: 'secondment_list', entityId: list.id, after: { from: list.state, to: check.to, forwarded: forwardedIds.length } });
    for (const id of forwardedIds) await ctx.audit(tx, { action: 'secondment.candidate.forward', entityId: id, after: { from: 'meets', to: 'forwarded' } });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.forwarded');
});
