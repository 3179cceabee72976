// Applying the staged workbook, set-based (docs/architecture.md, Conventions). Each sheet follows one shape:
//   1. lock the rows it will touch (FOR UPDATE), so a form saving at the same moment waits and then sees a
//      new version (the forms' optimistic concurrency does the rest);
//   2. plan: a temp table of the changed rows only, with a `before` and an `after` snapshot (jsonb). A row is
//      changed exactly when the two differ, so "unchanged" rows get no write, no version bump and no audit;
//   3. write: INSERT of new rows, UPDATE … FROM the plan of existing ones (or INSERT … ON CONFLICT);
//   4. audit: one audit_log row per planned row, straight from the plan (INSERT … SELECT).
// The dry run runs the same plans, so its counts are the apply's counts by construction; it skips only what
// nothing else depends on (audit rows, the cadres' writes unless a ratings sheet needs the posts they leave) and rolls back.

import type pg from 'pg';
import type { AuditEntity } from '@/lib/audit/events';
import { auditInsertSelect } from '@/lib/db/audit-writer';
import type { SheetCounts, SheetName } from './types';
import { ensureDefaultProblemGroups } from '@/lib/db/problem-group-mutations';

type Step = {
  sheet: SheetName;
  entityType: AuditEntity;
  staged: string;
  plan: string;
  lock?: string;
  writes: string[];
  /** Joins `e` (the audited entity) for each plan row `p` joined to its staged row `s`. */
  entity: string;
};

/** One audit row per plan row `p`: created when the plan has no existing id, else updated. */
const importAudit = (entity: AuditEntity, from: string) =>
  auditInsertSelect({
    select: ({ action, entity: entityOf }) => `
      SELECT x.province_id, x.actor_id, x.actor_name, x.actor_role,
             CASE WHEN p.id IS NULL THEN ${action('import.create')} ELSE ${action('import.update')} END, ${entityOf('import.create', entity)}, ${from}`,
  });

async function runStep(client: pg.ClientBase, step: Step, dryRun: boolean) {
  const plan = `imp_plan_${step.sheet}`;
  if (step.lock) await client.query(step.lock);
  await client.query(`CREATE TEMP TABLE ${plan} ON COMMIT DROP AS SELECT * FROM (${step.plan}) p WHERE p.before IS DISTINCT FROM p.after`);
  for (const write of step.writes) await client.query(write.replaceAll('{plan}', plan));
  if (dryRun) return recordChanges(client, step.sheet, plan);
  await client.query(
    importAudit(step.entityType, `e.id::text, p.before, p.after, x.ip, x.ua
       FROM ${plan} p JOIN ${step.staged} s USING (row_no) CROSS JOIN imp_ctx x ${step.entity}
      ORDER BY p.row_no`),
  );
  await recordChanges(client, step.sheet, plan);
}

async function recordChanges(client: pg.ClientBase, sheet: SheetName, plan: string) {
  await client.query(`INSERT INTO imp_change SELECT '${sheet}', row_no, id IS NULL FROM ${plan}`);
}

const COMMUNES: Step = {
  sheet: 'communes',
  entityType: 'commune',
  staged: 'imp_commune',
  lock: `SELECT 1 FROM commune c JOIN imp_commune s ON s.code = c.code JOIN imp_ctx x ON x.province_id = c.province_id FOR UPDATE OF c`,
  plan: `SELECT s.row_no, c.id, nd.id AS district_id,
           CASE WHEN c.id IS NOT NULL THEN jsonb_build_object('code', c.code, 'name', c.name, 'kind', c.kind, 'oldDistrictCode', od.code,
             'oldDistrictName', od.name, 'mountainous', c.mountainous, 'extremelyDisadvantaged', c.extremely_disadvantaged) END AS before,
           jsonb_build_object('code', s.code, 'name', s.name, 'kind', s.kind, 'oldDistrictCode', nd.code,
             'oldDistrictName', nd.name, 'mountainous', s.mountainous, 'extremelyDisadvantaged', s.ed) AS after
      FROM imp_commune s CROSS JOIN imp_ctx x
      JOIN old_district nd ON nd.province_id = x.province_id AND nd.code = s.district_code
      LEFT JOIN commune c ON c.province_id = x.province_id AND c.code = s.code
      LEFT JOIN old_district od ON od.id = c.old_district_id`,
  writes: [
    `INSERT INTO commune (province_id, old_district_id, code, name, kind, mountainous, extremely_disadvantaged)
     SELECT x.province_id, p.district_id, s.code, s.name, s.kind, s.mountainous, s.ed
       FROM {plan} p JOIN imp_commune s USING (row_no) CROSS JOIN imp_ctx x WHERE p.id IS NULL ORDER BY p.row_no`,
    `UPDATE commune c SET old_district_id = p.district_id, name = s.name, kind = s.kind, mountainous = s.mountainous,
            extremely_disadvantaged = s.ed, version = c.version + 1, updated_at = now()
       FROM {plan} p JOIN imp_commune s USING (row_no) WHERE c.id = p.id`,
  ],
  entity: 'JOIN commune e ON e.province_id = x.province_id AND e.code = s.code',
};

