'use server';

import { revalidatePath } from 'next/cache';
import { deleteRating, expectDraft, lockRound } from '@/lib/db/rating-mutations';
import type { RatingGroup } from '@/lib/domain/ratings';
import { RemoveRatingSchema } from '@/lib/validation/rating';
import { defineAction, type ActionContext } from '../define-action';
import { fail, ok } from '../result';
import type { z } from 'zod';
import { loadRatingCommune, ratingSnapshot } from './load';

/** Removes a rating from a draft round (entered by mistake, or the person is no longer in the round), from the version the page showed. */
function removeRating(group: RatingGroup) {
  return async (input: z.infer<typeof RemoveRatingSchema>, ctx: ActionContext) => {
    const commune = await loadRatingCommune(ctx, input.communeId, group);
    const rating = await ctx.db.rating.findUnique({
      where: { id: input.ratingId },
      select: { id: true, year: true, level: true, score: true, belowBandReason: true, decidingBody: true, version: true, cadre: { select: { code: true } }, round: { select: { communeId: true, group: true } } },
    });
    if (!rating || rating.round.communeId !== commune.id || rating.round.group !== group) return fail('errors.notFound');
    if (rating.version !== input.version) return fail('ratings.errors.stale');
    const who = { cadre: rating.cadre.code, communeCode: commune.code, group };
    const before = ratingSnapshot({ ...rating, score: rating.score === null ? null : Number(rating.score) }, who);
    await ctx.write(async (tx) => {
      const round = await lockRound(tx, { provinceId: commune.provinceId, communeId: commune.id, year: rating.year, group });
      expectDraft(round);
      await deleteRating(tx, { ratingId: rating.id, roundId: round.id, version: input.version });
      return { value: undefined, audit: { action: 'rating.remove' as const, entityId: rating.id, before } };
    });
    revalidatePath('/', 'layout');
    return ok(undefined, 'ratings.notices.removed');
  };
}

export const removeCivilServantRating = defineAction('removeCivilServantRating', 'rating.rateCivilServants', RemoveRatingSchema, removeRating('civil_servant'), { stale: 'ratings.errors.stale' });
export const removeCadreRating = defineAction('removeCadreRating', 'rating.rateCadres', RemoveRatingSchema, removeRating('cadre'), { stale: 'ratings.errors.stale' });
