'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import { expectDraft, insertRating, lockRound, updateRating } from '@/lib/db/rating-mutations';
import { findRating, findRatingSubject, ratingSettings } from '@/lib/db/rating-queries';
import { checkRatingScore, ratingEligibilityProblem, type RatingGroup } from '@/lib/domain/ratings';
import { RecordRatingSchema } from '@/lib/validation/rating';
import { defineAction, type ActionContext } from '../define-action';
import { fail, ok } from '../result';
import type { z } from 'zod';
import { decidingBodyOf, loadRatingCommune, ratingSnapshot } from './load';

/**
 * Records a person's rating of a year in his commune's draft round, or changes it (the rating's id and version the
 * page showed). Refused, naming the rule: a year in the future or before 2025, a person not of the round's group, not
 * active in the commune on 31/12, with fewer months worked than the setting, a second rating of the year, a score out
 * of range, a civil servant's rating above his score's band (or below it without a reason), a confirmed round.
 */
function recordRating(group: RatingGroup) {
  return async (input: z.infer<typeof RecordRatingSchema>, ctx: ActionContext) => {
    const commune = await loadRatingCommune(ctx, input.communeId, group);
    const cadre = await ctx.db.cadre.findFirst({ where: { id: input.cadreId, provinceId: commune.provinceId }, select: { id: true, code: true, employmentType: true } });
    if (!cadre) return fail('errors.notFound');
    const [subject, settings] = await Promise.all([findRatingSubject(ctx.db, commune.provinceId, cadre.id, input.year), ratingSettings(ctx.db, commune.provinceId, input.year)]);
    const problem = ratingEligibilityProblem({
      year: input.year, today: today(), group, employmentType: subject?.group ?? cadre.employmentType,
      activeAtYearEnd: subject !== null, inUnitAtYearEnd: subject?.communeId === commune.id, monthsWorked: subject?.monthsWorked ?? 0, minMonths: settings.minMonths,
    });
    if (problem) return fail(problem, { params: { year: input.year, months: settings.minMonths } });
    const scored = checkRatingScore({ group, level: input.level, score: input.score, belowBandReason: input.belowBandReason });
    if (!scored.ok) return fail('errors.validation', { fieldErrors: { [scored.problem.field]: scored.problem.key }, ...(scored.problem.params ? { params: scored.problem.params } : {}) });
    const existing = await findRating(ctx.db, cadre.id, input.year);
    if (existing && input.ratingId === null) return fail('ratings.errors.duplicate', { params: { year: input.year } });
    if (input.ratingId !== null && (!existing || existing.id !== input.ratingId || existing.version !== input.version)) return fail('ratings.errors.stale');
    const decidingBody = await decidingBodyOf(ctx, commune, group);
    const values = { level: input.level, score: input.score, belowBandReason: scored.belowBandReason, decidingBody };
    const who = { cadre: cadre.code, communeCode: commune.code, group };
    const ratingId = await ctx.write(async (tx) => {
      const round = await lockRound(tx, { provinceId: commune.provinceId, communeId: commune.id, year: input.year, group });
      expectDraft(round);
      if (existing) {
        const version = await updateRating(tx, { ratingId: existing.id, roundId: round.id, version: existing.version, ...values });
        return {
          value: existing.id,
          audit: {
            action: 'rating.change' as const, entityId: existing.id,
            before: ratingSnapshot(existing, who), after: ratingSnapshot({ ...values, year: input.year, version }, who),
          },
        };
      }
      const created = await insertRating(tx, { roundId: round.id, cadreId: cadre.id, year: input.year, ...values });
      return { value: created.id, audit: { action: 'rating.record' as const, entityId: created.id, after: ratingSnapshot({ ...values, year: input.year, version: created.version }, who) } };
    });
    revalidatePath('/', 'layout');
    return ok({ ratingId }, existing ? 'ratings.notices.changed' : 'ratings.notices.recorded');
  };
}

export const recordCivilServantRating = defineAction('recordCivilServantRating', 'rating.rateCivilServants', RecordRatingSchema, recordRating('civil_servant'), { stale: 'ratings.errors.stale' });
export const recordCadreRating = defineAction('recordCadreRating', 'rating.rateCadres', RecordRatingSchema, recordRating('cadre'), { stale: 'ratings.errors.stale' });
