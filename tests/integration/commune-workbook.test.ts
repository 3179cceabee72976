import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, form, settle } from '../support/action-harness';
import { seededCommune } from '../support/factories';

// The commune workbook's round trip (docs/decisions/047-commune-workbook.md): the chairman downloads his commune's
// workbook, edits it with a real workbook library (exceljs, as Excel or LibreOffice would save it), uploads it to
// the streaming route, reads the dry run's diff and applies it all or nothing with the version check.

const route = await import('@/app/api/communes/[code]/workbook/route');
const { applyCommuneWorkbook } = await import('@/lib/actions/commune-workbook/apply-commune-workbook');
const { updateDossier } = await import('@/lib/actions/dossier/update-dossier');
const { findWorkbookUpload } = await import('@/lib/db/commune-workbook-queries');
const { getCommuneStaffing } = await import('@/lib/db/staffing-queries');

let database: TestDatabase;
let chairman: SessionUser; // Nga My
let otherChairman: SessionUser; // Bắc Lý
let homeAffairs: SessionUser;
let admin: SessionUser;
let ngaMy: { id: number; code: string; provinceId: number };
let bacLy: { id: number; code: string };
let provinceBody: string;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  [chairman, otherChairman, homeAffairs, admin] = await Promise.all(['xa.ngamy', 'xa.bacly', 'noivu', 'admin'].map((u) => sessionUserFor(database.db, u)));
  ngaMy = await database.db.commune.findUniqueOrThrow({ where: { id: chairman.communeId! }, select: { id: true, code: true, provinceId: true } });
  const bl = await seededCommune(database.db, 'Bắc Lý');
  bacLy = await database.db.commune.findUniqueOrThrow({ where: { id: bl.id }, select: { id: true, code: true } });
  provinceBody = (await database.db.issuingBody.findFirstOrThrow({ where: { provinceId: ngaMy.provinceId, communeId: null, code: 'UBND' }, select: { code: true } })).code;
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(chairman);
});

const params = (code: string) => ({ params: Promise.resolve({ code }) });

async function download(code = ngaMy.code): Promise<ExcelJS.Workbook> {
  const response = await route.GET(new Request(`http://localhost/api/communes/${code}/workbook`), params(code));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  return workbook;
}

/** The header → column number of a sheet (row 1). */
function columns(sheet: ExcelJS.Worksheet): Map<string, number> {
  const map = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, i) => map.set(String(cell.value), i));
  return map;
}

/** The row of `code` in the `cadres` sheet. */
function rowOf(workbook: ExcelJS.Workbook, code: string): ExcelJS.Row {
  const sheet = workbook.getWorksheet('cadres')!;
  const col = columns(sheet).get('Mã cán bộ')!;
  for (let i = 2; i <= sheet.rowCount; i++) if (String(sheet.getRow(i).getCell(col).value) === code) return sheet.getRow(i);
  throw new Error(`no row for ${code}`);
}

function set(workbook: ExcelJS.Workbook, sheetName: string, row: ExcelJS.Row | number, values: Record<string, string | number | null>) {
  const sheet = workbook.getWorksheet(sheetName)!;
  const map = columns(sheet);
  const target = typeof row === 'number' ? sheet.getRow(row) : row;
  for (const [header, value] of Object.entries(values)) {
    const col = map.get(header);
    if (!col) throw new Error(`no column ${header}`);
    target.getCell(col).value = value;
  }
  target.commit();
}

const nextRow = (workbook: ExcelJS.Workbook, sheetName: string) => workbook.getWorksheet(sheetName)!.rowCount + 1;
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const decision = (number: string, body = provinceBody) => ({
  'Ngày hiệu lực': dmy(today()), 'Số quyết định': number, 'Ngày quyết định': dmy(today()), 'Mã cơ quan ban hành': body,
});

