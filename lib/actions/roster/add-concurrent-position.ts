'use server';

import { today } from '@/lib/clock';
import { Refusal } from '@/lib/db/errors';
import { findCommunePosition, keyPlaceFrom, lastEndedHolding, openPrimary } from '@/lib/db/roster-queries';
import * as roster from '@/lib/db/roster-mutations';
import { checkConcurrentAddition, checkKeyPlace } from '@/lib/domain/roster';
import { AddConcurrentPositionSchema } from '@/lib/validation/roster';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { checkDecision, writeDatedChange } from '../dated-change';
import { loadRosterPerson, recordRosterDecision } from './load';

/**
 * A concurrent position (kiêm nhiệm) in the commune from a start date. It adds no headcount (domain rule 1)
 * but a key position held concurrently is filled (docs/domain.md, Counting). Guarded by the cadre's version.
 */
export const addConcurrentPosition = defineAction('addConcurrentPosition', 'roster.edit', AddConcurrentPositionSchema, async (input, ctx) => {
  const { commune, person } = await loadRosterPerson(ctx, input);
  const position = await findCommunePosition(ctx.db, commune.provinceId, input.positionId);
  if (!position) return fail('errors.validation', { fieldErrors: { positionId: 'roster.errors.position' } });
  const problem = checkConcurrentAddition({
    positionId: position.id,
    primaryPositionId: openPrimary(person)?.positionId ?? null,
    concurrentPositionIds: person.openAssignments.filter((a) => !a.isPrimary).map((a) => a.positionId),
    lastEnded: await lastEndedHolding(ctx.db, person.id, commune.id, position.id),
    startDate: input.startDate,
    today: today(),
  });
  if (problem) return fail('errors.validation', { fieldErrors: { [problem.field]: problem.error } });

  const { backdated } = checkDecision(input, input.startDate, 'startDate');
  await writeDatedChange(ctx, { provinceId: commune.provinceId, effectiveDate: input.startDate, input, backdated }, async (tx, envelope) => {
    await roster.lockCommune(tx, commune.id);
    // Concurrent holders fill key places too: one holder per place, primary and concurrent together.
    const place = checkKeyPlace(await keyPlaceFrom(tx, commune.id, position, input.startDate), person.id);
    if (place) throw new Refusal('errors.validation', { positionId: place.error }, { position: position.titleVi, positionEn: position.titleEn, holders: place.holders });
    const decision = await recordRosterDecision(tx, commune, input, position.isElected ? 'election' : 'appointment');
    const { assignmentId } = await roster.addConcurrentPosition(tx, {
      cadreId: person.id, version: input.version, communeId: commune.id, positionId: position.id, startDate: input.startDate, decisionId: decision.id,
    });
    return {
      audit: {
        action: 'cadre.addConcurrentPosition',
        entityId: person.id,
        envelope: envelope(decision.id),
        before: { code: person.code, version: input.version },
        after: { code: person.code, version: input.version + 1, communeCode: commune.code, assignmentId, positionCode: position.code, startDate: input.startDate },
      },
    };
  });
  return ok(undefined, 'roster.concurrentAdded');
}, { stale: 'roster.errors.stale' });
