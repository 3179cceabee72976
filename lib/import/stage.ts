// Staging: the workbook's valid rows go into temporary tables (dropped at the end of the transaction) with
// multi-row INSERT … SELECT FROM unnest(arrays), in chunks, as lib/demo/load.ts loads the demo. Everything
// after that is set-based SQL between these tables and the real ones.

import type pg from 'pg';
import type { ParsedWorkbook } from './parse';
import type { ProblemLog } from './problems';
import type { ImportOptions, SheetName } from './types';
import type { Resolved } from './validate';

const CHUNK = 10_000;

const TABLES = `
CREATE TEMP TABLE imp_ctx (province_id int, actor_id int, actor_name text, actor_role text, ip text, ua text, today date, quota_year int) ON COMMIT DROP;
CREATE TEMP TABLE imp_district (code text, name text, mountainous bool) ON COMMIT DROP;
CREATE TEMP TABLE imp_commune (row_no int PRIMARY KEY, code text, name text, kind "UnitKind", district_code text, mountainous bool, ed bool) ON COMMIT DROP;
CREATE TEMP TABLE imp_department (row_no int PRIMARY KEY, code text, name text, quota int) ON COMMIT DROP;
CREATE TEMP TABLE imp_position (row_no int PRIMARY KEY, code text, title text, block "Block", is_key bool, field text, is_elected bool, level int) ON COMMIT DROP;
CREATE TEMP TABLE imp_quota (row_no int PRIMARY KEY, commune_code text, block "Block", year int, quota int) ON COMMIT DROP;
CREATE TEMP TABLE imp_norm (row_no int PRIMARY KEY, commune_code text, position_code text, required int) ON COMMIT DROP;
CREATE TEMP TABLE imp_cadre (row_no int PRIMARY KEY, code text, full_name text, gender "Gender", birth_date date,
  employment_type "EmploymentType", education "Education", field text, unit_code text, position_code text, concurrent text[],
  status "CadreStatus", start_date date, national_id text, ethnicity text, party_member bool, party_join_date date,
  political_theory "PoliticalTheory", state_management "StateManagement", rank_code text, salary_step int, salary_coefficient numeric(5,2)) ON COMMIT DROP;
CREATE TEMP TABLE imp_change (sheet text, row_no int, created bool) ON COMMIT DROP;`;

/** Inserts rows column-wise: `columns[i](row)` gives column i, `types[i]` its SQL array type. */
async function insertRows<Row>(client: pg.ClientBase, table: string, types: string[], rows: readonly Row[], columns: ((row: Row) => unknown)[]) {
  const unnest = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  const sql = table === 'imp_cadre'
    ? // concurrent codes travel as one ';'-joined string per row: unnest would flatten an array of arrays.
      `INSERT INTO imp_cadre SELECT row_no, code, full_name, gender, birth_date, employment_type, education, field, unit_code, position_code,
         CASE WHEN concurrent = '' THEN '{}'::text[] ELSE string_to_array(concurrent, ';') END, status, start_date,
         national_id, ethnicity, party_member, party_join_date, political_theory, state_management, rank_code, salary_step, salary_coefficient
         FROM unnest(${unnest}) AS u(row_no, code, full_name, gender, birth_date, employment_type, education, field, unit_code, position_code, concurrent, status, start_date,
           national_id, ethnicity, party_member, party_join_date, political_theory, state_management, rank_code, salary_step, salary_coefficient)`
    : `INSERT INTO ${table} SELECT * FROM unnest(${unnest})`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const end = Math.min(rows.length, start + CHUNK);
    const arrays: unknown[][] = columns.map(() => new Array(end - start));
    for (let i = start; i < end; i++) {
      const row = rows[i];
      for (let c = 0; c < columns.length; c++) arrays[c][i - start] = columns[c](row);
    }
    await client.query(sql, arrays);
  }
}

export async function createStagingTables(client: pg.ClientBase) {
  await client.query(TABLES);
}

export async function stageContext(client: pg.ClientBase, provinceId: number, options: ImportOptions, quotaYear: number) {
  await client.query('INSERT INTO imp_ctx VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
    provinceId, options.actor.id, options.actor.name, options.actor.role,
    options.request?.ipAddress?.slice(0, 100) ?? null, options.request?.userAgent?.slice(0, 500) ?? null, options.today, quotaYear,
  ]);
}

/** Stages every row that has no problem. */
export async function stageWorkbook(client: pg.ClientBase, wb: ParsedWorkbook, resolved: Resolved, problems: ProblemLog) {
  const valid = <Row extends { row: number }>(sheet: SheetName, rows: Row[]) => rows.filter((r) => !problems.hasRowProblem(sheet, r.row));
  await insertRows(client, 'imp_district', ['text', 'text', 'bool'], resolved.newOldDistricts, [(d) => d.code, (d) => d.name, (d) => d.mountainous]);
  await insertRows(client, 'imp_commune', ['int', 'text', 'text', '"UnitKind"', 'text', 'bool', 'bool'],
    valid('communes', wb.communes).filter((c) => resolved.districtOfRow.has(c.row)),
    [(c) => c.row, (c) => c.code, (c) => c.name, (c) => c.kind, (c) => resolved.districtOfRow.get(c.row), (c) => c.mountainous, (c) => c.disadvantaged]);
  await insertRows(client, 'imp_department', ['int', 'text', 'text', 'int'], valid('departments', wb.departments),
    [(d) => d.row, (d) => d.code, (d) => d.name, (d) => d.quota]);
  await insertRows(client, 'imp_position', ['int', 'text', 'text', '"Block"', 'bool', 'text', 'bool', 'int'], valid('positions', wb.positions),
    [(p) => p.row, (p) => p.code, (p) => p.title, (p) => p.block, (p) => p.key, (p) => p.field, (p) => p.elected, (p) => p.level]);
  await insertRows(client, 'imp_quota', ['int', 'text', '"Block"', 'int', 'int'], valid('quotas', wb.quotas),
    [(q) => q.row, (q) => q.communeCode, (q) => q.block, (q) => q.year, (q) => q.quota]);
  await insertRows(client, 'imp_norm', ['int', 'text', 'text', 'int'], valid('key_positions', wb.keyPositions),
    [(k) => k.row, (k) => k.communeCode, (k) => k.positionCode, (k) => k.required]);
  await insertRows(client, 'imp_cadre',
    ['int', 'text', 'text', '"Gender"', 'date', '"EmploymentType"', '"Education"', 'text', 'text', 'text', 'text', '"CadreStatus"', 'date',
      'text', 'text', 'bool', 'date', '"PoliticalTheory"', '"StateManagement"', 'text', 'int', 'numeric'],
    valid('cadres', wb.cadres),
    [(c) => c.row, (c) => c.code, (c) => c.fullName, (c) => c.gender, (c) => c.birthDate, (c) => c.employmentType, (c) => c.education,
      (c) => c.field, (c) => c.unitCode, (c) => c.positionCode, (c) => [...c.concurrent].sort().join(';'), (c) => c.status, (c) => c.startDate,
      (c) => c.nationalId, (c) => c.ethnicity, (c) => c.partyMember, (c) => c.partyJoinDate, (c) => c.politicalTheory, (c) => c.stateManagement,
      (c) => c.rankCode, (c) => c.salaryStep, (c) => (c.salaryCoefficient === null ? null : c.salaryCoefficient.toFixed(2))]);
  await client.query('ANALYZE imp_cadre');
}
