import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, form } from '../support/action-harness';
import { decisionFields, seededCommune } from '../support/factories';


const { recordDeparture } = await import('@/lib/actions/roster/record-departure');
const { recruitCadre } = await import('@/lib/actions/roster/recruit-cadre');
const { getCommuneStaffing } = await import('@/lib/db/staffing-queries');
const { findLeftPersonInCommune } = await import('@/lib/db/roster-queries');


let database: TestDatabase;
let decision: Awaited<ReturnType<typeof decisionFields>>;
let chairman: SessionUser;
let standing: SessionUser;
let departmentOfficer: SessionUser;
let admin: SessionUser;
let homeAffairs: SessionUser;
let ngaMy: { id: number; provinceId: number };
let hoaQuan: { id: number; provinceId: number };
beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  decision = await decisionFields(database.db);
  chairman = await sessionUserFor(database.db, 'xa.ngamy');
  standing = await sessionUserFor(database.db, 'thuongtruc');
  departmentOfficer = await sessionUserFor(database.db, 'so.noivu');
  admin = await sessionUserFor(database.db, 'admin');
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  ngaMy = await database.db.commune.findUniqueOrThrow({ where: { id: chairman.communeId! }, select: { id: true, provinceId: true } });
  hoaQuan = await seededCommune(database.db, 'Hoa Quân');
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(chairman);
});

const difference = async (communeId: number) => (await getCommuneStaffing(database.db, ngaMy.provinceId, communeId, { date: today() })).total.difference;
const lastAudit = () => database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });

/** An active, counted person of the commune with an open primary assignment there, not yet used by a test. */
const used = new Set<number>();
async function personOf(communeId: number) {
  const cadre = await database.db.cadre.findFirstOrThrow({
    where: {
      id: { notIn: [...used] },
      status: 'active',
      employmentType: { in: ['cadre', 'civil_servant'] },
      assignments: { some: { communeId, isPrimary: true, endDate: null, position: { block: { not: null } } } },
    },
    orderBy: { code: 'desc' },
    select: { id: true, code: true, version: true },
  });
  used.add(cadre.id);
  return cadre;
}
const departure = (cadre: { id: number; version: number }, communeId: number, extra: Record<string, string | number | undefined> = {}) =>
  form({ cadreId: cadre.id, communeId, version: cadre.version, reason: 'early_retirement', date: today(), ...decision, ...extra });

