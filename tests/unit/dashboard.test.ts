import { describe, expect, test } from 'vitest';
import {
  compareCommune,
  computeDashboard,
  contextFigures,
  dashboardParams,
  educationFigures,
  fieldsLacking,
  headlineOf,
  NO_FILTER,
  parseDashboardFilter,
  scopeCommunes,
  seatFigures,
  situationOf,
  situationRows,
  trendOf,
  vacantPositions,
  type DashboardCounts,
  type DashboardFilter,
  type TrendSnapshot,
} from '@/lib/domain/dashboard';
import { computeCommuneStaffing, rollUp } from '@/lib/domain/staffing';
import type { CommuneStaffing } from '@/lib/domain/types';
import { buildCommuneCounts, KEY_CATALOGUE, type CommuneCase } from '../support/commune-counts';

// Decision 018: every dashboard figure, computed from counts by lib/domain/dashboard.ts, one by one.

const HILL = { id: 1, name: 'Con Cuông' };
const PLAIN = { id: 2, name: 'Diễn Châu' };
const DISTRICTS = [
  { id: 1, code: 'CC', name: 'Con Cuông' },
  { id: 2, code: 'DC', name: 'Diễn Châu' },
];

function commune(c: CommuneCase & { mountainous?: boolean; disadvantaged?: boolean }): CommuneStaffing {
  const counts = buildCommuneCounts(c);
  counts.mountainous = c.mountainous ?? false;
  counts.extremelyDisadvantaged = c.disadvantaged ?? false;
  return computeCommuneStaffing(counts);
}

// Hòa Quân-like: +7 with 6 key vacancies; Nga My-like: short with 3 vacancies; one balanced with none; one short in the
// Party–Front block but over quota in total.
const COMMUNES = [
  commune({ id: 1, name: 'Hòa Quân', oldDistrict: PLAIN, quota: { party_front: 30, government: 30 }, headcount: { party_front: 34, government: 33 },
    vacant: ['deputy_standing_secretary', 'party_office_deputy_chief', 'council_vice_chair', 'office_deputy_chief', 'culture_social_deputy_head', 'pasc_deputy_director'] }),
  commune({ id: 2, name: 'Nga My', oldDistrict: HILL, mountainous: true, disadvantaged: true, quota: { party_front: 20, government: 25 }, headcount: { party_front: 18, government: 24 },
    vacant: ['party_office_deputy_chief', 'culture_social_deputy_head', 'pasc_deputy_director'] }),
  commune({ id: 3, name: 'Môn Sơn', oldDistrict: HILL, mountainous: true, quota: { party_front: 20, government: 20 }, headcount: { party_front: 20, government: 20 } }),
  commune({ id: 4, name: 'Diễn Kỷ', oldDistrict: PLAIN, quota: { party_front: 20, government: 20 }, headcount: { party_front: 19, government: 23 }, vacant: ['front_chair'] }),
];

// Ids as tests/support/commune-counts.ts numbers the key catalogue (its index + 1).
const keyId = (code: string) => KEY_CATALOGUE.findIndex((k) => k.code === code) + 1;
const POSITIONS = [
  { code: 'party_office_deputy_chief', titleVi: 'Phó Chánh Văn phòng Đảng ủy', titleEn: 'Deputy Chief of the Party Committee Office', field: 'party_work', isElected: false },
  { code: 'culture_social_deputy_head', titleVi: 'Phó Trưởng phòng Văn hóa – Xã hội', titleEn: 'Deputy Head of Culture–Social', field: 'culture_society', isElected: false },
  { code: 'pasc_deputy_director', titleVi: 'Phó Giám đốc Trung tâm Phục vụ hành chính công', titleEn: 'Deputy Director of the PASC', field: 'administration', isElected: false },
  { code: 'front_chair', titleVi: 'Chủ tịch Ủy ban MTTQ', titleEn: 'Front Chair', field: null, isElected: true },
].map((p) => ({ ...p, id: keyId(p.code) }));