/** Department quotas are stored for one year: the latest of the workbook's `quotas` sheet (decision 008). */
const DEPARTMENTS: Step = {
  sheet: 'departments',
  entityType: 'department',
  staged: 'imp_department',
  lock: `SELECT 1 FROM department d JOIN imp_department s ON s.code = d.code JOIN imp_ctx x ON x.province_id = d.province_id FOR UPDATE OF d`,
  plan: `SELECT s.row_no, d.id,
           CASE WHEN d.id IS NOT NULL THEN jsonb_build_object('code', d.code, 'name', d.name, 'quotaYear', x.quota_year, 'quota', dq.quota) END AS before,
           jsonb_build_object('code', s.code, 'name', s.name, 'quotaYear', x.quota_year, 'quota', s.quota) AS after
      FROM imp_department s CROSS JOIN imp_ctx x
      LEFT JOIN department d ON d.province_id = x.province_id AND d.code = s.code
      LEFT JOIN department_quota dq ON dq.department_id = d.id AND dq.year = x.quota_year`,
  writes: [
    `INSERT INTO department (province_id, code, name)
     SELECT x.province_id, s.code, s.name FROM {plan} p JOIN imp_department s USING (row_no) CROSS JOIN imp_ctx x WHERE p.id IS NULL ORDER BY p.row_no`,
    `UPDATE department d SET name = s.name, version = d.version + 1
       FROM {plan} p JOIN imp_department s USING (row_no) WHERE d.id = p.id AND d.name IS DISTINCT FROM s.name`,
    `INSERT INTO department_quota (department_id, year, quota)
     SELECT d.id, x.quota_year, s.quota FROM {plan} p JOIN imp_department s USING (row_no) CROSS JOIN imp_ctx x
       JOIN department d ON d.province_id = x.province_id AND d.code = s.code
     ON CONFLICT (department_id, year) DO UPDATE SET quota = excluded.quota`,
  ],
  entity: 'JOIN department e ON e.province_id = x.province_id AND e.code = s.code',
};

/**
 * `title` is the Vietnamese title; a new position's English title starts as a copy of it (edited later). `elected`
 * (optional column): null when absent or empty, which keeps an existing position's flag; a new position is not elected.
 * `level` (optional column, the rank planning compares) likewise: an existing position keeps its level, a new one is 0.
 */
const POSITIONS: Step = {
  sheet: 'positions',
  entityType: 'position',
  staged: 'imp_position',
  lock: `SELECT 1 FROM position e JOIN imp_position s ON s.code = e.code JOIN imp_ctx x ON x.province_id = e.province_id FOR UPDATE OF e`,
  plan: `SELECT s.row_no, e.id,
           CASE WHEN e.id IS NOT NULL THEN jsonb_build_object('code', e.code, 'title', e.title_vi, 'block', e.block, 'key', e.is_key, 'field', e.field,
             'elected', e.is_elected, 'level', e.level) END AS before,
           jsonb_build_object('code', s.code, 'title', s.title, 'block', s.block, 'key', s.is_key, 'field', s.field,
             'elected', COALESCE(s.is_elected, e.is_elected, false), 'level', COALESCE(s.level, e.level, 0)) AS after
      FROM imp_position s CROSS JOIN imp_ctx x LEFT JOIN position e ON e.province_id = x.province_id AND e.code = s.code`,
  writes: [
    `INSERT INTO position (province_id, code, title_vi, title_en, block, is_key, field, is_elected, level, sort_order)
     SELECT x.province_id, s.code, s.title, s.title, s.block, s.is_key, s.field, COALESCE(s.is_elected, false), COALESCE(s.level, 0),
            (SELECT COALESCE(max(sort_order), 0) FROM position WHERE province_id = x.province_id) + s.row_no
       FROM {plan} p JOIN imp_position s USING (row_no) CROSS JOIN imp_ctx x WHERE p.id IS NULL ORDER BY p.row_no`,
    `UPDATE position e SET title_vi = s.title, block = s.block, is_key = s.is_key, field = s.field, is_elected = COALESCE(s.is_elected, e.is_elected),
            level = COALESCE(s.level, e.level),
            version = e.version + 1, updated_at = now()
       FROM {plan} p JOIN imp_position s USING (row_no) WHERE e.id = p.id`,
  ],
  entity: 'JOIN position e ON e.province_id = x.province_id AND e.code = s.code',
};

