import { describe, expect, test } from 'vitest';
import { countVacantElectedPosts, electedPositionIds, listVacantElectedPosts } from '@/lib/domain/elected-posts';
import { projectKeyPositions } from '@/lib/domain/projection';
import { buildWhatIf, movesToMovements } from '@/lib/domain/proposal-input';
import { computeCommuneStaffing, restrictToBlock } from '@/lib/domain/staffing';
import { buildCommuneCounts, KEY_CATALOGUE } from '../support/commune-counts';

// Decision 025: the vacant elected posts ("cần bầu / chỉ định") are derived once, from the counting pipeline's
// key positions and the catalogue's elected flag, for the plan page, its what-if, the dashboard and the report.

const id = (code: string) => KEY_CATALOGUE.findIndex((k) => k.code === code) + 1;
const CATALOGUE = KEY_CATALOGUE.map((k) => ({
  id: id(k.code),
  isElected: ['party_secretary', 'deputy_standing_secretary', 'front_chair', 'farmers_chair', 'veterans_chair', 'youth_secretary',
    'council_chair', 'council_vice_chair', 'committee_chair'].includes(k.code),
}));
const ELECTED = electedPositionIds(CATALOGUE);
const THANH_CHUONG = { id: 7, name: 'Thanh Chương' };

// Hòa Quân as published: 7 above quota and six key posts vacant, four of them elected.
const hoaQuan = computeCommuneStaffing(buildCommuneCounts({
  id: 102, name: 'Hoa Quân', oldDistrict: THANH_CHUONG, quota: { party_front: 30, government: 32 }, headcount: { party_front: 33, government: 36 },
  vacant: ['deputy_standing_secretary', 'council_vice_chair', 'culture_social_head', 'office_deputy_chief', 'veterans_chair', 'youth_secretary'],
}));
const ngaMy = computeCommuneStaffing(buildCommuneCounts({
  id: 113, name: 'Nga My', quota: { party_front: 26, government: 35 }, headcount: { party_front: 20, government: 24 },
  vacant: ['economic_head', 'culture_social_deputy_head', 'pasc_deputy_director'],
}));
const bacLy = computeCommuneStaffing(buildCommuneCounts({
  id: 42, name: 'Bắc Lý', quota: { party_front: 18, government: 25 }, headcount: { party_front: 12, government: 16 },
  vacant: ['party_office_deputy_chief', 'farmers_chair', 'youth_secretary'],
}));

const rows = (communes: Parameters<typeof listVacantElectedPosts>[0], elected = ELECTED) =>
  listVacantElectedPosts(communes, elected).map((p) => [p.communeName, p.positionCode, p.vacancies]);

describe('listVacantElectedPosts', () => {
  test.each([
    ['Hòa Quân: four of its six vacant key posts are elected', [hoaQuan], [
      ['Hoa Quân', 'deputy_standing_secretary', 1], ['Hoa Quân', 'veterans_chair', 1], ['Hoa Quân', 'youth_secretary', 1], ['Hoa Quân', 'council_vice_chair', 1],
    ]],
    ['Nga My: none of its three vacant posts is elected', [ngaMy], []],
    ['several communes: by commune code, each in the catalogue order', [hoaQuan, ngaMy, bacLy], [
      ['Bắc Lý', 'farmers_chair', 1], ['Bắc Lý', 'youth_secretary', 1],
      ['Hoa Quân', 'deputy_standing_secretary', 1], ['Hoa Quân', 'veterans_chair', 1], ['Hoa Quân', 'youth_secretary', 1], ['Hoa Quân', 'council_vice_chair', 1],
    ]],
  ])('%s', (_label, communes, expected) => {
    expect(rows(communes)).toEqual(expected);
  });

  test('carries the commune and its old district; counts places and units', () => {
    const posts = listVacantElectedPosts([hoaQuan, bacLy], ELECTED);
    expect(posts[2]).toMatchObject({ communeId: 102, communeCode: 'X102', communeName: 'Hoa Quân', oldDistrictId: 7, oldDistrictName: 'Thanh Chương', positionId: id('deputy_standing_secretary'), block: 'party_front' });
    expect(countVacantElectedPosts(posts)).toEqual({ places: 6, units: 2 });
    expect(countVacantElectedPosts([])).toEqual({ places: 0, units: 0 });
  });

  test('a norm of two with one holder leaves one place vacant; a filled post is not listed', () => {
    const counts = buildCommuneCounts({ id: 5, name: 'Xã Hai Phó', quota: { party_front: 20, government: 20 }, headcount: { party_front: 20, government: 20 } });
    counts.keyPlaces = counts.keyPlaces.map((p) => (p.positionCode === 'council_vice_chair' ? { ...p, required: 2 } : p));
    expect(rows([computeCommuneStaffing(counts)])).toEqual([['Xã Hai Phó', 'council_vice_chair', 1]]);
  });

  test('restricted to a block (the dashboard filter), only that block’s; no elected post in the catalogue, nothing', () => {
    expect(rows([restrictToBlock(hoaQuan, 'government')])).toEqual([['Hoa Quân', 'council_vice_chair', 1]]);
    expect(rows([hoaQuan], electedPositionIds([]))).toEqual([]);
  });
});

describe('the what-if: elected posts still vacant after the moves', () => {
  test('a move into a commune fills its non-elected key post; the elected ones stay vacant', () => {
    const movements = movesToMovements(
      [{ fromCommuneCode: 'X102', toCommuneCode: 'X042', block: 'party_front', fromPositionId: 100, toPositionId: id('party_office_deputy_chief') }],
      new Map([['X102', 102], ['X042', 42]]),
    );
    const whatIf = buildWhatIf([hoaQuan, bacLy], [], movements, '2025-11-10');
    const after = whatIf.communes.map((c) => c.after);
    expect(after.find((c) => c.code === 'X042')!.keyVacancies).toBe(2);
    expect(rows(after)).toEqual(rows([hoaQuan, bacLy]));
  });

  test('projectKeyPositions: a pending arrival fills the place, a pending departure empties it, a past one is already counted', () => {
    const places = projectKeyPositions(bacLy.keyPositions, [
      { kind: 'secondment', direction: 'in', block: 'party_front', positionId: id('farmers_chair'), startDate: '2025-10-01', endDate: null },
      { kind: 'transfer', direction: 'out', block: 'party_front', positionId: id('front_chair'), startDate: '2025-12-01' },
      { kind: 'transfer', direction: 'in', block: 'party_front', positionId: id('youth_secretary'), startDate: '2025-11-01' },
    ], '2025-11-10');
    const vacant = (code: string) => places.find((p) => p.positionCode === code)!.vacancies;
    expect([vacant('farmers_chair'), vacant('front_chair'), vacant('youth_secretary')]).toEqual([0, 1, 1]);
    expect(places.find((p) => p.positionCode === 'economic_head')).toBe(bacLy.keyPositions.find((p) => p.positionCode === 'economic_head'));
  });
});
