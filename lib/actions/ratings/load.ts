import { can } from '@/lib/auth/policy';
import { Refusal } from '@/lib/db/errors';
import { findCommuneById, type CommuneRef } from '@/lib/db/roster-queries';
import type { RatingRow } from '@/lib/db/rating-queries';
import { RATING_PERMISSION, type RatingGroup } from '@/lib/domain/ratings';
import type { ActionContext } from '../define-action';

// The preamble the rating actions share (docs/decisions/040-annual-ratings.md): the commune exists (else not found)
// and the user records this group's ratings there (a chairman his own commune's civil servants, the Organizing
// Committee any commune's cadres; else forbidden). Throws; defineAction answers.

export async function loadRatingCommune(ctx: ActionContext, communeId: number, group: RatingGroup): Promise<CommuneRef> {
  const commune = await findCommuneById(ctx.db, communeId);
  if (!commune) throw new Refusal('errors.notFound');
  if (!can(ctx.user, RATING_PERMISSION[group], { provinceId: commune.provinceId, communeId: commune.id })) throw new Refusal('errors.forbidden');
  return commune;
}

/**
 * The body that decides a group's ratings, from the issuing bodies' catalogue: the commune's People's Committee for
 * its civil servants, the province's Party Standing Committee for the cadres (Regulation 366-QĐ/TW).
 */
export async function decidingBodyOf(ctx: ActionContext, commune: CommuneRef, group: RatingGroup): Promise<string | null> {
  const code = group === 'civil_servant' ? `UBND_${commune.code}` : 'BTVTU';
  const body = await ctx.db.issuingBody.findUnique({ where: { provinceId_code: { provinceId: commune.provinceId, code } }, select: { name: true } });
  return body?.name ?? null;
}

/** A rating as its audit event records it. */
export const ratingSnapshot = (rating: Omit<RatingRow, 'id' | 'roundId' | 'cadreId'>, who: { cadre: string; communeCode: string; group: RatingGroup }) => ({
  cadre: who.cadre, year: rating.year, communeCode: who.communeCode, group: who.group, level: rating.level, score: rating.score,
  belowBandReason: rating.belowBandReason, decidingBody: rating.decidingBody, version: rating.version,
});