async function upload(workbook: ExcelJS.Workbook, code = ngaMy.code): Promise<{ status: number; id: string | null; text: string }> {
  const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const body = new FormData();
  body.append('file', new File([bytes], 'xa-da-sua.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const response = await route.POST(new Request(`http://localhost/api/communes/${code}/workbook`, { method: 'POST', body }), params(code));
  const location = response.headers.get('location');
  return { status: response.status, id: location ? location.split('/').pop()! : null, text: response.status === 303 ? '' : await response.text() };
}

const apply = (uploadId: string, communeId = ngaMy.id) => settle(applyCommuneWorkbook(null, form({ communeId, uploadId })));
const report = async (id: string) => (await findWorkbookUpload(database.db, ngaMy.id, id))!.report;

/** People of Nga My not yet used by a test, counted staff with an open primary post. */
const used = new Set<string>();
async function personOf(communeId = ngaMy.id) {
  const cadre = await database.db.cadre.findFirstOrThrow({
    where: {
      code: { notIn: [...used] }, status: 'active', employmentType: { in: ['cadre', 'civil_servant'] },
      assignments: { some: { communeId, isPrimary: true, endDate: null, position: { block: { not: null } } } },
    },
    orderBy: { code: 'asc' },
    select: { id: true, code: true, version: true, ethnicity: true, fullName: true },
  });
  used.add(cadre.code);
  return cadre;
}

/** Row counts the dry run must leave as they were. */
const counts = async () => ({
  cadres: await database.db.cadre.count(), assignments: await database.db.assignment.count(), vacancies: await database.db.vacancy.count(),
  decisions: await database.db.decision.count(), versions: (await database.db.cadre.aggregate({ _sum: { version: true } }))._sum.version,
});

/** A post of the block with room under its quota today, neither key nor elected (any person may be recruited to it). */
async function openPost(): Promise<{ code: string; block: 'party_front' | 'government' }> {
  const staffing = await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() });
  const block = (['government', 'party_front'] as const).find((b) => staffing.blocks[b].headcount < staffing.blocks[b].quota);
  if (!block) throw new Error('Nga My has no block with room');
  const post = await database.db.position.findFirstOrThrow({ where: { provinceId: ngaMy.provinceId, block, isKey: false, isElected: false }, orderBy: { code: 'asc' }, select: { code: true } });
  return { code: post.code, block };
}

