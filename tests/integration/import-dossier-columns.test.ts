import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyWorkbook, checkWorkbook } from '@/lib/import';
import type { ImportOptions, ImportReport } from '@/lib/import/types';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { smallProvince, xlsxSource, type Cell, type Sheets } from './import-fixtures';

// The cadres sheet's dossier columns (docs/decisions/037-the-personnel-dossier.md): Vietnamese headers and values,
// an absent column or an empty cell keeps the stored value, unknown is NULL (no default ethnicity or political
// theory), party membership from the joining date, the personal ID rule and its uniqueness (in the workbook and
// against the database, naming the other person), every bad value reported by row, field and rule, all or nothing.

const options: ImportOptions = { today: '2025-11-20', actor: { id: null, name: 'tester', role: 'system' } };

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('empty');
  const first = await applyWorkbook(database.db, await xlsxSource(smallProvince()), options);
  expect(first.problems).toEqual([]);
});
afterAll(async () => {
  await database?.drop();
});

const problemsOf = (report: ImportReport) => report.problems.map((p) => `${p.sheet}|${p.row}|${p.column}|${p.message}`);

/** The small province with extra columns on the cadres sheet: `values[code]` gives the cells of each person. */
function withColumns(headers: string[], values: Record<string, Cell[]>): Sheets {
  const sheets = smallProvince();
  sheets.cadres[0] = [...sheets.cadres[0], ...headers];
  for (let i = 1; i < sheets.cadres.length; i++) {
    const code = String(sheets.cadres[i][0]);
    sheets.cadres[i] = [...sheets.cadres[i], ...(values[code] ?? headers.map(() => null))];
  }
  return sheets;
}

const dossierOf = (code: string) =>
  database.db.cadre.findFirstOrThrow({
    where: { code },
    select: {
      nationalId: true, ethnicity: true, isPartyMember: true, partyJoinDate: true, politicalTheory: true, stateManagement: true,
      rankCode: true, salaryStep: true, salaryCoefficient: true,
    },
  }).then((c) => ({
    ...c, partyJoinDate: c.partyJoinDate?.toISOString().slice(0, 10) ?? null, salaryCoefficient: c.salaryCoefficient?.toFixed(2) ?? null,
  }));

