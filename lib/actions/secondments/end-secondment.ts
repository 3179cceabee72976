'use server';

import { recordDecision } from '@/lib/db/decision-mutations';
import { StaleWrite } from '@/lib/db/errors';
import * as secondments from '@/lib/db/secondment-mutations';
import { formatDate } from '@/lib/domain/format';
import { checkCandidateTransition } from '@/lib/domain/secondment';
import { EndSecondmentSchema } from '@/lib/validation/secondment';
import { checkDecision, writeDatedChange } from '../dated-change';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { allowedOn, expectTransition, loadList } from './load';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A secondment ends, on its planned end date or earlier with a reason, within its range, by a decision of a
 * province-level body dated on or after the placement's decision (never in the future): from `date` (the effective
 * date, the first day he is back) the cadre works at the department again and the candidate is ended.
 */
export const endSecondment = defineAction('endSecondment', 'secondment.place', EndSecondmentSchema, async (input, ctx) => {
  const secondment = await ctx.db.secondment.findFirst({
    where: { id: input.secondmentId, commune: { provinceId: ctx.user.provinceId } },
    select: {
      id: true, version: true, startDate: true, endDate: true, endedOn: true, candidateId: true, candidate: { select: { listId: true, state: true } },
      decision: { select: { date: true } },
    },
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
  const placedBy = secondment.decision ? iso(secondment.decision.date) : null;
  const { backdated } = checkDecision(input, input.date, 'date', {
    date: placedBy, error: 'decisions.errors.beforePlacementDecision', params: { date: placedBy ? formatDate(placedBy) : '' },
  });
  await writeDatedChange(ctx, { provinceId: list.provinceId, effectiveDate: input.date, input, backdated }, async (tx, envelope) => {
    const decision = await recordDecision(tx, {
      provinceId: list.provinceId, communeId: null, issuingBodyId: input.issuingBodyId, number: input.decisionNumber, date: input.decisionDate, kind: 'secondment',
    });
    await secondments.endSecondment(tx, {
      secondmentId: secondment.id, version: input.version, candidateId: secondment.candidateId, date: input.date, reason: input.reason, decisionId: decision.id,
    });
    return {
      audit: {
        action: 'secondment.candidate.end',
        entityId: secondment.candidateId,
        envelope: envelope(decision.id),
        after: { from: 'placed', to: 'ended', comment: input.reason, date: input.date, early: input.date < plannedEnd, decisionNumber: input.decisionNumber, decisionDate: input.decisionDate },
      },
    };
  });
  return ok(undefined, 'secondment.notices.ended');
}, { stale: 'secondment.errors.stale' });
