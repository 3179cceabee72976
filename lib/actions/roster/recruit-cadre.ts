'use server';

import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { Refusal } from '@/lib/db/errors';
import * as roster from '@/lib/db/roster-mutations';
import { findCommuneById, keyPlaceFrom } from '@/lib/db/roster-queries';
import { checkElectedPost, checkKeyPlace, checkRecruitmentDates, nextCadreCode } from '@/lib/domain/roster';
import type { Block } from '@/lib/domain/types';
import { RecruitCadreSchema } from '@/lib/validation/roster';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { checkDecision, writeDatedChange } from '../dated-change';
import { guardBlockQuota, recordRosterDecision } from './load';

/**
 * New recruitment (docs/domain.md, How posts are filled): refused when the block's headcount, from the counting pipeline,
 * would pass its quota (domain rule 6). Recruitments in one commune are serialised by a transaction-scoped
 * lock, so two at once cannot both pass the check; the code is the province's next free one, under a lock too.
 * Idempotent: the same form posted twice recruits one person (docs/decisions/036-one-time-form-tokens.md).
 */
export const recruitCadre = defineAction('recruitCadre', 'roster.edit', RecruitCadreSchema, async (input, ctx) => {
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune) return fail('errors.notFound');
  if (!can(ctx.user, 'roster.edit', { provinceId: commune.provinceId, communeId: commune.id })) return fail('errors.forbidden');
  const position = await ctx.db.position.findFirst({
    where: { id: input.positionId, provinceId: commune.provinceId, block: { not: null } },
    select: { id: true, code: true, block: true, isKey: true, isElected: true, titleVi: true, titleEn: true },
  });
  if (!position?.block) return fail('errors.validation', { fieldErrors: { positionId: 'roster.errors.position' } });
  const electedProblem = checkElectedPost(position, input.employmentType);
  if (electedProblem) return fail('errors.validation', { fieldErrors: { positionId: electedProblem } });
  const block = position.block as Block;
  const date = today();
  const dateProblem = checkRecruitmentDates(input.birthDate, input.startDate, date, input.gender);
  if (dateProblem) return fail('errors.validation', { fieldErrors: { [dateProblem.field]: dateProblem.error } });

  const { backdated } = checkDecision(input, input.startDate, 'startDate');
  const recruited = await writeDatedChange(ctx, { provinceId: commune.provinceId, effectiveDate: input.startDate, input, backdated, timeout: 15_000 }, async (tx, envelope) => {
    await roster.lockCommune(tx, commune.id);
    const place = checkKeyPlace(await keyPlaceFrom(tx, commune.id, position, input.startDate), 0);
    if (place) throw new Refusal('errors.validation', { positionId: place.error }, { position: position.titleVi, positionEn: position.titleEn, holders: place.holders });
    // Read after the lock: every earlier change to this commune has committed. At the start date and every later
    // date a scheduled change brings someone into the block.
    const figures = await guardBlockQuota(ctx, tx, commune, block, input.startDate, { error: 'roster.errors.overQuota', field: 'positionId' });
    const decision = await recordRosterDecision(tx, commune, input, 'recruitment');
    const cadre = await roster.insertRecruit(tx, {
      provinceId: commune.provinceId, communeId: commune.id, positionId: position.id, startDate: input.startDate, decisionId: decision.id, nextCode: nextCadreCode,
      person: { fullName: input.fullName, gender: input.gender, birthDate: input.birthDate, education: input.education, field: input.field, employmentType: input.employmentType },
    });
    return {
      value: cadre,
      audit: {
        action: 'cadre.recruit',
        entityId: cadre.id,
        envelope: envelope(decision.id),
        after: {
          code: cadre.code, fullName: input.fullName, gender: input.gender, employmentType: input.employmentType, education: input.education, field: input.field,
          communeCode: commune.code, positionCode: position.code, startDate: input.startDate, block, headcountBefore: figures.headcount, quota: figures.quota,
        },
      },
    };
  });
  return ok({ id: recruited.id, code: recruited.code }, 'roster.recruited');
}, { idempotent: true });
