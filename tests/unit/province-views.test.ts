import { describe, expect, test } from 'vitest';
import { computeCommuneStaffing } from '@/lib/domain/staffing';
import type { CommuneStaffing } from '@/lib/domain/types';
import {
  applyUnitListQuery,
  DEFAULT_UNIT_QUERY,
  joinParams,
  parseUnitListQuery,
  rowFlags,
  unitColumns,
  unitListParams,
  type UnitListQuery,
} from '@/lib/domain/unit-list';
import {
  applyVacancyListQuery,
  DEFAULT_VACANCY_QUERY,
  parseVacancyListQuery,
  vacancyColumns,
  vacancyListParams,
  vacancyTotals,
  whatOptions,
  type DeclaredVacancy,
} from '@/lib/domain/vacancy-list';
import { toCsv } from '@/lib/exports/tabular';
import { buildUnitView, unitViewTable, vacancyViewTable, buildVacancyView, type Translate } from '@/lib/exports/views';
import { BAC_LY, buildCommuneCounts, NGA_MY, type CommuneCase } from '../support/commune-counts';

const HOA_QUAN: CommuneCase = {
  id: 3,
  name: 'Hoa Quân',
  quota: { party_front: 20, government: 30 },
  headcount: { party_front: 24, government: 33 },
  vacant: ['deputy_standing_secretary', 'council_vice_chair', 'culture_social_head', 'office_deputy_chief', 'veterans_chair', 'youth_secretary'],
  oldDistrict: { id: 2, name: 'Thanh Chương' },
};
const BALANCED: CommuneCase = { id: 4, name: 'Đông Hiếu', quota: { party_front: 10, government: 10 }, headcount: { party_front: 12, government: 8 } };

function unit(c: CommuneCase, extra: Partial<CommuneStaffing> = {}): CommuneStaffing {
  return { ...computeCommuneStaffing(buildCommuneCounts(c)), ...extra };
}

const UNITS = [
  unit(NGA_MY, { mountainous: true, extremelyDisadvantaged: true, border: true }),
  unit(BAC_LY, { kind: 'ward' }),
  unit(HOA_QUAN),
  unit(BALANCED),
];
const DISTRICTS = new Map([['CON_CUONG', 1], ['THANH_CHUONG', 2]]);
const names = (query: Partial<UnitListQuery>) =>
  applyUnitListQuery(UNITS, { ...DEFAULT_UNIT_QUERY, ...query }, DISTRICTS).map((row) => row.unit.name);

describe('units list: filters', () => {
  test.each([
    ['no filter, by code', {}, ['Nga My', 'Bắc Lý', 'Hoa Quân', 'Đông Hiếu']],
    ['search without diacritics', { q: 'hoa quan' }, ['Hoa Quân']],
    ['old district', { district: 'THANH_CHUONG' }, ['Hoa Quân']],
    ['unknown old district matches nothing', { district: 'NOWHERE' }, []],
    ['short-staffed (total)', { situation: 'short' }, ['Nga My', 'Bắc Lý']],
    ['surplus (total)', { situation: 'surplus' }, ['Hoa Quân']],
    ['balanced: difference exactly 0', { situation: 'balanced' }, ['Đông Hiếu']],
    ['balanced in the government block only', { situation: 'balanced', block: 'government' }, []],
    ['short in the government block (Đông Hiếu is −2 there)', { situation: 'short', block: 'government' }, ['Nga My', 'Bắc Lý', 'Đông Hiếu']],
    ['key gaps', { keyGaps: true }, ['Nga My', 'Bắc Lý', 'Hoa Quân']],
    ['key gaps in the party block: Nga My lacks only government posts', { keyGaps: true, block: 'party_front' }, ['Bắc Lý', 'Hoa Quân']],
    ['mountainous', { mountainous: true }, ['Nga My']],
    ['extremely disadvantaged', { disadvantaged: true }, ['Nga My']],
    ['border', { border: true }, ['Nga My']],
    ['wards', { kind: 'ward' }, ['Bắc Lý']],
  ] as const)('%s', (_label, query, expected) => {
    expect(names(query as Partial<UnitListQuery>)).toEqual(expected);
  });

  test('sorts by difference both ways with the code as tie-breaker', () => {
    expect(names({ sort: 'difference', dir: 'asc' })).toEqual(['Nga My', 'Bắc Lý', 'Đông Hiếu', 'Hoa Quân']);
    expect(names({ sort: 'difference', dir: 'desc' })).toEqual(['Hoa Quân', 'Đông Hiếu', 'Bắc Lý', 'Nga My']);
    expect(names({ sort: 'name' })).toEqual(['Bắc Lý', 'Đông Hiếu', 'Hoa Quân', 'Nga My']);
  });

  test('with a block filter, key vacancies and flags are that block’s', () => {
    const [ngaMy] = applyUnitListQuery(UNITS, { ...DEFAULT_UNIT_QUERY, block: 'party_front' }, DISTRICTS);
    expect(ngaMy).toMatchObject({ keyVacancies: 0, difference: -6, isShortStaffed: true, hasKeyGaps: false });
    expect(rowFlags(ngaMy)).toEqual(['shortStaffed', 'mountainous', 'extremelyDisadvantaged', 'border']);
  });
});

