import { describe, expect, test } from 'vitest';
import { computeCommuneStaffing, computeKeyPositionStatus, restrictToBlock, rollUp, rollUpByOldDistrict } from '@/lib/domain/staffing';
import type { KeyPlaceCount } from '@/lib/domain/types';
import { BAC_LY, buildCommuneCounts, buildPublishedProvince, HOA_QUAN, NGA_MY } from '@/tests/support/commune-counts';

describe('computeCommuneStaffing on the published communes', () => {
  test.each([
    { label: 'Nga My: 44 held, 17 short (-6 Party/Front, -11 government)', commune: NGA_MY, headcount: 44, quota: 61, difference: -17, partyFront: -6, government: -11, keyVacancies: 3, isShortStaffed: true, hasKeyGaps: true },
    { label: 'Bắc Lý: 28 of 43, 15 short', commune: BAC_LY, headcount: 28, quota: 43, difference: -15, partyFront: -6, government: -9, keyVacancies: 3, isShortStaffed: true, hasKeyGaps: true },
    { label: 'Hoa Quân: +7 and 6 key vacancies, both reported', commune: HOA_QUAN, headcount: 57, quota: 50, difference: 7, partyFront: 3, government: 4, keyVacancies: 6, isShortStaffed: false, hasKeyGaps: true },
  ])('$label', ({ commune, headcount, quota, difference, partyFront, government, keyVacancies, isShortStaffed, hasKeyGaps }) => {
    const staffing = computeCommuneStaffing(buildCommuneCounts(commune));
    expect(staffing.total).toEqual({ quota, headcount, difference });
    expect(staffing.blocks.party_front.difference).toBe(partyFront);
    expect(staffing.blocks.government.difference).toBe(government);
    expect(staffing.keyVacancies).toBe(keyVacancies);
    expect(staffing.isShortStaffed).toBe(isShortStaffed);
    expect(staffing.hasKeyGaps).toBe(hasKeyGaps);
    expect(staffing.missingQuotaBlocks).toEqual([]);
  });

  test('names exactly the vacant posts of Nga My', () => {
    const staffing = computeCommuneStaffing(buildCommuneCounts(NGA_MY));
    const vacant = staffing.keyPositions.filter((p) => p.vacancies > 0).map((p) => p.positionCode);
    expect(vacant).toEqual(['economic_head', 'culture_social_deputy_head', 'pasc_deputy_director']);
  });
});

const place = (overrides: Partial<KeyPlaceCount>): KeyPlaceCount => ({
  positionId: 1, positionCode: 'economic_head', block: 'government', required: 1, holders: 1, primaryHolders: 1, concurrentByDesign: false, ...overrides,
});

describe('computeKeyPositionStatus', () => {
  test.each([
    { label: 'held only concurrently: filled but flagged', input: place({ primaryHolders: 0 }), vacancies: 0, concurrentOnly: true },
    { label: 'concurrent by design (Party Secretary chairing the Council): not flagged', input: place({ primaryHolders: 0, concurrentByDesign: true }), vacancies: 0, concurrentOnly: false },
    { label: 'required 2 with 1 holder: 1 vacancy', input: place({ required: 2 }), vacancies: 1, concurrentOnly: false },
    { label: 'no holder: vacant, not flagged', input: place({ holders: 0, primaryHolders: 0 }), vacancies: 1, concurrentOnly: false },
    { label: 'holders above the norm: never a negative vacancy', input: place({ holders: 3, primaryHolders: 2 }), vacancies: 0, concurrentOnly: false },
    { label: 'norm 0 held concurrently: nothing required, nothing flagged', input: place({ required: 0, primaryHolders: 0 }), vacancies: 0, concurrentOnly: false },
  ])('$label', ({ input, vacancies, concurrentOnly }) => {
    expect(computeKeyPositionStatus(input)).toMatchObject({ vacancies, concurrentOnly });
  });

  test('concurrent-only places are counted up to the norm and never reduce vacancies', () => {
    const counts = { ...buildCommuneCounts(NGA_MY), keyPlaces: [place({ required: 2, holders: 3, primaryHolders: 0 }), place({ positionId: 2, holders: 0, primaryHolders: 0 })] };
    const staffing = computeCommuneStaffing(counts);
    expect(staffing.concurrentOnlyPlaces).toBe(2);
    expect(staffing.keyVacancies).toBe(1);
  });
});

