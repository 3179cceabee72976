import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { poolOf } from '@/lib/db/prisma';
import { applyWorkbook, checkWorkbook } from '@/lib/import';
import type { ImportOptions, ImportReport, ImportSource } from '@/lib/import/types';
import { settle } from '../support/action-harness';
import { runDataCommand } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { deflatePart, identicalRowsSheet, repeated, replaceSheet, zipParts } from '../support/hostile-workbooks';
import { templateFor, uploadForm } from '../support/workbooks';
import { smallProvince, toXlsx } from './import-fixtures';

// Bounded imports (docs/decisions/033-bounded-imports.md): a hostile workbook (a million copied rows in 3 MB, a ZIP
// of CSV that inflates past 100 MB, a sheet one row past the limit) is refused within seconds with a message
// naming the limit, through the engine, the upload page and the command line, and nothing is written; a normal
// workbook within the limits still imports.

const { checkWorkbookUpload } = await import('@/lib/actions/imports/check-workbook');
const { findImport } = await import('@/lib/db/import-queries');

const options: ImportOptions = { today: '2025-11-20', actor: { id: null, name: 'tester', role: 'system' } };
const CADRE_HEADER = ['code', 'full_name', 'gender', 'birth_date', 'employment_type', 'education', 'field', 'unit_code', 'position_code',
  'concurrent_position_codes', 'status', 'start_date'];

let database: TestDatabase;
let homeAffairs: SessionUser;
let province: { code: string; name: string; oldDistrict: string };
let dir: string;
/** A million identical cadre rows, 3 MB; with `lying`, the archive announces 1,000 bytes for the sheet. */
let millionRows: (lying: boolean) => Promise<Buffer>;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  const row = await database.db.province.findUniqueOrThrow({ where: { id: homeAffairs.provinceId }, select: { code: true, name: true } });
  const district = await database.db.oldDistrict.findFirstOrThrow({ where: { provinceId: homeAffairs.provinceId }, orderBy: { code: 'asc' } });
  province = { ...row, oldDistrict: district.name };
  const cadre = ['CB_BOM', 'Nguyễn Văn An', 'male', '1980-05-20', 'cadre', 'university', '', `${province.code}001`, 'CT_UBND', '', 'active', '2025-07-01'];
  millionRows = async (lying) => replaceSheet(await templateFor(province), 'cadres', identicalRowsSheet(CADRE_HEADER, cadre, 1_000_000), lying ? 1000 : undefined);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-import-limits-'));
});
afterAll(async () => {
  signInAs(null);
  fs.rmSync(dir, { recursive: true, force: true });
  // Not dropped here (as in cli-import.test.ts): the in-process CLI runs leave idle pool connections that
  // DROP … WITH (FORCE) would terminate under them; the global teardown drops every database of the run.
  await database?.db.$disconnect();
  const pool = poolOf(database.db);
  if (!pool.ended) await pool.end();
});

/** Row counts of what an import writes: a refused file leaves every one as it was. */
async function written() {
  const db = database.db;
  return {
    provinces: await db.province.count(), communes: await db.commune.count(), departments: await db.department.count(),
    positions: await db.position.count(), quotas: await db.quota.count(), cadres: await db.cadre.count(), assignments: await db.assignment.count(),
    audit: await auditCount(db),
  };
}

/** Applies (the strongest case), timed, and expects a refusal with one problem for the whole file and nothing written. */
async function refused(source: ImportSource, limits?: ImportOptions['limits']): Promise<{ message: string; seconds: number }> {
  const before = await written();
  const started = performance.now();
  const report: ImportReport = await applyWorkbook(database.db, source, { ...options, limits });
  const seconds = (performance.now() - started) / 1000;
  expect(report).toMatchObject({ ok: false, applied: false, problemCount: 1, counts: {} });
  expect(report.problems[0]).toMatchObject({ sheet: null, row: null, column: null });
  expect(await written()).toEqual(before);
  return { message: report.problems[0].message, seconds };
}