const snapshot = (takenOn: string, headcount: number, difference: number, keyVacancies: number, context: TrendSnapshot['context'] = []): TrendSnapshot => ({
  takenOn, headcount, difference, keyVacancies,
  partyFrontQuota: 90, partyFrontHeadcount: headcount - 100, governmentQuota: 95, governmentHeadcount: 100,
  oldDistricts: [{ code: 'CC', headcount: Math.floor(headcount / 2), difference: -1, keyVacancies: 3 }],
  context,
});

const COUNTS: DashboardCounts = {
  communes: COMMUNES,
  oldDistricts: DISTRICTS,
  keyPositions: POSITIONS,
  needs: [
    { communeId: 2, field: 'accounting', block: 'government', count: 2 },
    { communeId: 2, field: 'it_digital', block: null, count: 1 },
    { communeId: 4, field: 'accounting', block: 'party_front', count: 1 },
  ],
  education: [
    { communeId: 1, block: 'party_front', education: 'university', count: 30 },
    { communeId: 1, block: 'government', education: 'master', count: 5 },
    { communeId: 2, block: 'government', education: 'university', count: 20 },
    { communeId: 3, block: 'party_front', education: 'college', count: 4 },
  ],
  seats: [
    { communeId: 1, committee: 'executive', planned: 33, appointed: 30 },
    { communeId: 1, committee: 'standing', planned: 11, appointed: 11 },
    { communeId: 2, committee: 'executive', planned: 27, appointed: 20 },
  ],
  secondmentYear: 2025,
  departments: [
    { code: 'SNV', name: 'Sở Nội vụ', required: 5, listed: 6, meets: 5, approved: 4, placed: 3 },
    { code: 'STC', name: 'Sở Tài chính', required: 8, listed: 7, meets: 7, approved: 7, placed: 2 },
  ],
  snapshots: [
    snapshot('2025-07-01', 300, 10, 12, [{ key: 'positions_handed_over', value: 9939, parts: { party_front: 4063, government: 5876 }, source: 'Báo Nghệ An' }]),
    snapshot('2025-08-01', 290, 5, 11),
  ],
};

const filter = (f: Partial<DashboardFilter>): DashboardFilter => ({ ...NO_FILTER, ...f });
const codes = new Set(['CC', 'DC']);

describe('parseDashboardFilter', () => {
  test.each([
    ['no filter', {}, { ok: true, filter: NO_FILTER }],
    ['all three', { district: 'CC', mountainous: 'no', block: 'government' }, { ok: true, filter: { district: 'CC', mountainous: 'no', block: 'government' } }],
    ['an array takes its first value', { block: ['party_front', 'government'] }, { ok: true, filter: filter({ block: 'party_front' }) }],
    ['an unknown district', { district: 'XX' }, { ok: false, invalid: ['district'] }],
    ['a bad mountainous value', { mountainous: '1' }, { ok: false, invalid: ['mountainous'] }],
    ['an unknown block and district', { district: 'zz', block: 'army' }, { ok: false, invalid: ['district', 'block'] }],
  ])('%s', (_label, params, expected) => {
    expect(parseDashboardFilter(params, codes)).toMatchObject(expected);
  });

  test('dashboardParams writes back what parse reads', () => {
    const f = filter({ district: 'CC', mountainous: 'yes', block: 'party_front' });
    expect(parseDashboardFilter(Object.fromEntries(dashboardParams(f)), codes)).toEqual({ ok: true, filter: f });
    expect(dashboardParams(NO_FILTER).toString()).toBe('');
  });
});

