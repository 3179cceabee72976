import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { poolOf } from '@/lib/db/prisma';
import { runDataCommand } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { d, toXlsx, type Cell, type Sheets } from './import-fixtures';

// Elected posts (decision 025) through the command line: the `positions` sheet's optional `elected` column (yes/no, aliases as
// the other yes/no columns) sets the flag; without it (or with an empty cell) an existing position keeps its flag and
// a new one is not elected; a change is audited. Then `npm run data -- propose transfers` on that province never
// fills an elected post and still proposes the other moves.

const TODAY = '2025-11-10';
let savedToday: string | undefined;
let database: TestDatabase;
let dir: string;

const CADRE_HEADER = ['code', 'full_name', 'gender', 'birth_date', 'employment_type', 'education', 'field', 'unit_code', 'position_code',
  'concurrent_position_codes', 'status', 'start_date'];
const POSITION_HEADER = ['code', 'title', 'block', 'key', 'field'];

/** Xã Thừa (TT001) is above quota in both blocks; Xã Thiếu (TT002) is short in both and lacks its Phó Bí thư Thường trực (elected) and its Trưởng phòng Kinh tế (not elected). */
function province(positions: Cell[][]): Sheets {
  const person = (code: string, name: string, type: string, unit: string, post: string): Cell[] =>
    [code, name, 'male', d('1985-03-04'), type, 'university', null, unit, post, null, 'active', d('2025-07-01')];
  const names = ['Nguyễn Văn An', 'Trần Văn Bình', 'Lê Văn Cường', 'Phạm Văn Dũng', 'Hoàng Văn Em', 'Vũ Văn Giang', 'Đặng Văn Hải', 'Bùi Văn Khánh'];
  return {
    province: [['code', 'name'], ['TB', 'Tỉnh Bầu']],
    communes: [
      ['code', 'name', 'kind', 'old_district', 'mountainous', 'disadvantaged'],
      ['TB001', 'Xã Thừa', 'commune', 'Huyện Một', 'no', 'no'],
      ['TB002', 'Xã Thiếu', 'commune', 'Huyện Một', 'yes', 'no'],
    ],
    departments: [['code', 'name', 'quota'], ['TBSNV', 'Sở Nội vụ', 50]],
    positions,
    quotas: [
      ['commune_code', 'block', 'year', 'quota'],
      ['TB001', 'party_front', 2025, 3], ['TB001', 'government', 2025, 3],
      ['TB002', 'party_front', 2025, 4], ['TB002', 'government', 2025, 5],
    ],
    cadres: [
      CADRE_HEADER,
      person('A01', 'Nguyễn Văn Bí', 'cadre', 'TB001', 'BT'),
      person('A02', 'Trần Văn Phó', 'cadre', 'TB001', 'PBT'),
      person('A03', 'Lê Văn Chủ', 'cadre', 'TB001', 'CT'),
      person('A04', 'Phạm Văn Kinh', 'civil_servant', 'TB001', 'KT'),
      ...names.slice(0, 3).map((name, i) => person(`B0${i + 1}`, name, 'civil_servant', 'TB001', 'CVD')),
      ...names.slice(3, 7).map((name, i) => person(`C0${i + 1}`, name, 'civil_servant', 'TB001', 'CV')),
      person('D01', 'Võ Văn Thư', 'cadre', 'TB002', 'BT'),
      person('D02', 'Đỗ Văn Tịch', 'cadre', 'TB002', 'CT'),
    ],
  };
}

const POSITIONS: Cell[][] = [
  ['BT', 'Bí thư Đảng ủy', 'party_front', 'yes', 'party_work'],
  ['PBT', 'Phó Bí thư Thường trực Đảng ủy', 'party_front', 'yes', null],
  ['CT', 'Chủ tịch UBND', 'government', 'yes', null],
  ['KT', 'Trưởng phòng Kinh tế', 'government', 'yes', null],
  ['CV', 'Công chức chuyên môn', 'government', 'no', null],
  ['CVD', 'Công chức Văn phòng Đảng ủy', 'party_front', 'no', null],
];
/** The positions sheet with an `elected` column written `header`, one value per position (null: an empty cell). */
const withElected = (header: string, values: (Cell | null)[], extra: Cell[][] = []): Cell[][] => [
  [...POSITION_HEADER, header],
  ...POSITIONS.map((row, i) => [...row, values[i]]),
  ...extra,
];
const withoutElected = (extra: Cell[][] = []): Cell[][] => [POSITION_HEADER, ...POSITIONS, ...extra];

async function importFile(name: string, positions: Cell[][]) {
  fs.writeFileSync(path.join(dir, name), await toXlsx(province(positions)));
  return runDataCommand(database.url, ['import', name], dir);
}

