'use server';

import { revalidatePath } from 'next/cache';
import { confirmRound } from '@/lib/db/rating-mutations';
import { getRoundView } from '@/lib/db/rating-queries';
import { confirmRoundProblem, type RatingGroup } from '@/lib/domain/ratings';
import { ConfirmRatingRoundSchema } from '@/lib/validation/rating';
import { defineAction, type ActionContext } from '../define-action';
import { fail, ok } from '../result';
import type { z } from 'zod';
import { loadRatingCommune } from './load';

/**
 * Confirms a commune's round for a year and group, from the version its page showed: everyone eligible rated, and
 * the 20% rule kept or, beyond it, a reason recorded (an outstanding unit, Decree 335/2025); the refusal shows the
 * numbers that break it. Irreversible: the round's ratings are then decided.
 */
function confirmRatingRound(group: RatingGroup) {
  return async (input: z.infer<typeof ConfirmRatingRoundSchema>, ctx: ActionContext) => {
    const commune = await loadRatingCommune(ctx, input.communeId, group);
    const view = await getRoundView(ctx.db, commune.provinceId, commune.id, input.year, group);
    if (!view.round) return fail('ratings.errors.emptyRound');
    if (view.round.version !== input.version) return fail('ratings.errors.stale');
    const problem = confirmRoundProblem({ state: view.round.state, unrated: view.unrated, counts: view.counts, percent: view.percent, reason: input.overLimitReason });
    if (problem) {
      return fail(problem.key, { ...(problem.params ? { params: problem.params } : {}), ...(problem.key === 'ratings.errors.excellentShare' ? { fieldErrors: { overLimitReason: 'ratings.errors.overLimitReason' } } : {}) });
    }
    const round = view.round;
    const overLimitReason = view.breach ? input.overLimitReason : null;
    await ctx.write(async (tx) => {
      await confirmRound(tx, { roundId: round.id, version: input.version, overLimitReason, confirmedById: ctx.user.id });
      return {
        audit: {
          action: 'rating.confirmRound' as const, entityId: round.id,
          before: { communeCode: commune.code, year: input.year, group, state: 'draft' as const, version: input.version },
          after: {
            communeCode: commune.code, year: input.year, group, state: 'confirmed' as const, excellent: view.counts.excellent, good: view.counts.good,
            completed: view.counts.completed, notCompleted: view.counts.not_completed, percent: view.percent, overLimitReason,
          },
        },
      };
    });
    revalidatePath('/', 'layout');
    return ok({ roundId: round.id }, 'ratings.notices.confirmed');
  };
}

export const confirmCivilServantRound = defineAction('confirmCivilServantRound', 'rating.rateCivilServants', ConfirmRatingRoundSchema, confirmRatingRound('civil_servant'), { stale: 'ratings.errors.stale' });
export const confirmCadreRound = defineAction('confirmCadreRound', 'rating.rateCadres', ConfirmRatingRoundSchema, confirmRatingRound('cadre'), { stale: 'ratings.errors.stale' });
