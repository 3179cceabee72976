'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { checkCandidateTransition } from '@/lib/domain/secondment';
import { EndSecondmentSchema, PlaceCandidateSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult } from '../result';
import { allowedOn, loadList, violates } from './load';

// Placement: an approved cadre works in a commune and position from a start to an end date, staying on the
// department's staff (a secondment record, never an assignment). Ending it, on its end date or early with a
// reason, returns the cadre to the department.

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const placeSecondmentCandidate = defineAction('placeSecondmentCandidate', 'secondment.place', PlaceCandidateSchema, async (input, ctx): Promise<ActionResult> => {
  const candidate = await ctx.db.secondmentCandidate.findFirst({
    where: { id: input.candidateId, list: { phase: { provinceId: ctx.user.provinceId } } },
    select: { id: true, state: true, version: true, listId: true, cadreId: true, cadre: { select: { code: true } }, conclusion: { select: { date: true } } },
  });
  if (!candidate) return fail('errors.notFound');
  const list = await loadList(ctx.db, ctx.user, candidate.listId);
  if (!list) return fail('errors.notFound');
  if (!can(ctx.user, 'secondment.place', list.resource)) return fail('errors.forbidden');
  if (candidate.version !== input.version) return fail('secondment.errors.stale');
  // The commune must be one of the province's (a commune of another province is refused, not "not found").
  const commune = await ctx.db.commune.findUnique({ where: { id: input.communeId }, select: { id: true, code: true, provinceId: true } });
  if (!commune || commune.provinceId !== list.provinceId) return fail('errors.validation', { fieldErrors: { communeId: 'secondment.errors.communeOtherProvince' } });
  const position = await ctx.db.position.findFirst({ where: { id: input.positionId, provinceId: list.provinceId, block: { not: null } }, select: { id: true, code: true } });
  if (!position) return fail('errors.validation', { fieldErrors: { positionId: 'secondment.errors.position' } });
  const check = checkCandidateTransition('place', candidate.state, list.state, allowedOn(ctx.user, list.resource), {
    placement: {
      communeId: commune.id, positionId: position.id, startDate: input.startDate, endDate: input.endDate,
      conclusionDate: candidate.conclusion ? candidate.conclusion.date.toISOString().slice(0, 10) : null,
    },
  });
  if (!check.ok) {
    if (check.error === 'secondment.errors.forbidden') return fail('errors.forbidden');
    if (check.error === 'secondment.errors.wrongState') return fail('secondment.errors.stale');
    return fail('errors.validation', { fieldErrors: { [check.error === 'secondment.errors.startBeforeConclusion' ? 'startDate' : 'endDate']: check.error } });
  }
  try {
    const failed = await ctx.db.$transaction(async (tx) => {
      const updated = await tx.secondmentCandidate.updateMany({
        where: { id: candidate.id, version: input.version, state: 'approved' },
        data: { state: 'placed', holdsCadre: false, version: { increment: 1 } },
      });
      if (updated.count !== 1) return fail('secondment.errors.stale');
      const secondment = await tx.secondment.create({
        data: {
          candidateId: candidate.id, cadreId: candidate.cadreId, departmentId: list.departmentId, communeId: commune.id, positionId: position.id,
          startDate: day(input.startDate), endDate: day(input.endDate),
        },
        select: { id: true },
      });
      await ctx.audit(tx, {
        action: 'secondment.candidate.place',
        entityType: 'secondment_candidate',
        entityId: candidate.id,
        after: { from: 'approved', to: 'placed', commune: commune.code, position: position.code, startDate: input.startDate, endDate: input.endDate, cadre: candidate.cadre.code },
      });
      return null;
    });
    if (failed) return failed;
  } catch (error) {
    if (violates(error, 'secondment_no_overlap')) return fail('errors.validation', { fieldErrors: { startDate: 'secondment.errors.overlap' } });
    throw error;
  }
  revalidatePath('/', 'layout');
  return ok(undefined, 'secondment.notices.placed');
});

export const endSecondment = defineAction('endSecondment', 'secondment.place', EndSecondmentSchema, async (input, ctx): Promise<ActionResult> => {
  const secondment = await ctx.db.secondment.findFirst({
    where: { id: input.secondmentId, commune: { provinceId: ctx.user.provinceId } },
    select: { id: true, version: true, startDate: true, endDate: true, endedOn: true, candidateId: true, departmentId: true, candidate: { select: { listId: true, state: true, version: true } } },
  });
  if (!secondment) return fail('errors.notFound');
  const list = await loadList(ctx.db, ctx.user, secondment.candidate.listId);
  if (!list) return fail('errors.notFound');
  if (secondment.version !== input.version || secondment.endedOn !== null) return fail('secondment.errors.stale');
  const plannedEnd = secondment.endDate.toISOString().slice(0, 10);
  const check = checkCandidateTransition('end', secondment.candidate.state, list.state, allowedOn(ctx.user, list.resource), {
    ending: { date: input.date, startDate: secondment.startDate.toISOString().slice(0, 10), plannedEnd, reason: input.reason },
  });
  if (!check.ok) {
    if (check.error === 'secondment.errors.forbidden') return fail('errors.forbidden');
    if (check.error === 'secondment.errors.wrongState') return fail('secondment.errors.stale');
    return fail('errors.validation', { fieldErrors: { [check.error === 'secondment.errors.endOutsideRange' ? 'date' : 'reason']: check.error } });
  }
  const failed = await ctx.db.$transaction(async (tx) => {
    const ended = await tx.secondment.updateMany({
      where: { id: secondment.id, version: input.version, endedOn: null },
      data: { endedOn: day(input.date), endReason: input.reason, version: { increment: 1 } },
    });
    if (ended.count !== 1) return fail('secondment.errors.stale');
    await tx.secondmentCandidate.update({ where: { id: secondment.candidateId }, data: { state: 'ended', version: { increment: 1 } } });
    await ctx.audit(tx, {
      action: 'secondment.candidate.end',
      entityType: 'secondment_candidate',
      entityId: secondment.candidateId,
      after: { from: 'placed', to: 'ended', comment: input.reason, date: input.date, early: input.date < plannedEnd },
    });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/', 'layout');
  return ok(undefined, 'secondment.notices.ended');
});
