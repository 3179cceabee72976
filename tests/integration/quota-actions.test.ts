import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, form } from '../support/action-harness';
import { createCommune } from '../support/factories';


const { saveCommuneQuotas } = await import('@/lib/actions/quotas/save-commune-quotas');
const { updateCommuneAttributes } = await import('@/lib/actions/communes/update-commune-attributes');
const { saveKeyPositionNorms } = await import('@/lib/actions/quotas/save-key-position-norms');
const { getCommuneStaffing, getProvinceStaffing } = await import('@/lib/db/staffing-queries');
const { listCommuneHistory } = await import('@/lib/db/quota-queries');


let database: TestDatabase;
let homeAffairs: SessionUser;
let admin: SessionUser;
let chairman: SessionUser;
beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  admin = await sessionUserFor(database.db, 'admin');
  chairman = await sessionUserFor(database.db, 'xa.ngamy');
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(homeAffairs);
});

const YEAR = 2025;
const commune = (id: number) => database.db.commune.findUniqueOrThrow({ where: { id } });
/** A commune of the test's own, with a 2025 quota of 20 and 30: no other test acts on it. */
const freshCommune = () => createCommune(database.db, homeAffairs.provinceId, { quota: { year: YEAR, party_front: 20, government: 30 } });
/** The chairman's own commune (Nga My), on which his role is still refused. */
const chairmansCommune = () => commune(chairman.communeId!);
const quotaOf = async (communeId: number, year: number) => {
  const rows = await database.db.quota.findMany({ where: { communeId, year }, orderBy: { block: 'asc' } });
  return Object.fromEntries(rows.map((row) => [row.block, row.quota]));
};
const lastAudit = () => database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });

