// Annual ratings (docs/decisions/040-annual-ratings.md; facts: Decree 90/2020 as amended by Decree 48/2023, and
// Decree 335/2025 for civil servants from 2026). Pure rules: plain data in, message keys and numbers out; the
// thresholds (the 20% rule's percentage, the months worked) are the province's settings (lib/domain/settings.ts),
// passed in by the caller.

/** The four levels, best first. */
export const RATING_LEVELS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** A unit rates its cadres and its civil servants as two groups (the 20% rule applies within one group). */
export const RATING_GROUPS = ['cadre', 'civil_servant'] as const;
export type RatingGroup = (typeof RATING_GROUPS)[number];

export const RATING_ROUND_STATES = ['draft', 'confirmed'] as const;
export type RatingRoundState = (typeof RATING_ROUND_STATES)[number];

const RANK: Record<RatingLevel, number> = { excellent: 3, good: 2, completed: 1, not_completed: 0 };

export const isRatingLevel = (value: string): value is RatingLevel => (RATING_LEVELS as readonly string[]).includes(value);

/** The group a person is rated in, by employment type; public employees and non-professional workers are not rated here. */
export function ratingGroupOf(employmentType: string): RatingGroup | null {
  return employmentType === 'cadre' || employmentType === 'civil_servant' ? employmentType : null;
}

/** The lowest and highest score a rating may carry. */
export const SCORE_MIN = 0;
export const SCORE_MAX = 100;

/**
 * The level a civil servant's score gives under Decree 335/2025: 90 and above excellent, 70 to under 90 good, 50 to
 * under 70 completed, under 50 not completed.
 */
export function scoreBand(score: number): RatingLevel {
  if (score >= 90) return 'excellent';
  if (score >= 70) return 'good';
  if (score >= 50) return 'completed';
  return 'not_completed';
}

/** Whether the score bands apply to the group: Decree 335/2025 scores civil servants; cadres are rated by their superior bodies. */
export const scoreBandsApply = (group: RatingGroup) => group === 'civil_servant';

export type ScoreProblem = { key: string; field: 'score' | 'level' | 'belowBandReason'; params?: Record<string, string> };

/**
 * A rating against its score: the score within 0–100; for a civil servant the level never above the score's band, and
 * below it only with a reason (the reason is kept only then). Returns the problem, or the reason to store.
 */
export function checkRatingScore(input: { group: RatingGroup; level: RatingLevel; score: number | null; belowBandReason: string | null }):
  | { ok: false; problem: ScoreProblem }
  | { ok: true; belowBandReason: string | null; band: RatingLevel | null } {
  const { score } = input;
  if (score === null) return { ok: true, belowBandReason: null, band: null };
  if (!Number.isFinite(score) || score < SCORE_MIN || score > SCORE_MAX) return { ok: false, problem: { key: 'ratings.errors.scoreRange', field: 'score' } };
  if (!scoreBandsApply(input.group)) return { ok: true, belowBandReason: null, band: null };
  const band = scoreBand(score);
  if (RANK[input.level] > RANK[band]) return { ok: false, problem: { key: 'ratings.errors.aboveBand', field: 'level', params: { band } } };
  if (RANK[input.level] < RANK[band]) {
    const reason = input.belowBandReason?.trim() ?? '';
    if (reason === '') return { ok: false, problem: { key: 'ratings.errors.belowBandReason', field: 'belowBandReason', params: { band } } };
    return { ok: true, belowBandReason: reason, band };
  }
  return { ok: true, belowBandReason: null, band };
}

export type LevelCounts = Record<RatingLevel, number>;

export function countLevels(levels: readonly RatingLevel[]): LevelCounts {
  const counts: LevelCounts = { excellent: 0, good: 0, completed: 0, not_completed: 0 };
  for (const level of levels) counts[level] += 1;
  return counts;
}

/** The 20% rule broken: how many are rated excellent, how many good (the excellent not included), the percentage, and how many excellent the rule allows. */
export type ExcellentShareBreach = { excellent: number; good: number; percent: number; allowed: number };

/**
 * The 20% rule of Decree 335/2025, within one unit and one group: the number rated excellent may not exceed `percent`
 * of the number rated good, the good count excluding the excellent (at 20%: 5 × excellent ≤ good). Integer arithmetic:
 * excellent × 100 ≤ percent × good. Returns the numbers that break it, or null.
 */
export function excellentShareBreach(counts: { excellent: number; good: number }, percent: number): ExcellentShareBreach | null {
  if (counts.excellent * 100 <= percent * counts.good) return null;
  return { excellent: counts.excellent, good: counts.good, percent, allowed: Math.floor((percent * counts.good) / 100) };
}

/** The excellent count as a share of the good count, in percent (null when no one is rated good). */
export function excellentShareOfGood(counts: { excellent: number; good: number }): number | null {
  return counts.good === 0 ? null : (counts.excellent * 100) / counts.good;
}

// ---- Time worked ------------------------------------------------------------------------------------------

/** A period a person held a post (inclusive ISO dates; end null: still held). */
export type Period = { start: string; end: string | null };

