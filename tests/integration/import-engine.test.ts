import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyWorkbook, buildTemplate, checkWorkbook } from '@/lib/import';
import { fictitiousExample } from '@/lib/import/template';
import type { ImportOptions, ImportReport } from '@/lib/import/types';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { smallProvince, toCsvFolder, toCsvZip, xlsxSource } from './import-fixtures';

const options: ImportOptions = { today: '2025-11-20', actor: { id: null, name: 'tester', role: 'system' } };

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('empty');
});
afterAll(async () => {
  await database?.drop();
});

const auditCount = () => database.db.auditLog.count();

/** Row counts of every table an import writes, to prove that a refused or dry-run import changed nothing. */
async function snapshot() {
  const db = database.db;
  return {
    provinces: await db.province.count(), oldDistricts: await db.oldDistrict.count(), communes: await db.commune.count(),
    departments: await db.department.count(), departmentQuotas: await db.departmentQuota.count(), positions: await db.position.count(),
    quotas: await db.quota.count(), norms: await db.keyPositionNorm.count(), cadres: await db.cadre.count(),
    assignments: await db.assignment.count(), audit: await auditCount(),
  };
}

const problemsOf = (report: ImportReport) => report.problems.map((p) => `${p.sheet}|${p.row}|${p.column}|${p.message}`);

describe('the template', () => {
  test('has every sheet, the headers as written and imports cleanly into an empty database (dry run)', async () => {
    // Built on the import's day, as the CLI and the web build it (its example person is rated for the year).
    const bytes = await buildTemplate('xlsx', fictitiousExample(Number(options.today.slice(0, 4))));
    const before = await snapshot();
    const report = await checkWorkbook(database.db, { kind: 'bytes', fileName: 'mau.xlsx', bytes }, options);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.applied).toBe(false);
    expect(report.counts.cadres).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.counts.ratings).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.counts.province).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.notes.join('\n')).toMatch(/Bỏ qua sheet không thuộc mẫu: Hướng dẫn/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a small province, applied into an empty database', () => {
  let first: ImportReport;
  beforeAll(async () => {
    first = await applyWorkbook(database.db, await xlsxSource(smallProvince()), options);
  });

  test('creates every row and audits each one plus a summary', async () => {
    expect(problemsOf(first)).toEqual([]);
    expect(first.applied).toBe(true);
    expect(first.counts).toEqual({
      province: { created: 1, updated: 0, unchanged: 0 },
      communes: { created: 3, updated: 0, unchanged: 0 },
      departments: { created: 1, updated: 0, unchanged: 0 },
      positions: { created: 5, updated: 0, unchanged: 0 },
      quotas: { created: 7, updated: 0, unchanged: 0 },
      cadres: { created: 6, updated: 0, unchanged: 0 },
    });
    const districts = await database.db.oldDistrict.findMany({ orderBy: { code: 'asc' } });
    expect(districts.map((x) => [x.code, x.name, x.mountainous])).toEqual([['BO_SONG', 'Thị xã Bờ Sông', false], ['NUI_CAO', 'Huyện Núi Cao', true]]);
    const quota = await database.db.departmentQuota.findFirstOrThrow();
    expect([quota.year, quota.quota]).toEqual([2025, 80]);
    // 1 province + 2 districts + 3 + 1 + 5 + 7 + 6 rows, and the summary.
    expect(await auditCount()).toBe(1 + 2 + 3 + 1 + 5 + 7 + 6 + 1);
    const c5 = await database.db.cadre.findFirstOrThrow({ where: { code: 'C5' }, include: { assignments: { include: { position: true } } } });
    expect(c5.assignments.map((a) => [a.position.code, a.isPrimary, a.endDate]).sort()).toEqual([['BT', true, null], ['CT', false, null], ['PCT', false, null]]);
  });

  test('importing the same file again changes nothing and writes only the summary audit row', async () => {
    const audit = await auditCount();
    const again = await applyWorkbook(database.db, await xlsxSource(smallProvince()), options);
    expect(again.applied).toBe(true);
    for (const counts of Object.values(again.counts)) expect(counts.created + counts.updated).toBe(0);
    expect(again.counts.cadres).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(await auditCount()).toBe(audit + 1);
  });

  test('the same data as a ZIP of CSV files and as a folder is unchanged too', async () => {
    const zip = await checkWorkbook(database.db, { kind: 'bytes', fileName: 'tinh.zip', bytes: toCsvZip(smallProvince()) }, options);
    expect(problemsOf(zip)).toEqual([]);
    expect(zip.counts.cadres).toEqual({ created: 0, updated: 0, unchanged: 6 });
    const folder = await checkWorkbook(database.db, { kind: 'folder', path: toCsvFolder(smallProvince()) }, options);
    expect(problemsOf(folder)).toEqual([]);
    expect(folder.counts.communes).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });
});
