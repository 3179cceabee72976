import { describe, expect, it } from 'vitest';
import {
  checkRatingScore, confirmRoundProblem, countLevels, excellentShareBreach, monthsWorked, ratingEligibilityProblem, ratingGroupOf, scoreBand,
  streamliningYear,
} from '@/lib/domain/ratings';

// Annual ratings (docs/decisions/040-annual-ratings.md): the Decree 335/2025 score bands, the 20% rule at its edges,
// months worked, who may be rated, and the Decree 154/2025 scope.

describe('scoreBand (Decree 335/2025)', () => {
  it.each([
    [100, 'excellent'], [90, 'excellent'], [89.99, 'good'], [70, 'good'], [69.99, 'completed'], [50, 'completed'], [49.99, 'not_completed'], [0, 'not_completed'],
  ] as const)('%s → %s', (score, level) => {
    expect(scoreBand(score)).toBe(level);
  });
});

describe('checkRatingScore', () => {
  const civil = (level: 'excellent' | 'good' | 'completed' | 'not_completed', score: number | null, belowBandReason: string | null = null) =>
    checkRatingScore({ group: 'civil_servant', level, score, belowBandReason });

  it('a rating in its band is accepted, no reason kept', () => {
    expect(civil('good', 75, 'thừa')).toEqual({ ok: true, belowBandReason: null, band: 'good' });
  });
  it('no score: nothing to check', () => {
    expect(civil('excellent', null)).toEqual({ ok: true, belowBandReason: null, band: null });
  });
  it('above its band: refused on the level, naming the band', () => {
    expect(civil('excellent', 89.5)).toEqual({ ok: false, problem: { key: 'ratings.errors.aboveBand', field: 'level', params: { band: 'good' } } });
    expect(civil('completed', 49)).toMatchObject({ ok: false, problem: { key: 'ratings.errors.aboveBand' } });
  });
  it('below its band: refused without a reason, accepted with one (kept)', () => {
    expect(civil('good', 92)).toEqual({ ok: false, problem: { key: 'ratings.errors.belowBandReason', field: 'belowBandReason', params: { band: 'excellent' } } });
    expect(civil('good', 92, '   ')).toMatchObject({ ok: false });
    expect(civil('good', 92, ' Bị nhắc nhở trong năm ')).toEqual({ ok: true, belowBandReason: 'Bị nhắc nhở trong năm', band: 'excellent' });
  });
  it.each([-0.01, 100.01, Number.NaN])('score %s out of range: refused', (score) => {
    expect(civil('good', score)).toEqual({ ok: false, problem: { key: 'ratings.errors.scoreRange', field: 'score' } });
  });
  it('cadres: the score is kept but the bands do not apply; the range does', () => {
    expect(checkRatingScore({ group: 'cadre', level: 'excellent', score: 40, belowBandReason: null })).toEqual({ ok: true, belowBandReason: null, band: null });
    expect(checkRatingScore({ group: 'cadre', level: 'excellent', score: 101, belowBandReason: null })).toMatchObject({ ok: false });
  });
});

describe('excellentShareBreach: the 20% rule (excellent × 100 ≤ percent × good, the good excluding the excellent)', () => {
  it.each([
    { label: 'exactly 20%: 1 excellent, 5 good', excellent: 1, good: 5, broken: false },
    { label: 'exactly 20%: 20 excellent, 100 good', excellent: 20, good: 100, broken: false },
    { label: '21%: 21 excellent, 100 good', excellent: 21, good: 100, broken: true, allowed: 20 },
    { label: 'just over: 2 excellent, 9 good (22%)', excellent: 2, good: 9, broken: true, allowed: 1 },
    { label: 'zero good, zero excellent', excellent: 0, good: 0, broken: false },
    { label: 'zero good, one excellent', excellent: 1, good: 0, broken: true, allowed: 0 },
    { label: 'under: 1 excellent, 6 good', excellent: 1, good: 6, broken: false },
    { label: '1 excellent, 4 good (25%)', excellent: 1, good: 4, broken: true, allowed: 0 },
  ])('$label', ({ excellent, good, broken, allowed }) => {
    const breach = excellentShareBreach({ excellent, good }, 20);
    if (!broken) expect(breach).toBeNull();
    else expect(breach).toEqual({ excellent, good, percent: 20, allowed });
  });
  it('the percentage is a setting: at 25%, 1 excellent and 4 good pass; at 0%, any excellent breaks it', () => {
    expect(excellentShareBreach({ excellent: 1, good: 4 }, 25)).toBeNull();
    expect(excellentShareBreach({ excellent: 1, good: 100 }, 0)).toEqual({ excellent: 1, good: 100, percent: 0, allowed: 0 });
    expect(excellentShareBreach({ excellent: 0, good: 0 }, 0)).toBeNull();
  });
});