const parts = (iso: string) => ({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) });
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Whole calendar months and the days left over from `from` (inclusive) to `to` (exclusive). */
function monthsBetween(from: string, to: string): { months: number; days: number } {
  const a = parts(from);
  const b = parts(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  let days = b.d - a.d;
  if (days < 0) {
    months -= 1;
    const prevMonth = b.m === 1 ? 12 : b.m - 1;
    const prevYear = b.m === 1 ? b.y - 1 : b.y;
    days += daysInMonth(prevYear, prevMonth);
  }
  return { months, days };
}

/**
 * The months a person worked in `year`: the periods clipped to the year and merged, each counted in whole calendar
 * months (01/07 to 31/12 is 6), the days left over from every period added up in 30s. A person who held posts in
 * several units in the year counts them all (a transfer on 01/10 leaves 12 months worked).
 */
export function monthsWorked(periods: readonly Period[], year: number): number {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const clipped = periods
    .map((p) => ({ start: p.start < yearStart ? yearStart : p.start, end: p.end === null || p.end > yearEnd ? yearEnd : p.end }))
    .filter((p) => p.start <= p.end)
    .sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
  const merged: { start: string; end: string }[] = [];
  for (const p of clipped) {
    const last = merged[merged.length - 1];
    if (last && p.start <= nextDay(last.end)) {
      if (p.end > last.end) last.end = p.end;
    } else merged.push({ ...p });
  }
  let months = 0;
  let days = 0;
  for (const p of merged) {
    const span = monthsBetween(p.start, nextDay(p.end));
    months += span.months;
    days += span.days;
  }
  return months + Math.floor(days / 30);
}

// ---- Who may be rated, and when -----------------------------------------------------------------------------

/** The last day of a year: the rating belongs to the unit the person holds then. */
export const yearEnd = (year: number) => `${year}-12-31`;

export const isYearInFuture = (year: number, today: string) => year > Number(today.slice(0, 4));

/** The earliest year the product rates: the year of the two-level government (communes from 01/07/2025). */
export const FIRST_RATING_YEAR = 2025;

/**
 * Why a person may not be rated in a unit's round for `year` (a message key of `ratings.errors`), or null: the year
 * not in the future; the person a cadre or civil servant of the round's group, active on 31/12 with his primary post
 * in the round's unit then, and with at least `minMonths` months worked in the year.
 */
export function ratingEligibilityProblem(input: {
  year: number;
  today: string;
  group: RatingGroup;
  employmentType: string;
  activeAtYearEnd: boolean;
  inUnitAtYearEnd: boolean;
  monthsWorked: number;
  minMonths: number;
}): string | null {
  if (isYearInFuture(input.year, input.today)) return 'ratings.errors.futureYear';
  if (input.year < FIRST_RATING_YEAR) return 'ratings.errors.yearTooEarly';
  if (ratingGroupOf(input.employmentType) !== input.group) return 'ratings.errors.wrongGroup';
  if (!input.activeAtYearEnd || !input.inUnitAtYearEnd) return 'ratings.errors.notInUnit';
  if (input.monthsWorked < input.minMonths) return 'ratings.errors.tooFewMonths';
  return null;
}

/** Who records a group's ratings (docs/decisions/040-annual-ratings.md): a commune's chairman its civil servants, the Organizing Committee the cadres. */
export const RATING_PERMISSION = { civil_servant: 'rating.rateCivilServants', cadre: 'rating.rateCadres' } as const;

/** Why a round may not be confirmed: someone still to rate, or the 20% rule broken without a reason. */
export function confirmRoundProblem(input: {
  state: RatingRoundState;
  unrated: number;
  counts: LevelCounts;
  percent: number;
  reason: string | null;
}): { key: string; params?: Record<string, number> } | null {
  if (input.state !== 'draft') return { key: 'ratings.errors.roundConfirmed' };
  if (input.counts.excellent + input.counts.good + input.counts.completed + input.counts.not_completed === 0) return { key: 'ratings.errors.emptyRound' };
  if (input.unrated > 0) return { key: 'ratings.errors.unrated', params: { count: input.unrated } };
  const breach = excellentShareBreach(input.counts, input.percent);
  if (breach && !(input.reason && input.reason.trim() !== '')) return { key: 'ratings.errors.excellentShare', params: breach };
  return null;
}

// ---- Decree 154/2025 ----------------------------------------------------------------------------------------

/**
 * Decree 154/2025 (streamlining): a person rated "not completed" in the previous or the current year is within its
 * scope. Returns the year of that rating (the latest), or null.
 */
export function streamliningYear(ratings: readonly { year: number; level: RatingLevel }[], today: string): number | null {
  const current = Number(today.slice(0, 4));
  const years = ratings.filter((r) => r.level === 'not_completed' && (r.year === current || r.year === current - 1)).map((r) => r.year);
  return years.length === 0 ? null : Math.max(...years);
}

/** The two years whose ratings the candidate and transfer screens show: the previous and the current one. */
export const lastTwoYears = (today: string): [number, number] => {
  const current = Number(today.slice(0, 4));
  return [current - 1, current];
};

/** Whether a round still takes ratings (none yet, or in draft); a confirmed round's results are decided. */
export const roundTakesRatings = (state: RatingRoundState | null) => state !== 'confirmed';