/** Audited like the quota page's saves (entity `quota`, id of the commune, {year, block: quota}) for its history. */
const QUOTAS: Step = {
  sheet: 'quotas',
  entityType: 'quota',
  staged: 'imp_quota',
  lock: `SELECT 1 FROM commune c JOIN imp_quota s ON s.commune_code = c.code JOIN imp_ctx x ON x.province_id = c.province_id FOR UPDATE OF c`,
  plan: `SELECT s.row_no, q.id, cm.id AS commune_id,
           CASE WHEN q.id IS NOT NULL THEN jsonb_build_object('year', s.year, s.block::text, q.quota) END AS before,
           jsonb_build_object('year', s.year, s.block::text, s.quota) AS after
      FROM imp_quota s CROSS JOIN imp_ctx x
      JOIN commune cm ON cm.province_id = x.province_id AND cm.code = s.commune_code
      LEFT JOIN quota q ON q.commune_id = cm.id AND q.block = s.block AND q.year = s.year`,
  writes: [
    `INSERT INTO quota (commune_id, block, year, quota)
     SELECT p.commune_id, s.block, s.year, s.quota FROM {plan} p JOIN imp_quota s USING (row_no)
     ON CONFLICT (commune_id, block, year) DO UPDATE SET quota = excluded.quota, updated_at = now()`,
    // The quota form guards on the commune's version: a form opened before the import must see a conflict.
    `UPDATE commune c SET version = c.version + 1 FROM (SELECT DISTINCT commune_id FROM {plan}) p WHERE c.id = p.commune_id`,
  ],
  entity: 'JOIN commune e ON e.province_id = x.province_id AND e.code = s.commune_code',
};

export type CadrePlanStats = { leaving: number; newLeft: number };

/**
 * Key-position norms. key_position_norm rows are overrides of the default (one place). The sheet, when
 * present, is the whole truth for the communes it names: each key position of such a commune gets the
 * listed number, or 0 when not listed. Every other commune of the province (all of them when the sheet is
 * absent) has the default: an override different from 1 is set back to 1. Rows are upserted, never deleted.
 * Changes the sheet's rows do not name (the zeros and the resets) are audited too and reported in a note.
 */
async function applyNorms(client: pg.ClientBase, dryRun: boolean): Promise<{ implicit: number }> {
  await client.query(`SELECT 1 FROM commune c JOIN imp_ctx x ON x.province_id = c.province_id FOR UPDATE OF c`);
  await client.query(`CREATE TEMP TABLE imp_plan_norms ON COMMIT DROP AS
    WITH kp AS (SELECT p.id, p.code FROM position p JOIN imp_ctx x ON x.province_id = p.province_id WHERE p.is_key AND p.block IS NOT NULL),
    named AS (SELECT DISTINCT commune_code FROM imp_norm),
    target AS (
      SELECT cm.id AS commune_id, kp.id AS position_id, kp.code AS position_code, s.row_no,
             CASE WHEN named.commune_code IS NOT NULL THEN COALESCE(s.required, 0) ELSE 1 END AS required
        FROM commune cm JOIN imp_ctx x ON x.province_id = cm.province_id CROSS JOIN kp
        LEFT JOIN named ON named.commune_code = cm.code
        LEFT JOIN imp_norm s ON s.commune_code = cm.code AND s.position_code = kp.code)
    SELECT t.row_no, n.id, t.commune_id, t.position_id, t.required,
           jsonb_build_object(t.position_code, COALESCE(n.required, 1)) AS before, jsonb_build_object(t.position_code, t.required) AS after
      FROM target t LEFT JOIN key_position_norm n ON n.commune_id = t.commune_id AND n.position_id = t.position_id
     WHERE COALESCE(n.required, 1) <> t.required`);
  await client.query(`INSERT INTO key_position_norm (commune_id, position_id, required)
    SELECT commune_id, position_id, required FROM imp_plan_norms
    ON CONFLICT (commune_id, position_id) DO UPDATE SET required = excluded.required`);
  await client.query(`UPDATE commune c SET version = c.version + 1 FROM (SELECT DISTINCT commune_id FROM imp_plan_norms) p WHERE c.id = p.commune_id`);
  if (!dryRun) await client.query(importAudit('keyPositionNorm', `p.commune_id::text, p.before, p.after, x.ip, x.ua
      FROM imp_plan_norms p CROSS JOIN imp_ctx x ORDER BY p.commune_id, p.position_id`));
  await client.query(`INSERT INTO imp_change SELECT 'key_positions', row_no, id IS NULL FROM imp_plan_norms WHERE row_no IS NOT NULL`);
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM imp_plan_norms WHERE row_no IS NULL');
  return { implicit: rows[0].n };
}

