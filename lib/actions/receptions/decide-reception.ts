'use server';

import { today } from '@/lib/clock';
import { Refusal } from '@/lib/db/errors';
import * as receptions from '@/lib/db/reception-mutations';
import { findPersonInCommune, keyPlaceFrom } from '@/lib/db/roster-queries';
import { lockCommune } from '@/lib/db/roster-mutations';
import { checkWorkingAge, isActiveCadre } from '@/lib/domain/people';
import { checkKeyPlace } from '@/lib/domain/roster';
import { formatDate } from '@/lib/domain/format';
import { isReceptionPost, type Degree } from '@/lib/domain/reception';
import type { Block } from '@/lib/domain/types';
import { DecideReceptionSchema } from '@/lib/validation/reception';
import { checkDecision, writeDatedChange } from '../dated-change';
import { defineAction } from '../define-action';
import { ok } from '../result';
import { guardBlockQuota, recordRosterDecision } from '../roster/load';
import { loadReceptionStep } from './load';

/**
 * Home Affairs records the Provincial People's Committee's decision on an appraised proposal (number, date, issuing
 * body, effective date: docs/decisions/043-reception-and-recruitment.md). The person becomes a civil servant in the
 * post from the effective date, under the one quota guard (lib/db/quota-guard.ts, which locks the commune's row: of
 * two decisions racing for the last place exactly one passes) and the one-holder rule of a key post; his
 * non-professional post ends the day before. A decision dated before the proposal, in the future, or a change more
 * than a year ahead is refused beside its field.
 */
export const decideReception = defineAction('decideReception', 'reception.decide', DecideReceptionSchema, async (input, ctx) => {
  const day = today();
  const reception = await loadReceptionStep(ctx, 'decide', input, (r) => ({
    decisionDate: input.decisionDate, effectiveDate: input.effectiveDate, proposedOn: r.proposedOn, today: day,
  }));
  if (!isReceptionPost(reception.position)) throw new Refusal('reception.errors.positionOutside', { effectiveDate: 'reception.errors.positionOutside' });
  const block = reception.position.block as Block;
  const commune = { id: reception.commune.id, provinceId: reception.provinceId, code: reception.commune.code, name: reception.commune.name };

  let person: receptions.ReceptionDecision['person'];
  if (reception.cadre) {
    const worker = await findPersonInCommune(ctx.db, commune.id, { cadreId: reception.cadre.id });
    if (!worker || !isActiveCadre(worker)) throw new Refusal('reception.errors.notNonProfessional', { effectiveDate: 'reception.errors.notNonProfessional' });
    // One change at a time (docs/domain.md, Decisions and effective dates): a change of his waiting for its day first.
    if (worker.pendingFrom !== null) throw new Refusal('roster.errors.pendingChange', { effectiveDate: 'roster.errors.pendingChange' }, { date: formatDate(worker.pendingFrom) });
    person = { cadreId: worker.id, cadreVersion: worker.version };
  } else {
    // The decision's record of his personal ID, when Home Affairs corrected it (a conflict is refused beside it).
    const external = { ...reception.external!, nationalId: input.nationalId ?? reception.external!.nationalId };
    person = { external, education: reception.degree as Degree | null, field: reception.degreeField };
  }
  const age = checkWorkingAge(reception.birthDate, reception.gender, input.effectiveDate);
  if (age) throw new Refusal(`reception.errors.${age}`, { effectiveDate: `reception.errors.${age}` });
  const { backdated } = checkDecision(input, input.effectiveDate, 'effectiveDate', {
    date: reception.proposedOn, error: 'reception.errors.decisionBeforeProposal', params: { date: formatDate(reception.proposedOn) },
  });

  await writeDatedChange(ctx, { provinceId: commune.provinceId, effectiveDate: input.effectiveDate, input, backdated, timeout: 15_000 }, async (tx, envelope) => {
    await lockCommune(tx, commune.id);
    const place = checkKeyPlace(await keyPlaceFrom(tx, commune.id, reception.position, input.effectiveDate), reception.cadre?.id ?? 0);
    if (place) throw new Refusal(place.error, { effectiveDate: place.error }, { position: reception.position.titleVi, positionEn: reception.position.titleEn, holders: place.holders });
    // After the lock: every earlier change to the commune has committed (the quota guard reads the counting pipeline).
    const figures = await guardBlockQuota(ctx, tx, commune, block, input.effectiveDate, { error: 'reception.errors.overQuota', field: 'effectiveDate' });
    const decision = await recordRosterDecision(tx, commune, input, 'reception');
    const decided = await receptions.decideReception(tx, {
      id: reception.id, version: input.version, provinceId: commune.provinceId, communeId: commune.id, positionId: reception.position.id,
      decisionId: decision.id, effectiveDate: input.effectiveDate, person,
    });
    return {
      value: decided,
      audit: {
        action: 'reception.decide',
        entityId: reception.id,
        envelope: envelope(decision.id),
        after: {
          from: 'appraised', to: 'decided', decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, effectiveDate: input.effectiveDate,
          cadre: decided.cadreCode, commune: commune.code, position: reception.position.code, block, headcountBefore: figures.headcount, quota: figures.quota,
          newAssignmentId: decided.assignmentId, closedAssignmentIds: decided.closedAssignmentIds,
        },
      },
    };
  });
  return ok(undefined, 'reception.notices.decided');
}, { stale: 'reception.errors.stale' });