describe('the round trip', () => {
  test('the workbook as downloaded changes nothing: every value reads back as it was written', async () => {
    signInAs(homeAffairs);
    for (const code of [ngaMy.code, bacLy.code]) {
      const uploaded = await upload(await download(code), code);
      const commune = code === ngaMy.code ? ngaMy.id : bacLy.id;
      const dry = (await findWorkbookUpload(database.db, commune, uploaded.id!))!.report;
      expect({ problems: dry.problems, conflicts: dry.conflicts, people: dry.people, needs: dry.needs }).toEqual({ problems: [], conflicts: [], people: [], needs: [] });
      expect(dry.unchanged).toBeGreaterThan(0);
    }
  });

  test('download, edit, upload: a readable diff and nothing written; apply: the changes, their audit events, the figures', async () => {
    const workbook = await download();
    const roster = await database.db.assignment.findMany({ where: { communeId: ngaMy.id, endDate: null, isPrimary: true, cadre: { status: 'active' } }, select: { cadreId: true } });
    expect(workbook.getWorksheet('cadres')!.rowCount - 1).toBe(new Set(roster.map((r) => r.cadreId)).size);
    expect(workbook.getWorksheet('needs')).toBeDefined();
    expect(workbook.getWorksheet('Giá trị hợp lệ')).toBeDefined();
    expect([...columns(workbook.getWorksheet('cadres')!).keys()]).toEqual(expect.arrayContaining(['Họ và tên', 'Mã chức danh', 'Kiêm nhiệm', 'Số quyết định', 'Ngày hiệu lực', 'Phiên bản (row_version)']));

    const edited = await personOf();
    const leaving = await personOf();
    set(workbook, 'cadres', rowOf(workbook, edited.code), { 'Dân tộc': 'Tày' });
    set(workbook, 'cadres', rowOf(workbook, leaving.code), { 'Lý do nghỉ': 'Nghỉ hưu', ...decision('11/QĐ-UBND') });
    const post = await openPost();
    set(workbook, 'cadres', nextRow(workbook, 'cadres'), {
      'Họ và tên': 'Lò Thị Mai', 'Giới tính': 'Nữ', 'Ngày sinh': '12/03/1996', 'Loại cán bộ': 'Công chức', 'Trình độ': 'Đại học', 'Mã chức danh': post.code,
      ...decision('12/QĐ-UBND'),
    });
    set(workbook, 'needs', nextRow(workbook, 'needs'), { 'Mã chức danh': post.code, 'Số lượng': 1, 'Mức độ': 'Gấp', 'Ghi chú': 'Nhu cầu từ tệp' });

    const leavingBlock = (await database.db.assignment.findFirstOrThrow({ where: { cadreId: leaving.id, isPrimary: true, endDate: null }, select: { position: { select: { block: true } } } })).position.block;
    const before = await counts();
    const staffingBefore = await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() });
    const audits = await auditCount(database.db);
    const uploaded = await upload(workbook);
    expect(uploaded.status).toBe(303);
    const dry = await report(uploaded.id!);
    expect(dry.problems).toEqual([]);
    expect(dry.conflicts).toEqual([]);
    expect(dry.ok).toBe(true);
    expect(dry.people.map((p) => [p.kind, p.code])).toEqual(expect.arrayContaining([['changed', edited.code], ['left', leaving.code], ['new', null]]));
    expect(dry.people.find((p) => p.code === edited.code)!.changes).toEqual([{ column: 'ethnicity', before: edited.ethnicity, after: 'Tày' }]);
    expect(dry.people.find((p) => p.kind === 'new')).toMatchObject({ fullName: 'Lò Thị Mai', effectiveDate: today(), decision: { number: '12/QĐ-UBND', date: today(), issuingBody: provinceBody } });
    expect(dry.needs).toEqual([expect.objectContaining({ kind: 'new', positionCode: post.code, count: 1, urgency: 'urgent' })]);
    // The dry run wrote nothing but the upload and its audit event.
    expect(await counts()).toEqual(before);
    expect(await auditCount(database.db)).toBe(audits + 1);

    const applied = await apply(uploaded.id!);
    expect(applied).toMatchObject({ ok: true, redirectedTo: expect.stringMatching(/\?applied=1$/) });
    expect((await findWorkbookUpload(database.db, ngaMy.id, uploaded.id!))!.status).toBe('applied');
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: edited.id }, select: { ethnicity: true, version: true } })).toEqual({ ethnicity: 'Tày', version: edited.version + 1 });
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: leaving.id }, select: { status: true, leftReason: true } })).toEqual({ status: 'left', leftReason: 'retirement' });
    const recruit = await database.db.cadre.findFirstOrThrow({ where: { fullName: 'Lò Thị Mai' }, select: { id: true, assignments: { select: { communeId: true, isPrimary: true, decisionId: true } } } });
    expect(recruit.assignments).toEqual([expect.objectContaining({ communeId: ngaMy.id, isPrimary: true })]);
    expect(recruit.assignments[0].decisionId).not.toBeNull();
    expect(await database.db.vacancy.count({ where: { communeId: ngaMy.id, note: 'Nhu cầu từ tệp', status: 'open' } })).toBe(1);
    // The figures moved: one in and one out of their blocks.
    const after = await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() });
    expect(after.blocks[post.block].headcount).toBe(staffingBefore.blocks[post.block].headcount + 1 - (leavingBlock === post.block ? 1 : 0));
    expect(after.total.headcount).toBe(staffingBefore.total.headcount);
    // The forms' own events, one per change, and the apply's summary.
    const events = await database.db.auditLog.findMany({ orderBy: { id: 'desc' }, take: 5, select: { action: true, effectiveOn: true, decisionId: true } });
    expect(events.map((e) => e.action).sort()).toEqual(['cadre.depart', 'cadre.recruit', 'cadre.updateDossier', 'communeWorkbook.apply', 'vacancy.declare']);
    expect(events.filter((e) => e.action === 'cadre.recruit' || e.action === 'cadre.depart').every((e) => e.decisionId !== null)).toBe(true);

    // Applying twice changes nothing.
    expect(await apply(uploaded.id!)).toMatchObject({ ok: false, error: 'communeWorkbook.errors.alreadyApplied' });
  });

  test('a change of primary post and concurrent posts: dated, with its decision, through the forms\' mutations', async () => {
    const workbook = await download();
    const person = await personOf();
    const row = rowOf(workbook, person.code);
    const sheet = workbook.getWorksheet('cadres')!;
    const current = String(row.getCell(columns(sheet).get('Mã chức danh')!).value);
    const block = (await database.db.position.findFirstOrThrow({ where: { provinceId: ngaMy.provinceId, code: current }, select: { block: true } })).block;
    const target = await database.db.position.findFirstOrThrow({
      where: { provinceId: ngaMy.provinceId, block, isKey: false, isElected: false, code: { not: current } }, orderBy: { code: 'desc' }, select: { code: true },
    });
    const concurrent = await database.db.position.findFirstOrThrow({
      where: { provinceId: ngaMy.provinceId, block: { not: null }, isKey: false, isElected: false, code: { notIn: [current, target.code] } }, orderBy: { code: 'asc' }, select: { code: true },
    });
    set(workbook, 'cadres', row, { 'Mã chức danh': target.code, 'Kiêm nhiệm': concurrent.code, ...decision('21/QĐ-UBND') });
    const uploaded = await upload(workbook);
    const dry = await report(uploaded.id!);
    expect(dry.ok).toBe(true);
    expect(dry.people).toEqual([expect.objectContaining({
      kind: 'changed', code: person.code, effectiveDate: today(),
      changes: [{ column: 'position_code', before: current, after: target.code }, { column: 'concurrent_position_codes', before: null, after: concurrent.code }],
    })]);
    expect(await apply(uploaded.id!)).toMatchObject({ ok: true });
    const open = await database.db.assignment.findMany({ where: { cadreId: person.id, endDate: null, isPrimary: true }, select: { position: { select: { code: true } }, startDate: true } });
    expect(open.map((a) => a.position.code)).toEqual([target.code]);
    expect(await database.db.assignment.count({ where: { cadreId: person.id, endDate: null, isPrimary: false, position: { code: concurrent.code } } })).toBe(1);
    expect(await database.db.auditLog.count({ where: { action: 'cadre.changePrimaryPosition', entityId: String(person.id) } })).toBe(1);
    expect(await database.db.auditLog.count({ where: { action: 'cadre.addConcurrentPosition', entityId: String(person.id) } })).toBe(1);
  });
});