describe('saveCommuneQuotas', () => {
  test('allowed: upserts both blocks, bumps the version, audits before/after, and the staffing figures follow', async () => {
    const target = await freshCommune();
    const oldQuota = await quotaOf(target.id, YEAR);
    const staffingBefore = (await getProvinceStaffing(database.db, homeAffairs.provinceId)).communes.find((c) => c.code === target.code)!;
    const before = await auditCount(database.db);

    const partyFront = oldQuota.party_front + 3;
    const government = oldQuota.government + 5;
    const result = await saveCommuneQuotas(null, form({ communeId: target.id, version: target.version, year: YEAR, partyFront, government }));

    expect(result).toMatchObject({ ok: true, notice: 'quotas.saved' });
    expect(await quotaOf(target.id, YEAR)).toEqual({ party_front: partyFront, government });
    expect((await commune(target.id)).version).toBe(target.version + 1);
    expect(await auditCount(database.db)).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({
      action: 'quota.save',
      entityType: 'quota',
      entityId: String(target.id),
      actorId: homeAffairs.id,
      before: { year: YEAR, party_front: oldQuota.party_front, government: oldQuota.government },
      after: { year: YEAR, party_front: partyFront, government },
    });

    const staffingAfter = (await getProvinceStaffing(database.db, homeAffairs.provinceId)).communes.find((c) => c.code === target.code)!;
    expect(staffingAfter.blocks.party_front.quota).toBe(partyFront);
    expect(staffingAfter.blocks.government.quota).toBe(government);
    expect(staffingAfter.total.quota).toBe(staffingBefore.total.quota + 8);
    expect(staffingAfter.total.difference).toBe(staffingBefore.total.difference - 8);
    expect(staffingAfter.total.headcount).toBe(staffingBefore.total.headcount);
  });

  test('allowed for an administrator, and a new year creates both rows (the latest year then counts)', async () => {
    signInAs(admin);
    const target = await freshCommune();
    const result = await saveCommuneQuotas(null, form({ communeId: target.id, version: target.version, year: YEAR + 1, partyFront: 0, government: 12 }));
    expect(result).toMatchObject({ ok: true });
    expect(await quotaOf(target.id, YEAR + 1)).toEqual({ party_front: 0, government: 12 });
    expect(await lastAudit()).toMatchObject({ before: { year: YEAR + 1, party_front: null, government: null }, after: { year: YEAR + 1, party_front: 0, government: 12 } });
    const staffing = (await getProvinceStaffing(database.db, admin.provinceId)).communes.find((c) => c.code === target.code)!;
    expect(staffing.quotaYear).toBe(YEAR + 1);
    expect(staffing.total.quota).toBe(12);
  });

  test('wrong role: a commune chairman is refused even on his own commune, nothing written', async () => {
    signInAs(chairman);
    const target = await chairmansCommune();
    const oldQuota = await quotaOf(target.id, YEAR);
    const before = await auditCount(database.db);
    const result = await saveCommuneQuotas(null, form({ communeId: target.id, version: target.version, year: YEAR, partyFront: 99, government: 99 }));
    expect(result).toEqual({ ok: false, error: 'errors.forbidden' });
    expect(await quotaOf(target.id, YEAR)).toEqual(oldQuota);
    expect((await chairmansCommune()).version).toBe(target.version);
    expect(await auditCount(database.db)).toBe(before);
  });

  test('out of scope: another province\'s commune reads as not found', async () => {
    const province = await database.db.province.create({ data: { code: 'QZ', name: 'Tỉnh Khác' } });
    const district = await database.db.oldDistrict.create({ data: { provinceId: province.id, code: 'QZ01', name: 'Huyện Khác' } });
    const foreign = await database.db.commune.create({ data: { provinceId: province.id, oldDistrictId: district.id, code: 'QZ001', name: 'Xã Khác' } });
    const before = await auditCount(database.db);
    const result = await saveCommuneQuotas(null, form({ communeId: foreign.id, version: foreign.version, year: YEAR, partyFront: 1, government: 1 }));
    expect(result).toMatchObject({ ok: false, error: 'errors.notFound' });
    expect(await database.db.quota.count({ where: { communeId: foreign.id } })).toBe(0);
    expect(await auditCount(database.db)).toBe(before);
  });

  test.each([
    ['negative', '-1', 'quotas.errors.negative'],
    ['not a number', 'mười', 'quotas.errors.notInteger'],
    ['a decimal', '2.5', 'quotas.errors.notInteger'],
    ['a 10-digit number', '1234567890', 'quotas.errors.tooLarge'],
    ['above the ceiling', '10000', 'quotas.errors.tooLarge'],
    ['empty', '', 'errors.required'],
  ])('invalid input (%s): a message beside the field, the typed values kept, nothing written', async (_label, typed, key) => {
    const target = await freshCommune();
    const oldQuota = await quotaOf(target.id, YEAR);
    const before = await auditCount(database.db);
    const result = await saveCommuneQuotas(null, form({ communeId: target.id, version: target.version, year: YEAR, partyFront: typed, government: '30' }));
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { partyFront: key }, values: { partyFront: typed, government: '30' } });
    expect(result.ok === false && result.fieldErrors?.government).toBeFalsy();
    expect(await quotaOf(target.id, YEAR)).toEqual(oldQuota);
    expect((await commune(target.id)).version).toBe(target.version);
    expect(await auditCount(database.db)).toBe(before);
  });

  test('stale version: the second save of two forms rendered together gets the conflict, nothing written, typed values kept', async () => {
    const target = await freshCommune();
    const first = await saveCommuneQuotas(null, form({ communeId: target.id, version: target.version, year: YEAR, partyFront: 21, government: 31 }));
    expect(first).toMatchObject({ ok: true });
    const before = await auditCount(database.db);
    const second = await saveCommuneQuotas(null, form({ communeId: target.id, version: target.version, year: YEAR, partyFront: 40, government: 50 }));
    expect(second).toMatchObject({ ok: false, error: 'quotas.errors.stale', values: { partyFront: '40', government: '50' } });
    expect(await quotaOf(target.id, YEAR)).toEqual({ party_front: 21, government: 31 });
    expect((await commune(target.id)).version).toBe(target.version + 1);
    expect(await auditCount(database.db)).toBe(before);
  });

  test('the audit record is in the same transaction: when it fails, the quotas and the version are unchanged', async () => {
    const target = await freshCommune();
    const oldQuota = await quotaOf(target.id, YEAR);
    const before = await auditCount(database.db);
    auditFailure.armed = true;
    await expect(saveCommuneQuotas(null, form({ communeId: target.id, version: target.version, year: YEAR, partyFront: 77, government: 77 }))).rejects.toThrow('audit write failed');
    expect(await quotaOf(target.id, YEAR)).toEqual(oldQuota);
    expect((await commune(target.id)).version).toBe(target.version);
    expect(await auditCount(database.db)).toBe(before);
  });
});

