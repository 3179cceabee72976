import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { databaseUrlFor, dropDatabase, ensureDatabase } from '@/lib/db/embedded-postgres';
import { migrateDeploy } from '@/lib/db/migrate';
import { childEnvironment } from '@/lib/env';

// The migrations produce exactly prisma/schema.prisma, plus the hand-written objects Prisma cannot express
// (docs/decisions/004-database-objects-outside-prisma.md), each named below.
//
// `prisma migrate diff --from-url` would say it directly, but Prisma 6.19 refuses --from-url with the driver adapter
// of prisma.config.ts, and its wasm introspection (`db pull`, `--from-migrations`) stops with "unreachable" once the
// hand-written objects exist (docs/decisions/002-prisma-6-offline-migrations.md). So the test builds two databases
// on the test server: one by `migrate deploy`, one from the SQL Prisma writes for schema.prisma (`migrate diff
// --from-empty --to-schema-datamodel --script`), and compares their catalogues object by object.

/**
 * What only the migrations create, as the catalogue names it: `<kind> <table>.<name>` (indexes, triggers and
 * functions by name). Adding a hand-written object means adding it here; removing one from the migrations fails.
 */
const HAND_WRITTEN: readonly string[] = [
  // Extensions: diacritic-insensitive search (unaccent, pg_trgm) and exclusion constraints over ranges (btree_gist).
  'extension btree_gist',
  'extension pg_trgm',
  'extension unaccent',
  // CHECK constraints.
  'constraint app_user.app_user_scope',
  'constraint assignment.assignment_dates',
  'constraint assignment.assignment_one_unit',
  'constraint cadre.cadre_left_consistent',
  'constraint cadre.cadre_salary_values',
  'constraint cadre_education.cadre_education_year',
  'constraint cadre_training.cadre_training_dates',
  'constraint notification.notification_link_relative',
  'constraint planning_entry.planning_entry_one_unit',
  'constraint planning_term.planning_term_years',
  'constraint rating.rating_score_range',
  'constraint rating_round.rating_round_confirmed',
  'constraint rating_round.rating_round_one_unit',
  'constraint reception.reception_decided',
  'constraint reception.reception_insurance_months',
  'constraint reception.reception_person',
  'constraint recruitment_target.recruitment_target_count_positive',
  'constraint support_attachment.support_attachment_size',
  'constraint working_group.working_group_department',
  'constraint decision.decision_number_not_blank',
  'constraint department_quota.department_quota_non_negative',
  'constraint key_position_norm.key_position_norm_non_negative',
  'constraint party_committee_seat.party_committee_seat_non_negative',
  'constraint quota.quota_non_negative',
  'constraint quota.quota_year_range',
  'constraint quota_year.quota_year_draft_unconfirmed',
  'constraint secondment.secondment_dates_in_order',
  'constraint secondment.secondment_early_end_reason',
  'constraint secondment.secondment_ended_in_range',
  'constraint secondment_candidate.secondment_candidate_conclusion',
  'constraint secondment_candidate.secondment_candidate_declined_reason',
  'constraint secondment_candidate.secondment_candidate_not_meets_reason',
  'constraint secondment_list.secondment_list_submitted_date',
  'constraint secondment_phase.secondment_phase_numbers',
  'constraint transfer.transfer_cancelled_reason',
  'constraint transfer.transfer_cross_district_justified',
  'constraint transfer.transfer_decision',
  'constraint transfer.transfer_declined_reason',
  'constraint transfer.transfer_other_commune',
  'constraint transfer.transfer_reason_given',
  'constraint vacancy.vacancy_closed_consistent',
  'constraint vacancy.vacancy_count_positive',
  'constraint vacancy.vacancy_what',
  // Exclusion constraints over date ranges, each with its index.
  'constraint assignment.assignment_primary_no_overlap',
  'index assignment_primary_no_overlap',
  'constraint secondment.secondment_no_overlap',
  'index secondment_no_overlap',
  'constraint transfer.transfer_one_open_per_cadre',
  'index transfer_one_open_per_cadre',
  // A snapshot's predecessor: a self-reference the Prisma client does not navigate (migration 20261207000500).
  'constraint province_snapshot.province_snapshot_supersedes_fkey',
  // Partial, expression and trigram indexes.
  'index app_user_username_lower_key',
  'index assignment_commune_open_idx',
  'index assignment_one_open_primary',
  'index cadre_code_search_idx',
  'index cadre_name_search_idx',
  'index cadre_national_id_idx',
  'index cadre_national_id_valid_key',
  'index reception_one_open_per_person',
  'index commune_name_search_idx',
  'index province_snapshot_current',
  // Functions and the triggers that call them.
  'function audit_log_append_only()',
  'trigger audit_log.audit_log_no_delete',
  'trigger audit_log.audit_log_no_truncate',
  'trigger audit_log.audit_log_no_update',
  'function data_change_bump()',
  'constraint data_change_pending.data_change_bump',
  'trigger data_change_pending.data_change_bump',
  'function data_change_note()',
  'trigger cadre.data_change_cadre',
  'trigger assignment.data_change_assignment',
  'trigger quota.data_change_quota',
  'trigger quota_year.data_change_quota_year',
  'trigger key_position_norm.data_change_key_position_norm',
  'trigger department_quota.data_change_department_quota',
  'trigger commune.data_change_commune',
  'trigger old_district.data_change_old_district',
  'trigger department.data_change_department',
  'trigger position.data_change_position',
  'trigger party_committee_seat.data_change_party_committee_seat',
  'trigger secondment.data_change_secondment',
  'trigger transfer.data_change_transfer',
  'trigger vacancy.data_change_vacancy',
  'trigger province.data_change_province',
  'trigger setting.data_change_setting',
  'trigger rating_round.data_change_rating_round',
  'trigger rating.data_change_rating',
  'trigger app_user.data_change_app_user',
  'trigger cadre_education.data_change_cadre_education',
  'trigger cadre_recognition.data_change_cadre_recognition',
  'trigger cadre_training.data_change_cadre_training',
  'trigger commune_workbook_upload.data_change_commune_workbook_upload',
  'trigger conclusion.data_change_conclusion',
  'trigger decision.data_change_decision',
  'trigger email_digest.data_change_email_digest',
  'trigger form_submission.data_change_form_submission',
  'trigger import_upload.data_change_import_upload',
  'trigger issuing_body.data_change_issuing_body',
  'trigger notification.data_change_notification',
  'trigger planning_entry.data_change_planning_entry',
  'trigger planning_term.data_change_planning_term',
  'trigger problem_group.data_change_problem_group',
  'trigger province_snapshot.data_change_province_snapshot',
  'trigger reception.data_change_reception',
  'trigger recruitment_plan.data_change_recruitment_plan',
  'trigger recruitment_target.data_change_recruitment_target',
  'trigger report_draft.data_change_report_draft',
  'trigger secondment_candidate.data_change_secondment_candidate',
  'trigger secondment_list.data_change_secondment_list',
  'trigger secondment_phase.data_change_secondment_phase',
  'trigger support_answer.data_change_support_answer',
  'trigger support_attachment.data_change_support_attachment',
  'trigger support_request.data_change_support_request',
  'trigger support_visit.data_change_support_visit',
  'trigger working_group.data_change_working_group',
  'trigger working_group_commune.data_change_working_group_commune',
  'trigger working_group_member.data_change_working_group_member',
  'trigger working_group_problem.data_change_working_group_problem',
  'function f_unaccent(text)',
  'function national_id_valid(national_id text, gender "Gender", birth_date date)',
  'function unit_code_unique()',
  'trigger commune.commune_code_unique_across_units',
  'trigger department.department_code_unique_across_units',
  'function issuing_bodies_for_commune(p_commune integer)',
  'function issuing_bodies_for_province(p_province integer)',
  'function issuing_bodies_on_insert()',
  'trigger commune.commune_issuing_bodies',
  'trigger province.province_issuing_bodies',
  'function quota_year_confirmed_final()',
  'trigger quota_year.quota_year_confirmed_final',
  'function quota_year_register_commune()',
  'trigger quota.quota_year_register_commune',
  'function quota_year_register_department()',
  'trigger department_quota.quota_year_register_department',
  'function secondment_candidate_holds(state "SecondmentCandidateState", list_state "SecondmentListState")',
  'function secondment_candidate_one_open()',
  'trigger secondment_candidate.secondment_candidate_one_open_per_cadre',
  'function secondment_refuse_with_transfer()',
  'trigger secondment.secondment_no_open_transfer',
  'function transfer_open_window(state "TransferState", proposed_on date, effective_date date)',
  'function transfer_refuse_with_secondment()',
  'trigger transfer.transfer_no_active_secondment',
];

