'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import * as roster from '@/lib/db/roster-mutations';
import { checkConcurrentRemoval, endingOf } from '@/lib/domain/roster';
import { RemoveConcurrentPositionSchema } from '@/lib/validation/roster';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { afterDatedChange, checkRosterDecision, loadRosterPerson, recordRosterDecision, rosterEnvelope } from './load';

/**
 * Ends one concurrent position from a date: the assignment ends the day before (or, removed on its first
 * day, is withdrawn: it never took effect). Guarded by the cadre's version; the audit record keeps it all.
 */
export const removeConcurrentPosition = defineAction('removeConcurrentPosition', 'roster.edit', RemoveConcurrentPositionSchema, async (input, ctx) => {
  const { commune, person } = await loadRosterPerson(ctx, input);
  const assignment = person.openAssignments.find((a) => a.id === input.assignmentId && !a.isPrimary);
  if (!assignment) return fail('errors.notFound');
  const dateError = checkConcurrentRemoval(assignment.startDate, input.date, today());
  if (dateError) return fail('errors.validation', { fieldErrors: { date: dateError } });
  const ending = endingOf(assignment.startDate, input.date);

  const { backdated } = checkRosterDecision(input, input.date, 'date');
  await ctx.write(async (tx) => {
    const decision = await recordRosterDecision(tx, commune, input, 'dismissal');
    await roster.removeConcurrentPosition(tx, { cadreId: person.id, version: input.version, assignmentId: assignment.id, ending, decisionId: decision.id });
    return {
      audit: {
        action: 'cadre.removeConcurrentPosition',
        entityId: person.id,
        envelope: rosterEnvelope(input.date, decision.id, input, backdated),
        before: { code: person.code, version: input.version, assignmentId: assignment.id, positionCode: assignment.positionCode, startDate: assignment.startDate },
        after: {
          code: person.code, version: input.version + 1, communeCode: commune.code, assignmentId: assignment.id, effectiveDate: input.date,
          ...(ending.kind === 'end' ? { endDate: ending.endDate } : { withdrawn: true as const }),
        },
      },
    };
  });
  await afterDatedChange(ctx, commune.provinceId, input.date);
  revalidatePath('/', 'layout');
  return ok(undefined, 'roster.concurrentRemoved');
}, { stale: 'roster.errors.stale' });