describe('updateCommuneAttributes', () => {
  test('allowed: changes the old district and flags, bumps the version, audits before/after', async () => {
    const target = await database.db.commune.findUniqueOrThrow({ where: { id: (await freshCommune()).id }, include: { oldDistrict: true } });
    const other = await database.db.oldDistrict.findFirstOrThrow({ where: { provinceId: target.provinceId, id: { not: target.oldDistrictId } }, orderBy: { code: 'asc' } });
    const data: Record<string, string | number> = { communeId: target.id, version: target.version, oldDistrictId: other.id };
    if (!target.mountainous) data.mountainous = 'on';
    if (!target.border) data.border = 'on';
    const result = await updateCommuneAttributes(null, form(data));
    expect(result).toMatchObject({ ok: true, notice: 'communeAttributes.saved' });
    const after = await commune(target.id);
    expect(after).toMatchObject({ oldDistrictId: other.id, mountainous: !target.mountainous, border: !target.border, extremelyDisadvantaged: false, version: target.version + 1 });
    expect(await lastAudit()).toMatchObject({
      action: 'commune.updateAttributes',
      entityType: 'commune',
      entityId: String(target.id),
      before: { oldDistrictCode: target.oldDistrict.code, mountainous: target.mountainous, border: target.border, extremelyDisadvantaged: target.extremelyDisadvantaged },
      after: { oldDistrictCode: other.code, mountainous: !target.mountainous, border: !target.border, extremelyDisadvantaged: false },
    });
  });

  test('wrong role: forbidden, nothing written', async () => {
    signInAs(chairman);
    const target = await chairmansCommune();
    const before = await auditCount(database.db);
    const result = await updateCommuneAttributes(null, form({ communeId: target.id, version: target.version, oldDistrictId: target.oldDistrictId, border: 'on' }));
    expect(result).toEqual({ ok: false, error: 'errors.forbidden' });
    expect(await chairmansCommune()).toMatchObject({ border: target.border, version: target.version });
    expect(await auditCount(database.db)).toBe(before);
  });

  test('invalid input: another province\'s old district is refused beside the field, nothing written', async () => {
    const target = await freshCommune();
    const province = await database.db.province.create({ data: { code: 'QY', name: 'Tỉnh Khác Nữa' } });
    const foreignDistrict = await database.db.oldDistrict.create({ data: { provinceId: province.id, code: 'QY01', name: 'Huyện Xa' } });
    const before = await auditCount(database.db);
    for (const oldDistrictId of [foreignDistrict.id, '']) {
      const result = await updateCommuneAttributes(null, form({ communeId: target.id, version: target.version, oldDistrictId, mountainous: 'on' }));
      expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { oldDistrictId: 'communeAttributes.errors.oldDistrictRequired' }, values: { mountainous: 'on' } });
    }
    expect(await commune(target.id)).toMatchObject({ oldDistrictId: target.oldDistrictId, version: target.version });
    expect(await auditCount(database.db)).toBe(before);
  });

  test('stale version: a quota save in between makes the attribute form stale (one version per commune)', async () => {
    const target = await freshCommune();
    expect(await saveCommuneQuotas(null, form({ communeId: target.id, version: target.version, year: YEAR, partyFront: 10, government: 20 }))).toMatchObject({ ok: true });
    const before = await auditCount(database.db);
    const result = await updateCommuneAttributes(null, form({ communeId: target.id, version: target.version, oldDistrictId: target.oldDistrictId, border: 'on' }));
    expect(result).toMatchObject({ ok: false, error: 'quotas.errors.stale', values: { border: 'on' } });
    expect(await commune(target.id)).toMatchObject({ border: target.border, version: target.version + 1 });
    expect(await auditCount(database.db)).toBe(before);
  });

  test('when the audit record cannot be written, the old district, the flags and the version are unchanged', async () => {
    const target = await freshCommune();
    const other = await database.db.oldDistrict.findFirstOrThrow({ where: { provinceId: target.provinceId, id: { not: target.oldDistrictId } }, orderBy: { code: 'asc' } });
    const before = await auditCount(database.db);
    auditFailure.armed = true;
    try {
      await expect(updateCommuneAttributes(null, form({ communeId: target.id, version: target.version, oldDistrictId: other.id, border: 'on', mountainous: 'on' }))).rejects.toThrow('audit write failed');
    } finally {
      auditFailure.armed = false;
    }
    expect(await commune(target.id)).toMatchObject({ oldDistrictId: target.oldDistrictId, border: target.border, mountainous: target.mountainous, version: target.version });
    expect(await auditCount(database.db)).toBe(before);
  });
});