// ---- Cadres -------------------------------------------------------------------------------------------------

/**
 * The current state of every staged cadre that exists: personal fields, the open primary assignment (unit,
 * position, start), the codes of open concurrent posts in that unit, how many are open elsewhere, and the end
 * of the last closed primary (a new primary range must start after it: exclusion constraint).
 */
const CADRE_CURRENT = `CREATE TEMP TABLE IF NOT EXISTS imp_cadre_cur ON COMMIT DROP AS
  SELECT s.row_no, c.id, c.code, c.full_name, c.gender, c.birth_date, c.employment_type, c.education, c.field, c.status,
         c.national_id, c.ethnicity, c.is_party_member, c.party_join_date, c.political_theory, c.state_management, c.rank_code, c.salary_step, c.salary_coefficient,
         pa.id AS primary_id, pa.start_date AS primary_start, COALESCE(pcm.code, pd.code) AS unit_code, pp.code AS position_code,
         (SELECT max(h.end_date) FROM assignment h WHERE h.cadre_id = c.id AND h.is_primary AND h.end_date IS NOT NULL) AS last_primary_end,
         COALESCE((SELECT array_agg(cp.code ORDER BY cp.code COLLATE "C") FROM assignment ca JOIN position cp ON cp.id = ca.position_id
                    WHERE ca.cadre_id = c.id AND NOT ca.is_primary AND ca.end_date IS NULL
                      AND ca.commune_id IS NOT DISTINCT FROM pa.commune_id AND ca.department_id IS NOT DISTINCT FROM pa.department_id), '{}') AS concurrent,
         (SELECT count(*) FROM assignment ca WHERE ca.cadre_id = c.id AND NOT ca.is_primary AND ca.end_date IS NULL
             AND (pa.id IS NULL OR ca.commune_id IS DISTINCT FROM pa.commune_id OR ca.department_id IS DISTINCT FROM pa.department_id))::int AS elsewhere
    FROM imp_cadre s CROSS JOIN imp_ctx x
    JOIN cadre c ON c.province_id = x.province_id AND c.code = s.code
    LEFT JOIN assignment pa ON pa.cadre_id = c.id AND pa.is_primary AND pa.end_date IS NULL
    LEFT JOIN commune pcm ON pcm.id = pa.commune_id
    LEFT JOIN department pd ON pd.id = pa.department_id
    LEFT JOIN position pp ON pp.id = pa.position_id`;

/** Problems only the database can reveal: a new primary post must start after the current one started and after the last one ended. */
export async function checkCadresAgainstDatabase(client: pg.ClientBase): Promise<{ row: number; message: string }[]> {
  await client.query(CADRE_CURRENT);
  const { rows } = await client.query<{ row_no: number; message: string }>(`
    SELECT s.row_no, format('ngày bắt đầu %s phải sau ngày bắt đầu chức vụ chính hiện tại (%s, %s tại %s), vì đơn vị hoặc chức vụ thay đổi: chức vụ cũ kết thúc một ngày trước ngày bắt đầu mới',
             to_char(s.start_date, 'DD/MM/YYYY'), to_char(cur.primary_start, 'DD/MM/YYYY'), cur.position_code, cur.unit_code) AS message
      FROM imp_cadre s JOIN imp_cadre_cur cur USING (row_no)
     WHERE s.status = 'active' AND cur.primary_id IS NOT NULL AND (cur.unit_code <> s.unit_code OR cur.position_code <> s.position_code)
       AND s.start_date <= cur.primary_start
    UNION ALL
    SELECT s.row_no, format('ngày bắt đầu %s phải sau ngày kết thúc chức vụ chính trước đây (%s)', to_char(s.start_date, 'DD/MM/YYYY'), to_char(cur.last_primary_end, 'DD/MM/YYYY'))
      FROM imp_cadre s JOIN imp_cadre_cur cur USING (row_no)
     WHERE s.status = 'active' AND cur.last_primary_end IS NOT NULL AND s.start_date <= cur.last_primary_end
       AND (cur.primary_id IS NULL OR cur.primary_start <> s.start_date OR cur.unit_code <> s.unit_code OR cur.position_code <> s.position_code)
    ORDER BY 1`);
  return rows.map((r) => ({ row: r.row_no, message: r.message }));
}

/**
 * A personal ID of the workbook already held by another person of the database (docs/decisions/037-the-personnel-dossier.md):
 * refused naming him and his unit. A person of the workbook who gives up that ID in the same import is not in the way.
 */