describe('scope and headline', () => {
  const ids = new Map(DISTRICTS.map((d) => [d.code, d.id]));
  test.each([
    ['no filter', NO_FILTER, [1, 2, 3, 4]],
    ['old district', filter({ district: 'CC' }), [2, 3]],
    ['mountainous', filter({ mountainous: 'yes' }), [2, 3]],
    ['not mountainous', filter({ mountainous: 'no' }), [1, 4]],
    ['district and not mountainous', filter({ district: 'CC', mountainous: 'no' }), []],
  ])('scopeCommunes: %s', (_label, f, expected) => {
    expect(scopeCommunes(COMMUNES, f, ids).map((c) => c.communeId)).toEqual(expected);
  });

  test('headline without a filter: the staffing roll-up and the 5% totals', () => {
    const h = computeDashboard(COUNTS, NO_FILTER).headline;
    // quota 60+45+40+40 = 185; headcount 67+42+40+42 = 191
    expect(h).toEqual({
      units: 4, quota: 185, headcount: 191, difference: 6, keyVacancies: 10, unitsShort: 1, unitsKeyGaps: 3, shortStaffedWithKeyGapsUnits: 1,
      secondment: { year: 2025, required: 13, listed: 13, approved: 11, placed: 5 },
    });
  });

  test('headline with a block filter: difference, short-staffed and key gaps of that block only (docs/domain.md, Counting)', () => {
    const h = computeDashboard(COUNTS, filter({ block: 'party_front' })).headline;
    // Party–Front: quota 30+20+20+20 = 90, headcount 34+18+20+19 = 91; short: Nga My (-2) and Diễn Kỷ (-1);
    // its key vacancies: Hòa Quân 2, Nga My 1, Diễn Kỷ 1.
    expect(h).toMatchObject({ quota: 90, headcount: 91, difference: 1, keyVacancies: 4, unitsShort: 2, unitsKeyGaps: 3, shortStaffedWithKeyGapsUnits: 2 });
  });

  test('headlineOf sums the departments', () => {
    expect(headlineOf(rollUp([]), COUNTS.departments, 2025).secondment).toEqual({ year: 2025, required: 13, listed: 13, approved: 11, placed: 5 });
  });
});