describe('conflicts: a change made online meanwhile is never overwritten', () => {
  test('changed online after the download: the apply refuses, lists the conflict, writes nothing', async () => {
    const workbook = await download();
    const first = await personOf();
    const second = await personOf();
    set(workbook, 'cadres', rowOf(workbook, first.code), { 'Dân tộc': 'Thái' });
    set(workbook, 'cadres', rowOf(workbook, second.code), { 'Dân tộc': 'Mông' });
    const uploaded = await upload(workbook);
    expect((await report(uploaded.id!)).ok).toBe(true);

    // Online, the same person is changed through the dossier form.
    expect(await updateDossier(null, form({ communeId: ngaMy.id, cadreId: first.id, version: first.version, ethnicity: 'Mường' }))).toMatchObject({ ok: true });
    const before = await counts();
    const audits = await auditCount(database.db);
    expect(await apply(uploaded.id!)).toMatchObject({ ok: true, redirectedTo: expect.stringMatching(/\?refused=1$/) });
    const refused = await report(uploaded.id!);
    expect(refused.ok).toBe(false);
    expect(refused.conflicts).toEqual([{ row: expect.any(Number), code: first.code, fullName: first.fullName, downloadedVersion: first.version, currentVersion: first.version + 1 }]);
    // Nothing written, the other person's change included; only the refusal's audit event.
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: first.id }, select: { ethnicity: true } })).toEqual({ ethnicity: 'Mường' });
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: second.id }, select: { ethnicity: true, version: true } })).toEqual({ ethnicity: second.ethnicity, version: second.version });
    expect(await counts()).toEqual(before);
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect((await database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' }, select: { action: true } })).action).toBe('communeWorkbook.refused');
    expect((await findWorkbookUpload(database.db, ngaMy.id, uploaded.id!))!.status).toBe('checked');
    // Uploaded again, the same file shows the conflict at once.
    const again = await upload(workbook);
    expect((await report(again.id!)).conflicts.map((c) => c.code)).toEqual([first.code]);
    expect(await apply(again.id!)).toMatchObject({ ok: false, error: 'communeWorkbook.errors.hasProblems' });
  });

  test('all or nothing: when the audit record cannot be written, no change of the workbook is', async () => {
    const workbook = await download();
    const a = await personOf();
    const b = await personOf();
    set(workbook, 'cadres', rowOf(workbook, a.code), { 'Dân tộc': 'Nùng' });
    set(workbook, 'cadres', rowOf(workbook, b.code), { 'Lý do nghỉ': 'Thôi việc', ...decision('31/QĐ-UBND') });
    const uploaded = await upload(workbook);
    expect((await report(uploaded.id!)).ok).toBe(true);
    const before = await counts();
    auditFailure.armed = true;
    await expect(apply(uploaded.id!)).rejects.toThrow();
    auditFailure.armed = false;
    expect(await counts()).toEqual(before);
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: b.id }, select: { status: true } })).toEqual({ status: 'active' });
    expect((await findWorkbookUpload(database.db, ngaMy.id, uploaded.id!))!.status).toBe('checked');
  });
});

