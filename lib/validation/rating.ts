import { z } from 'zod';
import { RATING_LEVELS } from '@/lib/domain/ratings';
import { CONFIRM } from './confirm';
import { blankToNull, id, optionalText, version } from './fields';

// The rating forms and their actions (docs/decisions/040-annual-ratings.md). Messages are keys (decision 003).

/** The year of a round as posted: a whole year; the rules (not in the future, not before 2025) are the action's. */
export const RatingYearSchema = z.coerce.number({ error: 'ratings.errors.year' }).int({ error: 'ratings.errors.year' }).min(1900, { error: 'ratings.errors.year' }).max(2200, { error: 'ratings.errors.year' });

/** A score typed with a comma or a point, at most two decimals; blank is none. The range is the rule's, checked by the action. */
export const ScoreSchema = z.preprocess(
  (value) => {
    const blank = blankToNull(value);
    return typeof blank === 'string' ? blank.trim().replace(',', '.') : blank;
  },
  z.string().regex(/^-?\d{1,3}(\.\d{1,2})?$/, { error: 'ratings.errors.score' }).transform(Number).nullable(),
);

export const RecordRatingSchema = z.object({
  communeId: id(),
  cadreId: id(),
  year: RatingYearSchema,
  level: z.enum(RATING_LEVELS, { error: 'ratings.errors.level' }),
  score: ScoreSchema,
  belowBandReason: optionalText(500),
  /** A change: the rating's id and the version the page showed; absent for a new rating. */
  ratingId: z.preprocess(blankToNull, id().nullable()),
  version: z.preprocess(blankToNull, version.nullable()),
});

export const RemoveRatingSchema = z.object({ communeId: id(), ratingId: id(), version });

export const ConfirmRatingRoundSchema = z.object({
  communeId: id(),
  year: RatingYearSchema,
  version,
  overLimitReason: optionalText(1000),
  ...CONFIRM,
});

/** The page's year as read from the address: within the years the product rates, else the default. */
export function ratingYearParam(raw: string | string[] | undefined, fallback: number): number {
  const value = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isInteger(value) && value >= 2025 && value <= fallback ? value : fallback;
}