describe('monthsWorked', () => {
  it.each([
    { label: 'the whole year', periods: [{ start: '2020-03-01', end: null }], months: 12 },
    { label: '01/07 to 31/12: exactly 6', periods: [{ start: '2025-07-01', end: null }], months: 6 },
    { label: '02/07 to 31/12: 5 months and 30 days, counted as 6', periods: [{ start: '2025-07-02', end: null }], months: 6 },
    { label: '03/07 to 31/12: 5 months and 29 days', periods: [{ start: '2025-07-03', end: null }], months: 5 },
    { label: '01/01 to 30/06: 6', periods: [{ start: '2024-01-01', end: '2025-06-30' }], months: 6 },
    { label: '01/01 to 29/06: 5', periods: [{ start: '2024-01-01', end: '2025-06-29' }], months: 5 },
    { label: 'a transfer: two units back to back make the whole year', periods: [{ start: '2020-01-01', end: '2025-09-30' }, { start: '2025-10-01', end: null }], months: 12 },
    { label: 'overlapping periods count once', periods: [{ start: '2025-01-01', end: '2025-04-30' }, { start: '2025-03-01', end: '2025-05-31' }], months: 5 },
    { label: 'left-over days add up: 15/01–28/02 and 15/07–31/08', periods: [{ start: '2025-01-15', end: '2025-02-28' }, { start: '2025-07-15', end: '2025-08-31' }], months: 3 },
    { label: 'a period of another year', periods: [{ start: '2023-01-01', end: '2024-12-31' }], months: 0 },
    { label: 'a post starting after the year', periods: [{ start: '2026-01-01', end: null }], months: 0 },
  ])('$label → $months', ({ periods, months }) => {
    expect(monthsWorked(periods, 2025)).toBe(months);
  });
  it('a leap February counts as a month', () => {
    expect(monthsWorked([{ start: '2024-02-01', end: '2024-02-29' }], 2024)).toBe(1);
  });
});

describe('ratingEligibilityProblem', () => {
  const base = { year: 2026, today: '2026-12-10', group: 'civil_servant' as const, employmentType: 'civil_servant', activeAtYearEnd: true, inUnitAtYearEnd: true, monthsWorked: 12, minMonths: 6 };
  it.each([
    { label: 'eligible', change: {}, problem: null },
    { label: 'a year in the future', change: { year: 2027 }, problem: 'ratings.errors.futureYear' },
    { label: 'before the two-level government', change: { year: 2024 }, problem: 'ratings.errors.yearTooEarly' },
    { label: 'a cadre in the civil servants’ round', change: { employmentType: 'cadre' }, problem: 'ratings.errors.wrongGroup' },
    { label: 'a public employee', change: { employmentType: 'public_employee' }, problem: 'ratings.errors.wrongGroup' },
    { label: 'left before 31/12', change: { activeAtYearEnd: false }, problem: 'ratings.errors.notInUnit' },
    { label: 'in another unit on 31/12', change: { inUnitAtYearEnd: false }, problem: 'ratings.errors.notInUnit' },
    { label: '5 months worked', change: { monthsWorked: 5 }, problem: 'ratings.errors.tooFewMonths' },
    { label: 'exactly 6 months worked', change: { monthsWorked: 6 }, problem: null },
  ])('$label', ({ change, problem }) => {
    expect(ratingEligibilityProblem({ ...base, ...change })).toBe(problem);
  });
});

describe('confirmRoundProblem', () => {
  const counts = (excellent: number, good: number) => ({ ...countLevels([]), excellent, good });
  it('confirmable at exactly 20%', () => {
    expect(confirmRoundProblem({ state: 'draft', unrated: 0, counts: counts(1, 5), percent: 20, reason: null })).toBeNull();
  });
  it('refused beyond 20% without a reason, with the numbers; accepted with one', () => {
    expect(confirmRoundProblem({ state: 'draft', unrated: 0, counts: counts(2, 9), percent: 20, reason: ' ' })).toEqual({
      key: 'ratings.errors.excellentShare', params: { excellent: 2, good: 9, percent: 20, allowed: 1 },
    });
    expect(confirmRoundProblem({ state: 'draft', unrated: 0, counts: counts(2, 9), percent: 20, reason: 'Đơn vị dẫn đầu phong trào thi đua' })).toBeNull();
  });
  it('refused while someone is unrated, when empty, and once confirmed', () => {
    expect(confirmRoundProblem({ state: 'draft', unrated: 2, counts: counts(0, 3), percent: 20, reason: null })).toEqual({ key: 'ratings.errors.unrated', params: { count: 2 } });
    expect(confirmRoundProblem({ state: 'draft', unrated: 0, counts: counts(0, 0), percent: 20, reason: null })).toEqual({ key: 'ratings.errors.emptyRound' });
    expect(confirmRoundProblem({ state: 'confirmed', unrated: 0, counts: counts(0, 3), percent: 20, reason: null })).toEqual({ key: 'ratings.errors.roundConfirmed' });
  });
});

describe('groups and Decree 154/2025', () => {
  it('the group follows the employment type', () => {
    expect([ratingGroupOf('cadre'), ratingGroupOf('civil_servant'), ratingGroupOf('public_employee'), ratingGroupOf('non_professional')]).toEqual(['cadre', 'civil_servant', null, null]);
  });
  it.each([
    { label: 'not completed this year', ratings: [{ year: 2026, level: 'not_completed' as const }], year: 2026 },
    { label: 'not completed last year', ratings: [{ year: 2025, level: 'not_completed' as const }, { year: 2026, level: 'good' as const }], year: 2025 },
    { label: 'not completed two years ago: out of scope', ratings: [{ year: 2024, level: 'not_completed' as const }], year: null },
    { label: 'completed: out of scope', ratings: [{ year: 2026, level: 'completed' as const }], year: null },
  ])('$label', ({ ratings, year }) => {
    expect(streamliningYear(ratings, '2026-12-10')).toBe(year);
  });
});