describe('the engine refuses a hostile workbook within seconds and writes nothing', () => {
  test.each([
    ['by the sizes the archive announces', false],
    ['by the bytes counted while inflating, when the announced sizes lie', true],
  ])('a 3 MB XLSX of a million identical rows: %s', async (_label, lying) => {
    const bytes = await millionRows(lying);
    expect(bytes.byteLength).toBeLessThan(4 * 1024 * 1024);
    const { message, seconds } = await refused({ kind: 'bytes', fileName: 'trieu-dong.xlsx', bytes });
    expect(message).toMatch(/^Tệp "trieu-dong\.xlsx" khi giải nén lớn hơn 100 MB, vượt giới hạn của một lần nhập: tệp không được đọc/);
    expect(seconds).toBeLessThan(10);
  });

  test('a ZIP of CSV files that inflates past 100 MB, whatever sizes it announces', async () => {
    const line = `CB1,${'Nguyễn Văn An '.repeat(70)},male\n`;
    for (const declared of [undefined, 5000]) {
      const bytes = zipParts([
        deflatePart('province.csv', [{ text: `code,name\n${province.code},${province.name}\n` }]),
        deflatePart('cadres.csv', [{ text: 'code,full_name,gender\n' }, ...repeated(line, 110_000)], declared),
      ]);
      expect(bytes.byteLength).toBeLessThan(1024 * 1024);
      const { message, seconds } = await refused({ kind: 'bytes', fileName: 'bom.zip', bytes });
      expect(message).toMatch(/^Tệp "bom\.zip" khi giải nén lớn hơn 100 MB/);
      expect(seconds).toBeLessThan(10);
    }
  });

  test('a sheet one row past the limit (200,001 data rows) is refused, naming the sheet', async () => {
    const bytes = replaceSheet(await templateFor(province), 'cadres', identicalRowsSheet(['code'], ['X'], 200_001));
    const { message, seconds } = await refused({ kind: 'bytes', fileName: 'tinh.xlsx', bytes });
    expect(message).toBe(
      'Sheet "cadres" có hơn 200.000 dòng dữ liệu, vượt giới hạn của một lần nhập: tệp không được đọc, không có gì thay đổi. ' +
        'Hãy tách dữ liệu thành nhiều tệp rồi nhập lần lượt.',
    );
    expect(seconds).toBeLessThan(10);
  });

  test('rows whose one cell sits in column XFD count their whole width (exceljs walks every column before it)', async () => {
    const sheet = [
      { text: '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' },
      ...repeated('<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>', 2_000),
      { text: '</sheetData></worksheet>' },
    ];
    const bytes = replaceSheet(await templateFor(province), 'Hướng dẫn', sheet);
    const { message, seconds } = await refused({ kind: 'bytes', fileName: 'rong.xlsx', bytes });
    expect(message).toMatch(/^Tệp "rong\.xlsx" có hơn 4\.000\.000 ô dữ liệu, vượt giới hạn của một lần nhập/);
    expect(seconds).toBeLessThan(10);
  });

  test('a normal workbook still imports; its row limit is a limit, not an off-by-one', async () => {
    const empty = await createTestDatabase('empty');
    try {
      const bytes = await toXlsx(smallProvince()); // its largest sheet, quotas, has 7 data rows
      const refusedReport = await applyWorkbook(empty.db, { kind: 'bytes', fileName: 'tinh.xlsx', bytes }, { ...options, limits: { maxRows: 6 } });
      expect(refusedReport.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Sheet "quotas" có hơn 6 dòng dữ liệu/)]);
      expect(await empty.db.province.count()).toBe(0);
      const applied = await applyWorkbook(empty.db, { kind: 'bytes', fileName: 'tinh.xlsx', bytes }, { ...options, limits: { maxRows: 7 } });
      expect(applied).toMatchObject({ ok: true, applied: true, problems: [] });
      expect(await empty.db.cadre.count()).toBe(6);
      // The environment's defaults: the same workbook is far inside them.
      expect((await checkWorkbook(empty.db, { kind: 'bytes', fileName: 'tinh.xlsx', bytes }, options)).ok).toBe(true);
    } finally {
      await empty.drop();
    }
  });
});

