import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkWorkbook } from '@/lib/import';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seededCommune, seededProvince } from '../support/factories';
import { smallProvince, xlsxSource } from './import-fixtures';

// The web page's case: a workbook for the signed-in user's province (the seeded Nghệ An), checked only.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('seeded');
});
afterAll(async () => {
  await database?.drop();
});

describe('a workbook for an existing province (dry run)', () => {
  test('old districts match by folded name without prefix; existing codes of the province are known', async () => {
    const province = await seededProvince(database.db);
    const commune = await database.db.commune.findUniqueOrThrow({ where: { id: (await seededCommune(database.db, 'Anh Sơn')).id }, include: { oldDistrict: true } });
    const homeAffairs = await database.db.user.findUniqueOrThrow({ where: { username: 'noivu' }, select: { id: true } });
    const sheets = smallProvince();
    sheets.province = [['Mã tỉnh', 'Tên tỉnh'], [province.code, province.name]];
    sheets.communes = [sheets.communes[0], [commune.code, commune.name, commune.kind, 'anh son', commune.mountainous ? 'có' : 'không', commune.extremelyDisadvantaged ? 'yes' : 'no']];
    sheets.departments = [sheets.departments[0]];
    sheets.positions = [sheets.positions[0]];
    sheets.quotas = [sheets.quotas[0]];
    sheets.cadres = [sheets.cadres[0]];
    expect(commune.oldDistrict.name).toBe('Huyện Anh Sơn');
    const before = await database.db.auditLog.count();
    const report = await checkWorkbook(database.db, await xlsxSource(sheets), { today: '2025-11-20', provinceId: province.id, actor: { id: homeAffairs.id, name: 'noivu', role: 'home_affairs' } });
    expect(report.problems).toEqual([]);
    expect(report.counts.province).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(report.counts.communes).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(report.applied).toBe(false);
    expect(await database.db.auditLog.count()).toBe(before);
  });
});