export async function checkNationalIdsAgainstDatabase(client: pg.ClientBase): Promise<{ row: number; message: string }[]> {
  const { rows } = await client.query<{ row_no: number; message: string }>(`
    SELECT s.row_no, format('số định danh %s đã ghi cho người khác: %s (%s)', s.national_id, o.code, COALESCE(u.unit_name, u.unit_code, 'không có chức vụ chính')) AS message
      FROM imp_cadre s CROSS JOIN imp_ctx x
      JOIN cadre o ON o.national_id = s.national_id AND NOT (o.province_id = x.province_id AND o.code = s.code)
      LEFT JOIN LATERAL (
        SELECT COALESCE(cm.code, d.code) AS unit_code, COALESCE(cm.name, d.name) AS unit_name
          FROM assignment a LEFT JOIN commune cm ON cm.id = a.commune_id LEFT JOIN department d ON d.id = a.department_id
         WHERE a.cadre_id = o.id AND a.is_primary
         ORDER BY (a.end_date IS NULL) DESC, a.start_date DESC, a.id DESC LIMIT 1) u ON true
     WHERE s.national_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM imp_cadre s2 WHERE o.province_id = x.province_id AND s2.code = o.code AND s2.national_id IS NOT NULL AND s2.national_id <> o.national_id)
     ORDER BY s.row_no, o.code`);
  return rows.map((r) => ({ row: r.row_no, message: r.message }));
}

// Snapshots compare like with like: for a row with status `left` the assignment part is left out on both
// sides (a person who left has no open post), so re-importing a departure is "unchanged".
const CADRE_PERSON = (t: string) => `'code', ${t}.code, 'fullName', ${t}.full_name, 'gender', ${t}.gender, 'birthDate', ${t}.birth_date,
  'employmentType', ${t}.employment_type, 'education', ${t}.education, 'field', ${t}.field, 'status', ${t}.status`;

// The dossier's columns: an absent column or an empty cell (NULL in imp_cadre) keeps the stored value; a Party joining
// date makes a member (docs/decisions/037-the-personnel-dossier.md).
const PARTY_MEMBER = (stored: string) => `COALESCE(s.party_member, CASE WHEN s.party_join_date IS NOT NULL THEN true END, ${stored})`;
const CADRE_DOSSIER_BEFORE = `'nationalId', cur.national_id, 'ethnicity', cur.ethnicity, 'isPartyMember', cur.is_party_member, 'partyJoinDate', cur.party_join_date,
  'politicalTheory', cur.political_theory, 'stateManagement', cur.state_management, 'rankCode', cur.rank_code, 'salaryStep', cur.salary_step,
  'salaryCoefficient', cur.salary_coefficient::text`;
const CADRE_DOSSIER_AFTER = `'nationalId', COALESCE(s.national_id, cur.national_id), 'ethnicity', COALESCE(s.ethnicity, cur.ethnicity),
  'isPartyMember', ${PARTY_MEMBER('COALESCE(cur.is_party_member, false)')}, 'partyJoinDate', COALESCE(s.party_join_date, cur.party_join_date),
  'politicalTheory', COALESCE(s.political_theory, cur.political_theory), 'stateManagement', COALESCE(s.state_management, cur.state_management),
  'rankCode', COALESCE(s.rank_code, cur.rank_code), 'salaryStep', COALESCE(s.salary_step, cur.salary_step),
  'salaryCoefficient', COALESCE(s.salary_coefficient, cur.salary_coefficient)::text`;

const CADRE_PLAN = `CREATE TEMP TABLE imp_plan_cadres ON COMMIT DROP AS SELECT * FROM (
  SELECT s.row_no, cur.id,
         CASE WHEN cur.id IS NOT NULL THEN jsonb_strip_nulls(jsonb_build_object(${CADRE_PERSON('cur')}) || jsonb_build_object(${CADRE_DOSSIER_BEFORE}) ||
           CASE WHEN s.status = 'left' THEN '{}'::jsonb ELSE jsonb_build_object('unitCode', cur.unit_code, 'positionCode', cur.position_code,
             'startDate', cur.primary_start, 'concurrentPositionCodes', cur.concurrent, 'concurrentElsewhere', NULLIF(cur.elsewhere, 0)) END) END AS before,
         jsonb_strip_nulls(jsonb_build_object(${CADRE_PERSON('s')}) || jsonb_build_object(${CADRE_DOSSIER_AFTER}) ||
           CASE WHEN s.status = 'left' THEN '{}'::jsonb ELSE jsonb_build_object('unitCode', s.unit_code, 'positionCode', s.position_code,
             'startDate', s.start_date, 'concurrentPositionCodes', s.concurrent) END) AS after,
         cur.status AS old_status, cur.primary_id,
         (s.status = 'active' AND (cur.id IS NULL OR cur.primary_id IS NULL OR cur.unit_code <> s.unit_code OR cur.position_code <> s.position_code)) AS opens_primary,
         cm.id AS commune_id, d.id AS department_id, pos.id AS position_id
    FROM imp_cadre s CROSS JOIN imp_ctx x
    LEFT JOIN imp_cadre_cur cur USING (row_no)
    LEFT JOIN commune cm ON cm.province_id = x.province_id AND cm.code = s.unit_code
    LEFT JOIN department d ON d.province_id = x.province_id AND d.code = s.unit_code
    JOIN position pos ON pos.province_id = x.province_id AND pos.code = s.position_code) p
  WHERE p.before IS DISTINCT FROM p.after`;