describe('listCommuneHistory', () => {
  test('the commune\'s quota and attribute changes, newest first', async () => {
    const target = await freshCommune();
    await saveCommuneQuotas(null, form({ communeId: target.id, version: target.version, year: YEAR, partyFront: 11, government: 22 }));
    await updateCommuneAttributes(null, form({ communeId: target.id, version: target.version + 1, oldDistrictId: target.oldDistrictId, border: 'on' }));
    await saveCommuneQuotas(null, form({ communeId: target.id, version: target.version + 2, year: YEAR, partyFront: 12, government: 22 }));
    const history = await listCommuneHistory(database.db, homeAffairs.provinceId, target.id);
    expect(history.map((entry) => entry.entityType)).toEqual(['quota', 'commune', 'quota']);
    expect(history[0]).toMatchObject({ actorName: 'noivu', before: { party_front: 11 }, after: { party_front: 12 } });
    expect(history[1]).toMatchObject({ after: { border: true } });
  });
});

describe('saveKeyPositionNorms', () => {
  const keyPositions = () => database.db.position.findMany({ where: { provinceId: homeAffairs.provinceId, isKey: true }, orderBy: { code: 'asc' } });
  const normsOf = async (communeId: number) =>
    Object.fromEntries((await database.db.keyPositionNorm.findMany({ where: { communeId } })).map((row) => [row.positionId, row.required]));

  test('allowed: writes only the changed norms, audits them by position code, and key vacancies follow', async () => {
    const target = await freshCommune();
    const [first, second, third] = await keyPositions();
    const before = await getCommuneStaffing(database.db, homeAffairs.provinceId, target.id);
    const vacanciesBefore = before.keyVacancies;
    const holders = before.keyPositions.find((p) => p.positionId === first.id)!.holders;
    const result = await saveKeyPositionNorms(null, form({ communeId: target.id, version: target.version, [`norm-${first.id}`]: 3, [`norm-${second.id}`]: 1, [`norm-${third.id}`]: 1 }));
    expect(result).toMatchObject({ ok: true, notice: 'quotas.norms.saved' });
    expect(await normsOf(target.id)).toEqual({ [first.id]: 3 });
    expect((await commune(target.id)).version).toBe(target.version + 1);
    expect(await lastAudit()).toMatchObject({ action: 'keyPositionNorm.save', entityType: 'keyPositionNorm', entityId: String(target.id), before: { [first.code]: 1 }, after: { [first.code]: 3 } });
    const staffing = await getCommuneStaffing(database.db, homeAffairs.provinceId, target.id);
    expect(staffing.keyPositions.find((p) => p.positionId === first.id)?.required).toBe(3);
    // Vacancies of a key post are its places less its holders (docs/domain.md, Counting): from 1 place to 3.
    expect(staffing.keyVacancies).toBe(vacanciesBefore - (1 - Math.min(1, holders)) + (3 - Math.min(3, holders)));
    expect(staffing.keyVacancies).toBeGreaterThan(vacanciesBefore);
    const history = await listCommuneHistory(database.db, homeAffairs.provinceId, target.id);
    expect(history[0]).toMatchObject({ entityType: 'keyPositionNorm', after: { [first.code]: 3 } });
  });

  test('wrong role: forbidden, nothing written', async () => {
    signInAs(chairman);
    const target = await chairmansCommune();
    const [first] = await keyPositions();
    const before = await auditCount(database.db);
    const result = await saveKeyPositionNorms(null, form({ communeId: target.id, version: target.version, [`norm-${first.id}`]: 0 }));
    expect(result).toEqual({ ok: false, error: 'errors.forbidden' });
    expect(await normsOf(target.id)).toEqual({});
    expect(await auditCount(database.db)).toBe(before);
  });

  test('invalid input: each bad norm is refused beside its field, the typed values kept, nothing written', async () => {
    const target = await freshCommune();
    const [first, second, third] = await keyPositions();
    const notKey = await database.db.position.findFirstOrThrow({ where: { provinceId: homeAffairs.provinceId, isKey: false } });
    const before = await auditCount(database.db);
    const typed = { communeId: target.id, version: target.version, [`norm-${first.id}`]: '-1', [`norm-${second.id}`]: 'hai', [`norm-${third.id}`]: '1234567890' };
    expect(await saveKeyPositionNorms(null, form(typed))).toMatchObject({
      ok: false,
      error: 'errors.validation',
      fieldErrors: { [`norm-${first.id}`]: 'quotas.errors.negative', [`norm-${second.id}`]: 'quotas.errors.notInteger', [`norm-${third.id}`]: 'quotas.norms.tooLarge' },
      values: { [`norm-${second.id}`]: 'hai' },
    });
    expect(await saveKeyPositionNorms(null, form({ communeId: target.id, version: target.version, [`norm-${notKey.id}`]: 2 }))).toMatchObject({
      ok: false,
      fieldErrors: { [`norm-${notKey.id}`]: 'errors.invalid' },
    });
    expect(await normsOf(target.id)).toEqual({});
    expect((await commune(target.id)).version).toBe(target.version);
    expect(await auditCount(database.db)).toBe(before);
  });

  test('stale version: conflict, nothing written', async () => {
    const target = await freshCommune();
    const [first] = await keyPositions();
    expect(await saveKeyPositionNorms(null, form({ communeId: target.id, version: target.version, [`norm-${first.id}`]: 2 }))).toMatchObject({ ok: true });
    const before = await auditCount(database.db);
    const result = await saveKeyPositionNorms(null, form({ communeId: target.id, version: target.version, [`norm-${first.id}`]: 5 }));
    expect(result).toMatchObject({ ok: false, error: 'quotas.errors.stale', values: { [`norm-${first.id}`]: '5' } });
    expect(await normsOf(target.id)).toEqual({ [first.id]: 2 });
    expect(await auditCount(database.db)).toBe(before);
  });

  test('the audit record is in the same transaction', async () => {
    const target = await freshCommune();
    const [first] = await keyPositions();
    auditFailure.armed = true;
    await expect(saveKeyPositionNorms(null, form({ communeId: target.id, version: target.version, [`norm-${first.id}`]: 4 }))).rejects.toThrow('audit write failed');
    expect(await normsOf(target.id)).toEqual({});
    expect((await commune(target.id)).version).toBe(target.version);
  });
});
