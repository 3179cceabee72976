// The import engine: read and parse the workbook (outside any transaction), then in ONE transaction with a
// time limit: load what the province holds, check, stage, check against the database, and apply every
// sheet. A dry run does all of it and rolls back, so it reports exactly what the apply would do and changes
// nothing; an apply with any problem rolls back too and reports applied = false.

import type pg from 'pg';
import { poolOf, type Db } from '@/lib/db/prisma';
import { applyStaged, auditSummary, checkCadresAgainstDatabase, checkNationalIdsAgainstDatabase, upsertProvince, type ApplyOutcome } from './apply';
import { ImportLimitError, importLimits } from './limits';
import { parseWorkbook, type ParsedWorkbook } from './parse';
import { ProblemLog } from './problems';
import { openSource } from './sources';
import { applyRatings, ratingNotes } from './ratings';
import { createStagingTables, stageContext, stageWorkbook } from './stage';
import type { ImportOptions, ImportReport, ImportSource, SheetCounts, SheetName } from './types';
import { checkProvinceRows, validateWorkbook, type Reference, type Resolved } from './validate';
import { displayDate } from './values';

/** The whole import (100,000 cadres take well under a minute) must finish within this, or nothing is written. */
export const IMPORT_TRANSACTION_TIMEOUT_SECONDS = 300;

/** Serialises imports of one province (first key of pg_advisory_xact_lock(int, int)). */
const LOCK_IMPORT = 5201;

type Mode = 'check' | 'apply';

export async function checkWorkbook(db: Db, source: ImportSource, options: ImportOptions): Promise<ImportReport> {
  return runImport(db, source, options, 'check');
}

export async function applyWorkbook(db: Db, source: ImportSource, options: ImportOptions): Promise<ImportReport> {
  return runImport(db, source, options, 'apply');
}

function report(problems: ProblemLog, fields: Partial<ImportReport>): ImportReport {
  const listed = problems.listed();
  return {
    ok: problems.count === 0,
    problems: listed,
    problemCount: problems.count,
    problemsTruncated: problems.count > listed.length,
    province: fields.province ?? null,
    counts: fields.counts ?? {},
    notes: fields.notes ?? [],
    warnings: problems.warnings(),
    applied: fields.applied ?? false,
  };
}

async function runImport(db: Db, source: ImportSource, options: ImportOptions, mode: Mode): Promise<ImportReport> {
  const problems = new ProblemLog();
  let workbook: ParsedWorkbook;
  try {
    // Read outside any transaction; openSource checks the limits first, so a refused file never reaches the database.
    const opened = await openSource(source, importLimits(options.limits));
    if (!opened.ok) {
      problems.add(null, null, null, opened.message);
      return report(problems, {});
    }
    workbook = await parseWorkbook(opened.sheets, problems);
  } catch (error) {
    if (error instanceof ImportLimitError) {
      problems.add(null, null, null, error.message);
      return report(problems, {});
    }
    // A damaged archive or XML that the readers cannot walk: the file is refused as a whole.
    problems.add(null, null, null, `không đọc được tệp "${sourceName(source)}": tệp bị hỏng (${error instanceof Error ? error.message : String(error)})`);
    return report(problems, {});
  }
  checkProvinceRows(workbook, problems);
  const provinceRow = workbook.province.length === 1 ? workbook.province[0] : null;
  const province = provinceRow ? { code: provinceRow.code, name: provinceRow.name } : null;
  if (!province && options.provinceId === undefined) {
    // Without the province nothing can be matched; every other problem is already listed.
    return report(problems, { notes: workbook.notes });
  }
  const client = await poolOf(db).connect();
  try {
    await begin(client, province?.code ?? String(options.provinceId));
    const outcome = await inTransaction(client, workbook, province, options, problems, mode);
    if (outcome && mode === 'apply') await client.query('COMMIT');
    else await client.query('ROLLBACK');
    if (!outcome) return report(problems, { province, notes: workbook.notes });
    return report(problems, { province, counts: outcome.counts, notes: outcome.notes, applied: mode === 'apply' });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    const constraint = constraintMessage(error);
    if (!constraint) throw error;
    problems.add(null, null, null, constraint);
    return report(problems, { province, notes: workbook.notes });
  } finally {
    client.release();
  }
}

function sourceName(source: ImportSource): string {
  return source.kind === 'bytes' ? source.fileName : source.path;
}

async function begin(client: pg.PoolClient, lockKey: string) {
  await client.query('BEGIN');
  const version = Number((await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0].v);
  const timeout = version >= 170000 ? 'transaction_timeout' : 'statement_timeout';
  await client.query('SELECT set_config($1, $2, true)', [timeout, `${IMPORT_TRANSACTION_TIMEOUT_SECONDS}s`]);
  await client.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [LOCK_IMPORT, lockKey]);
}

/** A database constraint the checks did not foresee: reported as a problem, never half-applied. */
function constraintMessage(error: unknown): string | null {
  const e = error as { code?: string; detail?: string; constraint?: string; message?: string };
  if (typeof e?.code !== 'string' || !e.code.startsWith('23')) return null;
  // Two people given one personal ID meanwhile (the unique index over valid IDs, docs/decisions/037-the-personnel-dossier.md).
  if (e.constraint === 'cadre_national_id_valid_key') return `số định danh cá nhân trùng với người khác (${e.detail ?? e.constraint}): mỗi người một số định danh`;
  return `dữ liệu vi phạm ràng buộc của cơ sở dữ liệu (${e.constraint ?? e.code}): ${e.detail ?? e.message ?? ''}`.trim();
}

