import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyWorkbook, checkWorkbook } from '@/lib/import';
import { MAX_IMPORT_BYTES, type ImportOptions, type ImportReport, type ImportSource } from '@/lib/import/types';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { d, smallProvince, toCsv, toXlsx, xlsxSource, zipFiles, type Sheets } from './import-fixtures';

// Every bad input of a workbook (decision 008): each gives a clear message with sheet, row and column, and nothing changes.
// The database already holds the small province, so "nothing changed" is checked against real data.

const options: ImportOptions = { today: '2025-11-20', actor: { id: null, name: 'tester', role: 'system' } };

let database: TestDatabase;
let baseline: Awaited<ReturnType<typeof snapshot>>;
beforeAll(async () => {
  database = await createTestDatabase('empty');
  const first = await applyWorkbook(database.db, await xlsxSource(smallProvince()), options);
  expect(first.problems).toEqual([]);
  baseline = await snapshot();
});
afterAll(async () => {
  await database?.drop();
});

async function snapshot() {
  const db = database.db;
  const counts = await Promise.all([
    db.province.count(), db.oldDistrict.count(), db.commune.count(), db.department.count(), db.departmentQuota.count(), db.position.count(),
    db.quota.count(), db.keyPositionNorm.count(), db.cadre.count(), db.assignment.count(), db.auditLog.count(),
  ]);
  const versions = await db.cadre.aggregate({ _sum: { version: true } });
  return { counts, cadreVersions: versions._sum.version };
}

/** Applies (not a dry run: the strongest check) and expects a refusal with the given problem. */
async function refused(source: ImportSource | Promise<ImportSource>) {
  const report = await applyWorkbook(database.db, await source, options);
  expect(report.ok).toBe(false);
  expect(report.applied).toBe(false);
  expect(await snapshot()).toEqual(baseline);
  return report;
}

const has = (report: ImportReport, expected: { sheet: string | null; row: number | null; column: string | null; message: RegExp }) => {
  const found = report.problems.find((p) => p.sheet === expected.sheet && p.row === expected.row && p.column === expected.column && expected.message.test(p.message));
  expect(found, `${JSON.stringify(expected.message.source)} in ${JSON.stringify(report.problems, null, 1)}`).toBeTruthy();
};

function edit(change: (sheets: Sheets) => void): Sheets {
  const sheets = smallProvince();
  change(sheets);
  return sheets;
}