describe('charts', () => {
  test('difference per old district, with units short', () => {
    expect(computeDashboard(COUNTS, NO_FILTER).districts).toEqual([
      { code: 'CC', name: 'Con Cuông', units: 2, quota: 85, headcount: 82, difference: -3, unitsShort: 1, keyVacancies: 3 },
      { code: 'DC', name: 'Diễn Châu', units: 2, quota: 100, headcount: 109, difference: 9, unitsShort: 0, keyVacancies: 7 },
    ]);
  });

  test.each([
    ['surplus without gaps', { difference: 3, gaps: false }, 'surplus'],
    ['surplus with gaps', { difference: 7, gaps: true }, 'surplusGaps'],
    ['balanced is exactly 0', { difference: 0, gaps: false }, 'balanced'],
    ['balanced with gaps', { difference: 0, gaps: true }, 'balancedGaps'],
    ['short', { difference: -1, gaps: false }, 'short'],
    ['short with gaps', { difference: -3, gaps: true }, 'shortGaps'],
  ])('situationOf: %s', (_label, c, expected) => {
    expect(situationOf({ total: { quota: 0, headcount: 0, difference: c.difference }, hasKeyGaps: c.gaps })).toBe(expected);
  });

  test('units by situation: all, mountainous, disadvantaged and the rest', () => {
    const zero = { surplus: 0, surplusGaps: 0, balanced: 0, balancedGaps: 0, short: 0, shortGaps: 0 };
    expect(situationRows(COMMUNES)).toEqual([
      { group: 'all', units: 4, ...zero, surplusGaps: 2, balanced: 1, shortGaps: 1 },
      { group: 'mountainous', units: 2, ...zero, balanced: 1, shortGaps: 1 },
      { group: 'disadvantaged', units: 1, ...zero, shortGaps: 1 },
      { group: 'lowland', units: 2, ...zero, surplusGaps: 2 },
    ]);
    // An empty group is left out; "all" is always there.
    expect(situationRows([]).map((r) => r.group)).toEqual(['all']);
  });

  test('key positions most often vacant, by places then units, with titles', () => {
    const top = vacantPositions(COMMUNES, POSITIONS);
    expect(top.slice(0, 3).map((p) => [p.code, p.vacancies, p.units])).toEqual([
      ['culture_social_deputy_head', 2, 2],
      ['party_office_deputy_chief', 2, 2],
      ['pasc_deputy_director', 2, 2],
    ]);
    expect(top[0].titleVi).toBe('Phó Trưởng phòng Văn hóa – Xã hội');
    expect(top.reduce((s, p) => s + p.vacancies, 0)).toBe(10);
    expect(vacantPositions(COMMUNES, POSITIONS, 2)).toHaveLength(2);
  });

  test('vacant elected posts apart (cần bầu / chỉ định), filtered like every figure', () => {
    const elected = (f: Partial<DashboardFilter> = {}) => computeDashboard(COUNTS, filter(f)).vacantElectedPosts.map((p) => [p.communeName, p.positionCode, p.vacancies]);
    expect(elected()).toEqual([['Diễn Kỷ', 'front_chair', 1]]);
    expect(elected({ block: 'government' })).toEqual([]);
    expect(elected({ mountainous: 'yes' })).toEqual([]);
  });

  test('fields most lacking: open needs by field plus vacant key places whose position has a field', () => {
    expect(fieldsLacking(COMMUNES, COUNTS.needs, POSITIONS, '')).toEqual([
      { field: 'accounting', needs: 3, keyVacancies: 0, total: 3 },
      { field: 'administration', needs: 0, keyVacancies: 2, total: 2 },
      { field: 'culture_society', needs: 0, keyVacancies: 2, total: 2 },
      { field: 'party_work', needs: 0, keyVacancies: 2, total: 2 },
      { field: 'it_digital', needs: 1, keyVacancies: 0, total: 1 },
    ]);
    // Block filter: a need counts when its position is of the block; a need naming only a field has no block.
    expect(fieldsLacking(scopeCommunes(COMMUNES, filter({ block: 'party_front' }), new Map()), COUNTS.needs, POSITIONS, 'party_front')).toEqual([
      { field: 'party_work', needs: 0, keyVacancies: 2, total: 2 },
      { field: 'accounting', needs: 1, keyVacancies: 0, total: 1 },
    ]);
  });

  test('Party committee seats: summed over the scope; none for the government block', () => {
    expect(seatFigures(COMMUNES, COUNTS.seats, '')).toEqual({ executive: { planned: 60, appointed: 50 }, standing: { planned: 11, appointed: 11 } });
    expect(seatFigures([COMMUNES[1]], COUNTS.seats, 'party_front')).toEqual({ executive: { planned: 27, appointed: 20 }, standing: { planned: 0, appointed: 0 } });
    expect(seatFigures(COMMUNES, COUNTS.seats, 'government')).toBeNull();
  });

  test('education: highest degree over the scope and block', () => {
    expect(educationFigures(COMMUNES, COUNTS.education, '')).toEqual({ total: 59, doctorate: 0, master: 5, university: 50, college: 4, intermediate: 0 });
    expect(educationFigures(COMMUNES, COUNTS.education, 'government')).toEqual({ total: 25, doctorate: 0, master: 5, university: 20, college: 0, intermediate: 0 });
    expect(educationFigures([COMMUNES[2]], COUNTS.education, '')).toMatchObject({ total: 4, college: 4 });
  });

  test('the departments are sorted by name (Vietnamese collation)', () => {
    expect(computeDashboard(COUNTS, NO_FILTER).departments.map((d) => d.code)).toEqual(['SNV', 'STC']);
  });
});

