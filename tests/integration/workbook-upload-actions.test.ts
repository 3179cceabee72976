import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, form, settle } from '../support/action-harness';
import { setCell, templateFor, uploadForm } from '../support/workbooks';

// The upload page's two actions (decision 010): a dry run that stores the workbook and its report and
// changes no staffing data, then an all-or-nothing apply of the stored workbook on any instance.

const { checkWorkbookUpload } = await import('@/lib/actions/imports/check-workbook');
const { applyWorkbookUpload } = await import('@/lib/actions/imports/apply-workbook');
const { findImport, listImports } = await import('@/lib/db/import-queries');

let database: TestDatabase;
let homeAffairs: SessionUser;
let province: { code: string; name: string; oldDistrict: string };

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  const row = await database.db.province.findUniqueOrThrow({ where: { id: homeAffairs.provinceId }, select: { code: true, name: true } });
  const district = await database.db.oldDistrict.findFirstOrThrow({ where: { provinceId: homeAffairs.provinceId }, orderBy: { code: 'asc' } });
  province = { ...row, oldDistrict: district.name };
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(homeAffairs);
});

/** Row counts of the staffing tables: a dry run or a refused apply must leave them all as they were. */
async function staffingCounts() {
  const db = database.db;
  return {
    communes: await db.commune.count(), positions: await db.position.count(), cadres: await db.cadre.count(), assignments: await db.assignment.count(),
    quotas: await db.quota.count(), departments: await db.department.count(),
  };
}

const uploadedId = (result: unknown) => {
  const target = (result as { redirectedTo?: string }).redirectedTo ?? '';
  expect(target).toMatch(/^\/import\/[0-9a-f-]{36}$/);
  return target.slice('/import/'.length);
};

describe('checkWorkbookUpload', () => {
  test('a workbook with a problem is stored with its report; nothing else changes', async () => {
    const before = await staffingCounts();
    const audits = await auditCount(database.db);
    const bytes = await templateFor(province, (wb) => {
      setCell(wb, 'cadres', 2, 'birth_date', '31/02/1990');
    });
    const id = uploadedId(await settle(checkWorkbookUpload(null, uploadForm(bytes, 'có-lỗi.xlsx'))));
    const upload = await findImport(database.db, homeAffairs.provinceId, id);
    expect(upload).toMatchObject({ status: 'checked', fileName: 'có-lỗi.xlsx', byteSize: bytes.byteLength });
    expect(upload!.report!.ok).toBe(false);
    expect(upload!.report!.problems).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: 'cadres', row: 2, column: 'birth_date' })]));
    expect(upload!.problemCount).toBeGreaterThan(0);
    expect(await staffingCounts()).toEqual(before);
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect((await listImports(database.db, homeAffairs.provinceId)).map((u) => u.id)).toContain(id);
  });

  test('an empty file, a file over 25 MB and no file are refused beside the field; nothing is stored', async () => {
    const uploads = await database.db.importUpload.count();
    expect(await checkWorkbookUpload(null, uploadForm(new Uint8Array(0), 'rong.xlsx'))).toMatchObject({ ok: false, fieldErrors: { file: 'imports.errors.empty' } });
    const big = new Uint8Array(25 * 1024 * 1024 + 1);
    expect(await checkWorkbookUpload(null, uploadForm(big, 'lon.xlsx'))).toMatchObject({ ok: false, fieldErrors: { file: 'imports.errors.tooLarge' } });
    expect(await checkWorkbookUpload(null, form({}))).toMatchObject({ ok: false, fieldErrors: { file: 'imports.errors.noFile' } });
    expect(await database.db.importUpload.count()).toBe(uploads);
  });

  test('when the audit record cannot be written, nothing is stored: a workbook with problems or a clean one', async () => {
    const withProblem = await templateFor(province, (wb) => {
      setCell(wb, 'cadres', 2, 'birth_date', '31/02/1990');
    });
    for (const bytes of [withProblem, await templateFor(province)]) {
      const [uploads, audits, before] = [await database.db.importUpload.count(), await auditCount(database.db), await staffingCounts()];
      auditFailure.armed = true;
      try {
        await expect(settle(checkWorkbookUpload(null, uploadForm(bytes, 'khong-luu.xlsx')))).rejects.toThrow('audit write failed');
      } finally {
        auditFailure.armed = false;
      }
      expect(await database.db.importUpload.count()).toBe(uploads);
      expect(await auditCount(database.db)).toBe(audits);
      expect(await staffingCounts()).toEqual(before);
    }
  });

  test('a workbook of another province is reported, not applied', async () => {
    const id = uploadedId(await settle(checkWorkbookUpload(null, uploadForm(await templateFor({ code: 'XX', name: 'Tỉnh mẫu' }))))); 
    const upload = await findImport(database.db, homeAffairs.provinceId, id);
    expect(upload!.report!.ok).toBe(false);
    expect(upload!.report!.problems[0]).toMatchObject({ sheet: 'province' });
    expect(await applyWorkbookUpload(null, form({ importId: id }))).toMatchObject({ ok: false, error: 'imports.errors.hasProblems' });
  });
});

