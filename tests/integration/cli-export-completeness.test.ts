import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMPLETENESS_COLUMNS } from '@/lib/exports/completeness';
import { STATUS_COLUMNS } from '@/lib/exports/status';
import { listIncompleteRecords } from '@/lib/db/completeness-queries';
import { runDataCommand } from '../support/cli';
import { seededDatabaseOn } from '../support/database';

// `export completeness` on the generated demo province, some records made incomplete in several ways, against a
// computation written here from the rows themselves (not the export's SQL).
const TODAY = '2025-11-10';
const database = seededDatabaseOn(TODAY);
let dir: string;

const parseCsv = (text: string) => text.trimEnd().split('\n').map((line) => line.split(','));

type Person = {
  id: number; employment_type: string; status: string; left_on: string | null;
  national_id: string | null; ethnicity: string | null; rank_code: string | null; salary_coefficient: string | null;
};
type Post = {
  cadre_id: number; commune_id: number | null; is_primary: boolean; start_date: string; end_date: string | null; block: string | null;
  /** The type the post was held under, when the post records one (else the person's). */
  employment_type: string | null;
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-completeness-'));
  const client = new pg.Client({ connectionString: database.current.ownerUrl });
  await client.connect();
  // Deterministic variety: a rank and a coefficient for most people, then holes of each kind, blanks among them.
  await client.query(`UPDATE cadre SET rank_code = '01.003', salary_step = 3, salary_coefficient = 3.00 WHERE id % 5 <> 0`);
  await client.query(`UPDATE cadre SET salary_coefficient = NULL WHERE id % 7 = 0`);
  await client.query(`UPDATE cadre SET rank_code = NULL WHERE id % 11 = 0`);
  await client.query(`UPDATE cadre SET national_id = NULL WHERE id % 13 = 0`);
  await client.query(`UPDATE cadre SET national_id = '' WHERE id % 29 = 0`);
  await client.query(`UPDATE cadre SET ethnicity = NULL WHERE id % 17 = 0`);
  await client.query(`UPDATE cadre SET ethnicity = '  ' WHERE id % 31 = 0`);
  await client.end();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Domain rule 1 written out: counted people by commune of their open primary post of a block, and their fields. */
async function expectedRows(): Promise<Map<string, number[]>> {
  const client = new pg.Client({ connectionString: database.current.url });
  await client.connect();
  const people = (await client.query<Person>(
    `SELECT id, employment_type::text, status::text, to_char(left_on, 'YYYY-MM-DD') AS left_on, national_id, ethnicity, rank_code,
            salary_coefficient::text AS salary_coefficient FROM cadre`,
  )).rows;
  const posts = (await client.query<Post>(
    `SELECT a.cadre_id, a.commune_id, a.is_primary, to_char(a.start_date, 'YYYY-MM-DD') AS start_date, a.employment_type::text AS employment_type,
            to_char(a.end_date, 'YYYY-MM-DD') AS end_date, p.block::text AS block
       FROM assignment a JOIN position p ON p.id = a.position_id`,
  )).rows;
  const communes = (await client.query<{ id: number; code: string; name: string }>('SELECT id, code, name FROM commune')).rows;
  await client.end();
  const byId = new Map(people.map((p) => [p.id, p]));
  const blank = (v: string | null) => v === null || v.trim() === '';
  const result = new Map<string, number[]>(communes.map((c) => [c.code, [0, 0, 0, 0, 0, 0]]));
  const codeOf = new Map(communes.map((c) => [c.id, c.code]));
  const seen = new Set<number>();
  for (const post of posts) {
    const person = byId.get(post.cadre_id)!;
    const employment = post.employment_type ?? person.employment_type;
    const counted = (employment === 'cadre' || employment === 'civil_servant')
      && (person.status === 'active' || (person.left_on !== null && person.left_on > TODAY));
    const open = post.start_date <= TODAY && (post.end_date === null || post.end_date >= TODAY);
    if (!counted || !open || !post.is_primary || post.commune_id === null || post.block === null || seen.has(person.id)) continue;
    seen.add(person.id);
    const missing = [blank(person.national_id), blank(person.ethnicity), blank(person.rank_code), person.salary_coefficient === null];
    const row = result.get(codeOf.get(post.commune_id)!)!;
    row[0] += 1;
    if (!missing.some(Boolean)) row[1] += 1;
    missing.forEach((m, i) => (row[2 + i] += m ? 1 : 0));
  }
  return result;
}

describe('npm run data -- export completeness', () => {
  test('CSV: the contract columns, one row per commune sorted by code, the figures computed from the rows', async () => {
    const r = await runDataCommand(database.current.url, ['export', 'completeness', 'completeness.csv'], dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Đã ghi 130 đơn vị của Nghệ An/);
    const [header, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'completeness.csv'), 'utf8'));
    expect(header).toEqual([...COMPLETENESS_COLUMNS]);
    expect(rows).toHaveLength(130);
    const codes = rows.map((row) => row[0]);
    expect(codes).toEqual([...codes].sort());
    const expected = await expectedRows();
    expect(new Map(rows.map((row) => [row[0], row.slice(2).map(Number)]))).toEqual(expected);
    // Every kind of hole occurs, and some records are complete.
    const sum = (i: number) => rows.reduce((s, row) => s + Number(row[i]), 0);
    expect([sum(3), sum(4), sum(5), sum(6), sum(7)].every((n) => n > 0)).toBe(true);
    expect(sum(2)).toBe(8635);
  });

  test('people is the headcount of export status', async () => {
    expect((await runDataCommand(database.current.url, ['export', 'status', 'status.csv'], dir)).code).toBe(0);
    const [, ...status] = parseCsv(fs.readFileSync(path.join(dir, 'status.csv'), 'utf8'));
    const [, ...completeness] = parseCsv(fs.readFileSync(path.join(dir, 'completeness.csv'), 'utf8'));
    const headcount = STATUS_COLUMNS.indexOf('headcount_total');
    expect(completeness.map((row) => [row[0], row[2]])).toEqual(status.map((row) => [row[0], row[headcount]]));
  });

  test('XLSX: one sheet with the same header and typed cells', async () => {
    const r = await runDataCommand(database.current.url, ['export', 'completeness', 'completeness.xlsx', '--province', 'NA'], dir);
    expect(r.code, r.err).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'completeness.xlsx'));
    expect(wb.worksheets).toHaveLength(1);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...COMPLETENESS_COLUMNS]);
    expect(sheet.rowCount).toBe(131);
    expect(typeof sheet.getRow(2).getCell(3).value).toBe('number');
  });

  test("a commune's incomplete records: exactly the counted people with a hole, each hole named", async () => {
    const client = new pg.Client({ connectionString: database.current.url });
    await client.connect();
    const { rows } = await client.query<{ id: number }>(`SELECT id FROM commune WHERE name = 'Nga My'`);
    await client.end();
    const records = await listIncompleteRecords(database.current.db, rows[0].id, TODAY);
    const [, ...csv] = parseCsv(fs.readFileSync(path.join(dir, 'completeness.csv'), 'utf8'));
    const ngaMy = csv.find((row) => row[1] === 'Nga My')!;
    expect(records).toHaveLength(Number(ngaMy[2]) - Number(ngaMy[3]));
    expect(records.filter((r) => r.missing.includes('salary'))).toHaveLength(Number(ngaMy[7]));
    expect(records.every((r) => r.missing.length > 0)).toBe(true);
  });

  test.each([
    ['an unknown province', ['export', 'completeness', 'a.csv', '--province', 'ZZ'], /Không có tỉnh mã "ZZ"/],
    ['an unsupported extension', ['export', 'completeness', 'e.pdf'], /Định dạng tệp không hỗ trợ/],
    ['a missing path', ['export', 'completeness'], /Thiếu đường dẫn tệp/],
    ['an unknown option', ['export', 'completeness', 'f.csv', '--year', '2025'], /Tuỳ chọn không hợp lệ: --year/],
  ])('refuses %s with a message, exit 1 and no file', async (_label, argv, message) => {
    const before = fs.readdirSync(dir).sort();
    const r = await runDataCommand(database.current.url, argv, dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });
});
