'use server';

import { revalidatePath } from 'next/cache';
import { StaleWrite } from '@/lib/db/errors';
import * as secondments from '@/lib/db/secondment-mutations';
import { checkCandidateTransition } from '@/lib/domain/secondment';
import { EndSecondmentSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { allowedOn, expectTransition, loadList } from './load';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A secondment ends, on its planned end date or earlier with a reason, within its range: the cadre returns
 * to the department and the candidate is ended.
 */
export const endSecondment = defineAction('endSecondment', 'secondment.place', EndSecondmentSchema, async (input, ctx) => {
  const secondment = await ctx.db.secondment.findFirst({
    where: { id: input.secondmentId, commune: { provinceId: ctx.user.provinceId } },
    select: { id: true, version: true, startDate: true, endDate: true, endedOn: true, candidateId: true, candidate: { select: { listId: true, state: true } } },
  });
  if (!secondment) return fail('errors.notFound');
  const list = await loadList(ctx, secondment.candidate.listId);
  if (secondment.version !== input.version || secondment.endedOn !== null) throw new StaleWrite('secondment');
  const plannedEnd = iso(secondment.endDate);
  expectTransition(
    checkCandidateTransition('end', secondment.candidate.state, list.state, allowedOn(ctx.user, list.resource), {
      ending: { date: input.date, startDate: iso(secondment.startDate), plannedEnd, reason: input.reason },
    }),
    { 'secondment.errors.endDateRequired': 'date', 'secondment.errors.endOutsideRange': 'date', 'secondment.errors.earlyEndReasonRequired': 'reason' },
  );
  await ctx.write(async (tx) => {
    await secondments.endSecondment(tx, { secondmentId: secondment.id, version: input.version, candidateId: secondment.candidateId, date: input.date, reason: input.reason });
    return {
      audit: {
        action: 'secondment.candidate.end',
        entityId: secondment.candidateId,
        after: { from: 'placed', to: 'ended', comment: input.reason, date: input.date, early: input.date < plannedEnd },
      },
    };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, 'secondment.notices.ended');
}, { stale: 'secondment.errors.stale' });