describe('units list: URL state', () => {
  test('parses, ignores invalid values and keeps the older short=1 spelling', () => {
    expect(parseUnitListQuery({ sort: 'bogus', dir: 'sideways', block: 'army', situation: 'odd', kind: 'city', short: '1' })).toEqual({
      ...DEFAULT_UNIT_QUERY,
      situation: 'short',
    });
    expect(parseUnitListQuery({ q: ['  nga my ', 'x'], block: 'government', situation: 'surplus', gaps: '1', border: '1' })).toMatchObject({
      q: 'nga my', block: 'government', situation: 'surplus', keyGaps: true, border: true,
    });
  });

  test('round-trips through the URL, defaults left out', () => {
    const query: UnitListQuery = {
      ...DEFAULT_UNIT_QUERY, q: 'hoa quan', district: 'THANH_CHUONG', block: 'party_front', situation: 'balanced', kind: 'ward',
      mountainous: true, disadvantaged: true, border: true, keyGaps: true, sort: 'governmentDifference', dir: 'desc',
    };
    const params = unitListParams(query);
    expect(parseUnitListQuery(Object.fromEntries(params))).toEqual(query);
    expect(unitListParams(DEFAULT_UNIT_QUERY).toString()).toBe('');
    expect(joinParams(unitListParams(DEFAULT_UNIT_QUERY))).toBe('');
  });
});

describe('units list: visible columns', () => {
  test('all blocks and the total, with the old district on the overview', () => {
    const columns = unitColumns(DEFAULT_UNIT_QUERY, { showOldDistrict: true });
    expect(columns).toHaveLength(2 + 9 + 2);
    expect(columns[0]).toEqual({ kind: 'unit' });
    expect(columns[1]).toEqual({ kind: 'oldDistrict' });
    expect(columns.at(-1)).toEqual({ kind: 'flags' });
  });

  test('one block only, without the old district on its own page', () => {
    const columns = unitColumns({ block: 'government' }, { showOldDistrict: false });
    expect(columns.map((c) => (c.kind === 'figure' ? `${c.scope}.${c.figure}` : c.kind))).toEqual([
      'unit', 'government.quota', 'government.headcount', 'government.difference', 'keyVacancies', 'flags',
    ]);
  });
});

const echo: Translate = (key: string) => key;

describe('export table of the units list', () => {
  test('headers, typed integers and flags, in the table’s order', () => {
    const view = buildUnitView(UNITS, { ...DEFAULT_UNIT_QUERY, block: 'government', sort: 'difference' }, { oldDistrictIdByCode: DISTRICTS, showOldDistrict: false });
    const table = unitViewTable(echo, view);
    expect(table.columns).toEqual([
      'unitTable.unit', 'blocks.government – figures.quota', 'blocks.government – figures.headcount', 'blocks.government – figures.difference',
      'unitTable.keyVacanciesShort', 'unitTable.flags',
    ]);
    expect(table.rows[0]).toEqual({
      'unitTable.unit': 'Nga My',
      'blocks.government – figures.quota': 37,
      'blocks.government – figures.headcount': 26,
      'blocks.government – figures.difference': -11,
      'unitTable.keyVacanciesShort': 3,
      'unitTable.flags': 'flags.shortStaffed, flags.keyGaps, flags.mountainous, flags.extremelyDisadvantaged, flags.border',
    });
  });

  test('the web CSV starts with a byte order mark; the default (CLI) does not', () => {
    const table = { columns: ['a'], rows: [{ a: 'Nghệ An' }] };
    expect(toCsv(table, { bom: true })).toBe('\uFEFFa\nNghệ An\n');
    expect(toCsv(table)).toBe('a\nNghệ An\n');
  });
});

function need(id: number, extra: Partial<DeclaredVacancy>): DeclaredVacancy {
  return {
    id, communeId: 1, communeCode: 'NA113', communeName: 'Nga My', oldDistrictId: 1, oldDistrictCode: 'TUONG_DUONG', oldDistrictName: 'Tương Dương',
    mountainous: true, extremelyDisadvantaged: true, positionCode: null, positionTitleVi: null, positionTitleEn: null, block: null,
    field: null, count: 1, urgency: 'normal', note: null, declaredOn: '2025-10-01', ...extra,
  };
}

