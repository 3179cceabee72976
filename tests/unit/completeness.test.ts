import { describe, expect, test } from 'vitest';
import { byOldDistrict, completeShare, missingFields, sumCounts, type CommuneCompleteness } from '@/lib/domain/completeness';

// The completeness rule of the personnel records (docs/decisions/039-completeness-search-personal-history.md).
const FULL = { nationalId: '040080001234', ethnicity: 'Kinh', rankCode: '01.003', salaryCoefficient: '3.33' };

describe('missingFields', () => {
  test.each([
    ['a complete record', FULL, []],
    ['no personal ID', { ...FULL, nationalId: null }, ['nationalId']],
    ['a blank personal ID', { ...FULL, nationalId: '  ' }, ['nationalId']],
    ['no ethnicity', { ...FULL, ethnicity: null }, ['ethnicity']],
    ['a blank ethnicity', { ...FULL, ethnicity: '' }, ['ethnicity']],
    ['no rank', { ...FULL, rankCode: null }, ['rank']],
    ['no salary coefficient (a step alone is not a salary)', { ...FULL, salaryCoefficient: null }, ['salary']],
    ['a coefficient given as a number', { ...FULL, salaryCoefficient: 2.34 }, []],
    ['nothing', { nationalId: null, ethnicity: null, rankCode: null, salaryCoefficient: null }, ['nationalId', 'ethnicity', 'rank', 'salary']],
  ] as const)('%s', (_label, record, expected) => {
    expect(missingFields(record)).toEqual(expected);
  });
});

const commune = (code: string, district: string, people: number, complete: number, missing: [number, number, number, number]): CommuneCompleteness => ({
  communeId: Number(code.slice(2)), code, name: code, oldDistrictId: Number(district.slice(1)), oldDistrictCode: district, oldDistrictName: `Huyện ${district}`,
  people, complete, missing: { nationalId: missing[0], ethnicity: missing[1], rank: missing[2], salary: missing[3] },
});

describe('roll-ups', () => {
  const communes = [commune('NA001', 'D2', 10, 6, [1, 2, 3, 4]), commune('NA002', 'D1', 5, 5, [0, 0, 0, 0]), commune('NA003', 'D2', 0, 0, [0, 0, 0, 0])];
  test('the province is the sum of its communes', () => {
    expect(sumCounts(communes)).toEqual({ people: 15, complete: 11, missing: { nationalId: 1, ethnicity: 2, rank: 3, salary: 4 } });
  });
  test('old districts sum their communes, sorted by code', () => {
    expect(byOldDistrict(communes).map((d) => [d.code, d.communes, d.people, d.complete, d.missing.salary])).toEqual([
      ['D1', 1, 5, 5, 0],
      ['D2', 2, 10, 6, 4],
    ]);
  });
  test('the share complete; nobody counted is nothing to fix', () => {
    expect(completeShare(communes[0])).toBe(0.6);
    expect(completeShare(communes[2])).toBe(1);
  });
});