async function flags(): Promise<Record<string, boolean>> {
  const rows = await database.db.position.findMany({ select: { code: true, isElected: true }, orderBy: { code: 'asc' } });
  return Object.fromEntries(rows.map((r) => [r.code, r.isElected]));
}

beforeAll(async () => {
  savedToday = process.env.APP_TODAY;
  process.env.APP_TODAY = TODAY;
  database = await createTestDatabase('empty');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-elected-'));
});
afterAll(async () => {
  if (savedToday === undefined) delete process.env.APP_TODAY;
  else process.env.APP_TODAY = savedToday;
  fs.rmSync(dir, { recursive: true, force: true });
  // As cli-import.test.ts: the in-process CLI leaves idle pool connections; the global teardown drops the database.
  await database?.db.$disconnect();
  const pool = poolOf(database.db);
  if (!pool.ended) await pool.end();
});

describe('the positions sheet’s `elected` column', () => {
  test('present: sets the flag (yes/no, có/không, 1); an empty cell leaves a new position not elected', async () => {
    const r = await importFile('with.xlsx', withElected('elected', ['yes', 'có', 1, 'no', 'không', null]));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^positions: tạo mới 6, cập nhật 0, không đổi 0$/m);
    expect(await flags()).toEqual({ BT: true, CT: true, CV: false, CVD: false, KT: false, PBT: true });
  });

  test('absent: a flag set earlier (by the import or the positions editor) is left unchanged, nothing is counted as updated', async () => {
    await database.db.position.updateMany({ where: { code: 'CV' }, data: { isElected: true } });
    const r = await importFile('without.xlsx', withoutElected([['PCT', 'Phó Chủ tịch UBND', 'government', 'yes', null]]));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^positions: tạo mới 1, cập nhật 0, không đổi 6$/m);
    expect(await flags()).toEqual({ BT: true, CT: true, CV: true, CVD: false, KT: false, PBT: true, PCT: false });
  });

  test('present with empty cells: those positions keep their flags too', async () => {
    const r = await importFile('blank.xlsx', withElected('elected', [null, null, null, null, null, null]));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^positions: tạo mới 0, cập nhật 0, không đổi 6$/m);
    expect((await flags()).CV).toBe(true);
  });

  test('a change of the flag (header written "Bầu cử") is an update, audited with the flag before and after', async () => {
    const r = await importFile('change.xlsx', withElected('Bầu cử', ['yes', 'yes', 'yes', 'no', 'no', 'no'], []));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^positions: tạo mới 0, cập nhật 1, không đổi 5$/m);
    expect(await flags()).toMatchObject({ CV: false, PBT: true, PCT: false });
    const cv = await database.db.position.findFirstOrThrow({ where: { code: 'CV' } });
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { action: 'import.update', entityType: 'position', entityId: String(cv.id) }, orderBy: { id: 'desc' } });
    expect(audit.before).toMatchObject({ code: 'CV', elected: true });
    expect(audit.after).toMatchObject({ code: 'CV', elected: false });
  });

  test('a value that is not yes/no is a problem naming the sheet, row and column; nothing changes', async () => {
    const r = await importFile('bad.xlsx', withElected('elected', ['yes', 'có thể', 'yes', 'no', 'no', 'no']));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^positions, dòng 3, cột elected: "có thể" không phải có\/không/m);
    expect((await flags()).PBT).toBe(true);
  });
});

describe('npm run data -- propose transfers, on a workbook that marks elected posts', () => {
  test('never fills an elected post and still proposes the other moves', async () => {
    const r = await runDataCommand(database.url, ['propose', 'transfers', 'plan.csv'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [header, ...rows] = fs.readFileSync(path.join(dir, 'plan.csv'), 'utf8').trimEnd().split('\n');
    expect(header).toBe('cadre_code,from_commune_code,to_commune_code,position_code,block,same_old_district,fills_key_position,reason');
    const moves = rows.map((row) => row.split(','));
    const positions = moves.map((m) => m[3]);
    // Xã Thiếu's Phó Bí thư Thường trực (elected) stays vacant; its Trưởng phòng Kinh tế is filled and both shortages covered.
    expect(positions.filter((p) => ['BT', 'PBT', 'CT'].includes(p))).toEqual([]);
    expect(moves.filter((m) => m[3] === 'KT').map((m) => [m[1], m[2], m[6]])).toEqual([['TB001', 'TB002', 'yes']]);
    expect(moves.filter((m) => m[4] === 'party_front').map((m) => [m[3], m[6]])).toEqual([['CVD', 'no'], ['CVD', 'no']]);
    expect(moves.filter((m) => m[4] === 'government')).toHaveLength(3);
    expect(r.out).toMatch(/Không đưa vào phương án: 1 vị trí bầu cử đang trống tại 1 xã, phường – cần bầu \/ chỉ định/);
  });
});