describe('refusals', () => {
  test('outside the commune: another commune\'s person, an unknown post, another commune\'s issuing body; a deleted row changes nothing', async () => {
    const workbook = await download();
    const stranger = await personOf(bacLy.id);
    const person = await personOf();
    const bacLyBody = (await database.db.issuingBody.findFirstOrThrow({ where: { communeId: bacLy.id }, select: { code: true } })).code;
    set(workbook, 'cadres', nextRow(workbook, 'cadres'), { 'Mã cán bộ': stranger.code, 'Họ và tên': stranger.fullName, 'Dân tộc': 'Kinh', 'Phiên bản (row_version)': stranger.version });
    set(workbook, 'cadres', rowOf(workbook, person.code), { 'Mã chức danh': 'KHONG_CO', ...decision('41/QĐ-UBND', bacLyBody) });
    // A row removed from the file is not a departure.
    workbook.getWorksheet('cadres')!.spliceRows(2, 1);
    const before = await counts();
    const uploaded = await upload(workbook);
    const dry = await report(uploaded.id!);
    expect(dry.ok).toBe(false);
    expect(dry.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ sheet: 'cadres', column: 'Mã cán bộ', key: 'communeWorkbook.problems.notInCommune', params: { code: stranger.code } }),
      expect.objectContaining({ sheet: 'cadres', column: 'Mã chức danh', key: 'communeWorkbook.problems.unknownPosition', params: { code: 'KHONG_CO' } }),
      expect.objectContaining({ sheet: 'cadres', column: 'Mã cơ quan ban hành', key: 'communeWorkbook.problems.unknownBody' }),
    ]));
    expect(dry.people.filter((p) => p.kind === 'left')).toEqual([]);
    expect(await apply(uploaded.id!)).toMatchObject({ ok: false, error: 'communeWorkbook.errors.hasProblems' });
    expect(await counts()).toEqual(before);
  });

  test('over the quota: a recruitment meets the quota guard, refused with the numbers', async () => {
    const post = await openPost();
    const staffing = await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() });
    const headcount = staffing.blocks[post.block].headcount;
    await database.db.quota.updateMany({ where: { communeId: ngaMy.id, block: post.block }, data: { quota: headcount } });
    try {
      const workbook = await download();
      const person = { 'Giới tính': 'Nam', 'Ngày sinh': '01/01/1995', 'Loại cán bộ': 'Công chức', 'Trình độ': 'Đại học', 'Mã chức danh': post.code };
      set(workbook, 'cadres', nextRow(workbook, 'cadres'), { 'Họ và tên': 'Vi Văn Quá', ...person, ...decision('51/QĐ-UBND') });
      const before = await counts();
      const uploaded = await upload(workbook);
      const dry = await report(uploaded.id!);
      expect(dry.ok).toBe(false);
      expect(dry.problems).toEqual([
        expect.objectContaining({
          sheet: 'cadres', column: 'Mã chức danh', key: 'communeWorkbook.problems.overQuota',
          params: { block: post.block, headcount: String(headcount), quota: String(headcount), date: dmy(today()), adding: '1' },
        }),
      ]);
      expect(await counts()).toEqual(before);
      expect(await apply(uploaded.id!)).toMatchObject({ ok: false, error: 'communeWorkbook.errors.hasProblems' });
      expect(await database.db.cadre.count({ where: { fullName: 'Vi Văn Quá' } })).toBe(0);

      // One place left: two recruitments of one workbook, each within the quota alone, are checked together.
      await database.db.quota.updateMany({ where: { communeId: ngaMy.id, block: post.block }, data: { quota: headcount + 1 } });
      const two = await download();
      set(two, 'cadres', nextRow(two, 'cadres'), { 'Họ và tên': 'Vi Văn Một', ...person, ...decision('52/QĐ-UBND') });
      set(two, 'cadres', nextRow(two, 'cadres'), { 'Họ và tên': 'Vi Văn Hai', ...person, ...decision('52/QĐ-UBND') });
      const second = await report((await upload(two)).id!);
      expect(second.problems).toEqual([
        expect.objectContaining({ key: 'communeWorkbook.problems.overQuota', params: expect.objectContaining({ headcount: String(headcount), quota: String(headcount + 1), adding: '2' }) }),
      ]);
      expect(second.people.filter((p) => p.kind === 'new').map((p) => p.fullName)).toEqual(['Vi Văn Một', 'Vi Văn Hai']);
    } finally {
      await database.db.quota.updateMany({ where: { communeId: ngaMy.id, block: post.block }, data: { quota: staffing.blocks[post.block].quota } });
    }
  });

  test('a dated change without its decision, and bad values: each with its row, column and rule', async () => {
    const workbook = await download();
    const person = await personOf();
    const row = rowOf(workbook, person.code);
    set(workbook, 'cadres', row, { 'Lý do nghỉ': 'Nghỉ hưu', 'Ngày hiệu lực': dmy(today()), 'Ngày sinh': '31/02/1990', 'Hệ số lương': 'nhiều' });
    const uploaded = await upload(workbook);
    const dry = await report(uploaded.id!);
    const at = (column: string) => dry.problems.filter((p) => p.row === row.number && p.column === column).map((p) => p.key);
    expect(at('Ngày sinh')).toEqual(['communeWorkbook.problems.value']);
    expect(at('Hệ số lương')).toEqual(['communeWorkbook.problems.value']);
    // The departure on the same row lacks its decision: every missing field is listed beside the bad cells.
    const missing = dry.problems.filter((p) => p.row === row.number).map((p) => [p.column, p.key]);
    expect(missing).toEqual(expect.arrayContaining([
      ['Số quyết định', 'communeWorkbook.problems.required'], ['Ngày quyết định', 'communeWorkbook.problems.required'], ['Mã cơ quan ban hành', 'communeWorkbook.problems.required'],
    ]));
  });
});