const CADRE_WRITES = [
  `INSERT INTO cadre (province_id, code, full_name, gender, birth_date, education, field, employment_type, status, left_on, left_reason,
                      national_id, ethnicity, is_party_member, party_join_date, political_theory, state_management, rank_code, salary_step, salary_coefficient)
   SELECT x.province_id, s.code, s.full_name, s.gender, s.birth_date, s.education, s.field, s.employment_type, s.status,
          CASE WHEN s.status = 'left' THEN x.today END, CASE WHEN s.status = 'left' THEN 'other'::"DepartureReason" END,
          s.national_id, s.ethnicity, ${PARTY_MEMBER('false')}, s.party_join_date, s.political_theory, s.state_management, s.rank_code, s.salary_step, s.salary_coefficient
     FROM imp_plan_cadres p JOIN imp_cadre s USING (row_no) CROSS JOIN imp_ctx x WHERE p.id IS NULL ORDER BY p.row_no`,
  // A departure keeps its recorded date and reason when the person had already left.
  `UPDATE cadre c SET full_name = s.full_name, gender = s.gender, birth_date = s.birth_date, education = s.education, field = s.field,
          employment_type = s.employment_type, status = s.status,
          national_id = COALESCE(s.national_id, c.national_id), ethnicity = COALESCE(s.ethnicity, c.ethnicity),
          is_party_member = ${PARTY_MEMBER('c.is_party_member')}, party_join_date = COALESCE(s.party_join_date, c.party_join_date),
          political_theory = COALESCE(s.political_theory, c.political_theory), state_management = COALESCE(s.state_management, c.state_management),
          rank_code = COALESCE(s.rank_code, c.rank_code), salary_step = COALESCE(s.salary_step, c.salary_step),
          salary_coefficient = COALESCE(s.salary_coefficient, c.salary_coefficient),
          left_on = CASE WHEN s.status = 'left' THEN COALESCE(c.left_on, x.today) END,
          left_reason = CASE WHEN s.status = 'left' THEN COALESCE(c.left_reason, 'other') END,
          version = c.version + 1, updated_at = now()
     FROM imp_plan_cadres p JOIN imp_cadre s USING (row_no) CROSS JOIN imp_ctx x WHERE c.id = p.id`,
  // Leaving: every open assignment ends on the import's date.
  `UPDATE assignment a SET end_date = GREATEST(a.start_date, x.today)
     FROM imp_plan_cadres p JOIN imp_cadre s USING (row_no) CROSS JOIN imp_ctx x
    WHERE a.cadre_id = p.id AND a.end_date IS NULL AND s.status = 'left' AND p.old_status = 'active'`,
  // A changed unit or position closes the open primary the day before the new one starts.
  `UPDATE assignment a SET end_date = s.start_date - 1
     FROM imp_plan_cadres p JOIN imp_cadre s USING (row_no) WHERE a.id = p.primary_id AND p.opens_primary`,
  // Same post, another start date: the workbook's start_date is the start of the current primary assignment.
  `UPDATE assignment a SET start_date = s.start_date
     FROM imp_plan_cadres p JOIN imp_cadre s USING (row_no)
    WHERE a.id = p.primary_id AND s.status = 'active' AND NOT p.opens_primary AND a.start_date <> s.start_date`,
  // Concurrent posts no longer listed (or in another unit) end the day before the new primary when it opens,
  // else the day before the import. One that has not started by then never took effect and is removed.
  `CREATE TEMP TABLE imp_concurrent_end ON COMMIT DROP AS
   SELECT a.id, a.start_date, CASE WHEN p.opens_primary THEN s.start_date - 1 ELSE x.today - 1 END AS end_date
     FROM imp_plan_cadres p JOIN imp_cadre s USING (row_no) CROSS JOIN imp_ctx x
     JOIN assignment a ON a.cadre_id = p.id AND NOT a.is_primary AND a.end_date IS NULL
     LEFT JOIN position cp ON cp.id = a.position_id
    WHERE s.status = 'active'
      AND NOT (a.commune_id IS NOT DISTINCT FROM p.commune_id AND a.department_id IS NOT DISTINCT FROM p.department_id AND cp.code = ANY (s.concurrent))`,
  `DELETE FROM assignment a USING imp_concurrent_end e WHERE a.id = e.id AND e.end_date < e.start_date`,
  `UPDATE assignment a SET end_date = e.end_date FROM imp_concurrent_end e WHERE a.id = e.id AND e.end_date >= e.start_date`,
  // New primary posts: new people (closed at once when they arrive as `left`), changed posts, returns.
  `INSERT INTO assignment (cadre_id, commune_id, department_id, position_id, is_primary, start_date, end_date)
   SELECT c.id, p.commune_id, p.department_id, p.position_id, true, s.start_date,
          CASE WHEN s.status = 'left' THEN GREATEST(s.start_date, x.today) END
     FROM imp_plan_cadres p JOIN imp_cadre s USING (row_no) CROSS JOIN imp_ctx x
     JOIN cadre c ON c.province_id = x.province_id AND c.code = s.code
    WHERE p.opens_primary OR (p.id IS NULL AND s.status = 'left')`,
  // Concurrent posts listed and not yet open in the unit: from the primary's start when it opens now, else from the import's date.
  `INSERT INTO assignment (cadre_id, commune_id, department_id, position_id, is_primary, start_date)
   SELECT c.id, p.commune_id, p.department_id, cp.id, false, CASE WHEN p.opens_primary THEN s.start_date ELSE x.today END
     FROM imp_plan_cadres p JOIN imp_cadre s USING (row_no) CROSS JOIN imp_ctx x
     JOIN cadre c ON c.province_id = x.province_id AND c.code = s.code
     CROSS JOIN LATERAL unnest(s.concurrent) AS listed(position_code)
     JOIN position cp ON cp.province_id = x.province_id AND cp.code = listed.position_code
    WHERE s.status = 'active'
      AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.cadre_id = c.id AND NOT a.is_primary AND a.end_date IS NULL AND a.position_id = cp.id
                        AND a.commune_id IS NOT DISTINCT FROM p.commune_id AND a.department_id IS NOT DISTINCT FROM p.department_id)`,
  () => importAudit('cadre', `c.id::text, p.before, p.after, x.ip, x.ua
     FROM imp_plan_cadres p JOIN imp_cadre s USING (row_no) CROSS JOIN imp_ctx x
     JOIN cadre c ON c.province_id = x.province_id AND c.code = s.code ORDER BY p.row_no`),
  `INSERT INTO imp_change SELECT 'cadres', row_no, id IS NULL FROM imp_plan_cadres`,
];

