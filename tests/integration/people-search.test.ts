import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchPeople, searchScopeOf, searchStatement, type SearchScope } from '@/lib/db/people-search-queries';
import { parseSearchQuery } from '@/lib/domain/people-search';
import { sessionUserFor } from '../support/session-mock';
import { seededDatabaseOn } from '../support/database';

// The search across the province (docs/decisions/039-completeness-search-personal-history.md) on the seeded demo:
// names without diacritics, codes and personal IDs from their start, each role within its scope, and the indexes the
// statement is written for (checked with EXPLAIN, sequential scans off: the expressions must match the indexes').

const TODAY = '2025-11-10';
const database = seededDatabaseOn(TODAY);
let client: pg.Client;
type Person = { id: number; code: string; full_name: string; national_id: string; commune: string | null; department: string | null };
let ngaMy: Person;
let hoaQuan: Person;
let snv: Person;

const find = async (scope: SearchScope, text: string, mayUseNationalId = true) => {
  const query = parseSearchQuery(text, { mayUseNationalId });
  if (!query) throw new Error(`not a query: ${text}`);
  return (await searchPeople(database.current.db, scope, query, TODAY)).results;
};
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

beforeAll(async () => {
  // Statistics as a running database has them (a copied template has none), so the planner weighs the indexes.
  const owner = new pg.Client({ connectionString: database.current.ownerUrl });
  await owner.connect();
  await owner.query('ANALYZE cadre; ANALYZE assignment');
  await owner.end();
  client = new pg.Client({ connectionString: database.current.url });
  await client.connect();
  const pick = async (where: string) =>
    (await client.query<Person>(
      `SELECT c.id, c.code, c.full_name, c.national_id, cm.name AS commune, d.code AS department
         FROM cadre c JOIN assignment a ON a.cadre_id = c.id AND a.is_primary AND a.end_date IS NULL
         LEFT JOIN commune cm ON cm.id = a.commune_id LEFT JOIN department d ON d.id = a.department_id
        WHERE c.status = 'active' AND c.national_id IS NOT NULL AND c.full_name ~ '[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]' AND ${where}
        ORDER BY c.code LIMIT 1`,
    )).rows[0];
  ngaMy = await pick(`cm.name = 'Nga My'`);
  hoaQuan = await pick(`cm.name = 'Hoa Quân'`);
  snv = await pick(`d.code = 'SNV'`);
});
afterAll(async () => {
  await client.end();
});

describe('finding people', () => {
  test('a name typed without diacritics, in lower case, finds the person; the exact name comes first', async () => {
    const province = { provinceId: (await sessionUserFor(database.current.db, 'noivu')).provinceId };
    const results = await find(province, fold(ngaMy.full_name));
    const found = results.find((r) => r.code === ngaMy.code);
    expect(found).toMatchObject({ fullName: ngaMy.full_name, isActive: true, unit: { kind: 'commune', name: 'Nga My' } });
    expect(found!.position).not.toBeNull();
    // Namesakes (folded) first, then the names that only contain the words.
    const exact = results.map((r) => fold(r.fullName) === fold(ngaMy.full_name));
    expect(exact).toEqual([...exact].sort((a, b) => Number(b) - Number(a)));
    // Words in any order, each matched inside the name.
    const words = fold(ngaMy.full_name).split(' ');
    expect((await find(province, [...words].reverse().join(' '))).map((r) => r.code)).toContain(ngaMy.code);
  });

  test('a code from its start, in any case; a personal ID from its start only for those who see personal data', async () => {
    const province = { provinceId: (await sessionUserFor(database.current.db, 'noivu')).provinceId };
    expect((await find(province, ngaMy.code.toLowerCase())).map((r) => r.code)).toEqual([ngaMy.code]);
    expect((await find(province, ngaMy.national_id)).map((r) => r.code)).toEqual([ngaMy.code]);
    expect((await find(province, ngaMy.national_id.slice(0, 9))).map((r) => r.code)).toContain(ngaMy.code);
    expect(await find(province, ngaMy.national_id, false)).toEqual([]);
    expect(parseSearchQuery(ngaMy.national_id, { mayUseNationalId: false })!.nationalIdPrefix).toBeNull();
  });

  test.each([
    ['the chairman of Nga My', 'xa.ngamy', { ngaMy: true, hoaQuan: false, snv: false }],
    ['the chairman of Hoa Quân', 'xa.hoaquan', { ngaMy: false, hoaQuan: true, snv: false }],
    ['a Home Affairs department officer', 'so.noivu', { ngaMy: false, hoaQuan: false, snv: true }],
    ['the Organizing Committee', 'bantochuc', { ngaMy: true, hoaQuan: true, snv: true }],
    ['the Standing Committee', 'thuongtruc', { ngaMy: true, hoaQuan: true, snv: true }],
  ])('%s finds only the people of his scope', async (_label, username, expected) => {
    const scope = searchScopeOf(await sessionUserFor(database.current.db, username));
    for (const [key, person] of Object.entries({ ngaMy, hoaQuan, snv })) {
      const byName = (await find(scope, fold(person.full_name))).some((r) => r.code === person.code);
      const byCode = (await find(scope, person.code)).some((r) => r.code === person.code);
      expect([key, byName, byCode]).toEqual([key, expected[key as keyof typeof expected], expected[key as keyof typeof expected]]);
    }
  });

  test('a person who left is found, marked so, in the unit he left', async () => {
    const left = (await client.query<{ code: string; full_name: string }>(
      `SELECT c.code, c.full_name FROM cadre c WHERE c.status = 'left' AND EXISTS (SELECT 1 FROM assignment a WHERE a.cadre_id = c.id AND a.is_primary) ORDER BY c.code LIMIT 1`,
    )).rows[0];
    expect(left).toBeDefined();
    const [found] = await find({ provinceId: (await sessionUserFor(database.current.db, 'noivu')).provinceId }, left.code);
    expect(found).toMatchObject({ code: left.code, isActive: false });
    expect(found.unit).not.toBeNull();
  });
});

describe('the indexes the statement is written for', () => {
  const plan = async (text: string) => {
    const query = parseSearchQuery(text, { mayUseNationalId: true })!;
    const { sql, values } = searchStatement({ provinceId: 1 }, query, TODAY);
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL enable_seqscan = off');
      return JSON.stringify((await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, values)).rows[0]);
    } finally {
      await client.query('ROLLBACK');
    }
  };
  test.each([
    ['a name', 'nguyen van', 'cadre_name_search_idx'],
    ['a code', 'CB0077', 'cadre_code_search_idx'],
    ['a personal ID', '040080', 'cadre_national_id_idx'],
  ])('%s: %s uses %s', async (_label, text, index) => {
    expect(await plan(text)).toContain(`"Index Name":"${index}"`);
  });
});