describe('who may', () => {
  // The routes' rows, written out: GET (download) on the chairman's own commune (Nga My) and on another (Bắc Lý).
  const ROUTE_ROWS: [string, number, number][] = [
    ['admin', 403, 403], ['thuongtruc', 403, 403], ['bantochuc', 403, 403], ['noivu', 200, 200], ['so.noivu', 403, 403], ['xa.ngamy', 200, 403],
  ];
  test.each(ROUTE_ROWS)('download as %s: own commune %i, other commune %i', async (username, own, other) => {
    signInAs(await sessionUserFor(database.db, username));
    expect((await route.GET(new Request(`http://localhost/api/communes/${ngaMy.code}/workbook`), params(ngaMy.code))).status).toBe(own);
    expect((await route.GET(new Request(`http://localhost/api/communes/${bacLy.code}/workbook`), params(bacLy.code))).status).toBe(other);
  });

  test.each(ROUTE_ROWS)('upload as %s: own commune %i, other commune %i (303 to the diff when allowed)', async (username, own, other) => {
    signInAs(homeAffairs);
    const ngaMyBook = await download(ngaMy.code);
    const bacLyBook = await download(bacLy.code);
    signInAs(await sessionUserFor(database.db, username));
    expect((await upload(ngaMyBook, ngaMy.code)).status).toBe(own === 200 ? 303 : own);
    expect((await upload(bacLyBook, bacLy.code)).status).toBe(other === 200 ? 303 : other);
  });

  test('another commune\'s chairman and the administrator are refused the download, the upload and the apply', async () => {
    signInAs(otherChairman);
    expect((await route.GET(new Request(`http://localhost/api/communes/${ngaMy.code}/workbook`), params(ngaMy.code))).status).toBe(403);
    signInAs(admin);
    expect((await route.GET(new Request(`http://localhost/api/communes/${ngaMy.code}/workbook`), params(ngaMy.code))).status).toBe(403);
    signInAs(chairman);
    const uploaded = await upload(await download());
    signInAs(otherChairman);
    expect(await apply(uploaded.id!)).toMatchObject({ ok: false, error: 'errors.forbidden' });
    signInAs(homeAffairs);
    expect((await route.GET(new Request(`http://localhost/api/communes/${bacLy.code}/workbook`), params(bacLy.code))).status).toBe(200);
  });

  test('a file over the cap is refused before it is read; nothing is stored', async () => {
    const uploads = await database.db.communeWorkbookUpload.count();
    const body = new FormData();
    body.append('file', new File([new Uint8Array(3 * 1024 * 1024)], 'lon.xlsx'));
    const response = await route.POST(new Request(`http://localhost/api/communes/${ngaMy.code}/workbook`, { method: 'POST', body }), params(ngaMy.code));
    expect(response.status).toBe(413);
    expect(await database.db.communeWorkbookUpload.count()).toBe(uploads);
  });
});
