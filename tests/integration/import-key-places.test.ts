import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyWorkbook, checkWorkbook } from '@/lib/import';
import type { ImportOptions } from '@/lib/import/types';
import { listOverfilledKeyPlaces } from '@/lib/db/key-place-queries';
import { poolOf } from '@/lib/db/prisma';
import { getCommuneStaffing, getProvinceStaffing } from '@/lib/db/staffing-queries';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { smallProvince, xlsxSource, type Sheets } from './import-fixtures';

// One holder per key place in existing data and imports (decision 024): a workbook whose cadres sheet puts
// more holders on a key post of a commune than its norm is not refused; the import report lists it as a warning
// for Home Affairs, the commune page lists it as a data problem (derived at read time), and the counting
// pipeline counts the place filled up to its norm, never twice.

const TODAY = '2025-11-20';
const options: ImportOptions = { today: TODAY, actor: { id: null, name: 'tester', role: 'system' } };
const CHAIRMAN_TWICE = 'Xã Một: Chủ tịch UBND có 2 người giữ (Lê Văn Bảy, Trần Thị Hai), định mức 1 — Sở Nội vụ cần rà soát.';

/**
 * The small province with a second People's Committee chairman in Xã Một (TT001): C7 holds CT as his primary post
 * while C2 still holds it. The Party Secretary (C1) serves in Xã Ba instead, so Xã Một's BT place is vacant.
 */
function twoChairmen(change?: (sheets: Sheets) => void): Sheets {
  const sheets = smallProvince();
  sheets.cadres[1][7] = 'TT003';
  sheets.cadres.push(['C7', 'Lê Văn Bảy', 'male', '1982-03-03', 'civil_servant', 'university', null, 'TT001', 'CT', null, 'active', '2025-07-01']);
  change?.(sheets);
  return sheets;
}

let database: TestDatabase;
let provinceId: number;
const communeId: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase('empty');
});
afterAll(async () => {
  await database?.drop();
});

describe('the import', () => {
  test('a key post with more holders than its norm is a warning of the dry run and of the apply, and the workbook is applied', async () => {
    const dry = await checkWorkbook(database.db, await xlsxSource(twoChairmen()), options);
    expect(dry).toMatchObject({ ok: true, problems: [], applied: false, warnings: [CHAIRMAN_TWICE] });

    const applied = await applyWorkbook(database.db, await xlsxSource(twoChairmen()), options);
    expect(applied).toMatchObject({ ok: true, problems: [], applied: true, warnings: [CHAIRMAN_TWICE] });
    expect(applied.counts.cadres).toEqual({ created: 7, updated: 0, unchanged: 0 });
    const chairmen = await database.db.assignment.findMany({
      where: { commune: { code: 'TT001' }, position: { code: 'CT' }, isPrimary: true, endDate: null },
      include: { cadre: true },
      orderBy: { cadre: { code: 'asc' } },
    });
    expect(chairmen.map((a) => a.cadre.code)).toEqual(['C2', 'C7']);

    provinceId = (await database.db.province.findUniqueOrThrow({ where: { code: 'TT' } })).id;
    for (const c of await database.db.commune.findMany({ where: { provinceId } })) communeId[c.code] = c.id;
  });

  test('the norm after the import decides: a norm of 2 in key_positions clears the warning; a commune the sheet names has 0 for the posts it leaves out', async () => {
    const normOfTwo = (sheets: Sheets) => {
      sheets.key_positions = [['commune_code', 'position_code', 'required'], ['TT001', 'BT', 1], ['TT001', 'CT', 2], ['TT001', 'PCT', 1]];
    };
    expect((await checkWorkbook(database.db, await xlsxSource(twoChairmen(normOfTwo)), options)).warnings).toEqual([]);

    // Phường Hai named with its Secretary only: CT and PCT get 0 places there, and C5 holds both concurrently.
    const wardNamed = (sheets: Sheets) => {
      sheets.key_positions = [['commune_code', 'position_code', 'required'], ['TT002', 'BT', 1]];
    };
    const report = await checkWorkbook(database.db, await xlsxSource(twoChairmen(wardNamed)), options);
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([
      CHAIRMAN_TWICE,
      'Phường Hai: Chủ tịch UBND có 1 người giữ (Hoàng Văn Năm), định mức 0 — Sở Nội vụ cần rà soát.',
      'Phường Hai: Phó Chủ tịch UBND có 1 người giữ (Hoàng Văn Năm), định mức 0 — Sở Nội vụ cần rà soát.',
    ]);
  });
});

describe('the data as the pages read it', () => {
  test('the commune page lists the key post held by more people than its norm (derived at read time), and only in that commune', async () => {
    expect(await listOverfilledKeyPlaces(poolOf(database.db), { provinceId, date: TODAY, communeIds: [communeId.TT001] })).toEqual([
      {
        communeId: communeId.TT001, communeCode: 'TT001', communeName: 'Xã Một', communeKind: 'commune',
        positionId: expect.any(Number), positionCode: 'CT', positionTitleVi: 'Chủ tịch UBND', positionTitleEn: expect.any(String),
        norm: 1, holders: ['Lê Văn Bảy', 'Trần Thị Hai'],
      },
    ]);
    expect(await listOverfilledKeyPlaces(poolOf(database.db), { provinceId, date: TODAY, communeIds: [communeId.TT002, communeId.TT003] })).toEqual([]);
    expect((await listOverfilledKeyPlaces(poolOf(database.db), { provinceId, date: TODAY })).map((p) => `${p.communeCode}:${p.positionCode}`)).toEqual(['TT001:CT']);
    // Before the two took the post there was nothing to review.
    expect(await listOverfilledKeyPlaces(poolOf(database.db), { provinceId, date: '2025-06-30' })).toEqual([]);
  });

  test('the counting pipeline counts the overfilled place once: its extra holder neither fills the vacant Secretary place nor makes a negative gap', async () => {
    const staffing = await getCommuneStaffing(database.db, provinceId, communeId.TT001, { date: TODAY });
    const place = (code: string) => staffing.keyPositions.find((p) => p.positionCode === code)!;
    expect(place('CT')).toMatchObject({ required: 1, holders: 2, primaryHolders: 2, vacancies: 0 });
    expect(place('BT')).toMatchObject({ required: 1, holders: 0, vacancies: 1 });
    expect(place('PCT')).toMatchObject({ required: 1, holders: 1, primaryHolders: 0, vacancies: 0, concurrentOnly: true });
    // Three places, four holdings: one place is still vacant (a sum of holders against the norms would say none).
    expect(staffing.keyVacancies).toBe(1);
    expect(staffing.concurrentOnlyPlaces).toBe(1);
    // Both chairmen are people on the staff: each counts once in the government block (C2, C3, C7).
    expect(staffing.blocks.government.headcount).toBe(3);
    const province = await getProvinceStaffing(database.db, provinceId, { date: TODAY });
    expect(province.total.keyVacancies).toBe(province.communes.reduce((sum, c) => sum + c.keyVacancies, 0));
    expect(province.communes.map((c) => [c.code, c.keyVacancies])).toEqual([['TT001', 1], ['TT002', 0], ['TT003', 2]]);
  });
});
