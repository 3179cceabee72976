import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STRUCTURE_COLUMNS } from '@/lib/exports/structure';
import { runDataCommand } from '../support/cli';
import { seededDatabaseOn } from '../support/database';
import { seededCommune, seededPosition, seededProvince } from '../support/factories';

// `npm run data -- export structure` on the generated province (the demo Nghệ An, with people added at the edges)
// against an independent computation from the rows, written here without lib/domain/structure.ts.

const TODAY = '2025-11-10';
const database = seededDatabaseOn(TODAY);
let dir: string;

const parseCsv = (text: string) => text.trimEnd().split('\n').map((line) => line.split(','));

/** Under 35 at `date`: the 35th birthday is later than the date; 29/02 falls on 01/03 in a common year. */
function under35(birthDate: Date, date: string): boolean {
  const y = birthDate.getUTCFullYear() + 35, m = birthDate.getUTCMonth() + 1, d = birthDate.getUTCDate();
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const birthday = m === 2 && d === 29 && !leap ? `${y}-03-01` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return date < birthday;
}

const minority = (ethnicity: string | null) => {
  const plain = (ethnicity ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').trim().toLowerCase();
  return plain !== '' && plain !== 'kinh';
};

/** The expected rows, from every assignment, person and position of the province. */
async function expectedRows(date: string): Promise<string[][]> {
  const db = database.current.db;
  const province = await seededProvince(db);
  const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const [communes, assignments] = await Promise.all([
    db.commune.findMany({ where: { provinceId: province.id }, select: { id: true, code: true, name: true } }),
    db.assignment.findMany({
      where: { commune: { provinceId: province.id } },
      select: { communeId: true, isPrimary: true, startDate: true, endDate: true, employmentType: true, position: { select: { isKey: true, block: true } },
        cadre: { select: { id: true, gender: true, birthDate: true, ethnicity: true, employmentType: true, status: true, leftOn: true } } },
    }),
  ]);
  const staff = new Map<number, Map<number, (typeof assignments)[number]['cadre']>>();
  const keys = new Map<number, Map<number, (typeof assignments)[number]['cadre']>>();
  for (const a of assignments) {
    const c = a.cadre;
    // A post held under another type (before a reception into the civil service) counts by that type.
    const counted = ['cadre', 'civil_servant'].includes(a.employmentType ?? c.employmentType) && (c.status === 'active' || (iso(c.leftOn) ?? '') > date);
    const open = iso(a.startDate)! <= date && (a.endDate === null || iso(a.endDate)! >= date);
    if (!counted || !open || a.position.block === null) continue;
    if (a.isPrimary) (staff.get(a.communeId!) ?? staff.set(a.communeId!, new Map()).get(a.communeId!)!).set(c.id, c);
    if (a.position.isKey) (keys.get(a.communeId!) ?? keys.set(a.communeId!, new Map()).get(a.communeId!)!).set(c.id, c);
  }
  const counts = (people: Iterable<(typeof assignments)[number]['cadre']>) => {
    const list = [...people];
    return [list.length, list.filter((c) => c.gender === 'female').length, list.filter((c) => under35(c.birthDate, date)).length, list.filter((c) => minority(c.ethnicity)).length].map(String);
  };
  return communes
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((c) => [c.code, c.name, ...counts(staff.get(c.id)?.values() ?? []), ...counts(keys.get(c.id)?.values() ?? [])]);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-structure-'));
  // People at the edges, in Nga My: a 35th birthday today, a 29/02 birthday, ethnicity in capitals, unknown
  // ethnicity, a concurrent key holder whose primary post is elsewhere, and a public employee in a key post (not counted).
  const db = database.current.db;
  const province = await seededProvince(db);
  const [ngaMy, bacLy, keyPost, plainPost] = await Promise.all([
    seededCommune(db, 'Nga My'), seededCommune(db, 'Bắc Lý'), seededPosition(db, 'OFFICE_DEPUTY'), seededPosition(db, 'ACCOUNTANT'),
  ]);
  const person = async (code: string, data: { birthDate: string; gender?: 'male' | 'female'; ethnicity?: string | null; employmentType?: 'civil_servant' | 'public_employee' }, posts: { communeId: number; positionId: number; isPrimary: boolean }[]) => {
    const cadre = await db.cadre.create({
      data: {
        provinceId: province.id, code, fullName: 'Người Thử Cơ Cấu', gender: data.gender ?? 'male', birthDate: new Date(data.birthDate),
        ethnicity: data.ethnicity === undefined ? 'Kinh' : data.ethnicity, education: 'university', employmentType: data.employmentType ?? 'civil_servant',
      },
    });
    for (const post of posts) await db.assignment.create({ data: { cadreId: cadre.id, ...post, startDate: new Date('2025-07-01') } });
  };
  await person('CC001', { birthDate: '1990-11-10', gender: 'female' }, [{ communeId: ngaMy.id, positionId: plainPost.id, isPrimary: true }]);
  await person('CC002', { birthDate: '1992-02-29', ethnicity: 'KINH' }, [{ communeId: ngaMy.id, positionId: plainPost.id, isPrimary: true }]);
  await person('CC003', { birthDate: '1985-05-05', ethnicity: '' }, [{ communeId: ngaMy.id, positionId: plainPost.id, isPrimary: true }]);
  await person('CC004', { birthDate: '1991-01-01', gender: 'female', ethnicity: 'Thái' }, [
    { communeId: bacLy.id, positionId: plainPost.id, isPrimary: true },
    { communeId: ngaMy.id, positionId: keyPost.id, isPrimary: false },
  ]);
  await person('CC005', { birthDate: '1995-01-01', employmentType: 'public_employee' }, [{ communeId: ngaMy.id, positionId: keyPost.id, isPrimary: true }]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run data -- export structure', () => {
  test.each([
    ['today (no --date)', [], TODAY],
    ['a past date', ['--date', '01/10/2025'], '2025-10-01'],
    ['the first day of the two-level government', ['--date', '1/7/2025'], '2025-07-01'],
  ])('CSV at %s: the contract columns, one row per commune, equal to the independent computation', async (_label, extra, date) => {
    const r = await runDataCommand(database.current.url, ['export', 'structure', 'structure.csv', ...extra], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [header, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'structure.csv'), 'utf8'));
    expect(header).toEqual([...STRUCTURE_COLUMNS]);
    expect(rows).toHaveLength(130);
    expect(rows).toEqual(await expectedRows(date));
    const staff = rows.reduce((sum, row) => sum + Number(row[2]), 0);
    // The status export's headcount: the published 8,635 plus the four counted people added above.
    if (date === TODAY) expect(staff).toBe(8635 + 4);
  });

  test('the edges in Nga My today: a 35th birthday is not young, 29/02 is still young, KINH and empty are not minorities', async () => {
    const r = await runDataCommand(database.current.url, ['export', 'structure', 'edges.csv', '--province', 'na'], dir);
    expect(r.code).toBe(0);
    const rows = parseCsv(fs.readFileSync(path.join(dir, 'edges.csv'), 'utf8')).slice(1);
    const ngaMy = rows.find((row) => row[1] === 'Nga My')!;
    expect(ngaMy).toEqual((await expectedRows(TODAY)).find((row) => row[1] === 'Nga My'));
    expect(r.out).toMatch(/Đã ghi 130 đơn vị của Nghệ An ngày 10\/11\/2025/);
  });

  test('the trend (one statement over several dates) counts the key holders as the structure at each date does', async () => {
    const { getProvinceStructure, getStructureTrend } = await import('@/lib/db/structure-queries');
    const db = database.current.db;
    const province = await seededProvince(db);
    const dates = ['2025-07-01', '2025-10-01', TODAY];
    const trend = await getStructureTrend(db, province.id, dates);
    for (const [i, date] of dates.entries()) {
      const { province: at } = await getProvinceStructure(db, province.id, date);
      expect(trend[i]).toEqual({ date, counts: { ...at, staff: 0, staffFemale: 0, staffYoung: 0, staffEthnicMinority: 0 } });
    }
  });

  test('the report: the structure by old district with the province total, its trend, and the succession of the demo term', async () => {
    const { getReport, reportTables, renderReportXlsx } = await import('@/lib/report');
    const { getProvinceStructure } = await import('@/lib/db/structure-queries');
    const db = database.current.db;
    const province = await seededProvince(db);
    const model = await getReport(db, province.id, TODAY);
    const tables = new Map(reportTables(model).map((t) => [t.key, t]));
    const structure = tables.get('structure')!;
    const { province: total, oldDistricts } = await getProvinceStructure(db, province.id, TODAY);
    expect(structure.rows).toHaveLength(oldDistricts.length + 1);
    expect(structure.rows.at(-1)!.cells.slice(0, 6)).toEqual(['Toàn tỉnh', total.staff, total.staffFemale, total.staffYoung, total.staffEthnicMinority, total.keyHolders]);
    expect(structure.rows.at(-1)!.cells[6]).toBeCloseTo(total.keyFemale / total.keyHolders);
    expect(tables.get('structureTrend')!.rows.map((r) => r.cells[0])).toEqual(['2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01', TODAY]);
    const succession = tables.get('succession')!;
    expect(succession.caption).toContain('2025–2030');
    const keyPosts = await db.position.count({ where: { provinceId: province.id, isKey: true } });
    expect(succession.rows).toHaveLength(keyPosts);
    // Three communes have people planned in the demo: every other commune lacks a successor for every post.
    expect(succession.rows.every((r) => Number(r.cells[2]) >= 127)).toBe(true);
    expect(succession.rows.some((r) => Number(r.cells[3]) > 0)).toBe(true);
    expect((await renderReportXlsx(model)).length).toBeGreaterThan(0);
  });

  test('XLSX: one sheet with the same header and typed cells', async () => {
    const r = await runDataCommand(database.current.url, ['export', 'structure', 'structure.xlsx'], dir);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'structure.xlsx'));
    expect(wb.worksheets).toHaveLength(1);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...STRUCTURE_COLUMNS]);
    expect(sheet.rowCount).toBe(131);
    expect(typeof sheet.getRow(2).getCell(3).value).toBe('number');
  });

  test.each([
    ['a date before 01/07/2025', ['export', 'structure', 'a.csv', '--date', '30/06/2025'], /trước khi chính quyền hai cấp vận hành/],
    ['a date after today', ['export', 'structure', 'b.csv', '--date', '11/11/2025'], /ở tương lai/],
    ['a malformed date', ['export', 'structure', 'c.csv', '--date', '2025-10-01'], /Ngày không hợp lệ/],
    ['an impossible date', ['export', 'structure', 'c2.csv', '--date', '31/09/2025'], /Ngày không hợp lệ/],
    ['--date without a value', ['export', 'structure', 'c3.csv', '--date'], /cần một giá trị/],
    ['an unknown province', ['export', 'structure', 'd.csv', '--province', 'ZZ'], /Không có tỉnh mã "ZZ"/],
    ['an unsupported extension', ['export', 'structure', 'e.txt'], /Định dạng tệp không hỗ trợ/],
    ['a missing path', ['export', 'structure'], /Thiếu đường dẫn tệp/],
    ['an unknown option', ['export', 'structure', 'f.csv', '--year', '2025'], /Tuỳ chọn không hợp lệ: --year/],
    ['an unwritable path', ['export', 'structure', 'no/such/dir/g.csv'], /Không ghi được vào thư mục/],
  ])('refuses %s with a message, exit 1 and no file', async (_label, argv, message) => {
    const before = fs.readdirSync(dir).sort();
    const r = await runDataCommand(database.current.url, argv, dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });
});