describe('the upload page', () => {
  test('the million rows are refused beside the report in seconds; no staffing data changes', async () => {
    signInAs(homeAffairs);
    const before = await written();
    const started = performance.now();
    const result = await settle(checkWorkbookUpload(null, uploadForm(new Uint8Array(await millionRows(true)), 'trieu-dong.xlsx')));
    expect((performance.now() - started) / 1000).toBeLessThan(10);
    const id = (result as { redirectedTo: string }).redirectedTo.slice('/import/'.length);
    const upload = await findImport(database.db, homeAffairs.provinceId, id);
    expect(upload!.report).toMatchObject({ ok: false, problemCount: 1, counts: {} });
    expect(upload!.report!.problems[0].message).toMatch(/khi giải nén lớn hơn 100 MB, vượt giới hạn của một lần nhập/);
    // Only the upload's own audit row (import.check) is added.
    expect(await written()).toEqual({ ...before, audit: before.audit + 1 });
  });
});

describe('npm run data -- import', () => {
  beforeAll(async () => {
    fs.writeFileSync(path.join(dir, 'trieu-dong.xlsx'), await millionRows(true));
    fs.writeFileSync(path.join(dir, 'tinh.xlsx'), await toXlsx(smallProvince()));
  });

  test('the same limits: the million rows are refused, exit 1, nothing written', async () => {
    const before = await written();
    const r = await runDataCommand(database.url, ['import', 'trieu-dong.xlsx'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^tệp: Tệp "trieu-dong\.xlsx" khi giải nén lớn hơn 100 MB, vượt giới hạn của một lần nhập/m);
    expect(r.err).toMatch(/1 lỗi: không thay đổi gì/);
    expect(await written()).toEqual(before);
  });

  test('--max-rows, --max-cells and --max-inflated-mb override the limits for one run', async () => {
    const tooFew = await runDataCommand(database.url, ['import', 'tinh.xlsx', '--dry-run', '--max-rows', '6'], dir);
    expect(tooFew.code).toBe(1);
    expect(tooFew.err).toMatch(/^tệp: Sheet "quotas" có hơn 6 dòng dữ liệu/m);
    expect((await runDataCommand(database.url, ['import', 'tinh.xlsx', '--dry-run', '--max-rows=7'], dir)).code).toBe(0);
    // 166 cells (and 84 shared strings) in all.
    expect((await runDataCommand(database.url, ['import', 'tinh.xlsx', '--dry-run', '--max-cells', '100'], dir)).err).toMatch(/Tệp "tinh\.xlsx" có hơn 100 ô dữ liệu/);
    expect((await runDataCommand(database.url, ['import', 'tinh.xlsx', '--dry-run', '--max-cells', '1000'], dir)).code).toBe(0);
    const raised = await runDataCommand(database.url, ['import', 'trieu-dong.xlsx', '--dry-run', '--max-inflated-mb', '1000', '--max-rows', '1000'], dir);
    expect(raised.code).toBe(1);
    expect(raised.err).toMatch(/Sheet "cadres" có hơn 1\.000 dòng dữ liệu/);
  });

  test.each([
    ['a word', ['--max-rows', 'nhiều'], /Tuỳ chọn --max-rows cần một số nguyên dương \(ví dụ --max-rows 300000\), không phải "nhiều"/],
    ['zero', ['--max-cells', '0'], /Tuỳ chọn --max-cells cần một số nguyên dương/],
    ['a negative number', ['--max-inflated-mb', '-5'], /Tuỳ chọn --max-inflated-mb cần một số nguyên dương/],
    ['a fraction', ['--max-rows=1.5'], /Tuỳ chọn --max-rows cần một số nguyên dương/],
    ['no value', ['--max-rows'], /Tuỳ chọn --max-rows cần một giá trị/],
  ])('a bad limit (%s) is refused with exit 1 before the file is read', async (_label, flags, message) => {
    const r = await runDataCommand(database.url, ['import', 'khong-co.xlsx', ...flags], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/Không tìm thấy/);
  });
});