async function loadReference(client: pg.ClientBase, provinceCode: string | null, provinceId: number | undefined): Promise<Reference> {
  const { rows } = provinceId !== undefined
    ? await client.query<{ id: number; code: string; name: string }>('SELECT id, code, name FROM province WHERE id = $1', [provinceId])
    : await client.query<{ id: number; code: string; name: string }>('SELECT id, code, name FROM province WHERE code = $1', [provinceCode]);
  const province = rows[0] ?? null;
  if (provinceId !== undefined && !province) throw new Error(`Không có tỉnh id ${provinceId}`);
  const reference: Reference = { province, oldDistricts: [], communeCodes: new Set(), departmentCodes: new Set(), positions: new Map() };
  if (!province) return reference;
  // One connection runs one query at a time: sequential on purpose.
  const districts = await client.query<{ id: number; code: string; name: string }>('SELECT id, code, name FROM old_district WHERE province_id = $1', [province.id]);
  const communes = await client.query<{ code: string }>('SELECT code FROM commune WHERE province_id = $1', [province.id]);
  const departments = await client.query<{ code: string }>('SELECT code FROM department WHERE province_id = $1', [province.id]);
  const positions = await client.query<{ code: string; is_key: boolean; block: string | null }>(
    'SELECT code, is_key, block::text AS block FROM position WHERE province_id = $1', [province.id]);
  reference.oldDistricts = districts.rows;
  for (const r of communes.rows) reference.communeCodes.add(r.code);
  for (const r of departments.rows) reference.departmentCodes.add(r.code);
  for (const r of positions.rows) reference.positions.set(r.code, { isKey: r.is_key, block: r.block });
  return reference;
}

type Outcome = { counts: Partial<Record<SheetName, SheetCounts>>; notes: string[] } | null;

async function inTransaction(
  client: pg.PoolClient,
  workbook: ParsedWorkbook,
  province: { code: string; name: string } | null,
  options: ImportOptions,
  problems: ProblemLog,
  mode: Mode,
): Promise<Outcome> {
  const reference = await loadReference(client, province?.code ?? null, options.provinceId);
  const resolved = validateWorkbook(workbook, reference, options, problems);
  await createStagingTables(client);
  if (reference.province) {
    // Existing province: stage now, so that the checks only the database can make are made too.
    await stageContext(client, reference.province.id, options, resolved.departmentQuotaYear);
    await stageWorkbook(client, workbook, resolved, problems);
    for (const p of await checkCadresAgainstDatabase(client)) {
      problems.add('cadres', p.row, workbook.headers.cadres?.get('start_date') ?? 'start_date', p.message);
    }
    for (const p of await checkNationalIdsAgainstDatabase(client)) {
      problems.add('cadres', p.row, workbook.headers.cadres?.get('national_id') ?? 'national_id', p.message);
    }
  }
  if (problems.count > 0 || !province) return null;
  const audit = {
    actorId: options.actor.id, actorName: options.actor.name, actorRole: options.actor.role,
    ip: options.request?.ipAddress?.slice(0, 100) ?? null, ua: options.request?.userAgent?.slice(0, 500) ?? null,
  };
  const upserted = await upsertProvince(client, province, reference.province, audit);
  if (!reference.province) {
    await stageContext(client, upserted.id, options, resolved.departmentQuotaYear);
    await stageWorkbook(client, workbook, resolved, problems);
  }
  const outcome = await applyStaged(client, workbook.present, mode === 'check');
  // The ratings are checked against the posts the cadres sheet leaves: a refused row rolls everything back.
  const ratings = workbook.present.has('ratings') ? await applyRatings(client, workbook, problems, mode === 'check') : null;
  if (problems.count > 0) return null;
  const counts: Partial<Record<SheetName, SheetCounts>> = { province: upserted.counts, ...outcome.counts, ...(ratings ? { ratings: ratings.counts } : {}) };
  const notes = [...workbook.notes, ...notesOf(outcome, resolved, options, mode), ...(ratings ? ratingNotes(ratings, mode === 'check' ? 'sẽ được' : 'đã được') : [])];
  if (mode === 'apply') await auditSummary(client, { counts, notes, sheets: [...workbook.present] });
  return { counts, notes };
}

function notesOf(outcome: ApplyOutcome, resolved: Resolved, options: ImportOptions, mode: Mode): string[] {
  const will = mode === 'check' ? 'sẽ được' : 'đã được';
  const notes: string[] = [];
  if (resolved.newOldDistricts.length) {
    notes.push(`${resolved.newOldDistricts.length} địa bàn huyện cũ ${will} tạo mới: ${resolved.newOldDistricts.map((d) => `${d.name} (${d.code})`).join(', ')}.`);
  }
  if (outcome.counts.departments) notes.push(`Biên chế của sở, ngành ${will} ghi cho năm ${resolved.departmentQuotaYear} (năm mới nhất của sheet quotas).`);
  const left = outcome.cadres.leaving + outcome.cadres.newLeft;
  if (left > 0) {
    notes.push(`${left} người có trạng thái "left" ${will} ghi nhận nghỉ ngày ${displayDate(options.today)}, lý do: khác; các chức vụ đang giữ kết thúc ngày đó.`);
  }
  if (outcome.implicitNorms > 0) {
    notes.push(`${outcome.implicitNorms} định mức chức danh chủ chốt không ghi trong sheet key_positions ${will} đặt theo quy tắc: 0 cho xã có trong sheet, 1 (mặc định) cho xã khác.`);
  }
  return notes;
}