describe('trend and context', () => {
  test.each([
    ['province', NO_FILTER, { available: true, scope: 'province', points: [
      { date: '2025-07-01', headcount: 300, difference: 10, keyVacancies: 12 },
      { date: '2025-08-01', headcount: 290, difference: 5, keyVacancies: 11 },
    ] }],
    ['old district', filter({ district: 'CC' }), { available: true, scope: 'district', points: [
      { date: '2025-07-01', headcount: 150, difference: -1, keyVacancies: 3 },
      { date: '2025-08-01', headcount: 145, difference: -1, keyVacancies: 3 },
    ] }],
    ['block: its headcount and difference, no key vacancies', filter({ block: 'party_front' }), { available: true, scope: 'block', points: [
      { date: '2025-07-01', headcount: 200, difference: 110, keyVacancies: null },
      { date: '2025-08-01', headcount: 190, difference: 100, keyVacancies: null },
    ] }],
    ['mountainous: not recorded', filter({ mountainous: 'yes' }), { available: false, reason: 'mountainous' }],
    ['district and block: not recorded', filter({ district: 'CC', block: 'government' }), { available: false, reason: 'districtBlock' }],
  ])('%s', (_label, f, expected) => {
    expect(trendOf(COUNTS.snapshots, f)).toEqual(expected);
  });

  test('a district missing from a snapshot has no point that day', () => {
    expect(trendOf(COUNTS.snapshots, filter({ district: 'DC' }))).toEqual({ available: true, scope: 'district', points: [] });
  });

  test('context figures keep their date and source', () => {
    expect(contextFigures(COUNTS.snapshots)).toEqual([
      { date: '2025-07-01', key: 'positions_handed_over', value: 9939, parts: { party_front: 4063, government: 5876 }, source: 'Báo Nghệ An' },
    ]);
  });
});

describe("a commune chairman's commune against the province", () => {
  test('his figures beside the province', () => {
    expect(compareCommune(COUNTS, 2, '')).toEqual({
      commune: { code: 'X002', name: 'Nga My', quota: 45, headcount: 42, difference: -3, keyVacancies: 3, situation: 'shortGaps' },
      province: { units: 4, quota: 185, headcount: 191, difference: 6, keyVacancies: 10, unitsShort: 1, unitsKeyGaps: 3 },
    });
  });

  test('with a block filter, both sides are that block', () => {
    expect(compareCommune(COUNTS, 2, 'government')).toMatchObject({
      commune: { quota: 25, headcount: 24, difference: -1, keyVacancies: 2 },
      province: { quota: 95, headcount: 100, difference: 5 },
    });
  });

  test('an unknown commune gives nothing', () => {
    expect(compareCommune(COUNTS, 99, '')).toBeNull();
  });
});

describe('the unit-list filters the dashboard links to', () => {
  test('mountainous=0 keeps the units that are not mountainous; gaps=0 those without key gaps', async () => {
    const { applyUnitListQuery, parseUnitListQuery, unitListParams, hasActiveFilters } = await import('@/lib/domain/unit-list');
    const ids = new Map(DISTRICTS.map((d) => [d.code, d.id]));
    const lowland = parseUnitListQuery({ mountainous: '0' });
    expect(applyUnitListQuery(COMMUNES, lowland, ids).map((r) => r.unit.communeId)).toEqual([1, 4]);
    expect(unitListParams(lowland).toString()).toBe('mountainous=0');
    expect(hasActiveFilters(lowland)).toBe(true);
    const noGaps = parseUnitListQuery({ gaps: '0' });
    expect(applyUnitListQuery(COMMUNES, noGaps, ids).map((r) => r.unit.communeId)).toEqual([3]);
    expect(unitListParams(noGaps).toString()).toBe('gaps=0');
    // With the block filter, "without key gaps" is that block's: Diễn Kỷ's only gap is in the Party–Front block.
    const partyNoGaps = parseUnitListQuery({ gaps: '0', block: 'government' });
    expect(applyUnitListQuery(COMMUNES, partyNoGaps, ids).map((r) => r.unit.communeId)).toEqual([3, 4]);
    // mountainous=1 wins over a stale mountainous=0 (the form's checkbox comes before the hidden input).
    expect(parseUnitListQuery({ mountainous: ['1', '0'] })).toMatchObject({ mountainous: true });
    expect(parseUnitListQuery({ mountainous: ['1', '0'] }).lowland).toBeUndefined();
  });
});
