import { describe, expect, test } from 'vitest';
import { COUNTED_EMPLOYMENT_TYPES, countsAsStaff } from '@/lib/domain/employment';
import { vacantPositions as dashboardVacantPositions } from '@/lib/domain/dashboard';
import { compilationTotal, countListed, shortfall, type ListedRow } from '@/lib/domain/secondment';
import { computeCommuneStaffing } from '@/lib/domain/staffing';
import { compareVacantKeyPositions, rankVacantKeyPositions } from '@/lib/domain/vacant-key-positions';
import { buildCommuneCounts, KEY_CATALOGUE } from '../support/commune-counts';

// One rule, one place (decision 028): the rules that lived in several copies, now once in lib/domain (their SQL twins are checked in
// tests/integration/derived-states-sql.test.ts, their readers in tests/integration/one-rule-one-place.test.ts).

describe('counted employment', () => {
  test.each([
    ['cadre', true],
    ['civil_servant', true],
    ['public_employee', false],
    ['non_professional', false],
  ])('%s counts: %s', (type, expected) => {
    expect(countsAsStaff(type)).toBe(expected);
  });
  test('the list is the two', () => expect([...COUNTED_EMPLOYMENT_TYPES]).toEqual(['cadre', 'civil_servant']));
});

describe('the 5% count toward the minimum', () => {
  const row = (cadreId: number, listId: number, listState: ListedRow['listState'], employmentType = 'civil_servant'): ListedRow => ({ cadreId, listId, listState, employmentType });
  test.each<[string, ListedRow[], number | undefined, number]>([
    ['a person on two submitted lists counts once', [row(1, 1, 'forwarded'), row(1, 2, 'submitted'), row(2, 2, 'submitted')], undefined, 2],
    ['a draft list does not count', [row(1, 1, 'draft'), row(2, 2, 'returned')], undefined, 1],
    ['a draft counted as if submitted: a person already counted adds nothing', [row(1, 1, 'decided'), row(1, 2, 'draft')], 2, 1],
    ['a draft counted as if submitted: a new person adds one', [row(1, 1, 'decided'), row(2, 2, 'draft')], 2, 2],
    ['public employees and non-professional staff never count', [row(1, 1, 'submitted', 'public_employee'), row(2, 1, 'submitted', 'non_professional'), row(3, 1, 'submitted', 'cadre')], undefined, 1],
  ])('%s', (_label, rows, including, expected) => {
    expect(countListed(rows, including)).toBe(expected);
  });
});

describe('the 5% totals', () => {
  const department = (required: number, listed: number) => ({ quota: required * 20, required, listed, meets: 0, approved: 0, placed: 0 });
  test.each([
    ['a surplus never makes up for a shortfall', [department(7, 6), department(2, 3)], { required: 9, listed: 9, belowMinimum: true, departmentsBelow: 1, shortfall: 1 }],
    ['every department at its minimum', [department(7, 7), department(2, 5)], { required: 9, listed: 12, belowMinimum: false, departmentsBelow: 0, shortfall: 0 }],
    ['no department', [], { required: 0, listed: 0, belowMinimum: false, departmentsBelow: 0, shortfall: 0 }],
  ])('%s', (_label, rows, expected) => {
    expect(compilationTotal(rows)).toMatchObject(expected);
  });
  test('a department owes nothing once it has listed enough', () => {
    expect([shortfall({ required: 7, listed: 6 }), shortfall({ required: 2, listed: 3 })]).toEqual([1, 0]);
  });
});

describe('the most vacant key positions', () => {
  const A = { id: 1, name: 'Huyện A' };
  const communes = [
    computeCommuneStaffing(buildCommuneCounts({ id: 1, name: 'X', quota: { party_front: 20, government: 20 }, headcount: { party_front: 20, government: 20 }, vacant: ['pasc_deputy_director', 'culture_social_deputy_head'], oldDistrict: A })),
    computeCommuneStaffing(buildCommuneCounts({ id: 2, name: 'Y', quota: { party_front: 20, government: 20 }, headcount: { party_front: 20, government: 20 }, vacant: ['pasc_deputy_director', 'party_office_deputy_chief'], oldDistrict: A })),
  ];
  test('most vacant places first, then the most communes, then by code; the dashboard keeps the order', () => {
    const ranked = rankVacantKeyPositions(communes);
    expect(ranked.map((p) => [p.positionCode, p.vacancies, p.units])).toEqual([
      ['pasc_deputy_director', 2, 2],
      ['culture_social_deputy_head', 1, 1],
      ['party_office_deputy_chief', 1, 1],
    ]);
    expect([...ranked].reverse().sort(compareVacantKeyPositions)).toEqual(ranked);
    const positions = KEY_CATALOGUE.map((p, i) => ({ id: i + 1, code: p.code, titleVi: p.code, titleEn: p.code, field: null, isElected: false }));
    expect(dashboardVacantPositions(communes, positions).map((p) => p.code)).toEqual(ranked.map((p) => p.positionCode));
    expect(rankVacantKeyPositions(communes, 1)).toHaveLength(1);
  });
});
