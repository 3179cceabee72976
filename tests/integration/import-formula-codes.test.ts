import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkWorkbook } from '@/lib/import';
import type { ImportOptions, ImportReport } from '@/lib/import/types';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { smallProvince, toCsvZip, xlsxSource, type Sheets } from './import-fixtures';

// A code the import takes (commune, department, position, cadre, unit, the codes a row refers to) is written back
// in CSV exports and typed into forms; one that starts like a formula (=, +, -, @, a tab or a line break) is refused
// with a clear message, while names stay free text (docs/decisions/032-one-csv-writer-and-safe-callbacks.md).

const options: ImportOptions = { today: '2025-11-20', actor: { id: null, name: 'tester', role: 'system' } };

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('empty');
});
afterAll(async () => {
  await database?.drop();
});

function edit(change: (sheets: Sheets) => void): Sheets {
  const sheets = smallProvince();
  change(sheets);
  return sheets;
}

const FORMULA_MESSAGE = /không được bắt đầu bằng =, \+, -, @/;

const has = (report: ImportReport, expected: { sheet: string; row: number; column: string; code: string }) => {
  const found = report.problems.find(
    (p) => p.sheet === expected.sheet && p.row === expected.row && p.column === expected.column && FORMULA_MESSAGE.test(p.message) && p.message.includes(`"${expected.code}"`),
  );
  expect(found, JSON.stringify(report.problems, null, 1)).toBeTruthy();
};

describe('codes that start like a formula are refused, with sheet, row and column', () => {
  test.each([
    ['the province code', (s: Sheets) => { s.province[1][0] = '=TT'; }, { sheet: 'province', row: 2, column: 'code', code: '=TT' }],
    ['a commune code', (s: Sheets) => { s.communes[1][0] = '=HYPERLINK("http://x")'; }, { sheet: 'communes', row: 2, column: 'code', code: '=HYPERLINK("http://x")' }],
    ['a department code', (s: Sheets) => { s.departments[1][0] = '+SNV'; }, { sheet: 'departments', row: 2, column: 'code', code: '+SNV' }],
    ['a position code', (s: Sheets) => { s.positions[4][0] = '-CV'; }, { sheet: 'positions', row: 5, column: 'code', code: '-CV' }],
    ['a negative number as a code', (s: Sheets) => { s.positions[4][0] = -5; }, { sheet: 'positions', row: 5, column: 'code', code: '-5' }],
    ['a quota row’s commune_code', (s: Sheets) => { s.quotas[1][0] = '@TT001'; }, { sheet: 'quotas', row: 2, column: 'commune_code', code: '@TT001' }],
    ['a key_positions row', (s: Sheets) => { s.key_positions = [['commune_code', 'position_code', 'required'], ['TT001', '=BT', 1]]; }, { sheet: 'key_positions', row: 2, column: 'position_code', code: '=BT' }],
    ['a cadre code', (s: Sheets) => { s.cadres[1][0] = "-2+3+cmd|' /C calc'!A0"; }, { sheet: 'cadres', row: 2, column: 'code', code: "-2+3+cmd|' /C calc'!A0" }],
    ['a cadre’s unit_code', (s: Sheets) => { s.cadres[1][7] = '=TT001'; }, { sheet: 'cadres', row: 2, column: 'unit_code', code: '=TT001' }],
    ['a cadre’s position_code', (s: Sheets) => { s.cadres[1][8] = '+BT'; }, { sheet: 'cadres', row: 2, column: 'position_code', code: '+BT' }],
    ['a concurrent position code', (s: Sheets) => { s.cadres[2][9] = 'PCT; =1+1'; }, { sheet: 'cadres', row: 3, column: 'concurrent_position_codes', code: '=1+1' }],
  ])('%s', async (_label, change, expected) => {
    const report = await checkWorkbook(database.db, await xlsxSource(edit(change)), options);
    expect(report.ok).toBe(false);
    has(report, expected);
  });

  test('the same in a ZIP of CSV files', async () => {
    const report = await checkWorkbook(database.db, { kind: 'bytes', fileName: 'tinh.zip', bytes: toCsvZip(edit((s) => { s.communes[2][0] = '@TT002'; })) }, options);
    expect(report.ok).toBe(false);
    has(report, { sheet: 'communes', row: 3, column: 'code', code: '@TT002' });
  });
});

test('names and titles are text: one starting with = or - is accepted as typed', async () => {
  const report = await checkWorkbook(
    database.db,
    await xlsxSource(edit((s) => {
      s.communes[1][1] = '=Xã Một';
      s.departments[1][1] = '-Sở Nội vụ';
      s.positions[4][1] = '@Chuyên viên';
    })),
    options,
  );
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
});
