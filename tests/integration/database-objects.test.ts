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
    ['secondment_candidate_one_open_per_cadre', `SELECT 1 FROM pg_trigger WHERE tgname = $1`],
    ['secondment_candidate_holds', `SELECT 1 FROM pg_proc WHERE proname = $1`],
    ['transfer_one_open_per_cadre', `SELECT 1 FROM pg_constraint WHERE conname = $1 AND contype = 'x'`],
    ['transfer_open_window', `SELECT 1 FROM pg_proc WHERE proname = $1`],
    ['transfer_no_active_secondment', `SELECT 1 FROM pg_trigger WHERE tgname = $1`],
    ['secondment_no_open_transfer', `SELECT 1 FROM pg_trigger WHERE tgname = $1`],
    ['secondment_no_overlap', `SELECT 1 FROM pg_constraint WHERE conname = $1`],
    ['secondment_dates_in_order', `SELECT 1 FROM pg_constraint WHERE conname = $1`],
    ['secondment_candidate_conclusion', `SELECT 1 FROM pg_constraint WHERE conname = $1`],
    ['province_issuing_bodies', `SELECT 1 FROM pg_trigger WHERE tgname = $1`],
    ['commune_issuing_bodies', `SELECT 1 FROM pg_trigger WHERE tgname = $1`],
    ['issuing_bodies_for_commune', `SELECT 1 FROM pg_proc WHERE proname = $1`],
    ['decision_number_not_blank', `SELECT 1 FROM pg_constraint WHERE conname = $1`],
    ['quota_year_draft_unconfirmed', `SELECT 1 FROM pg_constraint WHERE conname = $1`],
    ['quota_year_confirmed_final', `SELECT 1 FROM pg_trigger WHERE tgname = $1`],
    ['quota_year_register_commune', `SELECT 1 FROM pg_trigger WHERE tgname = $1`],
    ['quota_year_register_department', `SELECT 1 FROM pg_trigger WHERE tgname = $1`],
  ])('%s', async (name, sql) => {
    expect((await client.query(sql, [name])).rowCount).toBe(1);
  });
});

