import pg from 'pg';
import { POSITIONS } from './catalogue';
import type { ProvinceDataset } from './types';
import { ensureDefaultProblemGroups } from '@/lib/db/problem-group-mutations';

// Bulk loader for generated provinces (docs/architecture.md, Conventions): plain pg, one transaction, set-based
// INSERT … SELECT FROM unnest(arrays) in chunks, codes mapped to ids by joins inside the statements.

const CHUNK = 10_000;

type Column = readonly unknown[];

function normalizeText<T>(value: T): T {
  return (typeof value === 'string' ? value.normalize('NFC') : value) as T;
}

/** Runs one INSERT … SELECT FROM unnest($2…) per chunk of rows; $1 is the province id. */
async function insertChunked<Row>(client: pg.ClientBase, sql: string, provinceId: number, rows: readonly Row[], columns: ((row: Row) => unknown)[]) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const arrays: Column[] = columns.map((column) => chunk.map((row) => normalizeText(column(row))));
    await client.query(sql, [provinceId, ...arrays]);
  }
}

/** Inserts one generated province with its positions, units, quotas and staff; returns its id. */
export async function loadProvince(client: pg.ClientBase, data: ProvinceDataset): Promise<number> {
  const { rows } = await client.query<{ id: number }>('INSERT INTO province (code, name) VALUES ($1, $2) RETURNING id', [
    normalizeText(data.province.code),
    normalizeText(data.province.name),
  ]);
  const provinceId = rows[0].id;
  await ensureDefaultProblemGroups(client, provinceId);

  await insertChunked(client,
    `INSERT INTO position (province_id, code, title_vi, title_en, block, is_key, is_elected, concurrent_by_design, field, sort_order)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::"Block"[], $6::bool[], $7::bool[], $8::bool[], $9::text[], $10::int[])`,
    provinceId, POSITIONS, [(p) => p.code, (p) => p.titleVi, (p) => p.titleEn, (p) => p.block, (p) => p.isKey, (p) => p.isElected,
      (p) => p.concurrentByDesign, (p) => p.field, (p) => p.sortOrder]);

  await insertChunked(client,
    `INSERT INTO old_district (province_id, code, name, mountainous) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bool[])`,
    provinceId, data.oldDistricts, [(d) => d.code, (d) => d.name, (d) => d.mountainous]);

  // merged_from travels as one '|'-joined string per unit: unnest would flatten an array of arrays.
  await insertChunked(client,
    `INSERT INTO commune (province_id, old_district_id, code, name, kind, mountainous, extremely_disadvantaged, border, merged_from)
     SELECT $1, od.id, u.code, u.name, u.kind, u.mountainous, u.ed, u.border,
            CASE WHEN u.merged = '' THEN ARRAY[]::text[] ELSE string_to_array(u.merged, '|') END
       FROM unnest($2::text[], $3::text[], $4::"UnitKind"[], $5::text[], $6::bool[], $7::bool[], $8::bool[], $9::text[])
            AS u(code, name, kind, district, mountainous, ed, border, merged)
       JOIN old_district od ON od.province_id = $1 AND od.code = u.district`,
    provinceId, data.communes, [(c) => c.code, (c) => c.name, (c) => c.kind, (c) => c.oldDistrictCode, (c) => c.mountainous,
      (c) => c.extremelyDisadvantaged, (c) => c.border, (c) => c.mergedFrom.map((n) => n.normalize('NFC')).join('|')]);

  await insertChunked(client,
    `INSERT INTO quota (commune_id, block, year, quota)
     SELECT cm.id, u.block, u.year, u.quota FROM unnest($2::text[], $3::"Block"[], $4::int[], $5::int[]) AS u(code, block, year, quota)
       JOIN commune cm ON cm.province_id = $1 AND cm.code = u.code`,
    provinceId, data.quotas, [(q) => q.communeCode, (q) => q.block, (q) => q.year, (q) => q.quota]);

  await insertChunked(client,
    `INSERT INTO party_committee_seat (commune_id, committee, planned, appointed)
     SELECT cm.id, u.committee, u.planned, u.appointed
       FROM unnest($2::text[], $3::"PartyCommittee"[], $4::int[], $5::int[]) AS u(code, committee, planned, appointed)
       JOIN commune cm ON cm.province_id = $1 AND cm.code = u.code`,
    provinceId, data.partySeats, [(s) => s.communeCode, (s) => s.committee, (s) => s.planned, (s) => s.appointed]);

  await insertChunked(client, `INSERT INTO department (province_id, code, name) SELECT $1, * FROM unnest($2::text[], $3::text[])`,
    provinceId, data.departments, [(d) => d.code, (d) => d.name]);

  await insertChunked(client,
    `INSERT INTO department_quota (department_id, year, quota)
     SELECT d.id, u.year, u.quota FROM unnest($2::text[], $3::int[], $4::int[]) AS u(code, year, quota)
       JOIN department d ON d.province_id = $1 AND d.code = u.code`,
    provinceId, data.departmentQuotas, [(q) => q.departmentCode, (q) => q.year, (q) => q.quota]);

  await insertChunked(client,
    `INSERT INTO cadre (province_id, code, full_name, gender, birth_date, ethnicity, education, field, political_theory, employment_type,
                        is_party_member, status, left_on, left_reason, national_id, phone, home_address)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::"Gender"[], $5::date[], $6::text[], $7::"Education"[], $8::text[],
                              $9::"PoliticalTheory"[], $10::"EmploymentType"[], $11::bool[], $12::"CadreStatus"[], $13::date[],
                              $14::"DepartureReason"[], $15::text[], $16::text[], $17::text[])`,
    provinceId, data.cadres, [(c) => c.code, (c) => c.fullName, (c) => c.gender, (c) => c.birthDate, (c) => c.ethnicity, (c) => c.education,
      (c) => c.field, (c) => c.politicalTheory, (c) => c.employmentType, (c) => c.isPartyMember, (c) => c.status, (c) => c.leftOn,
      (c) => c.leftReason, (c) => c.nationalId, (c) => c.phone, (c) => c.homeAddress]);

  await insertChunked(client,
    `INSERT INTO assignment (cadre_id, commune_id, department_id, position_id, is_primary, start_date, end_date)
     SELECT c.id, cm.id, d.id, p.id, u.is_primary, u.start_date, u.end_date
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::date[], $8::date[])
            AS u(cadre, commune, department, position, is_primary, start_date, end_date)
       JOIN cadre c ON c.province_id = $1 AND c.code = u.cadre
       JOIN position p ON p.province_id = $1 AND p.code = u.position
       LEFT JOIN commune cm ON cm.province_id = $1 AND cm.code = u.commune
       LEFT JOIN department d ON d.province_id = $1 AND d.code = u.department`,
    provinceId, data.assignments, [(a) => a.cadreCode, (a) => a.communeCode, (a) => a.departmentCode, (a) => a.positionCode,
      (a) => a.isPrimary, (a) => a.startDate, (a) => a.endDate]);

  return provinceId;
}

/**
 * Runs `work` in one transaction with a time limit, serialised with other seeds by an advisory lock.
 * The work returns whether to commit.
 */
export async function withSeedTransaction<T>(databaseUrl: string, timeoutSeconds: number, work: (client: pg.Client) => Promise<{ commit: boolean; result: T }>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const version = Number((await client.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version_num'])).rows[0].v);
    const timeout = version >= 170000 ? 'transaction_timeout' : 'statement_timeout';
    await client.query('SELECT set_config($1, $2, true)', [timeout, `${timeoutSeconds}s`]);
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('bien-che:seed'))`);
    const { commit, result } = await work(client);
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

export async function hasProvince(client: pg.ClientBase, code: string): Promise<boolean> {
  const { rows } = await client.query('SELECT 1 FROM province WHERE code = $1', [code]);
  return rows.length > 0;
}
