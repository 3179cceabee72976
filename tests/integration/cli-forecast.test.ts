import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FORECAST_COLUMNS } from '@/lib/exports/forecast';
import { runDataCommand } from '../support/cli';
import { seededDatabaseOn } from '../support/database';
import { seededProvince } from '../support/factories';

// `npm run data -- forecast` on the generated province (the demo Nghệ An) with scheduled changes of every kind added
// (a departure after and one before a retirement date, a future recruitment, a post change across blocks, an
// approved transfer, someone past retirement, a later confirmed quota year and a draft one), against an independent
// computation from the rows: each person's post at the end of each year read from his assignments and departure,
// minus those whose retirement date (from the Decree's appendix, written here as its rows) falls between the start
// and that day. Nothing of lib/domain/forecast.ts or lib/domain/retirement.ts is used here.

const TODAY = '2025-11-10';
const database = seededDatabaseOn(TODAY);
let dir: string;
const parseCsv = (text: string) => text.trimEnd().split('\n').map((line) => line.split(','));
const sql = (text: string, ...values: unknown[]) => database.current.db.$executeRawUnsafe(text, ...values);
const query = <T,>(text: string, ...values: unknown[]) => database.current.db.$queryRawUnsafe<T[]>(text, ...values);

/** Decree 135/2020 Appendix I as rows: [first birth month, last birth month, age in months], months as yyyy*12+m-1. */
const m = (month: number, year: number) => year * 12 + month - 1;
const MEN: [number, number, number][] = [
  [m(1, 1961), m(9, 1961), 723], [m(10, 1961), m(6, 1962), 726], [m(7, 1962), m(3, 1963), 729], [m(4, 1963), m(12, 1963), 732],
  [m(1, 1964), m(9, 1964), 735], [m(10, 1964), m(6, 1965), 738], [m(7, 1965), m(3, 1966), 741],
];
const WOMEN: [number, number, number][] = [
  [m(1, 1966), m(8, 1966), 664], [m(9, 1966), m(4, 1967), 668], [m(5, 1967), m(12, 1967), 672], [m(1, 1968), m(8, 1968), 676],
  [m(9, 1968), m(4, 1969), 680], [m(5, 1969), m(12, 1969), 684], [m(1, 1970), m(8, 1970), 688], [m(9, 1970), m(4, 1971), 692],
  [m(5, 1971), m(12, 1971), 696], [m(1, 1972), m(8, 1972), 700], [m(9, 1972), m(4, 1973), 704], [m(5, 1973), m(12, 1973), 708],
  [m(1, 1974), m(8, 1974), 712], [m(9, 1974), m(4, 1975), 716],
];
function expectedRetirement(birth: Date, gender: string): string {
  const born = birth.getUTCFullYear() * 12 + birth.getUTCMonth();
  const rows = gender === 'male' ? MEN : WOMEN;
  const [before, after] = gender === 'male' ? [720, 744] : [660, 720];
  const row = rows.find(([first, last]) => born >= first && born <= last);
  const age = row ? row[2] : born < rows[0][0] ? before : after;
  const month = born + age;
  const end = new Date(Date.UTC(Math.floor(month / 12), (month % 12) + 1, 0));
  return end.toISOString().slice(0, 10);
}