type Catalogue = Map<string, string>;

/** Every object of the public schema a migration may create, keyed by kind and name, with its definition. */
const CATALOGUE_SQL = `
  WITH tables AS (
    SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
  ), extension_members AS (
    SELECT objid FROM pg_depend WHERE deptype = 'e'
  )
  SELECT 'extension ' || extname AS key, '' AS definition FROM pg_extension WHERE extname <> 'plpgsql'
  UNION ALL
  SELECT 'enum ' || t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
   WHERE n.nspname = 'public' GROUP BY t.typname
  UNION ALL
  SELECT 'table ' || relname, '' FROM tables
  UNION ALL
  SELECT 'column ' || t.relname || '.' || a.attname,
         format_type(a.atttypid, a.atttypmod)
           || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
           || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
           || CASE WHEN a.attgenerated <> '' THEN ' GENERATED' ELSE '' END
           || coalesce(' COLLATE ' || nullif(co.collname, 'default'), '')
    FROM tables t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = t.oid AND d.adnum = a.attnum
    LEFT JOIN pg_collation co ON co.oid = a.attcollation
  UNION ALL
  SELECT 'constraint ' || t.relname || '.' || con.conname, pg_get_constraintdef(con.oid)
    FROM tables t JOIN pg_constraint con ON con.conrelid = t.oid
  UNION ALL
  SELECT 'index ' || i.relname, pg_get_indexdef(i.oid)
    FROM tables t JOIN pg_index x ON x.indrelid = t.oid JOIN pg_class i ON i.oid = x.indexrelid
  UNION ALL
  SELECT 'trigger ' || t.relname || '.' || tg.tgname, pg_get_triggerdef(tg.oid)
    FROM tables t JOIN pg_trigger tg ON tg.tgrelid = t.oid WHERE NOT tg.tgisinternal
  UNION ALL
  SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', md5(p.prosrc)
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname = 'public' AND p.oid NOT IN (SELECT objid FROM extension_members)
  UNION ALL
  SELECT 'view ' || viewname, md5(definition) FROM pg_views WHERE schemaname = 'public'
  UNION ALL
  SELECT 'sequence ' || sequencename, data_type::text FROM pg_sequences WHERE schemaname = 'public'`;

