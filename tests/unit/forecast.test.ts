import { describe, expect, test } from 'vitest';
import { computeForecast, crossingYears, sumForecast, type ForecastInput, type ForecastPerson } from '@/lib/domain/forecast';

// Hand-made cases of the forecast (docs/decisions/042-retirement-and-forecast.md), each small enough to check by eye.
// Commune A (code X01) and B (X02), quota 10 in each block from 2025, from 20/11/2026, three years.

const FROM = '2026-11-20';
const base = (over: Partial<ForecastInput> = {}): ForecastInput => ({
  from: FROM,
  years: 3,
  communes: [
    { communeId: 1, code: 'X01', name: 'A', oldDistrictId: 1, oldDistrictName: 'D', headcount: { party_front: 5, government: 10 } },
    { communeId: 2, code: 'X02', name: 'B', oldDistrictId: 1, oldDistrictName: 'D', headcount: { party_front: 4, government: 8 } },
  ],
  quotas: [
    { communeId: 1, year: 2025, block: 'party_front', quota: 5 },
    { communeId: 1, year: 2025, block: 'government', quota: 10 },
    { communeId: 2, year: 2025, block: 'party_front', quota: 5 },
    { communeId: 2, year: 2025, block: 'government', quota: 10 },
  ],
  people: [],
  changes: [],
  ...over,
});
const row = (result: ReturnType<typeof computeForecast>, communeId: number, block: 'party_front' | 'government', year: number) =>
  result.rows.find((r) => r.communeId === communeId && r.block === block && r.year === year)!;
// A man born 06/1965 retires on 31/12/2026 (61 years 6 months); one born 04/1966 on 30/04/2028 (62 years).
const decemberMan: ForecastPerson = { cadreId: 7, code: 'CB7', fullName: 'Nguyễn Văn Bảy', birthDate: '1965-06-15', gender: 'male', at: { communeId: 1, block: 'government' } };