type Post = { cadre_id: number; commune_id: number; block: string; start_date: Date; end_date: Date | null; employment_type: string };
type Person = { id: number; birth_date: Date; gender: string; left_on: Date | null };
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The rows the file must hold, computed from the tables. */
async function expectedRows(from: string, years: number): Promise<string[][]> {
  const province = await seededProvince(database.current.db);
  const communes = await query<{ id: number; code: string }>(`SELECT id, code FROM commune WHERE province_id = $1`, province.id);
  const posts = await query<Post>(
    `SELECT a.cadre_id, a.commune_id, p.block::text AS block, a.start_date, a.end_date, COALESCE(a.employment_type, c.employment_type)::text AS employment_type
       FROM assignment a JOIN position p ON p.id = a.position_id JOIN cadre c ON c.id = a.cadre_id JOIN commune cm ON cm.id = a.commune_id
      WHERE cm.province_id = $1 AND a.is_primary AND p.block IS NOT NULL`, province.id);
  const people = new Map((await query<Person>(`SELECT id, birth_date, gender::text AS gender, left_on FROM cadre WHERE province_id = $1`, province.id)).map((p) => [p.id, p]));
  const quotas = await query<{ commune_id: number; year: number; block: string; quota: number }>(
    `SELECT q.commune_id, q.year, q.block::text AS block, q.quota FROM quota q JOIN quota_year qy ON qy.year = q.year AND qy.province_id = $1 AND qy.status = 'confirmed'`, province.id);
  /** The (commune, block) someone counts in on `day`, or null. */
  const postAt = (cadreId: number, day: string) => {
    const person = people.get(cadreId)!;
    if (person.left_on && iso(person.left_on)! <= day) return null;
    const post = posts.find((p) => p.cadre_id === cadreId && iso(p.start_date)! <= day && (p.end_date === null || iso(p.end_date)! >= day)
      && (p.employment_type === 'cadre' || p.employment_type === 'civil_servant'));
    return post ? `${post.commune_id}:${post.block}` : null;
  };
  const first = Number(from.slice(0, 4));
  const everyone = [...new Set(posts.map((p) => p.cadre_id))];
  const rows: string[][] = [];
  const headcount = new Map<string, number>();
  const retired = new Map<string, number>();
  for (let year = first; year < first + years; year++) {
    const end = `${year}-12-31`;
    for (const id of everyone) {
      const person = people.get(id)!;
      const retiresOn = expectedRetirement(person.birth_date, person.gender);
      const retiredBy = retiresOn >= from && retiresOn <= end && (person.left_on === null || iso(person.left_on)! > retiresOn);
      const where = postAt(id, end);
      if (where && !retiredBy) headcount.set(`${where}:${year}`, (headcount.get(`${where}:${year}`) ?? 0) + 1);
      if (retiredBy && retiresOn.startsWith(String(year))) {
        const at = postAt(id, retiresOn);
        if (at) retired.set(`${at}:${year}`, (retired.get(`${at}:${year}`) ?? 0) + 1);
      }
    }
  }
  for (const commune of [...communes].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    for (const block of ['party_front', 'government']) {
      for (let year = first; year < first + years; year++) {
        const years = quotas.filter((q) => q.commune_id === commune.id && q.year <= year).map((q) => q.year);
        const quotaYear = years.length ? Math.max(...years) : null;
        const quota = quotas.find((q) => q.commune_id === commune.id && q.year === quotaYear && q.block === block)?.quota ?? 0;
        const count = headcount.get(`${commune.id}:${block}:${year}`) ?? 0;
        rows.push([commune.code, block, String(year), String(quota), String(count), String(retired.get(`${commune.id}:${block}:${year}`) ?? 0), String(count - quota)]);
      }
    }
  }
  return rows;
}

