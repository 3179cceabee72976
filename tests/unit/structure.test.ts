import { describe, expect, test } from 'vitest';
import { ageAt, countStructure, isEthnicMinority, isYoungAt, monthlyDates, structureShares, sumStructure, type StructurePerson } from '@/lib/domain/structure';

// The structure of key posts (docs/decisions/041-structure-and-planning.md): ages by birthday, ethnicity folded.

describe('young: under the age at the date, by birthday', () => {
  test.each([
    ['the day before the 35th birthday', '1990-06-15', '2025-06-14', true],
    ['the 35th birthday itself', '1990-06-15', '2025-06-15', false],
    ['the day after', '1990-06-15', '2025-06-16', false],
    ['born 29/02: 28/02 of a common year is still before the birthday', '1992-02-29', '2027-02-28', true],
    ['born 29/02: the birthday is 01/03 in a common year', '1992-02-29', '2027-03-01', false],
    ['born 29/02: in a leap year the birthday is 29/02', '1988-02-29', '2023-02-28', true],
  ])('%s', (_label, birthDate, date, young) => {
    expect(isYoungAt(birthDate, date, 35)).toBe(young);
  });

  test('the age is the setting, not a constant', () => {
    expect(isYoungAt('1990-06-15', '2025-06-15', 36)).toBe(true);
    expect(isYoungAt('1990-06-15', '2020-06-14', 30)).toBe(true);
    expect(isYoungAt('1990-06-15', '2020-06-15', 30)).toBe(false);
  });

  test.each([
    ['1990-06-15', '2025-06-14', 34],
    ['1990-06-15', '2025-06-15', 35],
    ['1992-02-29', '2027-02-28', 34],
    ['1992-02-29', '2027-03-01', 35],
  ])('ageAt(%s, %s) = %i', (birthDate, date, age) => {
    expect(ageAt(birthDate, date)).toBe(age);
  });
});

describe('ethnic minority: other than Kinh, without case or diacritics; empty is not a minority', () => {
  test.each([
    ['Kinh', false], ['KINH', false], [' kinh ', false], ['Kính', false],
    ['Thái', true], ['THAI', true], ["Ơ Đu", true], ['Khơ Mú', true],
    ['', false], ['   ', false], [null, false],
  ] as const)('%s → %s', (ethnicity, minority) => {
    expect(isEthnicMinority(ethnicity)).toBe(minority);
  });
});

describe('counting per commune', () => {
  const date = '2025-11-10';
  const person = (over: Partial<StructurePerson>): StructurePerson => ({
    communeId: 1, gender: 'male', birthDate: '1980-01-01', ethnicity: 'Kinh', staff: true, keyHolder: false, ...over,
  });
  const people = [
    person({ gender: 'female' }),
    person({ birthDate: '1990-11-11', ethnicity: 'Thái', keyHolder: true }),
    person({ birthDate: '1990-11-10', keyHolder: true }),
    // A concurrent key holder whose primary post is in another commune: a key holder here, staff there.
    person({ communeId: 2, gender: 'female', ethnicity: 'Thổ', staff: false, keyHolder: true }),
    person({ communeId: 2, ethnicity: null }),
    person({ communeId: 99 }),
  ];
  const counts = countStructure(people, [1, 2, 3], date, 35);

  test('each set counted apart; a commune with nobody has zeros; a commune not asked is ignored', () => {
    expect(counts.get(1)).toEqual({ staff: 3, staffFemale: 1, staffYoung: 1, staffEthnicMinority: 1, keyHolders: 2, keyFemale: 0, keyYoung: 1, keyEthnicMinority: 1 });
    expect(counts.get(2)).toEqual({ staff: 1, staffFemale: 0, staffYoung: 0, staffEthnicMinority: 0, keyHolders: 1, keyFemale: 1, keyYoung: 0, keyEthnicMinority: 1 });
    expect(counts.get(3)).toEqual({ staff: 0, staffFemale: 0, staffYoung: 0, staffEthnicMinority: 0, keyHolders: 0, keyFemale: 0, keyYoung: 0, keyEthnicMinority: 0 });
    expect(counts.has(99)).toBe(false);
  });

  test('sums and shares, with a target only where the province sets one', () => {
    const total = sumStructure(counts.values());
    expect(total.staff).toBe(4);
    expect(total.keyHolders).toBe(3);
    const shares = structureShares(total, { female: 40, young: null, ethnicMinority: 50 });
    expect(shares.map((s) => [s.trait, s.keyCount, s.target, s.meetsTarget])).toEqual([
      ['female', 1, 40, false],
      ['young', 1, null, null],
      ['ethnicMinority', 2, 50, true],
    ]);
    expect(structureShares(countStructure([], [1], date, 35).get(1)!, { female: 40, young: null, ethnicMinority: null })[0].keyShare).toBeNull();
  });
});

test('the trend dates: the first of each month, then the date itself', () => {
  expect(monthlyDates('2025-07-01', '2025-09-15')).toEqual(['2025-07-01', '2025-08-01', '2025-09-01', '2025-09-15']);
  expect(monthlyDates('2025-11-01', '2026-01-01')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01']);
});
