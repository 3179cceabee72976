import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/database';

// Objects that live only in hand-written migrations (Prisma would not recreate them): they must exist,
// and the database itself must refuse what they forbid.
let database: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  database = await createTestDatabase('seeded');
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await database.drop();
});

const one = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows[0];

describe('hand-written database objects exist', () => {
  test.each([
    ['assignment_one_open_primary', `SELECT 1 FROM pg_indexes WHERE indexname = $1`],
    ['commune_name_search_idx', `SELECT 1 FROM pg_indexes WHERE indexname = $1`],
    ['cadre_name_search_idx', `SELECT 1 FROM pg_indexes WHERE indexname = $1`],
    ['assignment_primary_no_overlap', `SELECT 1 FROM pg_constraint WHERE conname = $1`],
    ['assignment_one_unit', `SELECT 1 FROM pg_constraint WHERE conname = $1`],
    ['quota_non_negative', `SELECT 1 FROM pg_constraint WHERE conname = $1`],
    ['cadre_left_consistent', `SELECT 1 FROM pg_constraint WHERE conname = $1`],
    ['commune_code_unique_across_units', `SELECT 1 FROM pg_trigger WHERE tgname = $1`],
    ['f_unaccent', `SELECT 1 FROM pg_proc WHERE proname = $1`],
  ])('%s', async (name, sql) => {
    expect((await client.query(sql, [name])).rowCount).toBe(1);
  });
});

describe('constraints refuse bad data', () => {
  test('a negative quota', async () => {
    const q = await one(`SELECT id FROM quota LIMIT 1`);
    await expect(client.query(`UPDATE quota SET quota = -1 WHERE id = $1`, [q.id])).rejects.toThrow(/quota_non_negative/);
  });
  test('a second open primary assignment for one cadre', async () => {
    const a = await one(`SELECT cadre_id, commune_id, position_id FROM assignment WHERE is_primary AND end_date IS NULL AND commune_id IS NOT NULL LIMIT 1`);
    await expect(
      client.query(`INSERT INTO assignment (cadre_id, commune_id, position_id, is_primary, start_date) VALUES ($1, $2, $3, true, '2025-10-01')`, [
        a.cadre_id, a.commune_id, a.position_id,
      ]),
    ).rejects.toThrow(/assignment_one_open_primary|assignment_primary_no_overlap/);
  });
  test('overlapping primary assignments even when closed', async () => {
    const a = await one(`SELECT cadre_id, commune_id, position_id, start_date FROM assignment WHERE is_primary AND end_date IS NULL AND commune_id IS NOT NULL LIMIT 1`);
    await expect(
      client.query(`INSERT INTO assignment (cadre_id, commune_id, position_id, is_primary, start_date, end_date) VALUES ($1, $2, $3, true, '2025-06-01', '2025-12-31')`, [
        a.cadre_id, a.commune_id, a.position_id,
      ]),
    ).rejects.toThrow(/assignment_primary_no_overlap/);
  });
  test('an assignment in both a commune and a department, or in neither', async () => {
    const a = await one(`SELECT cadre_id, position_id FROM assignment LIMIT 1`);
    const d = await one(`SELECT id FROM department LIMIT 1`);
    const c = await one(`SELECT id FROM commune LIMIT 1`);
    const insert = `INSERT INTO assignment (cadre_id, commune_id, department_id, position_id, is_primary, start_date) VALUES ($1, $2, $3, $4, false, '2025-10-01')`;
    await expect(client.query(insert, [a.cadre_id, c.id, d.id, a.position_id])).rejects.toThrow(/assignment_one_unit/);
    await expect(client.query(insert, [a.cadre_id, null, null, a.position_id])).rejects.toThrow(/assignment_one_unit/);
  });
  test('an end date before the start date', async () => {
    const a = await one(`SELECT id FROM assignment WHERE end_date IS NULL LIMIT 1`);
    await expect(client.query(`UPDATE assignment SET end_date = start_date - 1 WHERE id = $1`, [a.id])).rejects.toThrow(/assignment_dates/);
  });
  test('a duplicate commune code in the province, or a commune code used by a department', async () => {
    const c = await one(`SELECT province_id, old_district_id, code FROM commune LIMIT 1`);
    const d = await one(`SELECT code FROM department LIMIT 1`);
    const insert = `INSERT INTO commune (province_id, old_district_id, code, name, updated_at) VALUES ($1, $2, $3, 'X', now())`;
    await expect(client.query(insert, [c.province_id, c.old_district_id, c.code])).rejects.toThrow(/duplicate key|unique/);
    await expect(client.query(insert, [c.province_id, c.old_district_id, d.code])).rejects.toThrow(/already used by a department/);
  });
  test('a person marked as left without a date', async () => {
    const c = await one(`SELECT id FROM cadre WHERE status = 'active' LIMIT 1`);
    await expect(client.query(`UPDATE cadre SET status = 'left' WHERE id = $1`, [c.id])).rejects.toThrow(/cadre_left_consistent/);
  });
  test('diacritic-insensitive search through f_unaccent', async () => {
    const rows = (await client.query(`SELECT name FROM commune WHERE f_unaccent(name) LIKE '%' || f_unaccent($1) || '%' ORDER BY name`, ['dong hieu'])).rows;
    expect(rows.map((r) => r.name)).toContain('Đông Hiếu');
  });
});
