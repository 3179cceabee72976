'use server';

import { today } from '@/lib/clock';
import * as roster from '@/lib/db/roster-mutations';
import { checkConcurrentRemoval, endingOf } from '@/lib/domain/roster';
import { RemoveConcurrentPositionSchema } from '@/lib/validation/roster';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { checkDecision, writeDatedChange } from '../dated-change';
import { loadRosterPerson, recordRosterDecision } from './load';

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

  const { backdated } = checkDecision(input, input.date, 'date');
  await writeDatedChange(ctx, { provinceId: commune.provinceId, effectiveDate: input.date, input, backdated }, async (tx, envelope) => {
    const decision = await recordRosterDecision(tx, commune, input, 'dismissal');
    await roster.removeConcurrentPosition(tx, { cadreId: person.id, version: input.version, assignmentId: assignment.id, ending, decisionId: decision.id });
    return {
      audit: {
        action: 'cadre.removeConcurrentPosition',
        entityId: person.id,
        envelope: envelope(decision.id),
        before: { code: person.code, version: input.version, assignmentId: assignment.id, positionCode: assignment.positionCode, startDate: assignment.startDate },
        after: {
          code: person.code, version: input.version + 1, communeCode: commune.code, assignmentId: assignment.id, effectiveDate: input.date,
          ...(ending.kind === 'end' ? { endDate: ending.endDate } : { withdrawn: true as const }),
        },
      },
    };
  });
  return ok(undefined, 'roster.concurrentRemoved');
}, { stale: 'roster.errors.stale' });