describe('the dossier columns of the cadres sheet', () => {
  test('a workbook without them leaves every value unknown (NULL), never Kinh or "none"', async () => {
    expect(await dossierOf('C1')).toEqual({
      nationalId: null, ethnicity: null, isPartyMember: false, partyJoinDate: null, politicalTheory: null, stateManagement: null,
      rankCode: null, salaryStep: null, salaryCoefficient: null,
    });
  });

  test('Vietnamese headers and values are read; the ID written as a number gets its leading zero back', async () => {
    const sheets = withColumns(
      ['Số định danh', 'Dân tộc', 'Ngày vào Đảng', 'Lý luận chính trị', 'Quản lý nhà nước', 'Mã ngạch', 'Bậc lương', 'Hệ số lương'],
      {
        C1: [40080000123, 'Thái', '15/05/2005', 'Trung cấp', 'Chuyên viên chính', '01.002', 4, '4,74'],
        C2: ['040185000456', 'Kinh', null, 'cao cấp', 'chuyên viên', '01.003', '3', 3],
      },
    );
    const dry = await checkWorkbook(database.db, await xlsxSource(sheets), options);
    expect(problemsOf(dry)).toEqual([]);
    expect(dry.counts.cadres).toEqual({ created: 0, updated: 2, unchanged: 4 });
    const applied = await applyWorkbook(database.db, await xlsxSource(sheets), options);
    expect(problemsOf(applied)).toEqual([]);
    expect(await dossierOf('C1')).toEqual({
      nationalId: '040080000123', ethnicity: 'Thái', isPartyMember: true, partyJoinDate: '2005-05-15', politicalTheory: 'intermediate',
      stateManagement: 'principal_specialist', rankCode: '01.002', salaryStep: 4, salaryCoefficient: '4.74',
    });
    expect(await dossierOf('C2')).toMatchObject({ nationalId: '040185000456', isPartyMember: false, politicalTheory: 'advanced', salaryCoefficient: '3.00' });
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entityType: 'cadre', action: 'import.update', after: { path: ['code'], equals: 'C1' } }, orderBy: { id: 'desc' } });
    expect(audit.after).toMatchObject({ nationalId: '040080000123', ethnicity: 'Thái', isPartyMember: true, salaryCoefficient: '4.74' });
    expect(audit.before).toMatchObject({ isPartyMember: false });
  });

  test('an absent column or an empty cell keeps the stored value: the same file without the columns changes nothing', async () => {
    const without = await applyWorkbook(database.db, await xlsxSource(smallProvince()), options);
    expect(without.counts.cadres).toEqual({ created: 0, updated: 0, unchanged: 6 });
    const empty = withColumns(['national_id', 'ethnicity', 'rank_code', 'salary_coefficient'], { C1: [null, '', null, null] });
    expect((await applyWorkbook(database.db, await xlsxSource(empty), options)).counts.cadres).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(await dossierOf('C1')).toMatchObject({ nationalId: '040080000123', ethnicity: 'Thái', rankCode: '01.002', salaryCoefficient: '4.74' });
  });

  test('a new person gets the values given, and NULL for the others', async () => {
    const sheets = withColumns(['ethnicity', 'party_member'], {});
    sheets.cadres.push(['C7', 'Lò Văn Bảy', 'male', '1995-03-03', 'civil_servant', 'university', null, 'TT003', 'CV', null, 'active', '2025-07-01', 'Thái', 'yes']);
    const report = await applyWorkbook(database.db, await xlsxSource(sheets), options);
    expect(problemsOf(report)).toEqual([]);
    expect(await dossierOf('C7')).toEqual({
      nationalId: null, ethnicity: 'Thái', isPartyMember: true, partyJoinDate: null, politicalTheory: null, stateManagement: null,
      rankCode: null, salaryStep: null, salaryCoefficient: null,
    });
  });

  test('every bad value is reported by row, field and rule; nothing is written', async () => {
    const before = await database.db.cadre.findMany({ orderBy: { id: 'asc' } });
    const audit = await database.db.auditLog.count();
    const sheets = withColumns(
      ['national_id', 'party_member', 'party_join_date', 'political_theory', 'state_management', 'rank_code', 'salary_step', 'salary_coefficient'],
      {
        C2: ['04018500045', 'no', '01/01/2010', 'tiến sĩ', 'giám đốc', '1.003', 21, '20,01'],
        C3: ['040290000001', null, '01/01/1980', null, null, '01.003a', 0, 0],
        C4: ['003191000001', null, null, null, null, null, '2.5', '2,345'],
        C5: ['040071000001', null, null, null, null, null, null, null],
        C6: ['040088000001', null, null, null, null, null, null, null],
      },
    );
    const report = await checkWorkbook(database.db, await xlsxSource(sheets), options);
    expect(problemsOf(report).sort()).toEqual([
      'cadres|3|national_id|"04018500045": Số định danh cá nhân phải gồm đúng 12 chữ số.',
      'cadres|3|political_theory|"tiến sĩ" không phải trình độ lý luận chính trị hợp lệ (none, elementary, intermediate, advanced)',
      'cadres|3|state_management|"giám đốc" không phải trình độ quản lý nhà nước hợp lệ (specialist, principal_specialist, senior_specialist)',
      'cadres|3|rank_code|"1.003": Mã ngạch có dạng NN.NNN, ví dụ 01.003.',
      'cadres|3|salary_step|"21": Bậc lương là số nguyên từ 1 đến 20.',
      'cadres|3|salary_coefficient|"20,01": Hệ số lương lớn hơn 0, tối đa 20, nhiều nhất hai chữ số thập phân (ví dụ 2,34).',
      'cadres|3|party_member|ghi "không" nhưng có ngày vào Đảng 01/01/2010: người có ngày vào Đảng là đảng viên',
      'cadres|4|rank_code|"01.003a": Mã ngạch có dạng NN.NNN, ví dụ 01.003.',
      'cadres|4|salary_step|"0": Bậc lương là số nguyên từ 1 đến 20.',
      'cadres|4|salary_coefficient|"0": Hệ số lương lớn hơn 0, tối đa 20, nhiều nhất hai chữ số thập phân (ví dụ 2,34).',
      'cadres|4|national_id|Chữ số thứ tư của số định danh phải là 0 (theo thế kỷ sinh và giới tính của người này).',
      'cadres|4|party_join_date|Ngày vào Đảng phải sau ngày sinh và không sau hôm nay.',
      'cadres|5|salary_step|"2.5": Bậc lương là số nguyên từ 1 đến 20.',
      'cadres|5|salary_coefficient|"2,345": Hệ số lương lớn hơn 0, tối đa 20, nhiều nhất hai chữ số thập phân (ví dụ 2,34).',
      'cadres|5|national_id|Ba chữ số đầu của số định danh 003191000001 không phải mã tỉnh nơi đăng ký khai sinh.',
      'cadres|6|national_id|Chữ số thứ năm và thứ sáu của số định danh phải là 70 (hai số cuối của năm sinh).',
      'cadres|7|national_id|Chữ số thứ tư của số định danh phải là 1 (theo thế kỷ sinh và giới tính của người này).',
    ].sort());
    expect(report.ok).toBe(false);
    expect(await database.db.cadre.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    expect(await database.db.auditLog.count()).toBe(audit);
  });

  test('one ID on two rows, or already held by another person of the database, is refused naming him', async () => {
    const twice = withColumns(['national_id'], { C3: ['040090000777'], C5: ['040090000777'] });
    // C5 is a man born in 1970: the ID is also wrong for him; C3 (born 1990) is the first holder.
    const report = await checkWorkbook(database.db, await xlsxSource(twice), options);
    expect(problemsOf(report)).toContain('cadres|6|national_id|số định danh 040090000777 trùng với dòng 4 (C3): mỗi người một số định danh');
    // C1 already holds 040080000123 (set above): C3 may not take it, and the message names C1 and his unit.
    const taken = withColumns(['national_id'], { C3: ['040090000123'] });
    await database.db.cadre.update({ where: { provinceId_code: { provinceId: (await database.db.province.findFirstOrThrow()).id, code: 'C1' } }, data: { nationalId: '040090000123' } });
    const refused = await checkWorkbook(database.db, await xlsxSource(taken), options);
    expect(problemsOf(refused)).toEqual(['cadres|4|national_id|số định danh 040090000123 đã ghi cho người khác: C1 (Xã Một)']);
  });
});