describe('computeForecast', () => {
  test('no change: the headcount stays, one row per commune, block and year, sorted', () => {
    const result = computeForecast(base());
    expect(result.years).toEqual([2026, 2027, 2028]);
    expect(result.rows.map((r) => `${r.communeId}:${r.block}:${r.year}`)).toEqual([
      '1:party_front:2026', '1:party_front:2027', '1:party_front:2028', '1:government:2026', '1:government:2027', '1:government:2028',
      '2:party_front:2026', '2:party_front:2027', '2:party_front:2028', '2:government:2026', '2:government:2027', '2:government:2028',
    ]);
    expect(row(result, 2, 'government', 2028)).toMatchObject({ quota: 10, headcount: 8, retirements: 0, difference: -2 });
  });

  test('a retirement on 31/12 counts in that year', () => {
    const result = computeForecast(base({ people: [decemberMan] }));
    expect(row(result, 1, 'government', 2026)).toMatchObject({ headcount: 9, retirements: 1, difference: -1 });
    expect(row(result, 1, 'government', 2027)).toMatchObject({ headcount: 9, retirements: 0 });
    expect(result.retirements).toEqual([{ cadreId: 7, communeId: 1, block: 'government', date: '2026-12-31' }]);
  });

  test('a future appointment counts from its year, and its person retires there', () => {
    const recruit: ForecastPerson = { cadreId: 8, code: 'CB8', fullName: 'Lê Thị Tám', birthDate: '1966-04-02', gender: 'male', at: null };
    const result = computeForecast(base({
      people: [recruit],
      changes: [{ communeId: 2, block: 'party_front', direction: 'in', date: '2027-01-01', cadreId: 8, exit: false }],
    }));
    expect(row(result, 2, 'party_front', 2026)).toMatchObject({ headcount: 4 });
    expect(row(result, 2, 'party_front', 2027)).toMatchObject({ headcount: 5, difference: 0 });
    // 62 years in 04/2028: out at the end of 2028.
    expect(row(result, 2, 'party_front', 2028)).toMatchObject({ headcount: 4, retirements: 1 });
  });

  test('a transfer moves one out of the source and into the target on its date; the retirement counts where he is then', () => {
    const mover: ForecastPerson = { ...decemberMan, birthDate: '1966-04-10' };
    const result = computeForecast(base({
      people: [mover],
      changes: [
        { communeId: 1, block: 'government', direction: 'out', date: '2027-03-01', cadreId: 7, exit: false },
        { communeId: 2, block: 'government', direction: 'in', date: '2027-03-01', cadreId: 7, exit: false },
      ],
    }));
    expect(row(result, 1, 'government', 2026).headcount).toBe(10);
    expect(row(result, 1, 'government', 2027).headcount).toBe(9);
    expect(row(result, 2, 'government', 2027).headcount).toBe(9);
    // Retires 30/04/2028 in commune B, not A.
    expect(row(result, 2, 'government', 2028)).toMatchObject({ headcount: 8, retirements: 1 });
    expect(row(result, 1, 'government', 2028)).toMatchObject({ headcount: 9, retirements: 0 });
  });

  test('a change on the day after from counts; one on from itself is already in the headcount', () => {
    const result = computeForecast(base({
      changes: [
        { communeId: 1, block: 'party_front', direction: 'in', date: FROM, cadreId: null, exit: false },
        { communeId: 1, block: 'party_front', direction: 'in', date: '2026-11-21', cadreId: null, exit: false },
      ],
    }));
    expect(row(result, 1, 'party_front', 2026).headcount).toBe(6);
  });

  test('only the first exit counts: a departure before the retirement date, and a retirement before a later departure', () => {
    // Leaves on 01/06/2026... after from: a scheduled departure on 01/12/2026, before his retirement on 31/12/2026.
    const leaving = computeForecast(base({
      people: [decemberMan],
      changes: [{ communeId: 1, block: 'government', direction: 'out', date: '2026-12-01', cadreId: 7, exit: true }],
    }));
    expect(row(leaving, 1, 'government', 2026)).toMatchObject({ headcount: 9, retirements: 0 });
    expect(leaving.retirements).toEqual([]);
    // Retirement departure recorded ahead for the pension's first day (01/01/2027): the retirement (31/12/2026) is the
    // first exit; the departure does not subtract him again.
    const recorded = computeForecast(base({
      people: [decemberMan],
      changes: [{ communeId: 1, block: 'government', direction: 'out', date: '2027-01-01', cadreId: 7, exit: true }],
    }));
    expect(row(recorded, 1, 'government', 2026)).toMatchObject({ headcount: 9, retirements: 1 });
    expect(row(recorded, 1, 'government', 2027)).toMatchObject({ headcount: 9, retirements: 0 });
  });

  test('a departure on the retirement date itself comes first (his last day is the day before)', () => {
    const result = computeForecast(base({
      people: [decemberMan],
      changes: [{ communeId: 1, block: 'government', direction: 'out', date: '2026-12-31', cadreId: 7, exit: true }],
    }));
    expect(row(result, 1, 'government', 2026)).toMatchObject({ headcount: 9, retirements: 0 });
  });

  test('someone past his retirement date at from stays counted and is listed', () => {
    const old: ForecastPerson = { ...decemberMan, birthDate: '1960-01-05' };
    const result = computeForecast(base({ people: [old] }));
    expect(row(result, 1, 'government', 2028)).toMatchObject({ headcount: 10, retirements: 0 });
    expect(result.pastRetirement).toEqual([{ cadreId: 7, code: 'CB7', fullName: 'Nguyễn Văn Bảy', communeId: 1, block: 'government', retirementDate: '2020-01-31' }]);
  });

  test('a post change across blocks before retirement: he retires from the new block', () => {
    const result = computeForecast(base({
      people: [{ ...decemberMan, birthDate: '1966-04-10' }],
      changes: [
        { communeId: 1, block: 'government', direction: 'out', date: '2027-02-01', cadreId: 7, exit: false },
        { communeId: 1, block: 'party_front', direction: 'in', date: '2027-02-01', cadreId: 7, exit: false },
      ],
    }));
    expect(row(result, 1, 'party_front', 2027).headcount).toBe(6);
    expect(row(result, 1, 'party_front', 2028)).toMatchObject({ headcount: 5, retirements: 1 });
    expect(row(result, 1, 'government', 2028)).toMatchObject({ headcount: 9, retirements: 0 });
  });

  test('quota: the latest confirmed year not after each year; none is quota 0; a block missing in that year is 0 and flagged', () => {
    const result = computeForecast(base({
      quotas: [
        { communeId: 1, year: 2027, block: 'party_front', quota: 7 },
        { communeId: 1, year: 2025, block: 'party_front', quota: 5 },
        { communeId: 1, year: 2025, block: 'government', quota: 10 },
      ],
    }));
    expect(row(result, 1, 'party_front', 2026)).toMatchObject({ quota: 5, quotaYear: 2025, missingQuota: false });
    expect(row(result, 1, 'party_front', 2028)).toMatchObject({ quota: 7, quotaYear: 2027, difference: -2 });
    expect(row(result, 1, 'government', 2027)).toMatchObject({ quota: 0, quotaYear: 2027, missingQuota: true, difference: 10 });
    expect(row(result, 2, 'government', 2026)).toMatchObject({ quota: 0, quotaYear: null, missingQuota: false, difference: 8 });
  });
});

describe('sums and crossings', () => {
  test('totals per block and both blocks', () => {
    const result = computeForecast(base({ people: [decemberMan] }));
    const totals = sumForecast(result.rows, result.years);
    expect(totals.find((t) => t.block === 'total' && t.year === 2026)).toEqual({ year: 2026, block: 'total', quota: 30, headcount: 26, retirements: 1, difference: -4 });
    expect(totals.find((t) => t.block === 'government' && t.year === 2027)).toMatchObject({ headcount: 17, quota: 20 });
  });
  test('the first year over and the first year short', () => {
    expect(crossingYears([{ year: 2026, difference: 1 }, { year: 2027, difference: 0 }, { year: 2028, difference: -1 }], 1)).toEqual({ over: null, short: 2028 });
    expect(crossingYears([{ year: 2026, difference: -1 }, { year: 2027, difference: 2 }], -1)).toEqual({ over: 2027, short: null });
    expect(crossingYears([{ year: 2026, difference: -1 }], 0)).toEqual({ over: null, short: 2026 });
  });
});