let ids: Record<string, number> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-forecast-'));
  const province = await seededProvince(database.current.db);
  // Two communes and, in each, counted people in each block on a post that is not key (no holder limit).
  const pick = await query<{ cadre_id: number; commune_id: number; block: string; assignment_id: number; position_id: number; code: string }>(
    `SELECT a.cadre_id, a.commune_id, p.block::text AS block, a.id AS assignment_id, a.position_id, cm.code
       FROM assignment a JOIN position p ON p.id = a.position_id JOIN cadre c ON c.id = a.cadre_id JOIN commune cm ON cm.id = a.commune_id
      WHERE cm.province_id = $1 AND a.is_primary AND a.end_date IS NULL AND NOT p.is_key AND p.block IS NOT NULL AND c.status = 'active'
        AND c.employment_type IN ('cadre', 'civil_servant') AND c.birth_date > '1980-01-01' AND cm.code IN (SELECT code FROM commune WHERE province_id = $1 ORDER BY code COLLATE "C" LIMIT 2)
      ORDER BY cm.code COLLATE "C", p.block, c.code LIMIT 200`, province.id);
  const [a, b] = [...new Set(pick.map((r) => r.commune_id))];
  // The forecast before the changes below: people born after 1980 retire after the horizon, so every difference
  // from it is one of these changes.
  expect((await runDataCommand(database.current.url, ['forecast', 'baseline.csv', '--from', '10/11/2025', '--years', '4'], dir)).code).toBe(0);
  const take = (commune: number, block: string) => {
    const i = pick.findIndex((r) => r.commune_id === commune && r.block === block);
    return pick.splice(i, 1)[0];
  };
  const p1 = take(a, 'government'), p2 = take(a, 'party_front'), p4 = take(b, 'party_front'), p5 = take(a, 'government'), p6 = take(a, 'government');
  const govPost = take(b, 'government');
  ids = { a, b, p1: p1.cadre_id, p2: p2.cadre_id, p4: p4.cadre_id, p5: p5.cadre_id, p6: p6.cadre_id };
  const depart = async (cadreId: number, on: string) => {
    await sql(`UPDATE cadre SET status = 'left', left_on = $2::date, left_reason = 'resignation' WHERE id = $1`, cadreId, on);
    await sql(`UPDATE assignment SET end_date = $2::date WHERE cadre_id = $1 AND end_date IS NULL`, cadreId, on);
  };
  // P1 retires 30/09/2026 (born 03/1965: 61y6m), leaves on 01/10/2026: the retirement is his first exit.
  await sql(`UPDATE cadre SET birth_date = '1965-03-10', gender = 'male' WHERE id = $1`, p1.cadre_id);
  await depart(p1.cadre_id, '2026-10-01');
  // P2 would retire 31/05/2028 (62), leaves on 01/06/2026: the departure only.
  await sql(`UPDATE cadre SET birth_date = '1966-05-20', gender = 'male' WHERE id = $1`, p2.cadre_id);
  await depart(p2.cadre_id, '2026-06-01');
  // P3, recruited in commune B from 01/02/2026, retires 31/05/2027 (born 08/1965: 61y9m).
  const [p3] = await query<{ id: number }>(
    `INSERT INTO cadre (province_id, code, full_name, gender, birth_date, education, employment_type)
     VALUES ($1, 'FC000003', 'Trần Văn Ba', 'male', '1965-08-15', 'university', 'civil_servant') RETURNING id`, province.id);
  await sql(`INSERT INTO assignment (cadre_id, commune_id, position_id, is_primary, start_date) VALUES ($1, $2, $3, true, '2026-02-01')`, p3.id, b, govPost.position_id);
  ids.p3 = p3.id;
  // P4 moves from the Party block to government on 01/04/2026 and retires there on 30/09/2028 (born 09/1966: 62).
  await sql(`UPDATE cadre SET birth_date = '1966-09-10', gender = 'male' WHERE id = $1`, p4.cadre_id);
  await sql(`UPDATE assignment SET end_date = '2026-03-31' WHERE id = $1`, p4.assignment_id);
  await sql(`INSERT INTO assignment (cadre_id, commune_id, position_id, is_primary, start_date) VALUES ($1, $2, $3, true, '2026-04-01')`, p4.cadre_id, b, govPost.position_id);
  // P5 is transferred from A to B on 05/01/2026 (approved) and retires there on 31/05/2026 (born 11/1964: 61y6m).
  await sql(`UPDATE cadre SET birth_date = '1964-11-05', gender = 'male' WHERE id = $1`, p5.cadre_id);
  await sql(`UPDATE assignment SET end_date = '2026-01-04' WHERE id = $1`, p5.assignment_id);
  const [moved] = await query<{ id: number }>(
    `INSERT INTO assignment (cadre_id, commune_id, position_id, is_primary, start_date) VALUES ($1, $2, $3, true, '2026-01-05') RETURNING id`, p5.cadre_id, b, govPost.position_id);
  const [user] = await query<{ id: number }>(`SELECT id FROM app_user ORDER BY id LIMIT 1`);
  await sql(
    `INSERT INTO transfer (province_id, cadre_id, from_commune_id, to_commune_id, from_assignment_id, position_id, block, cross_district, effective_date, reason,
                           state, new_assignment_id, proposed_by_id, decision_number, decision_date, proposed_on, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'government', false, '2026-01-05', 'Điều động theo nhu cầu', 'approved', $7, $8, '1/QĐ-UBND', '2025-11-10', '2025-11-10', now())`,
    province.id, p5.cadre_id, a, b, p5.assignment_id, govPost.position_id, moved.id, user.id);
  // P6 is past his retirement date already (born 01/1960): counted, listed on stderr.
  await sql(`UPDATE cadre SET birth_date = '1960-01-01', gender = 'male' WHERE id = $1`, p6.cadre_id);
  // A confirmed 2027 quota for commune A only; a draft 2028 year never counts.
  await sql(`INSERT INTO quota (commune_id, block, year, quota, updated_at) VALUES ($1, 'party_front', 2027, 3, now()), ($1, 'government', 2027, 50, now())`, a);
  await sql(`INSERT INTO quota_year (province_id, year, status) VALUES ($1, 2028, 'draft')`, province.id);
  await sql(`INSERT INTO quota (commune_id, block, year, quota, updated_at) VALUES ($1, 'party_front', 2028, 99, now())`, a);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run data -- forecast', () => {
  test('CSV: the contract columns and rows, equal to the independent computation (default: today, 5 years)', async () => {
    const r = await runDataCommand(database.current.url, ['forecast', 'forecast.csv'], dir);
    expect(r.err).toContain('đã quá ngày nghỉ hưu');
    expect(r.code).toBe(0);
    const [header, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'forecast.csv'), 'utf8'));
    expect(header).toEqual([...FORECAST_COLUMNS]);
    expect(rows).toHaveLength(130 * 2 * 5);
    expect(rows).toEqual(await expectedRows(TODAY, 5));
  });

  test('the hand-placed changes show where they should', async () => {
    const r = await runDataCommand(database.current.url, ['forecast', 'f.csv', '--from', '10/11/2025', '--years', '4'], dir);
    expect(r.code).toBe(0);
    const rows = parseCsv(fs.readFileSync(path.join(dir, 'f.csv'), 'utf8')).slice(1);
    const baseline = parseCsv(fs.readFileSync(path.join(dir, 'baseline.csv'), 'utf8')).slice(1);
    const [codeA] = (await query<{ code: string }>(`SELECT code FROM commune WHERE id = $1`, ids.a)).map((c) => c.code);
    const [codeB] = (await query<{ code: string }>(`SELECT code FROM commune WHERE id = $1`, ids.b)).map((c) => c.code);
    const find = (table: string[][], code: string, block: string, year: number) => table.find((row) => row[0] === code && row[1] === block && row[2] === String(year))!;
    /** The change of one row against the forecast before the changes: [quota, headcount, retirements]. */
    const delta = (code: string, block: string, year: number) => [3, 4, 5].map((i) => Number(find(rows, code, block, year)[i]) - Number(find(baseline, code, block, year)[i]));
    // Commune B, government: P3, P4 and P5 come in during 2026 and P5 retires there (31/05/2026); P3 retires in 2027,
    // P4 in 2028. Its Party block loses P4 in 2026.
    expect([2025, 2026, 2027, 2028].map((y) => delta(codeB, 'government', y))).toEqual([[0, 0, 0], [0, 2, 1], [0, 1, 1], [0, 0, 1]]);
    expect([2025, 2026, 2027, 2028].map((y) => delta(codeB, 'party_front', y))).toEqual([[0, 0, 0], [0, -1, 0], [0, -1, 0], [0, -1, 0]]);
    // Commune A, government: P1 retires (30/09/2026; his departure the day after is not subtracted again) and P5 is
    // transferred out; P6, past retirement, stays. Party block: P2 leaves before his retirement date, which then
    // never counts. The 2027 quota of A (3 and 50) counts from 2027; the draft 2028 year never does.
    const quotaA = Number(find(baseline, codeA, 'government', 2026)[3]);
    const quotaPfA = Number(find(baseline, codeA, 'party_front', 2026)[3]);
    expect([2025, 2026, 2027, 2028].map((y) => delta(codeA, 'government', y))).toEqual([[0, 0, 0], [0, -2, 1], [50 - quotaA, -2, 0], [50 - quotaA, -2, 0]]);
    expect([2025, 2026, 2027, 2028].map((y) => delta(codeA, 'party_front', y))).toEqual([[0, 0, 0], [0, -1, 0], [3 - quotaPfA, -1, 0], [3 - quotaPfA, -1, 0]]);
    expect(r.err).toContain('nghỉ hưu từ 31/01/2020');
    expect(rows).toEqual(await expectedRows('2025-11-10', 4));
  });

  test('--from later: changes on or before it are in the headcount, retirements before it are not counted again', async () => {
    const r = await runDataCommand(database.current.url, ['forecast', 'later.csv', '--from', '01/06/2026', '--years', '3'], dir);
    expect(r.code).toBe(0);
    const rows = parseCsv(fs.readFileSync(path.join(dir, 'later.csv'), 'utf8')).slice(1);
    expect(rows).toEqual(await expectedRows('2026-06-01', 3));
  });

  test('XLSX: one sheet, the same header, typed cells', async () => {
    const r = await runDataCommand(database.current.url, ['forecast', 'forecast.xlsx', '--years', '1'], dir);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'forecast.xlsx'));
    expect(wb.worksheets).toHaveLength(1);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...FORECAST_COLUMNS]);
    expect(sheet.rowCount).toBe(1 + 130 * 2);
    expect(typeof sheet.getRow(2).getCell(4).value).toBe('number');
  });

  test.each([
    ['zero years', ['forecast', 'a.csv', '--years', '0'], /Số năm không hợp lệ/],
    ['21 years', ['forecast', 'a.csv', '--years', '21'], /Số năm không hợp lệ/],
    ['a malformed date', ['forecast', 'a.csv', '--from', '2026-01-01'], /Ngày không hợp lệ/],
    ['a date before the reform', ['forecast', 'a.csv', '--from', '30/06/2025'], /trước khi chính quyền hai cấp/],
    ['an unknown province', ['forecast', 'a.csv', '--province', 'ZZ'], /Không có tỉnh mã "ZZ"/],
    ['an unsupported extension', ['forecast', 'a.txt'], /Định dạng tệp không hỗ trợ/],
    ['a missing path', ['forecast'], /Thiếu đường dẫn tệp/],
    ['an unknown option', ['forecast', 'a.csv', '--year', '2026'], /Tuỳ chọn không hợp lệ: --year/],
  ])('refuses %s with a message, exit 1 and no file', async (_label, argv, message) => {
    const r = await runDataCommand(database.current.url, argv, dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(fs.existsSync(path.join(dir, 'a.csv'))).toBe(false);
  });
});
