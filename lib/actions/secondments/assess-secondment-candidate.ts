'use server';

import { revalidatePath } from 'next/cache';
import { StaleWrite } from '@/lib/db/errors';
import * as secondments from '@/lib/db/secondment-mutations';
import { checkCandidateTransition } from '@/lib/domain/secondment';
import { AssessCandidateSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { ok } from '../result';
import { allowedOn, expectTransition, loadCandidate } from './load';

/**
 * The Organizing Committee assesses a candidate of a submitted list: "meets the standards and conditions" or
 * not, with a reason. It may change its assessment until the list is forwarded or returned; an assessment
 * racing a forward or return of the list waits for it and is then refused as stale.
 */
export const assessSecondmentCandidate = defineAction('assessSecondmentCandidate', 'secondment.review', AssessCandidateSchema, async (input, ctx) => {
  const { candidate, list } = await loadCandidate(ctx, input.candidateId);
  if (candidate.version !== input.version) throw new StaleWrite('secondment_candidate');
  const to = expectTransition(
    checkCandidateTransition(input.meets === 'yes' ? 'assess_meets' : 'assess_not_meets', candidate.state, list.state, allowedOn(ctx.user, list.resource), { reason: input.reason }),
    { 'secondment.errors.reasonRequired': 'reason' },
  );
  await ctx.write(async (tx) => {
    await secondments.assessCandidate(tx, { listId: list.id, candidateId: candidate.id, version: input.version, to, reason: input.reason });
    return { audit: { action: 'secondment.candidate.assess', entityId: candidate.id, after: { from: candidate.state, to, comment: input.reason, cadre: candidate.cadre.code } } };
  });
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.assessed');
}, { stale: 'secondment.errors.stale' });
