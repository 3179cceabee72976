import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyWorkbook, checkWorkbook } from '@/lib/import';
import type { ImportOptions } from '@/lib/import/types';
import { runDataCommand } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { smallProvince, xlsxSource, type Sheets } from './import-fixtures';

// Cadre semantics (start_date, position changes, concurrent posts, `left`), key_positions and, at the end,
// `export status` on the imported province, following the foundation's definitions.

const day1: ImportOptions = { today: '2025-11-20', actor: { id: null, name: 'tester', role: 'system' } };
const day2: ImportOptions = { ...day1, today: '2025-12-01' };

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('empty');
  const first = await applyWorkbook(database.db, await xlsxSource(smallProvince()), day1);
  expect(first.problems).toEqual([]);
});
afterAll(async () => {
  await database?.drop();
});

const assignmentsOf = async (code: string) =>
  (await database.db.assignment.findMany({ where: { cadre: { code } }, include: { position: true, commune: true, department: true }, orderBy: [{ startDate: 'asc' }, { id: 'asc' }] }))
    .map((a) => [a.position.code, a.isPrimary, a.commune?.code ?? a.department?.code, a.startDate.toISOString().slice(0, 10), a.endDate?.toISOString().slice(0, 10) ?? null]);

function edit(change: (sheets: Sheets) => void): Sheets {
  const sheets = smallProvince();
  change(sheets);
  return sheets;
}

describe('cadres', () => {
  test('a changed position closes the old primary assignment the day before the new start', async () => {
    // C3: CV in TT001 since 2025-07-01 becomes PCT in TT001 from 2025-11-15.
    const sheets = edit((s) => { s.cadres[3][8] = 'PCT'; s.cadres[3][11] = '15/11/2025'; });
    const dry = await checkWorkbook(database.db, await xlsxSource(sheets), day1);
    expect(dry.counts.cadres).toEqual({ created: 0, updated: 1, unchanged: 5 });
    expect(await assignmentsOf('C3')).toEqual([['CV', true, 'TT001', '2025-07-01', null]]);
    const applied = await applyWorkbook(database.db, await xlsxSource(sheets), day1);
    expect(applied.counts.cadres).toEqual({ created: 0, updated: 1, unchanged: 5 });
    expect(await assignmentsOf('C3')).toEqual([['CV', true, 'TT001', '2025-07-01', '2025-11-14'], ['PCT', true, 'TT001', '2025-11-15', null]]);
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entityType: 'cadre', action: 'import.update' }, orderBy: { id: 'desc' } });
    expect(audit.before).toMatchObject({ positionCode: 'CV', startDate: '2025-07-01' });
    expect(audit.after).toMatchObject({ positionCode: 'PCT', startDate: '2025-11-15' });
    expect(audit.actorName).toBe('tester');
    expect((await applyWorkbook(database.db, await xlsxSource(sheets), day1)).counts.cadres).toEqual({ created: 0, updated: 0, unchanged: 6 });
  });

  test('concurrent positions: those no longer listed are closed, new ones opened in the same unit', async () => {
    // C5 (BT in TT002, concurrent CT and PCT) keeps PCT, drops CT, adds CV.
    const sheets = edit((s) => { s.cadres[3][8] = 'PCT'; s.cadres[3][11] = '15/11/2025'; s.cadres[5][9] = 'PCT;CV'; });
    const report = await applyWorkbook(database.db, await xlsxSource(sheets), day2);
    expect(report.counts.cadres).toEqual({ created: 0, updated: 1, unchanged: 5 });
    expect((await assignmentsOf('C5')).map((a) => a.join(' ')).sort()).toEqual([
      'BT true TT002 2025-07-01 ',
      'CT false TT002 2025-07-01 2025-11-30',
      'CV false TT002 2025-12-01 ',
      'PCT false TT002 2025-07-01 ',
    ]);
  });

  test('status left: left on the import date, reason other, every open assignment closed, and a note', async () => {
    const sheets = edit((s) => { s.cadres[3][8] = 'PCT'; s.cadres[3][11] = '15/11/2025'; s.cadres[5][9] = 'PCT;CV'; s.cadres[5][10] = 'left'; });
    const report = await applyWorkbook(database.db, await xlsxSource(sheets), day2);
    expect(report.counts.cadres).toEqual({ created: 0, updated: 1, unchanged: 5 });
    expect(report.notes.join('\n')).toMatch(/1 người có trạng thái "left" đã được ghi nhận nghỉ ngày 01\/12\/2025, lý do: khác/);
    const c5 = await database.db.cadre.findFirstOrThrow({ where: { code: 'C5' } });
    expect([c5.status, c5.leftOn?.toISOString().slice(0, 10), c5.leftReason]).toEqual(['left', '2025-12-01', 'other']);
    expect((await assignmentsOf('C5')).filter((a) => a[4] === null)).toEqual([]);
    // Importing the departure again changes nothing (the recorded date stays).
    const again = await applyWorkbook(database.db, await xlsxSource(sheets), { ...day2, today: '2025-12-05' });
    expect(again.counts.cadres).toEqual({ created: 0, updated: 0, unchanged: 6 });
  });
});