describe('applyWorkbookUpload', () => {
  test('applies a clean workbook all at once, marks it applied, and refuses to apply it twice', async () => {
    const bytes = await templateFor(province);
    const id = uploadedId(await settle(checkWorkbookUpload(null, uploadForm(bytes))));
    const checked = await findImport(database.db, homeAffairs.provinceId, id);
    expect(checked!.report!.ok).toBe(true);
    expect(await database.db.commune.findFirst({ where: { provinceId: homeAffairs.provinceId, code: 'XX001' } })).toBeNull();

    expect(uploadedId(await settle(applyWorkbookUpload(null, form({ importId: id }))))).toBe(id);
    const applied = await findImport(database.db, homeAffairs.provinceId, id);
    expect(applied).toMatchObject({ status: 'applied', appliedBy: homeAffairs.displayName });
    expect(applied!.report!.applied).toBe(true);
    expect(await database.db.commune.findFirst({ where: { provinceId: homeAffairs.provinceId, code: 'XX001' } })).not.toBeNull();
    expect(await database.db.cadre.findFirst({ where: { provinceId: homeAffairs.provinceId, code: 'XXCB0001' } })).toMatchObject({ fullName: 'Nguyễn Văn An' });

    expect(await applyWorkbookUpload(null, form({ importId: id }))).toMatchObject({ ok: false, error: 'imports.errors.alreadyApplied' });

    // The same file again: the dry run finds nothing to change.
    const again = uploadedId(await settle(checkWorkbookUpload(null, uploadForm(bytes))));
    const report = (await findImport(database.db, homeAffairs.provinceId, again))!.report!;
    expect(report.ok).toBe(true);
    for (const counts of Object.values(report.counts)) expect(counts).toMatchObject({ created: 0, updated: 0 });
  });

  test('when the audit records cannot be written, the apply changes nothing and the upload stays checked', async () => {
    const id = uploadedId(await settle(checkWorkbookUpload(null, uploadForm(await templateFor(province)))));
    const checked = await database.db.importUpload.findUniqueOrThrow({ where: { id } });
    expect(checked).toMatchObject({ status: 'checked', problemCount: 0 });
    const [audits, before] = [await auditCount(database.db), await staffingCounts()];
    auditFailure.armed = true;
    try {
      await expect(settle(applyWorkbookUpload(null, form({ importId: id })))).rejects.toThrow('audit write failed');
    } finally {
      auditFailure.armed = false;
    }
    expect(await database.db.importUpload.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'checked', appliedAt: null, appliedById: null, report: checked.report, problemCount: 0 });
    expect(await staffingCounts()).toEqual(before);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('the workbook no longer fits at apply time: its new report is kept and audited; when that audit fails, the upload is as it was', async () => {
    const id = uploadedId(await settle(checkWorkbookUpload(null, uploadForm(await templateFor(province)))));
    // What the dry run saw is no longer what the apply finds (here: the stored bytes now carry a bad date).
    const broken = await templateFor(province, (wb) => {
      setCell(wb, 'cadres', 2, 'birth_date', '31/02/1990');
    });
    await database.db.importUpload.update({ where: { id }, data: { content: Buffer.from(broken) } });
    const checked = await database.db.importUpload.findUniqueOrThrow({ where: { id } });
    const [audits, before] = [await auditCount(database.db), await staffingCounts()];

    auditFailure.armed = true;
    try {
      await expect(settle(applyWorkbookUpload(null, form({ importId: id })))).rejects.toThrow('audit write failed');
    } finally {
      auditFailure.armed = false;
    }
    expect(await database.db.importUpload.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'checked', report: checked.report, problemCount: 0 });
    expect(await auditCount(database.db)).toBe(audits);

    expect(uploadedId(await settle(applyWorkbookUpload(null, form({ importId: id }))))).toBe(id);
    const refused = await findImport(database.db, homeAffairs.provinceId, id);
    expect(refused).toMatchObject({ status: 'checked' });
    expect(refused!.problemCount).toBeGreaterThan(0);
    expect(refused!.report).toMatchObject({ ok: false, applied: false });
    expect(await database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } })).toMatchObject({ action: 'import.refused', entityId: id, after: { problemCount: refused!.problemCount } });
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await staffingCounts()).toEqual(before);
  });

  test('an unknown or foreign upload is not found', async () => {
    expect(await applyWorkbookUpload(null, form({ importId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ ok: false, error: 'errors.notFound' });
    expect(await applyWorkbookUpload(null, form({ importId: 'not-a-uuid' }))).toMatchObject({ ok: false, error: 'errors.validation' });
  });
});
