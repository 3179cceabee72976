import { describe, expect, test } from 'vitest';
import {
  chooseCampaign,
  confirmYearProblem,
  copySourceYear,
  latestCampaignYear,
  latestConfirmedYear,
  nextYearToOpen,
  openYearProblem,
  quotaYearCoverage,
  quotaYearNote,
  type QuotaYearState,
} from '@/lib/domain/quota-years';

// The rules of quota years and campaigns (docs/domain.md, Quota years and campaigns; decision 027).

const Y = (year: number, status: QuotaYearState['status'] = 'confirmed'): QuotaYearState => ({ year, status });

describe('latestConfirmedYear: the year whose quotas count', () => {
  test.each([
    ['the year itself', [Y(2024), Y(2025)], 2025, 2025],
    ['an earlier year when the year has none', [Y(2024), Y(2025)], 2026, 2025],
    ['never a later year', [Y(2025), Y(2027)], 2026, 2025],
    ['never a draft', [Y(2025), Y(2026, 'draft')], 2026, 2025],
    ['none before the year', [Y(2027)], 2026, null],
    ['none at all', [], 2026, null],
  ] as const)('%s', (_label, years, year, expected) => {
    expect(latestConfirmedYear(years, year)).toBe(expected);
  });
});

describe('the note on the quota year behind a figure', () => {
  test.each([
    ['every unit on the year asked: nothing to say', [2026, 2026], 2026, null],
    ['every unit on 2025 in 2026', [2025, 2025, 2025], 2026, { kind: 'earlierOnly', year: 2025, asked: 2026, withoutQuota: 0 }],
    ['2025 and one unit without quota', [2025, null], 2026, { kind: 'earlierOnly', year: 2025, asked: 2026, withoutQuota: 1 }],
    ['some on this year, some on an earlier one', [2026, 2025, 2024, 2025], 2026, { kind: 'mixed', asked: 2026, current: 1, earlier: [{ year: 2025, units: 2 }, { year: 2024, units: 1 }], withoutQuota: 0 }],
    ['no unit with a quota', [null, null], 2026, { kind: 'none', asked: 2026 }],
    ['no unit at all', [], 2026, null],
  ] as const)('%s', (_label, years, asked, expected) => {
    expect(quotaYearNote(quotaYearCoverage(years, asked))).toEqual(expected);
  });
});

describe('chooseCampaign: the 5% campaign a page shows at a date', () => {
  test.each([
    ['the latest not after the date’s year', [2025], '2026-12-07', undefined, { ok: true, year: 2025, years: [2025], requested: false }],
    ['this year’s once it has a phase', [2025, 2026, 2026], '2026-12-07', '', { ok: true, year: 2026, years: [2026, 2025], requested: false }],
    ['never a later year', [2025, 2027], '2026-12-07', null, { ok: true, year: 2025, years: [2025], requested: false }],
    ['none yet', [], '2026-12-07', undefined, { ok: true, year: null, years: [], requested: false }],
    ['a year asked for that has one', [2024, 2025], '2026-12-07', '2024', { ok: true, year: 2024, years: [2025, 2024], requested: true }],
    ['a year without one is refused', [2025], '2026-12-07', '2026', { ok: false, requested: '2026', years: [2025] }],
    ['a later year is refused', [2025, 2027], '2026-12-07', '2027', { ok: false, requested: '2027', years: [2025] }],
    ['not a year', [2025], '2026-12-07', 'năm nay', { ok: false, requested: 'năm nay', years: [2025] }],
  ] as const)('%s', (_label, phaseYears, date, requested, expected) => {
    expect(chooseCampaign(phaseYears, date, requested)).toEqual(expected);
  });

  test('latestCampaignYear', () => {
    expect(latestCampaignYear([2025], '2026-01-01')).toBe(2025);
    expect(latestCampaignYear([], '2026-01-01')).toBeNull();
  });
});

describe('opening and confirming a quota year', () => {
  const existing = [Y(2024), Y(2025)];
  test.each([
    ['the next year', existing, 2026, 2026, null],
    ['next year, in the autumn before it', existing, 2026, 2025, null],
    ['a year the province has', existing, 2025, 2026, 'quotaYears.errors.exists'],
    ['while a draft is open', [...existing, Y(2026, 'draft')], 2027, 2026, 'quotaYears.errors.draftOpen'],
    ['a year before the latest', [Y(2023), Y(2025)], 2024, 2026, 'quotaYears.errors.notAfterLatest'],
    ['years ahead', existing, 2028, 2026, 'quotaYears.errors.tooFar'],
    ['with no confirmed year to copy', [], 2026, 2026, 'quotaYears.errors.nothingToCopy'],
  ] as const)('%s', (_label, years, year, currentYear, expected) => {
    expect(openYearProblem(years, year, currentYear)).toBe(expected);
  });

  test('the draft copies the latest confirmed year before it; the form offers the year after the latest', () => {
    expect(copySourceYear(existing, 2026)).toBe(2025);
    expect(copySourceYear([Y(2024), Y(2025, 'draft')], 2026)).toBe(2024);
    expect(nextYearToOpen(existing, 2026)).toBe(2026);
    expect(nextYearToOpen([], 2026)).toBe(2026);
  });

  test('a draft is confirmed once; an unknown year is not found', () => {
    expect(confirmYearProblem(Y(2026, 'draft'))).toBeNull();
    expect(confirmYearProblem(Y(2026))).toBe('quotaYears.errors.alreadyConfirmed');
    expect(confirmYearProblem(null)).toBe('errors.notFound');
  });
});