test('a block without a quota row counts as quota 0 and is flagged', () => {
  const staffing = computeCommuneStaffing(
    buildCommuneCounts({ id: 9, name: 'Keng Đu', quota: { party_front: null, government: 30 }, headcount: { party_front: 5, government: 28 } }),
  );
  expect(staffing.blocks.party_front).toEqual({ quota: 0, headcount: 5, difference: 5 });
  expect(staffing.total).toEqual({ quota: 30, headcount: 33, difference: 3 });
  expect(staffing.missingQuotaBlocks).toEqual(['party_front']);
});

describe('restrictToBlock', () => {
  test.each([
    { label: 'Nga My, Party/Front: short by 6, no key gap there', commune: NGA_MY, block: 'party_front' as const, difference: -6, keyVacancies: 0, isShortStaffed: true, hasKeyGaps: false },
    { label: 'Nga My, government: short by 11, 3 key vacancies', commune: NGA_MY, block: 'government' as const, difference: -11, keyVacancies: 3, isShortStaffed: true, hasKeyGaps: true },
    { label: 'Hoa Quân, Party/Front: +3 with 3 key vacancies', commune: HOA_QUAN, block: 'party_front' as const, difference: 3, keyVacancies: 3, isShortStaffed: false, hasKeyGaps: true },
  ])('$label', ({ commune, block, difference, keyVacancies, isShortStaffed, hasKeyGaps }) => {
    const restricted = restrictToBlock(computeCommuneStaffing(buildCommuneCounts(commune)), block);
    expect(restricted.total.difference).toBe(difference);
    expect(restricted.keyVacancies).toBe(keyVacancies);
    expect(restricted.keyPositions.every((p) => p.block === block)).toBe(true);
    expect(restricted.isShortStaffed).toBe(isShortStaffed);
    expect(restricted.hasKeyGaps).toBe(hasKeyGaps);
  });

  test('keeps only the filtered block among the missing-quota flags', () => {
    const staffing = computeCommuneStaffing(
      buildCommuneCounts({ id: 9, name: 'Keng Đu', quota: { party_front: null, government: 30 }, headcount: { party_front: 5, government: 28 } }),
    );
    expect(restrictToBlock(staffing, 'government').missingQuotaBlocks).toEqual([]);
    expect(restrictToBlock(staffing, 'party_front').missingQuotaBlocks).toEqual(['party_front']);
  });
});

describe('rollUp', () => {
  test('the province: 8,635 against 7,988 is +647, 56 units short with key gaps', () => {
    const rollup = rollUp(buildPublishedProvince().map(computeCommuneStaffing));
    expect(rollup).toMatchObject({
      units: 130,
      total: { quota: 7988, headcount: 8635, difference: 647 },
      keyVacancies: 66,
      shortStaffedUnits: 56,
      keyGapUnits: 57,
      shortStaffedWithKeyGapsUnits: 56,
      surplusUnits: 74,
      balancedUnits: 0,
    });
  });

  test('counts a unit at exactly its quota as balanced', () => {
    const balanced = buildCommuneCounts({ id: 5, name: 'Tam Thái', quota: { party_front: 10, government: 20 }, headcount: { party_front: 12, government: 18 } });
    expect(rollUp([computeCommuneStaffing(balanced)])).toMatchObject({ balancedUnits: 1, surplusUnits: 0, shortStaffedUnits: 0 });
  });
});

test('rollUpByOldDistrict sorts districts by Vietnamese name and sums each', () => {
  // Code-point order would put Đô Lương after Quỳ Châu; Vietnamese puts Đ right after D.
  const districts = [{ id: 4, name: 'Quỳ Châu' }, { id: 3, name: 'Đô Lương' }, { id: 2, name: 'Diễn Châu' }];
  const communes = [NGA_MY, BAC_LY, HOA_QUAN, { ...NGA_MY, id: 4 }].map((c, i) => computeCommuneStaffing(buildCommuneCounts({ ...c, oldDistrict: districts[i % 3] })));
  const rollups = rollUpByOldDistrict(communes);
  expect(rollups.map((r) => r.oldDistrictName)).toEqual(['Diễn Châu', 'Đô Lương', 'Quỳ Châu']);
  expect(rollups.map((r) => [r.units, r.total.difference, r.keyVacancies])).toEqual([[1, 7, 6], [1, -15, 3], [2, -34, 6]]);
});