const NEEDS: DeclaredVacancy[] = [
  need(1, { positionCode: 'economic_head', positionTitleVi: 'Trưởng phòng Kinh tế', positionTitleEn: 'Head of the Economic Department', block: 'government', urgency: 'critical', declaredOn: '2025-10-05' }),
  need(2, { field: 'it_digital', count: 2, urgency: 'urgent', declaredOn: '2025-09-20' }),
  need(3, { communeId: 3, communeCode: 'NA102', communeName: 'Hoa Quân', oldDistrictId: 2, oldDistrictCode: 'THANH_CHUONG', oldDistrictName: 'Thanh Chương',
    mountainous: false, extremelyDisadvantaged: false, positionCode: 'youth_secretary', positionTitleVi: 'Bí thư Đoàn Thanh niên', positionTitleEn: 'Secretary of the Youth Union',
    block: 'party_front', field: 'party_work', urgency: 'critical', declaredOn: '2025-09-01', note: 'Cần trước Đại hội' }),
  need(4, { field: 'land', declaredOn: '2025-08-01' }),
];
const ids = (query: Partial<typeof DEFAULT_VACANCY_QUERY>) => applyVacancyListQuery(NEEDS, { ...DEFAULT_VACANCY_QUERY, ...query }).map((v) => v.id);

describe('declared vacancies list', () => {
  test.each([
    ['most urgent first, then oldest', {}, [3, 1, 2, 4]],
    ['commune search without diacritics: "hoa quan" finds Hoa Quân', { q: 'hoa quan' }, [3]],
    ['commune search "nga my"', { q: 'nga my' }, [1, 2, 4]],
    ['urgency', { urgency: 'critical' }, [3, 1]],
    ['block: field-only needs have none', { block: 'government' }, [1]],
    ['a position', { what: 'position:youth_secretary' }, [3]],
    ['a field, also when a position is named', { what: 'field:party_work' }, [3]],
    ['mountainous', { mountainous: true }, [1, 2, 4]],
    ['extremely disadvantaged', { disadvantaged: true }, [1, 2, 4]],
    ['old district', { district: 'THANH_CHUONG' }, [3]],
  ] as const)('%s', (_label, query, expected) => {
    expect(ids(query as Partial<typeof DEFAULT_VACANCY_QUERY>)).toEqual(expected);
  });

  test('parses its own v… parameters, ignoring invalid values', () => {
    expect(parseVacancyListQuery({ vq: ' hoa quan ', vurgency: 'someday', vblock: 'army', vwhat: 'drop table', vmountainous: '1', q: 'ignored' })).toEqual({
      ...DEFAULT_VACANCY_QUERY, q: 'hoa quan', mountainous: true,
    });
    const query = { ...DEFAULT_VACANCY_QUERY, q: 'nga my', urgency: 'urgent', block: 'party_front', what: 'field:land', district: 'X', disadvantaged: true } as const;
    expect(parseVacancyListQuery(Object.fromEntries(vacancyListParams(query)))).toEqual(query);
  });

  test('totals, options and columns', () => {
    expect(vacancyTotals(NEEDS)).toEqual({ needs: 4, places: 5, communes: 2 });
    expect(whatOptions(NEEDS).map((o) => o.value)).toEqual([
      'position:youth_secretary', 'position:economic_head', 'field:it_digital', 'field:land', 'field:party_work',
    ]);
    expect(vacancyColumns({ showOldDistrict: false, showNotes: false })).toEqual(['commune', 'what', 'count', 'urgency', 'declaredOn']);
    expect(vacancyColumns({ showOldDistrict: true, showNotes: true })).toEqual(['commune', 'oldDistrict', 'what', 'count', 'urgency', 'declaredOn', 'note']);
  });

  test('export table: dates as calendar dates, counts as integers, notes only when shown', () => {
    const table = vacancyViewTable(echo, 'vi', buildVacancyView(NEEDS, { ...DEFAULT_VACANCY_QUERY, q: 'hoa quan' }, { showOldDistrict: true, showNotes: true }));
    expect(table.rows).toEqual([{
      'vacancyViews.commune': 'Hoa Quân', 'unitTable.oldDistrict': 'Thanh Chương', 'vacancies.what': 'Bí thư Đoàn Thanh niên · fields.party_work',
      'vacancies.count': 1, 'vacancies.urgency': 'vacancies.urgencies.critical', 'vacancies.declaredOn': { isoDate: '2025-09-01' }, 'vacancies.note': 'Cần trước Đại hội',
    }]);
    expect(toCsv(table).split('\n')[1]).toBe('Hoa Quân,Thanh Chương,Bí thư Đoàn Thanh niên · fields.party_work,1,vacancies.urgencies.critical,01/09/2025,Cần trước Đại hội');
  });
});
