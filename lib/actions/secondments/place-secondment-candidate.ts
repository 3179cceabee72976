'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { StaleWrite } from '@/lib/db/errors';
import * as secondments from '@/lib/db/secondment-mutations';
import { checkCandidateTransition } from '@/lib/domain/secondment';
import { PlaceCandidateSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { allowedOn, expectTransition, loadCandidate } from './load';

/**
 * Placement: an approved cadre works in a commune and position of the province from a start to an end date,
 * staying on the department's staff (a secondment record, never an assignment). The database refuses two
 * overlapping secondments of one cadre and a secondment of a cadre in an open transfer.
 */
export const placeSecondmentCandidate = defineAction('placeSecondmentCandidate', 'secondment.place', PlaceCandidateSchema, async (input, ctx) => {
  const { candidate, list } = await loadCandidate(ctx, input.candidateId);
  if (!can(ctx.user, 'secondment.place', list.resource)) return fail('errors.forbidden');
  if (candidate.version !== input.version) throw new StaleWrite('secondment_candidate');
  // The commune must be one of the province's (a commune of another province is refused, not "not found").
  const commune = await ctx.db.commune.findUnique({ where: { id: input.communeId }, select: { id: true, code: true, provinceId: true } });
  if (!commune || commune.provinceId !== list.provinceId) return fail('errors.validation', { fieldErrors: { communeId: 'secondment.errors.communeOtherProvince' } });
  const position = await ctx.db.position.findFirst({ where: { id: input.positionId, provinceId: list.provinceId, block: { not: null } }, select: { id: true, code: true } });
  if (!position) return fail('errors.validation', { fieldErrors: { positionId: 'secondment.errors.position' } });
  expectTransition(
    checkCandidateTransition('place', candidate.state, list.state, allowedOn(ctx.user, list.resource), {
      placement: { communeId: commune.id, positionId: position.id, startDate: input.startDate, endDate: input.endDate, conclusionDate: candidate.conclusionDate },
    }),
    { 'secondment.errors.startBeforeConclusion': 'startDate', 'secondment.errors.endBeforeStart': 'endDate', 'secondment.errors.placementRequired': 'endDate' },
  );
  await ctx.write(async (tx) => {
    await secondments.placeCandidate(tx, {
      candidateId: candidate.id, version: input.version, cadreId: candidate.cadreId, departmentId: list.departmentId, communeId: commune.id, positionId: position.id,
      startDate: input.startDate, endDate: input.endDate,
    });
    return {
      audit: {
        action: 'secondment.candidate.place',
        entityId: candidate.id,
        after: { from: 'approved', to: 'placed', commune: commune.code, position: position.code, startDate: input.startDate, endDate: input.endDate, cadre: candidate.cadre.code },
      },
    };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, 'secondment.notices.placed');
}, { stale: 'secondment.errors.stale' });