async function readCatalogue(url: string): Promise<Catalogue> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ key: string; definition: string }>(CATALOGUE_SQL);
    return new Map(rows.map((row) => [row.key, row.definition]));
  } finally {
    await client.end();
  }
}

/** The SQL Prisma writes to create schema.prisma from nothing (the CLI's adapter needs a database to connect to). */
function schemaScript(connectTo: string): string {
  return execFileSync(
    process.execPath,
    [path.resolve('node_modules/prisma/build/index.js'), 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
    { env: childEnvironment({ DATABASE_URL: connectTo, PRISMA_HIDE_UPDATE_MESSAGE: '1' }), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

const serverUrl = () => inject('serverUrl');
const names = { migrated: `${inject('databasePrefix')}_drift_migrated_${process.pid}`, declared: `${inject('databasePrefix')}_drift_declared_${process.pid}` };
let migrated: Catalogue;
let declared: Catalogue;

beforeAll(async () => {
  await Promise.all([ensureDatabase(serverUrl(), names.migrated), ensureDatabase(serverUrl(), names.declared)]);
  const migratedUrl = databaseUrlFor(serverUrl(), names.migrated);
  const declaredUrl = databaseUrlFor(serverUrl(), names.declared);
  migrateDeploy(migratedUrl);
  const client = new pg.Client({ connectionString: declaredUrl });
  await client.connect();
  try {
    await client.query(schemaScript(declaredUrl));
  } finally {
    await client.end();
  }
  [migrated, declared] = await Promise.all([readCatalogue(migratedUrl), readCatalogue(declaredUrl)]);
});
afterAll(async () => {
  await dropDatabase(serverUrl(), names.migrated);
  await dropDatabase(serverUrl(), names.declared);
});

const sorted = (keys: Iterable<string>) => [...keys].sort();

describe('the migrations produce schema.prisma and the hand-written objects', () => {
  test('every object schema.prisma declares is created by the migrations, with the same definition', () => {
    const missing = sorted([...declared.keys()].filter((key) => !migrated.has(key)));
    const different = sorted([...declared.keys()].filter((key) => migrated.has(key) && migrated.get(key) !== declared.get(key)))
      .map((key) => `${key}: migrations give "${migrated.get(key)}", schema.prisma "${declared.get(key)}"`);
    expect(missing, 'in schema.prisma but not created by the migrations').toEqual([]);
    expect(different, 'defined differently by the migrations and schema.prisma').toEqual([]);
  });

  test('every hand-written object is created by the migrations', () => {
    expect(HAND_WRITTEN.filter((key) => !migrated.has(key))).toEqual([]);
  });

  test('the migrations create nothing else: an object outside schema.prisma is listed in HAND_WRITTEN', () => {
    const extra = [...migrated.keys()].filter((key) => !declared.has(key));
    expect(sorted(extra.filter((key) => !HAND_WRITTEN.includes(key))), 'created by the migrations, neither in schema.prisma nor in HAND_WRITTEN').toEqual([]);
    expect(sorted(HAND_WRITTEN.filter((key) => declared.has(key))), 'listed as hand-written but declared in schema.prisma').toEqual([]);
  });

  test('the catalogue read is not empty (the comparison sees the tables)', () => {
    expect(declared.has('table cadre')).toBe(true);
    expect(declared.has('column cadre.full_name')).toBe(true);
    expect([...declared.keys()].filter((key) => key.startsWith('table ')).length).toBeGreaterThan(20);
  });
});
