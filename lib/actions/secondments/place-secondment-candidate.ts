'use server';

import { can } from '@/lib/auth/policy';
import { recordDecision } from '@/lib/db/decision-mutations';
import { StaleWrite } from '@/lib/db/errors';
import * as secondments from '@/lib/db/secondment-mutations';
import { formatDate } from '@/lib/domain/format';
import { checkCandidateTransition } from '@/lib/domain/secondment';
import { PlaceCandidateSchema } from '@/lib/validation/secondment';
import { checkDecision, writeDatedChange } from '../dated-change';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { allowedOn, expectTransition, loadCandidate } from './load';

/**
 * Placement: an approved cadre works in a commune and position of the province from a start to an end date,
 * staying on the department's staff (a secondment record, never an assignment), by a decision of a province-level
 * body (number, date, body) dated on or after the Conclusion that approved him and never in the future; the start
 * date is the effective date (before this month only with the reason for entering it late). Not in an elected post:
 * those are filled by election or designation, a roster change. The database refuses two overlapping secondments of
 * one cadre and a secondment of a cadre in an open transfer.
 */
export const placeSecondmentCandidate = defineAction('placeSecondmentCandidate', 'secondment.place', PlaceCandidateSchema, async (input, ctx) => {
  const { candidate, list } = await loadCandidate(ctx, input.candidateId);
  if (!can(ctx.user, 'secondment.place', list.resource)) return fail('errors.forbidden');
  if (candidate.version !== input.version) throw new StaleWrite('secondment_candidate');
  // The commune must be one of the province's (a commune of another province is refused, not "not found").
  const commune = await ctx.db.commune.findUnique({ where: { id: input.communeId }, select: { id: true, code: true, provinceId: true } });
  if (!commune || commune.provinceId !== list.provinceId) return fail('errors.validation', { fieldErrors: { communeId: 'secondment.errors.communeOtherProvince' } });
  const position = await ctx.db.position.findFirst({ where: { id: input.positionId, provinceId: list.provinceId, block: { not: null } }, select: { id: true, code: true, isElected: true } });
  if (!position) return fail('errors.validation', { fieldErrors: { positionId: 'secondment.errors.position' } });
  if (position.isElected) return fail('errors.validation', { fieldErrors: { positionId: 'secondment.errors.positionElected' } });
  expectTransition(
    checkCandidateTransition('place', candidate.state, list.state, allowedOn(ctx.user, list.resource), {
      placement: { communeId: commune.id, positionId: position.id, startDate: input.startDate, endDate: input.endDate, conclusionDate: candidate.conclusionDate },
    }),
    { 'secondment.errors.startBeforeConclusion': 'startDate', 'secondment.errors.endBeforeStart': 'endDate', 'secondment.errors.placementRequired': 'endDate' },
  );
  const { backdated } = checkDecision(input, input.startDate, 'startDate', {
    date: candidate.conclusionDate, error: 'decisions.errors.beforeConclusion', params: { date: candidate.conclusionDate ? formatDate(candidate.conclusionDate) : '' },
  });
  await writeDatedChange(ctx, { provinceId: list.provinceId, effectiveDate: input.startDate, input, backdated }, async (tx, envelope) => {
    const decision = await recordDecision(tx, {
      provinceId: list.provinceId, communeId: null, issuingBodyId: input.issuingBodyId, number: input.decisionNumber, date: input.decisionDate, kind: 'secondment',
    });
    await secondments.placeCandidate(tx, {
      candidateId: candidate.id, version: input.version, cadreId: candidate.cadreId, departmentId: list.departmentId, communeId: commune.id, positionId: position.id,
      startDate: input.startDate, endDate: input.endDate, decisionId: decision.id,
    });
    return {
      audit: {
        action: 'secondment.candidate.place',
        entityId: candidate.id,
        envelope: envelope(decision.id),
        after: {
          from: 'approved', to: 'placed', commune: commune.code, position: position.code, startDate: input.startDate, endDate: input.endDate, cadre: candidate.cadre.code,
          decisionNumber: input.decisionNumber, decisionDate: input.decisionDate,
        },
      },
    };
  });
  return ok(undefined, 'secondment.notices.placed');
}, { stale: 'secondment.errors.stale' });
