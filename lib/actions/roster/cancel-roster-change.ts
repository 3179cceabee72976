'use server';

import { revalidatePath } from 'next/cache';
import { readAuditPayloads } from '@/lib/audit/events';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { recordDecision } from '@/lib/db/decision-mutations';
import { Refusal } from '@/lib/db/errors';
import * as roster from '@/lib/db/roster-mutations';
import { findCommuneById, latestRosterChange } from '@/lib/db/roster-queries';
import { bumpVersion } from '@/lib/db/versions';
import { cancelPermission } from '@/lib/domain/roster';
import { CancelRosterChangeSchema } from '@/lib/validation/roster';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { afterDatedChange } from '../dated-change';

/**
 * Cancels a person's latest roster change (docs/domain.md, Decisions and effective dates): the user who recorded it may cancel it the same
 * day with a reason; later, a user of the same role with a reason and a correcting decision. The record returns to
 * its previous state in one transaction guarded by the person's version, and both steps stay in the audit trail
 * (the cancellation names the event it cancels). A cancelled recruitment keeps the person's row and never counts.
 */
export const cancelRosterChange = defineAction('cancelRosterChange', 'roster.edit', CancelRosterChangeSchema, async (input, ctx) => {
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune) return fail('errors.notFound');
  if (!can(ctx.user, 'roster.edit', { provinceId: commune.provinceId, communeId: commune.id })) return fail('errors.forbidden');
  const cadre = await ctx.db.cadre.findFirst({
    where: { id: input.cadreId, provinceId: commune.provinceId, assignments: { some: { communeId: commune.id } } },
    select: { id: true, code: true, version: true },
  });
  // A cancelled recruitment leaves no post: the person is found by his record of the change instead.
  const recruitedHere = cadre
    ? null
    : await ctx.db.cadre.findFirst({ where: { id: input.cadreId, provinceId: commune.provinceId }, select: { id: true, code: true, version: true } });
  const person = cadre ?? recruitedHere;
  if (!person) return fail('errors.notFound');
  if (person.version !== input.version) return fail('roster.errors.stale');
  const change = await latestRosterChange(ctx.db, person.id);
  if (!change || change.eventId !== input.eventId) return fail('roster.errors.notLatestChange');
  const payloads = readAuditPayloads(change.action, change.before, change.after);
  if (!payloads || (typeof payloads.after?.communeCode === 'string' && payloads.after.communeCode !== commune.code)) return fail('roster.errors.cannotCancel');
  const permission = cancelPermission(change, ctx.user, today());
  if (!permission.ok) return fail(permission.error);
  const decisionGiven = input.decisionNumber !== null && input.decisionDate !== null && input.issuingBodyId !== null;
  if (!permission.sameDay && !decisionGiven) {
    return fail('errors.validation', { fieldErrors: { decisionNumber: 'roster.errors.correctionDecisionRequired' } });
  }
  if (decisionGiven && input.decisionDate! > today()) return fail('errors.validation', { fieldErrors: { decisionDate: 'decisions.errors.dateInFuture' } });

  await ctx.write(async (tx) => {
    await roster.lockCommune(tx, commune.id);
    await bumpVersion(tx, 'cadre', person.id, input.version);
    // Re-read under the person's new version: nobody cancelled it or changed him meanwhile.
    const still = await latestRosterChange(tx, person.id);
    if (!still || still.eventId !== change.eventId) throw new Refusal('roster.errors.notLatestChange');
    const decision = decisionGiven
      ? await recordDecision(tx, {
          provinceId: commune.provinceId, communeId: commune.id, issuingBodyId: input.issuingBodyId!, number: input.decisionNumber!, date: input.decisionDate!, kind: 'correction',
        })
      : null;
    await roster.revertRosterChange(tx, {
      cadreId: person.id, communeId: commune.id, provinceId: commune.provinceId, action: change.action, before: payloads.before, after: payloads.after,
      today: today(),
    });
    return {
      audit: {
        action: 'cadre.cancelChange',
        entityId: person.id,
        before: { code: person.code, version: input.version, cancelled: change.action, eventId: change.eventId },
        after: { code: person.code, version: input.version + 1, reason: input.reason, sameDay: permission.sameDay },
        envelope: { effectiveOn: change.effectiveOn, decisionId: decision?.id ?? null, cancelsEventId: change.eventId, affectsFigures: true },
      },
    };
  });
  await afterDatedChange(ctx, commune.provinceId, change.effectiveOn);
  revalidatePath('/', 'layout');
  return ok(undefined, 'roster.changeCancelled');
}, { stale: 'roster.errors.stale' });
