import type { Prisma } from '@/lib/generated/prisma/client';
import type { RatingGroup, RatingLevel, RatingRoundState } from '@/lib/domain/ratings';
import { Refusal, StaleWrite, expectWritten } from './errors';

// The writes of annual ratings (docs/decisions/040-annual-ratings.md), each in the caller's transaction, which records
// the audit event. A round is made by its first rating and locked by every write to it, so a rating recorded while
// the round is being confirmed waits, then finds it confirmed. Every change of a rating bumps the round's version:
// a confirmation posted from a page that showed other ratings is stale.

type Tx = Prisma.TransactionClient;

export type LockedRound = { id: number; state: RatingRoundState; version: number };

/** A commune's round for the year and group, made in draft when missing, locked for the transaction. */
export async function lockRound(tx: Tx, input: { provinceId: number; communeId: number; year: number; group: RatingGroup; at?: Date }): Promise<LockedRound> {
  await tx.$executeRawUnsafe(
    `INSERT INTO rating_round (province_id, commune_id, year, "group", state, version, created_at)
     VALUES ($1, $2, $3, $4::"RatingGroup", 'draft', 1, COALESCE($5::timestamptz, now()))
     ON CONFLICT (commune_id, year, "group") DO NOTHING`,
    input.provinceId, input.communeId, input.year, input.group, input.at?.toISOString() ?? null,
  );
  const rows = await tx.$queryRawUnsafe<{ id: number; state: RatingRoundState; version: number }[]>(
    `SELECT id, state::text AS state, version FROM rating_round WHERE commune_id = $1 AND year = $2 AND "group" = $3::"RatingGroup" FOR UPDATE`,
    input.communeId, input.year, input.group,
  );
  if (rows.length !== 1) throw new Error('lockRound: the round was not made');
  return rows[0];
}

/** Refuses a write to a confirmed round (its results are decided). */
export function expectDraft(round: LockedRound): void {
  if (round.state !== 'draft') throw new Refusal('ratings.errors.roundConfirmed');
}

async function touchRound(tx: Tx, roundId: number) {
  await tx.$executeRawUnsafe('UPDATE rating_round SET version = version + 1 WHERE id = $1', roundId);
}

export type RatingValues = { level: RatingLevel; score: number | null; belowBandReason: string | null; decidingBody: string | null };

/** A person's rating of the year in the round (the unique (cadre, year) refuses a second: rating_cadre_id_year_key). */
export async function insertRating(tx: Tx, input: { roundId: number; cadreId: number; year: number; at?: Date } & RatingValues): Promise<{ id: number; version: number }> {
  const { at, ...data } = input;
  const row = await tx.rating.create({ data: { ...data, ...(at ? { createdAt: at, updatedAt: at } : {}) }, select: { id: true, version: true } });
  await touchRound(tx, input.roundId);
  return row;
}

/** Changes a rating from the version the form showed (StaleWrite when it moved on). */
export async function updateRating(tx: Tx, input: { ratingId: number; roundId: number; version: number; at?: Date } & RatingValues): Promise<number> {
  const count = await tx.$executeRawUnsafe(
    `UPDATE rating SET level = $3::"RatingLevel", score = $4::numeric, below_band_reason = $5, deciding_body = $6, version = version + 1,
            updated_at = COALESCE($7::timestamptz, now())
      WHERE id = $1 AND version = $2 AND round_id = $8`,
    input.ratingId, input.version, input.level, input.score, input.belowBandReason, input.decidingBody, input.at?.toISOString() ?? null, input.roundId,
  );
  expectWritten(count, 'rating');
  await touchRound(tx, input.roundId);
  return input.version + 1;
}

/** Removes a rating of a draft round from the version the form showed. */
export async function deleteRating(tx: Tx, input: { ratingId: number; roundId: number; version: number }): Promise<void> {
  const count = await tx.$executeRawUnsafe('DELETE FROM rating WHERE id = $1 AND version = $2 AND round_id = $3', input.ratingId, input.version, input.roundId);
  expectWritten(count, 'rating');
  await touchRound(tx, input.roundId);
}

/** Confirms a draft round from the version its page showed, with the reason when beyond the 20% rule. */
export async function confirmRound(tx: Tx, input: { roundId: number; version: number; overLimitReason: string | null; confirmedById: number | null; at?: Date }): Promise<void> {
  const count = await tx.$executeRawUnsafe(
    `UPDATE rating_round SET state = 'confirmed', over_limit_reason = $3, confirmed_at = COALESCE($4::timestamptz, now()), confirmed_by_id = $5, version = version + 1
      WHERE id = $1 AND version = $2 AND state = 'draft'`,
    input.roundId, input.version, input.overLimitReason, input.at?.toISOString() ?? null, input.confirmedById,
  );
  if (count !== 1) throw new StaleWrite('rating_round');
}
