'use server';

import { today } from '@/lib/clock';
import { latestStart } from '@/lib/db/roster-queries';
import * as roster from '@/lib/db/roster-mutations';
import { checkDepartureDate } from '@/lib/domain/roster';
import { RecordDepartureSchema } from '@/lib/validation/roster';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { checkDecision, writeDatedChange } from '../dated-change';
import { loadRosterPerson, recordRosterDecision } from './load';

/**
 * A person leaves: status 'left' with the date and reason, and every assignment of his still open in the
 * commune ends that day, in one transaction guarded by the cadre's version.
 */
export const recordDeparture = defineAction('recordDeparture', 'roster.edit', RecordDepartureSchema, async (input, ctx) => {
  const { commune, person } = await loadRosterPerson(ctx, input);
  const dateError = checkDepartureDate(input.date, today(), latestStart(person));
  if (dateError) return fail('errors.validation', { fieldErrors: { date: dateError } });
  const { backdated } = checkDecision(input, input.date, 'date');
  await writeDatedChange(ctx, { provinceId: commune.provinceId, effectiveDate: input.date, input, backdated }, async (tx, envelope) => {
    const decision = await recordRosterDecision(tx, commune, input, 'departure');
    const { closedAssignments } = await roster.recordDeparture(tx, {
      cadreId: person.id, version: input.version, communeId: commune.id, date: input.date, reason: input.reason, decisionId: decision.id,
    });
    return {
      audit: {
        action: 'cadre.depart',
        entityId: person.id,
        envelope: envelope(decision.id),
        before: { code: person.code, status: 'active', version: input.version, openAssignments: person.openAssignments.map((a) => a.id) },
        after: { code: person.code, status: 'left', leftOn: input.date, leftReason: input.reason, version: input.version + 1, closedAssignments, communeCode: commune.code },
      },
    };
  });
  return ok(undefined, 'roster.departureRecorded');
}, { stale: 'roster.errors.stale' });