describe('key_positions', () => {
  const norms = async () =>
    (await database.db.keyPositionNorm.findMany({ include: { commune: true, position: true } }))
      .map((n) => `${n.commune.code}:${n.position.code}=${n.required}`).sort();

  test('absent: no override, every key position once in every commune', async () => {
    expect(await norms()).toEqual([]);
  });

  test('present: the whole truth for the communes it names (unlisted key positions 0), the default elsewhere', async () => {
    const sheets = edit((s) => {
      s.cadres[3][8] = 'PCT'; s.cadres[3][11] = '15/11/2025'; s.cadres[5][9] = 'PCT;CV'; s.cadres[5][10] = 'left';
      s.key_positions = [['commune_code', 'position_code', 'required'], ['TT001', 'PCT', 2], ['TT001', 'CT', 1]];
    });
    const report = await applyWorkbook(database.db, await xlsxSource(sheets), day2);
    expect(report.counts.key_positions).toEqual({ created: 1, updated: 0, unchanged: 1 });
    expect(await norms()).toEqual(['TT001:BT=0', 'TT001:PCT=2']);
    expect(report.notes.join('\n')).toMatch(/1 định mức chức danh chủ chốt không ghi trong sheet/);
    // Without the sheet again, the default applies everywhere: the overrides go back to 1.
    const reset = await applyWorkbook(database.db, await xlsxSource(edit((s) => {
      s.cadres[3][8] = 'PCT'; s.cadres[3][11] = '15/11/2025'; s.cadres[5][9] = 'PCT;CV'; s.cadres[5][10] = 'left';
    })), day2);
    expect(reset.problems).toEqual([]);
    expect(await norms()).toEqual(['TT001:BT=1', 'TT001:PCT=1']);
  });
});

describe('export status after an import into an empty database', () => {
  test('follows the definitions: counted staff per block, quotas of the latest year, key vacancies', async () => {
    const fresh = await createTestDatabase('empty');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-import-status-'));
    try {
      const sheets = smallProvince();
      sheets.key_positions = [['commune_code', 'position_code', 'required'], ['TT003', 'BT', 1]];
      const report = await applyWorkbook(fresh.db, await xlsxSource(sheets), day1);
      expect(report.problems).toEqual([]);
      process.env.APP_TODAY = '2025-11-20';
      const r = await runDataCommand(fresh.url, ['export', 'status', 'status.csv'], dir);
      expect(r.code).toBe(0);
      const [header, ...rows] = fs.readFileSync(path.join(dir, 'status.csv'), 'utf8').trimEnd().split('\n').map((line) => line.split(','));
      const at = (name: string) => header.indexOf(name);
      const byCode = new Map(rows.map((row) => [row[0], row]));
      const pick = (code: string, names: string[]) => names.map((n) => byCode.get(code)![at(n)]);
      const columns = ['quota_total', 'headcount_total', 'difference_total', 'quota_party_front', 'headcount_party_front', 'quota_government',
        'headcount_government', 'key_vacancies', 'short_staffed', 'key_gaps'];
      // TT001 (2025: 3 + 4; the 2024 row is ignored): C1 BT (party_front), C2 CT and C3 CV (government) count;
      // key places BT, CT, PCT: PCT is held only concurrently by C2, so nothing is vacant.
      expect(pick('TT001', columns)).toEqual(['7', '3', '-4', '3', '1', '4', '2', '0', 'yes', 'no']);
      // TT002: C4 is a public employee (never counts); C5 BT with CT and PCT concurrently.
      expect(pick('TT002', columns)).toEqual(['4', '1', '-3', '2', '1', '2', '0', '0', 'yes', 'no']);
      // TT003: nobody; key_positions names it with BT only, so CT and PCT are 0 and 1 place is vacant.
      expect(pick('TT003', columns)).toEqual(['2', '0', '-2', '1', '0', '1', '0', '1', 'yes', 'yes']);
    } finally {
      delete process.env.APP_TODAY;
      fs.rmSync(dir, { recursive: true, force: true });
      await fresh.drop();
    }
  });
});