describe('issuing bodies', () => {
  test('every province has its Party and State bodies and every commune its three, named after it', async () => {
    const { rows } = await client.query<{ missing: number }>(
      `SELECT count(*)::int AS missing FROM commune c
        WHERE (SELECT count(*) FROM issuing_body b WHERE b.commune_id = c.id) <> 3`);
    expect(rows[0].missing).toBe(0);
    const ngaMy = await one(`SELECT b.name, b.kind::text AS kind FROM issuing_body b JOIN commune c ON c.id = b.commune_id WHERE c.name = 'Nga My' AND b.code LIKE 'UBND_%'`);
    expect(ngaMy).toEqual({ name: 'Ủy ban nhân dân xã Nga My', kind: 'state' });
    const committee = await one(`SELECT b.name, b.kind::text AS kind FROM issuing_body b JOIN province p ON p.id = b.province_id WHERE p.code = 'NA' AND b.code = 'BTCTU'`);
    expect(committee).toEqual({ name: 'Ban Tổ chức Tỉnh ủy Nghệ An', kind: 'party' });
  });
  test('a new commune gets its bodies from the trigger', async () => {
    const c = await one(`SELECT province_id, old_district_id FROM commune LIMIT 1`);
    const created = await one(`INSERT INTO commune (province_id, old_district_id, code, name, kind) VALUES ($1, $2, 'ZZ999', 'Thử Nghiệm', 'ward') RETURNING id`, [c.province_id, c.old_district_id]);
    const { rows } = await client.query(`SELECT name FROM issuing_body WHERE commune_id = $1 ORDER BY sort_order`, [created.id]);
    expect(rows.map((r) => r.name)).toEqual(['Đảng ủy phường Thử Nghiệm', 'Hội đồng nhân dân phường Thử Nghiệm', 'Ủy ban nhân dân phường Thử Nghiệm']);
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

  describe('the secondment workflow', () => {
    /** A phase, two department lists and a Conclusion of the seeded province, for the guards below. */
    async function workflowFixture() {
      const province = await one(`SELECT id FROM province WHERE code = 'NA'`);
      const [d1, d2] = (await client.query(`SELECT id FROM department WHERE province_id = $1 ORDER BY code LIMIT 2`, [province.id])).rows;
      const phase = await one(
        `INSERT INTO secondment_phase (province_id, year, number, due_date) VALUES ($1, 2099, 1, '2099-09-10') RETURNING id`,
        [province.id],
      );
      const insertList = `INSERT INTO secondment_list (phase_id, department_id, updated_at) VALUES ($1, $2, now()) RETURNING id`;
      const list1 = await one(insertList, [phase.id, d1.id]);
      const list2 = await one(insertList, [phase.id, d2.id]);
      const cadre = await one(`SELECT cadre_id FROM assignment WHERE department_id = $1 AND is_primary AND end_date IS NULL LIMIT 1`, [d1.id]);
      const conclusion = await one(`INSERT INTO conclusion (province_id, number, date) VALUES ($1, '999-KL/TU', '2099-09-19') RETURNING id`, [province.id]);
      return { list1: list1.id, list2: list2.id, cadreId: cadre.cadre_id, conclusionId: conclusion.id, departmentId: d1.id };
    }

    test('a cadre in two open lists, a decision without its reason or Conclusion, overlapping secondments', async () => {
      await client.query('BEGIN');
      try {
        const f = await workflowFixture();
        const insert = `INSERT INTO secondment_candidate (list_id, cadre_id, kind, updated_at) VALUES ($1, $2, 'secondment', now()) RETURNING id`;
        const first = await one(insert, [f.list1, f.cadreId]);
        await client.query('SAVEPOINT s1');
        await expect(client.query(insert, [f.list2, f.cadreId])).rejects.toThrow(/secondment_candidate_one_open_per_cadre/);
        await client.query('ROLLBACK TO SAVEPOINT s1');
        // Released (declined, with its reason): the cadre may be listed again.
        await expect(client.query(`UPDATE secondment_candidate SET state = 'declined' WHERE id = $1`, [first.id])).rejects.toThrow(/secondment_candidate_declined_reason/);
        await client.query('ROLLBACK TO SAVEPOINT s1');
        await expect(client.query(`UPDATE secondment_candidate SET state = 'approved' WHERE id = $1`, [first.id])).rejects.toThrow(/secondment_candidate_conclusion/);
        await client.query('ROLLBACK TO SAVEPOINT s1');
        await client.query(`UPDATE secondment_candidate SET state = 'approved', conclusion_id = $2 WHERE id = $1`, [first.id, f.conclusionId]);
        const second = await one(insert.replace("'secondment'", "'reinforcement'"), [f.list2, f.cadreId]).catch((e) => e);
        expect(String(second)).toMatch(/secondment_candidate_one_open_per_cadre/);
        await client.query('ROLLBACK TO SAVEPOINT s1');
        // Placed: released by its state alone (nothing stores the holding), the cadre may be listed again.
        await client.query(`UPDATE secondment_candidate SET state = 'placed', conclusion_id = $2 WHERE id = $1`, [first.id, f.conclusionId]);
        const other = await one(insert, [f.list2, f.cadreId]);
        await client.query(`UPDATE secondment_candidate SET state = 'placed', conclusion_id = $2 WHERE id = $1`, [other.id, f.conclusionId]);
        const commune = await one(`SELECT id FROM commune LIMIT 1`);
        const position = await one(`SELECT id FROM position LIMIT 1`);
        const place = `INSERT INTO secondment (candidate_id, cadre_id, department_id, commune_id, position_id, start_date, end_date) VALUES ($1, $2, $3, $4, $5, $6, $7)`;
        await client.query(place, [first.id, f.cadreId, f.departmentId, commune.id, position.id, '2099-10-01', '2102-09-30']);
        await client.query('SAVEPOINT s2');
        await expect(client.query(place, [other.id, f.cadreId, f.departmentId, commune.id, position.id, '2100-01-01', '2101-01-01'])).rejects.toThrow(/secondment_no_overlap/);
        await client.query('ROLLBACK TO SAVEPOINT s2');
        await expect(client.query(place, [other.id, f.cadreId, f.departmentId, commune.id, position.id, '2103-01-01', '2102-01-01'])).rejects.toThrow(/secondment_dates_in_order/);
        await client.query('ROLLBACK TO SAVEPOINT s2');
        // Ended early (with a reason), the range shrinks and a later secondment fits.
        await expect(client.query(`UPDATE secondment SET ended_on = '2099-12-31' WHERE candidate_id = $1`, [first.id])).rejects.toThrow(/secondment_early_end_reason/);
        await client.query('ROLLBACK TO SAVEPOINT s2');
        await client.query(`UPDATE secondment SET ended_on = '2099-12-31', end_reason = 'Về sở' WHERE candidate_id = $1`, [first.id]);
        await client.query(place, [other.id, f.cadreId, f.departmentId, commune.id, position.id, '2100-01-01', '2101-01-01']);
      } finally {
        await client.query('ROLLBACK');
      }
    });
  });
});

describe('derived states in the guards (migration 20261207000300_derived_states)', () => {
  test("a candidate who did not meet the standards holds the cadre until the list is forwarded, then frees him", async () => {
    await client.query('BEGIN');
    try {
      const province = await one(`SELECT id FROM province WHERE code = 'NA'`);
      const [d1, d2] = (await client.query(`SELECT id FROM department WHERE province_id = $1 ORDER BY code LIMIT 2`, [province.id])).rows;
      const phase = await one(`INSERT INTO secondment_phase (province_id, year, number, due_date) VALUES ($1, 2098, 1, '2098-09-10') RETURNING id`, [province.id]);
      const list1 = await one(`INSERT INTO secondment_list (phase_id, department_id, state, submitted_on, updated_at) VALUES ($1, $2, 'submitted', '2098-09-01', now()) RETURNING id`, [phase.id, d1.id]);
      const list2 = await one(`INSERT INTO secondment_list (phase_id, department_id, updated_at) VALUES ($1, $2, now()) RETURNING id`, [phase.id, d2.id]);
      const cadre = await one(`SELECT cadre_id FROM assignment WHERE department_id = $1 AND is_primary AND end_date IS NULL LIMIT 1`, [d1.id]);
      await client.query(
        `INSERT INTO secondment_candidate (list_id, cadre_id, kind, state, assessment_reason, updated_at) VALUES ($1, $2, 'secondment', 'does_not_meet', 'Chưa đạt', now())`,
        [list1.id, cadre.cadre_id],
      );
      const insert = `INSERT INTO secondment_candidate (list_id, cadre_id, kind, updated_at) VALUES ($1, $2, 'secondment', now())`;
      await client.query('SAVEPOINT s1');
      await expect(client.query(insert, [list2.id, cadre.cadre_id])).rejects.toThrow(/secondment_candidate_one_open_per_cadre/);
      await client.query('ROLLBACK TO SAVEPOINT s1');
      // The list moves on: no write to the candidate, and the cadre is free.
      await client.query(`UPDATE secondment_list SET state = 'forwarded' WHERE id = $1`, [list1.id]);
      await client.query(insert, [list2.id, cadre.cadre_id]);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  test('one open transfer per cadre over its window: a second proposal is refused until the approved one takes effect', async () => {
    await client.query('BEGIN');
    try {
      const t = await one(
        `SELECT *, to_char(effective_date, 'YYYY-MM-DD') AS effective, to_char(effective_date - 1, 'YYYY-MM-DD') AS day_before
           FROM transfer WHERE state = 'approved' AND effective_date > proposed_on ORDER BY effective_date DESC LIMIT 1`,
      );
      const { effective, day_before: dayBefore } = t as { effective: string; day_before: string };
      const copy = (state: string, proposedOn: string) =>
        client.query(
          `INSERT INTO transfer (province_id, cadre_id, from_commune_id, to_commune_id, position_id, block, cross_district, effective_date, reason, justification,
                                 state, proposed_by_id, proposed_on, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date + 30, 'Thử', $9, $10::"TransferState", $11, $12::date, now())`,
          [t.province_id, t.cadre_id, t.to_commune_id, t.from_commune_id, t.position_id, t.block, t.cross_district, effective, t.justification ?? 'Thử', state, t.proposed_by_id, proposedOn],
        );
      await client.query('SAVEPOINT s1');
      await expect(copy('proposed', dayBefore)).rejects.toThrow(/transfer_one_open_per_cadre/);
      await client.query('ROLLBACK TO SAVEPOINT s1');
      // From its effective date the approved transfer holds nobody: a new proposal fits, and holds the person in turn.
      await copy('proposed', effective);
      await client.query('SAVEPOINT s2');
      await expect(copy('proposed', effective)).rejects.toThrow(/transfer_one_open_per_cadre/);
      await client.query('ROLLBACK TO SAVEPOINT s2');
    } finally {
      await client.query('ROLLBACK');
    }
  });
});