/** `writeInDryRun`: the dry run writes the cadres too (not their audit) when a later sheet depends on them (the ratings). */
async function applyCadres(client: pg.ClientBase, dryRun: boolean, writeInDryRun: boolean): Promise<CadrePlanStats> {
  await client.query(`SELECT 1 FROM cadre c JOIN imp_cadre s ON s.code = c.code JOIN imp_ctx x ON x.province_id = c.province_id FOR UPDATE OF c`);
  await client.query(CADRE_CURRENT); // already there when the province existed (checkCadresAgainstDatabase)
  await client.query(CADRE_PLAN);
  await client.query('ANALYZE imp_plan_cadres');
  const { rows } = await client.query<CadrePlanStats>(`
    SELECT count(*) FILTER (WHERE p.id IS NOT NULL AND p.old_status = 'active' AND s.status = 'left')::int AS "leaving",
           count(*) FILTER (WHERE p.id IS NULL AND s.status = 'left')::int AS "newLeft"
      FROM imp_plan_cadres p JOIN imp_cadre s USING (row_no)`);
  // Nothing after the cadres depends on their writes: the dry run stops at the plan (the counts), which
  // keeps it well under the time target on 100,000 rows. The apply checks the constraints as it writes.
  const writes = !dryRun ? CADRE_WRITES : writeInDryRun ? CADRE_WRITES.filter((write) => typeof write !== 'function') : CADRE_WRITES.slice(-1);
  for (const write of writes) await client.query(typeof write === 'function' ? write() : write);
  return rows[0];
}

// ---- All sheets -------------------------------------------------------------------------------------------------

export type ApplyOutcome = { counts: Partial<Record<SheetName, SheetCounts>>; implicitNorms: number; cadres: CadrePlanStats; newOldDistricts: number };