describe('bad input: a clear message each, nothing changed', () => {
  test.each([
    ['a wrong type (number)', (s: Sheets) => { s.quotas[2][3] = 'bốn'; }, { sheet: 'quotas', row: 3, column: 'quota', message: /"bốn" không phải số nguyên/ }],
    ['a negative number', (s: Sheets) => { s.departments[1][2] = -5; }, { sheet: 'departments', row: 2, column: 'quota', message: /số âm/ }],
    ['a non-integer', (s: Sheets) => { s.quotas[1][3] = 2.5; }, { sheet: 'quotas', row: 2, column: 'quota', message: /không phải số nguyên/ }],
    ['a wrong enum value', (s: Sheets) => { s.cadres[3][4] = 'contractor'; }, { sheet: 'cadres', row: 4, column: 'employment_type', message: /"contractor" không phải loại cán bộ hợp lệ/ }],
    ['a wrong yes/no', (s: Sheets) => { s.communes[1][4] = 'maybe'; }, { sheet: 'communes', row: 2, column: 'mountainous', message: /không phải có\/không/ }],
    ['an impossible date (31/02/1990)', (s: Sheets) => { s.cadres[2][3] = '31/02/1990'; }, { sheet: 'cadres', row: 3, column: 'birth_date', message: /ngày không tồn tại: "31\/02\/1990"/ }],
    ['a missing value', (s: Sheets) => { s.cadres[1][1] = null; }, { sheet: 'cadres', row: 2, column: 'full_name', message: /thiếu giá trị/ }],
    ['a duplicate code', (s: Sheets) => { s.communes.push(['TT002', 'Xã Trùng', 'commune', 'Núi Cao', 'no', 'no']); }, { sheet: 'communes', row: 5, column: 'code', message: /mã "TT002" trùng với dòng 3/ }],
    ['a unit code used by a commune and a department', (s: Sheets) => { s.departments.push(['TT001', 'Sở trùng mã', 10]); }, { sheet: 'departments', row: 3, column: 'code', message: /trùng với xã\/phường/ }],
    ['an unknown commune_code', (s: Sheets) => { s.quotas[1][0] = 'TT999'; }, { sheet: 'quotas', row: 2, column: 'commune_code', message: /không có xã\/phường mã "TT999"/ }],
    ['an unknown position_code', (s: Sheets) => { s.cadres[1][8] = 'XYZ'; }, { sheet: 'cadres', row: 2, column: 'position_code', message: /không có chức vụ mã "XYZ"/ }],
    ['an unknown unit_code', (s: Sheets) => { s.cadres[1][7] = 'NOWHERE'; }, { sheet: 'cadres', row: 2, column: 'unit_code', message: /không có xã\/phường hay sở, ngành mã "NOWHERE"/ }],
    ['an unknown old_district (the province has its districts)', (s: Sheets) => { s.communes[1][3] = 'Huyện Không Có'; }, { sheet: 'communes', row: 2, column: 'old_district', message: /không có địa bàn huyện cũ "Huyện Không Có"/ }],
    ['an unknown concurrent position', (s: Sheets) => { s.cadres[2][9] = 'PCT; NOPE'; }, { sheet: 'cadres', row: 3, column: 'concurrent_position_codes', message: /không có chức vụ mã "NOPE"/ }],
    ['a cadre with two primary positions', (s: Sheets) => { s.cadres.push(['C1', 'Nguyễn Văn Một', 'male', d('1980-01-02'), 'cadre', 'university', null, 'TT001', 'CT', null, 'active', d('2025-07-01')]); }, { sheet: 'cadres', row: 8, column: 'code', message: /đã có ở dòng 2: mỗi người chỉ có một chức vụ chính/ }],
    ['a concurrent position equal to the primary one', (s: Sheets) => { s.cadres[2][9] = 'CT'; }, { sheet: 'cadres', row: 3, column: 'concurrent_position_codes', message: /trùng với chức vụ chính/ }],
    ['a key_positions row naming a non-key position', (s: Sheets) => { s.key_positions = [['commune_code', 'position_code', 'required'], ['TT001', 'CV', 1]]; }, { sheet: 'key_positions', row: 2, column: 'position_code', message: /không phải chức danh chủ chốt/ }],
    ['a province sheet with two rows', (s: Sheets) => { s.province.push(['TX', 'Tỉnh khác']); }, { sheet: 'province', row: 3, column: null, message: /đúng một dòng/ }],
    ['a missing column', (s: Sheets) => { s.departments = s.departments.map((row) => row.slice(0, 2)); }, { sheet: 'departments', row: 1, column: 'quota', message: /thiếu cột "quota"/ }],
    ['a missing sheet', (s: Sheets) => { delete (s as Record<string, unknown>).positions; }, { sheet: 'positions', row: null, column: null, message: /thiếu sheet "positions"/ }],
    ['a formula', (s: Sheets) => { s.departments[1][2] = { formula: '40+40', result: 80 }; }, { sheet: 'departments', row: 2, column: 'quota', message: /công thức không được phép/ }],
    ['an error only in the very last row', (s: Sheets) => { s.cadres[s.cadres.length - 1][11] = '2025-13-01'; }, { sheet: 'cadres', row: 7, column: 'start_date', message: /ngày không tồn tại/ }],
  ])('%s', async (_label, change, expected) => {
    has(await refused(xlsxSource(edit(change))), expected);
  });

  test('impossible ages and names: every such row is listed (under 18 or past the retirement age on the start date; digits in a name)', async () => {
    const report = await refused(xlsxSource(edit((s) => {
      s.cadres[1][3] = d('1900-01-01');
      s.cadres[2][3] = d('2010-06-01');
      s.cadres[3][1] = 'Nguyen Van 123';
    })));
    has(report, { sheet: 'cadres', row: 2, column: 'birth_date', message: /đã đến tuổi nghỉ hưu \(Nghị định 135\/2020\/NĐ-CP\)/ });
    has(report, { sheet: 'cadres', row: 3, column: 'birth_date', message: /chưa đủ 18 tuổi vào ngày bắt đầu \d{2}\/\d{2}\/\d{4}/ });
    has(report, { sheet: 'cadres', row: 4, column: 'full_name', message: /"Nguyen Van 123" phải gồm ít nhất hai từ, chỉ có chữ cái/ });
  });

  test('a changed position must start after the current one (checked against the database)', async () => {
    const report = await refused(xlsxSource(edit((s) => { s.cadres[3][8] = 'PCT'; s.cadres[3][11] = '2025-06-30'; })));
    has(report, { sheet: 'cadres', row: 4, column: 'start_date', message: /phải sau ngày bắt đầu chức vụ chính hiện tại/ });
  });

  test('merged cells', async () => {
    const bytes = await toXlsx(smallProvince(), { merge: { sheet: 'communes', range: 'E2:F2' } });
    has(await refused({ kind: 'bytes', fileName: 'tinh.xlsx', bytes }), { sheet: 'communes', row: 2, column: 'mountainous', message: /ô gộp \(merge\) E2:F2/ });
  });

  test('a header aliased in Vietnamese is the header name of its problems', async () => {
    const sheets = edit((s) => { s.cadres[0] = ['Mã', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'loai', 'Trình độ', 'Lĩnh vực', 'Đơn vị', 'Chức vụ', 'Kiêm nhiệm', 'Trạng thái', 'Ngày bắt đầu']; s.cadres[2][3] = '31/02/1990'; });
    has(await refused(xlsxSource(sheets)), { sheet: 'cadres', row: 3, column: 'Ngày sinh', message: /ngày không tồn tại/ });
  });

  test('blank lines are skipped, not errors', async () => {
    const sheets = smallProvince();
    sheets.cadres.splice(3, 0, [null, null, null], ['', '  ', null]);
    const report = await checkWorkbook(database.db, await xlsxSource(sheets), options);
    expect(report.problems).toEqual([]);
    expect(report.counts.cadres).toEqual({ created: 0, updated: 0, unchanged: 6 });
  });

  test('a 60 MB file is refused before anything is read', async () => {
    const bytes = new Uint8Array(60 * 1024 * 1024);
    expect(bytes.byteLength).toBeGreaterThan(MAX_IMPORT_BYTES);
    has(await refused({ kind: 'bytes', fileName: 'lon.xlsx', bytes }), { sheet: null, row: null, column: null, message: /vượt giới hạn 25 MB/ });
  });

  test.each([
    ['a text file named .xlsx', 'tinh.xlsx', Buffer.from('code,name\nTT,Tỉnh\n'), /có đuôi \.xlsx nhưng không phải bảng tính Excel/],
    ['an old .xls named .xlsx', 'tinh.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /Excel 97-2003/],
    ['a ZIP of CSV named .xlsx', 'tinh.xlsx', zipFiles({ 'province.csv': 'code,name\nTT,Tỉnh\n' }), /là tệp ZIP, không phải bảng tính Excel/],
    ['a text file named .zip', 'tinh.zip', Buffer.from('hello'), /có đuôi \.zip nhưng không phải tệp ZIP/],
  ])('a file that is not what its extension says: %s', async (_label, fileName, bytes, message) => {
    has(await refused({ kind: 'bytes', fileName, bytes }), { sheet: null, row: null, column: null, message });
  });

  test('a CSV in another encoding (Windows-1258) and in UTF-16', async () => {
    const sheets = smallProvince();
    const files: Record<string, Buffer | string> = Object.fromEntries(Object.entries(sheets).map(([name, rows]) => [`${name}.csv`, toCsv(rows)]));
    // "Xã Một" in Windows-1258: Ã = 0xC3 then 0x20 is not valid UTF-8.
    files['communes.csv'] = Buffer.from('code,name,kind,old_district,mountainous,disadvantaged\nTT001,X\xe3 M\xf4t,commune,N\xfai Cao,yes,no\n', 'latin1');
    files['province.csv'] = Buffer.from('\ufeffcode,name\nTT,Tỉnh Thử\n', 'utf16le');
    const report = await refused({ kind: 'bytes', fileName: 'tinh.zip', bytes: zipFiles(files) });
    has(report, { sheet: 'communes', row: null, column: null, message: /không ở mã UTF-8/ });
    has(report, { sheet: 'province', row: null, column: null, message: /UTF-16/ });
  });

  test('the web page: a workbook for another province', async () => {
    const province = await database.db.province.findFirstOrThrow();
    const sheets = edit((s) => { s.province[1] = ['ZZ', 'Tỉnh khác']; });
    const report = await applyWorkbook(database.db, await xlsxSource(sheets), { ...options, provinceId: province.id });
    expect(report.applied).toBe(false);
    has(report, { sheet: 'province', row: 2, column: 'code', message: /không phải tỉnh của bạn \(mã "TT"\)/ });
    expect(await snapshot()).toEqual(baseline);
  });

  test('every problem is collected, listed ones capped, the rest counted', async () => {
    const sheets = smallProvince();
    for (let i = 0; i < 1200; i++) sheets.quotas.push(['TT999', 'government', 2025, i]);
    const report = await refused(xlsxSource(sheets));
    expect(report.problemCount).toBeGreaterThan(1200);
    expect(report.problems).toHaveLength(1000);
    expect(report.problemsTruncated).toBe(true);
    expect(report.problems[0].row).toBeLessThanOrEqual(report.problems[999].row!);
  });
});