describe('recordDeparture', () => {
  test('allowed: the chairman ends the person and every open assignment in one audited change; the difference drops by 1', async () => {
    const cadre = await personOf(ngaMy.id);
    const before = await difference(ngaMy.id);
    const audits = await auditCount(database.db);
    const result = await recordDeparture(null, departure(cadre, ngaMy.id));
    expect(result).toMatchObject({ ok: true, notice: 'roster.departureRecorded' });
    const row = await database.db.cadre.findUniqueOrThrow({ where: { id: cadre.id } });
    expect(row).toMatchObject({ status: 'left', leftReason: 'early_retirement', version: cadre.version + 1 });
    expect(row.leftOn?.toISOString().slice(0, 10)).toBe(today());
    expect(await database.db.assignment.count({ where: { cadreId: cadre.id, communeId: ngaMy.id, endDate: null } })).toBe(0);
    expect(await difference(ngaMy.id)).toBe(before - 1);
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: 'cadre.depart', entityType: 'cadre', entityId: String(cadre.id), actorId: chairman.id });
  });

  test('after the departure the person and departure pages find him as left, in his commune only', async () => {
    const cadre = await personOf(ngaMy.id);
    const by = { provinceId: ngaMy.provinceId, code: cadre.code };
    expect(await findLeftPersonInCommune(database.db, ngaMy.id, by)).toBeNull();
    expect(await recordDeparture(null, departure(cadre, ngaMy.id))).toMatchObject({ ok: true });
    const left = await findLeftPersonInCommune(database.db, ngaMy.id, by);
    expect(left).toMatchObject({ id: cadre.id, version: cadre.version + 1 });
    expect(left?.fullName).toBeTruthy();
    expect(await findLeftPersonInCommune(database.db, hoaQuan.id, by)).toBeNull();
    expect(await findLeftPersonInCommune(database.db, ngaMy.id, { ...by, provinceId: ngaMy.provinceId + 1000 })).toBeNull();
  });

  test.each([
    ['standing committee (no roster.edit)', () => standing],
    ['department officer (roster.edit, but only for her department)', () => departmentOfficer],
  ])('wrong role: %s → forbidden, nothing written', async (_label, who) => {
    signInAs(who());
    const cadre = await personOf(ngaMy.id);
    const audits = await auditCount(database.db);
    expect(await recordDeparture(null, departure(cadre, ngaMy.id))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: cadre.id } })).toMatchObject({ status: 'active', version: cadre.version });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('out of scope: the chairman of Nga My on a person of Hoa Quân → forbidden, nothing written', async () => {
    const cadre = await personOf(hoaQuan.id);
    const audits = await auditCount(database.db);
    expect(await recordDeparture(null, departure(cadre, hoaQuan.id))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    // Naming his own commune does not help: the person is not on its roster.
    expect(await recordDeparture(null, departure(cadre, ngaMy.id))).toMatchObject({ ok: false, error: 'errors.notFound' });
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: cadre.id } })).toMatchObject({ status: 'active' });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test.each([
    { label: 'an impossible date', extra: { date: '2025-02-31' }, field: 'date', key: 'roster.errors.date' },
    { label: 'a date more than a year ahead', extra: { date: '2999-01-01' }, field: 'date', key: 'roster.errors.tooFarAhead' },
    { label: 'a date before the current assignment started', extra: { date: '2000-01-01' }, field: 'date', key: 'roster.errors.dateBeforeStart' },
    { label: 'no reason', extra: { reason: '' }, field: 'reason', key: 'roster.errors.reason' },
  ])('invalid input: $label → message beside the field, values kept, nothing written', async ({ extra, field, key }) => {
    const cadre = await personOf(ngaMy.id);
    const audits = await auditCount(database.db);
    const result = await recordDeparture(null, departure(cadre, ngaMy.id, extra));
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { [field]: key } });
    expect(!result.ok && result.values).toMatchObject({ cadreId: String(cadre.id), ...extra });
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: cadre.id } })).toMatchObject({ status: 'active' });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('stale version: someone changed the person since the form was rendered → conflict, what was typed is kept', async () => {
    const cadre = await personOf(ngaMy.id);
    await database.db.cadre.update({ where: { id: cadre.id }, data: { phone: '0912345678', version: { increment: 1 } } });
    const audits = await auditCount(database.db);
    const result = await recordDeparture(null, departure(cadre, ngaMy.id, { reason: 'transfer_out' }));
    expect(result).toMatchObject({ ok: false, error: 'roster.errors.stale', values: { reason: 'transfer_out', date: today() } });
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: cadre.id } })).toMatchObject({ status: 'active', version: cadre.version + 1 });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('recording the same departure twice: the second is a conflict', async () => {
    const cadre = await personOf(ngaMy.id);
    expect(await recordDeparture(null, departure(cadre, ngaMy.id))).toMatchObject({ ok: true });
    expect(await recordDeparture(null, departure(cadre, ngaMy.id))).toMatchObject({ ok: false });
  });

  test('the audit record is written in the same transaction: when it fails, the departure is rolled back', async () => {
    const cadre = await personOf(ngaMy.id);
    auditFailure.armed = true;
    await expect(recordDeparture(null, departure(cadre, ngaMy.id))).rejects.toThrow('audit write failed');
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: cadre.id } })).toMatchObject({ status: 'active', version: cadre.version });
    expect(await database.db.assignment.count({ where: { cadreId: cadre.id, endDate: { not: null } } })).toBe(0);
  });
});

async function governmentPosition() {
  return database.db.position.findFirstOrThrow({ where: { provinceId: ngaMy.provinceId, block: 'government', isKey: false }, orderBy: { sortOrder: 'asc' } });
}
const recruit = async (communeId: number, extra: Record<string, string | number | undefined> = {}) =>
  form({
    ...decision,
    communeId,
    fullName: 'Lò Văn Mới',
    gender: 'male',
    birthDate: '1999-03-15',
    employmentType: 'civil_servant',
    education: 'university',
    field: 'it_digital',
    positionId: (await governmentPosition()).id,
    startDate: today(),
    ...extra,
  });

