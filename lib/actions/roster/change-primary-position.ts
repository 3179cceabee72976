'use server';

import { today } from '@/lib/clock';
import { Refusal } from '@/lib/db/errors';
import { findCommunePosition, keyPlaceFrom, openPrimary } from '@/lib/db/roster-queries';
import * as roster from '@/lib/db/roster-mutations';
import { checkElectedPost, checkKeyPlace, checkPrimaryChange, dayBefore, endingOf } from '@/lib/domain/roster';
import { ChangePrimaryPositionSchema } from '@/lib/validation/roster';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { checkDecision, writeDatedChange } from '../dated-change';
import { guardBlockQuota, loadRosterPerson, recordRosterDecision } from './load';

/**
 * A person's primary position changes from a date: the open primary assignment ends the day before and a new
 * one opens that day (the database refuses two open primaries and overlapping primary ranges). If he held the
 * new position concurrently, that concurrent assignment stops too: a person holds a position once. One
 * transaction guarded by the cadre's version, with its audit record.
 */
export const changePrimaryPosition = defineAction('changePrimaryPosition', 'roster.edit', ChangePrimaryPositionSchema, async (input, ctx) => {
  const { commune, person } = await loadRosterPerson(ctx, input);
  const current = openPrimary(person);
  if (!current) return fail('roster.errors.noPrimaryHere');
  const position = await findCommunePosition(ctx.db, commune.provinceId, input.positionId);
  if (!position) return fail('errors.validation', { fieldErrors: { positionId: 'roster.errors.position' } });
  const problem = checkPrimaryChange({
    currentPositionId: current.positionId, currentStart: current.startDate, newPositionId: position.id, effectiveDate: input.effectiveDate, today: today(),
  });
  if (problem) return fail('errors.validation', { fieldErrors: { [problem.field]: problem.error } });
  const absorbed = person.openAssignments.find((a) => !a.isPrimary && a.positionId === position.id) ?? null;
  const absorbedEnding = absorbed ? endingOf(absorbed.startDate, input.effectiveDate) : null;
  const closeOn = dayBefore(input.effectiveDate);
  const { backdated } = checkDecision(input, input.effectiveDate, 'effectiveDate');

  const electedProblem = checkElectedPost(position, person.employmentType);
  if (electedProblem) return fail('errors.validation', { fieldErrors: { positionId: electedProblem } });

  await writeDatedChange(ctx, { provinceId: commune.provinceId, effectiveDate: input.effectiveDate, input, backdated }, async (tx, envelope) => {
    // The guards read after the commune's row lock: a concurrent change to this commune waits, then is checked.
    await roster.lockCommune(tx, commune.id);
    const place = checkKeyPlace(await keyPlaceFrom(tx, commune.id, position, input.effectiveDate), person.id);
    if (place) {
      throw new Refusal('errors.validation', { positionId: place.error }, { position: position.titleVi, positionEn: position.titleEn, holders: place.holders });
    }
    if (current.block !== position.block) await guardBlockQuota(ctx, tx, commune, position.block, input.effectiveDate);
    const decision = await recordRosterDecision(tx, commune, input, position.isElected ? 'election' : 'appointment');
    const created = await roster.changePrimaryPosition(tx, {
      decisionId: decision.id,
      cadreId: person.id, version: input.version, communeId: commune.id, currentAssignmentId: current.id, closeOn, positionId: position.id,
      effectiveDate: input.effectiveDate, absorbed: absorbed && absorbedEnding ? { assignmentId: absorbed.id, ending: absorbedEnding } : null,
    });
    return {
      audit: {
        action: 'cadre.changePrimaryPosition',
        entityId: person.id,
        envelope: envelope(decision.id),
        before: { code: person.code, version: input.version, primary: { assignmentId: current.id, positionCode: current.positionCode, startDate: current.startDate } },
        after: {
          code: person.code,
          version: input.version + 1,
          communeCode: commune.code,
          closedPrimary: { assignmentId: current.id, endDate: closeOn },
          primary: { assignmentId: created.assignmentId, positionCode: position.code, startDate: input.effectiveDate },
          ...(absorbed && absorbedEnding
            ? {
                absorbedConcurrent: {
                  assignmentId: absorbed.id, positionCode: absorbed.positionCode, startDate: absorbed.startDate,
                  ...(absorbedEnding.kind === 'end' ? { endDate: absorbedEnding.endDate } : { withdrawn: true as const }),
                },
              }
            : {}),
        },
      },
    };
  });
  return ok(undefined, 'roster.primaryChanged');
}, { stale: 'roster.errors.stale' });