export async function applyStaged(client: pg.ClientBase, present: Set<SheetName>, dryRun: boolean): Promise<ApplyOutcome> {
  const { rowCount: newOldDistricts } = await client.query(
    `WITH created AS (INSERT INTO old_district (province_id, code, name, mountainous)
       SELECT x.province_id, d.code, d.name, d.mountainous FROM imp_district d CROSS JOIN imp_ctx x RETURNING id, code, name, mountainous)
     ${auditInsertSelect({
       select: ({ action, entity }) => `SELECT x.province_id, x.actor_id, x.actor_name, x.actor_role, ${action('import.create')}, ${entity('import.create', 'oldDistrict')},
            c.id::text, NULL, jsonb_build_object('code', c.code, 'name', c.name, 'mountainous', c.mountainous), x.ip, x.ua FROM created c CROSS JOIN imp_ctx x`,
     })}`,
  );
  for (const step of [COMMUNES, DEPARTMENTS, POSITIONS, QUOTAS]) await runStep(client, step, dryRun);
  const norms = await applyNorms(client, dryRun);
  // The ratings' units are the people's posts after the cadres sheet (lib/import/ratings.ts).
  const cadres = await applyCadres(client, dryRun, present.has('ratings'));
  return { counts: await countChanges(client, present), implicitNorms: norms.implicit, cadres, newOldDistricts: newOldDistricts ?? 0 };
}

const STAGED: Partial<Record<SheetName, string>> = {
  communes: 'imp_commune', departments: 'imp_department', positions: 'imp_position', quotas: 'imp_quota', key_positions: 'imp_norm', cadres: 'imp_cadre',
};

async function countChanges(client: pg.ClientBase, present: Set<SheetName>): Promise<Partial<Record<SheetName, SheetCounts>>> {
  const counts: Partial<Record<SheetName, SheetCounts>> = {};
  const { rows } = await client.query<{ sheet: SheetName; created: number; updated: number }>(
    `SELECT sheet, count(DISTINCT row_no) FILTER (WHERE created)::int AS created, count(DISTINCT row_no) FILTER (WHERE NOT created)::int AS updated
       FROM imp_change GROUP BY sheet`,
  );
  const changed = new Map(rows.map((r) => [r.sheet, r]));
  for (const [sheet, table] of Object.entries(STAGED) as [SheetName, string][]) {
    if (!present.has(sheet)) continue;
    const { rows: total } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    const c = changed.get(sheet);
    const created = c?.created ?? 0;
    const updated = c?.updated ?? 0;
    counts[sheet] = { created, updated, unchanged: total[0].n - created - updated };
  }
  return counts;
}

/** The province row: created when new (CLI at go-live), its name updated when it differs. */
export async function upsertProvince(
  client: pg.ClientBase,
  province: { code: string; name: string },
  existing: { id: number; code: string; name: string } | null,
  audit: { actorId: number | null; actorName: string; actorRole: string; ip: string | null; ua: string | null },
): Promise<{ id: number; counts: SheetCounts }> {
  const auditRow = (id: number, name: 'import.create' | 'import.update', before: unknown, after: unknown) =>
    client.query(
      auditInsertSelect({
        select: ({ action, entity }) => `SELECT $1::int, $2::int, $3, $4, ${action(name)}, ${entity(name, 'province')}, $1::int::text, $5::jsonb, $6::jsonb, $7, $8`,
      }),
      [id, audit.actorId, audit.actorName, audit.actorRole, before === null ? null : JSON.stringify(before), JSON.stringify(after), audit.ip, audit.ua],
    );
  if (!existing) {
    const { rows } = await client.query<{ id: number }>('INSERT INTO province (code, name) VALUES ($1, $2) RETURNING id', [province.code, province.name]);
    await auditRow(rows[0].id, 'import.create', null, province);
    // A new province gets the default catalogue of problem groups (docs/decisions/044-support-requests-and-working-groups.md).
    await ensureDefaultProblemGroups(client, rows[0].id);
    return { id: rows[0].id, counts: { created: 1, updated: 0, unchanged: 0 } };
  }
  if (existing.name === province.name) return { id: existing.id, counts: { created: 0, updated: 0, unchanged: 1 } };
  await client.query('UPDATE province SET name = $2, updated_at = now() WHERE id = $1', [existing.id, province.name]);
  await auditRow(existing.id, 'import.update', { code: existing.code, name: existing.name }, province);
  return { id: existing.id, counts: { created: 0, updated: 1, unchanged: 0 } };
}

/** The summary audit row of an applied import. */
export async function auditSummary(client: pg.ClientBase, summary: unknown) {
  await client.query(
    auditInsertSelect({
      select: ({ action, entity }) =>
        `SELECT x.province_id, x.actor_id, x.actor_name, x.actor_role, ${action('import.apply')}, ${entity('import.apply')}, NULL, NULL, $1::jsonb, x.ip, x.ua FROM imp_ctx x`,
    }),
    [JSON.stringify(summary)],
  );
}