describe('recruitCadre', () => {
  test('allowed: creates the person with the next free code and a primary assignment; the difference rises by 1', async () => {
    const before = await difference(ngaMy.id);
    const last = await database.db.cadre.findFirstOrThrow({ where: { provinceId: ngaMy.provinceId }, orderBy: { code: 'desc' }, select: { code: true } });
    const audits = await auditCount(database.db);
    const result = await recruitCadre(null, await recruit(ngaMy.id));
    expect(result).toMatchObject({ ok: true, notice: 'roster.recruited' });
    const code = `CB${String(Number(last.code.slice(2)) + 1).padStart(6, '0')}`;
    expect(result.ok && result.data).toMatchObject({ code });
    const row = await database.db.cadre.findFirstOrThrow({ where: { provinceId: ngaMy.provinceId, code }, include: { assignments: true } });
    expect(row).toMatchObject({ fullName: 'Lò Văn Mới', status: 'active', employmentType: 'civil_servant', field: 'it_digital' });
    expect(row.assignments).toEqual([expect.objectContaining({ communeId: ngaMy.id, isPrimary: true, endDate: null })]);
    expect(await difference(ngaMy.id)).toBe(before + 1);
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: 'cadre.recruit', entityId: String(row.id) });
  });

  test('dates typed as dd/MM/yyyy, whatever the browser: stored as the same calendar day', async () => {
    const [y, m, d] = today().split('-');
    const result = await recruitCadre(null, await recruit(ngaMy.id, { fullName: 'Hà Thị Ngày', birthDate: '15/03/1999', startDate: `${d}/${m}/${y}` }));
    expect(result).toMatchObject({ ok: true });
    const row = await database.db.cadre.findFirstOrThrow({ where: { provinceId: ngaMy.provinceId, fullName: 'Hà Thị Ngày' }, include: { assignments: true } });
    expect(row.birthDate.toISOString().slice(0, 10)).toBe('1999-03-15');
    expect(row.assignments[0].startDate.toISOString().slice(0, 10)).toBe(today());
  });

  test('the audit record is written in the same transaction: when it fails, nobody is recruited', async () => {
    const people = await database.db.cadre.count();
    auditFailure.armed = true;
    try {
      await expect(recruitCadre(null, await recruit(ngaMy.id, { fullName: 'Đinh Văn Lỗi' }))).rejects.toThrow(/audit/);
    } finally {
      auditFailure.armed = false;
    }
    expect(await database.db.cadre.count()).toBe(people);
  });

  test('refused past the quota (rule 6): Hoa Quân is already 7 above, as Home Affairs', async () => {
    signInAs(homeAffairs);
    const people = await database.db.cadre.count();
    const audits = await auditCount(database.db);
    const result = await recruitCadre(null, await recruit(hoaQuan.id));
    expect(result).toMatchObject({ ok: false, error: 'roster.errors.overQuota', fieldErrors: { positionId: 'roster.errors.overQuota' }, values: { fullName: 'Lò Văn Mới' } });
    expect(await database.db.cadre.count()).toBe(people);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('two recruitments at once for the last free place: exactly one passes', async () => {
    const staffing = await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() });
    await database.db.quota.update({
      where: { communeId_block_year: { communeId: ngaMy.id, block: 'government', year: staffing.quotaYear! } },
      data: { quota: staffing.blocks.government.headcount + 1 },
    });
    const results = await Promise.all([recruitCadre(null, await recruit(ngaMy.id, { fullName: 'Người Một' })), recruitCadre(null, await recruit(ngaMy.id, { fullName: 'Người Hai' }))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ error: 'roster.errors.overQuota' })]);
    expect((await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() })).blocks.government.difference).toBe(0);
  });

  test('wrong role: standing committee → forbidden, nothing written', async () => {
    signInAs(standing);
    const people = await database.db.cadre.count();
    expect(await recruitCadre(null, await recruit(ngaMy.id))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await database.db.cadre.count()).toBe(people);
  });

  test('out of scope: the chairman of Nga My recruiting into Hoa Quân → forbidden, nothing written', async () => {
    const people = await database.db.cadre.count();
    const audits = await auditCount(database.db);
    expect(await recruitCadre(null, await recruit(hoaQuan.id))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await database.db.cadre.count()).toBe(people);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test.each([
    { label: 'no name', extra: { fullName: ' ' }, field: 'fullName', key: 'roster.errors.fullName' },
    { label: 'a public employee is not a recruitment against the quota', extra: { employmentType: 'public_employee' }, field: 'employmentType', key: 'roster.errors.employmentType' },
    { label: 'sixteen years old', extra: { birthDate: '2010-01-01' }, field: 'birthDate', key: 'roster.errors.tooYoung' },
    { label: 'born 01/01/1900: past the retirement age of Decree 135/2020', extra: { birthDate: '01/01/1900' }, field: 'birthDate', key: 'roster.errors.pastRetirement' },
    { label: 'born 01/01/1800', extra: { birthDate: '1800-01-01' }, field: 'birthDate', key: 'roster.errors.pastRetirement' },
    { label: 'digits in the name ("Nguyen Van 123")', extra: { fullName: 'Nguyen Van 123' }, field: 'fullName', key: 'roster.errors.fullNameLetters' },
    { label: 'a month that does not exist (31/02)', extra: { birthDate: '31/02/1990' }, field: 'birthDate', key: 'roster.errors.date' },
    { label: 'a position that is not a commune position', extra: { positionId: 999999 }, field: 'positionId', key: 'roster.errors.position' },
  ])('invalid input: $label → message beside the field, values kept', async ({ extra, field, key }) => {
    const people = await database.db.cadre.count();
    const result = await recruitCadre(null, await recruit(ngaMy.id, extra));
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { [field]: key }, values: { gender: 'male' } });
    expect(await database.db.cadre.count()).toBe(people);
  });
});
