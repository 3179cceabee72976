import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, form } from '../support/action-harness';
import { seededCommune } from '../support/factories';

const { declareVacancy } = await import('@/lib/actions/vacancies/declare-vacancy');
const { closeVacancy } = await import('@/lib/actions/vacancies/close-vacancy');
const { listOpenVacancies } = await import('@/lib/db/vacancy-queries');


let database: TestDatabase;
let chairman: SessionUser;
let homeAffairs: SessionUser;
let departmentOfficer: SessionUser;
let standing: SessionUser;
let ngaMyId: number;
let hoaQuanId: number;
let positionId: number;
beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  chairman = await sessionUserFor(database.db, 'xa.ngamy');
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  departmentOfficer = await sessionUserFor(database.db, 'so.noivu');
  standing = await sessionUserFor(database.db, 'thuongtruc');
  ngaMyId = chairman.communeId!;
  hoaQuanId = (await seededCommune(database.db, 'Hoa Quân')).id;
  positionId = (await database.db.position.findFirstOrThrow({ where: { provinceId: chairman.provinceId, isKey: true, block: 'government' } })).id;
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(chairman);
});

const need = (communeId: number, extra: Record<string, string | number | undefined> = {}) =>
  form({ communeId, positionId, field: '', count: 2, urgency: 'critical', note: 'Cần gấp trước kỳ họp', ...extra });
const vacancyCount = () => database.db.vacancy.count();
async function openVacancy(communeId: number) {
  return database.db.vacancy.create({ data: { communeId, field: 'land', count: 1, declaredOn: new Date('2026-01-05') } });
}

describe('declareVacancy', () => {
  test('allowed: the chairman declares a need of his commune; it is listed as open, with its audit record', async () => {
    const audits = await auditCount(database.db);
    const result = await declareVacancy(null, need(ngaMyId));
    expect(result).toMatchObject({ ok: true, notice: 'vacancies.declared' });
    const id = result.ok ? result.data.id : 0;
    expect(await database.db.vacancy.findUniqueOrThrow({ where: { id } })).toMatchObject({
      communeId: ngaMyId, positionId, field: null, count: 2, urgency: 'critical', status: 'open', declaredById: chairman.id, version: 1,
    });
    expect((await listOpenVacancies(database.db, ngaMyId)).map((v) => v.id)).toContain(id);
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } })).toMatchObject({ action: 'vacancy.declare', entityId: String(id) });
  });

  test('allowed: Home Affairs on any commune of the province, a field of expertise only', async () => {
    signInAs(homeAffairs);
    expect(await declareVacancy(null, need(hoaQuanId, { positionId: '', field: 'it_digital', urgency: 'normal' }))).toMatchObject({ ok: true });
  });

  test.each([
    ['standing committee', () => standing],
    ['department officer', () => departmentOfficer],
  ])('wrong role: %s → forbidden, nothing written', async (_label, who) => {
    signInAs(who());
    const [before, audits] = [await vacancyCount(), await auditCount(database.db)];
    expect(await declareVacancy(null, need(ngaMyId))).toEqual({ ok: false, error: 'errors.forbidden' });
    expect(await vacancyCount()).toBe(before);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('out of scope: the chairman of Nga My declaring for Hoa Quân → forbidden, nothing written', async () => {
    const [before, audits] = [await vacancyCount(), await auditCount(database.db)];
    expect(await declareVacancy(null, need(hoaQuanId))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await vacancyCount()).toBe(before);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test.each([
    { label: 'count 0', extra: { count: 0 }, field: 'count', key: 'vacancies.errors.count' },
    { label: 'count 1000', extra: { count: 1000 }, field: 'count', key: 'vacancies.errors.count' },
    { label: 'neither a position nor a field', extra: { positionId: '', field: '' }, field: 'positionId', key: 'vacancies.errors.whatRequired' },
    { label: 'an unknown urgency', extra: { urgency: 'tomorrow' }, field: 'urgency', key: 'vacancies.errors.urgency' },
    { label: 'a position of no commune block', extra: { positionId: 999999 }, field: 'positionId', key: 'vacancies.errors.position' },
  ])('invalid input: $label → message beside the field, values kept, nothing written', async ({ extra, field, key }) => {
    const before = await vacancyCount();
    const result = await declareVacancy(null, need(ngaMyId, extra));
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { [field]: key }, values: { note: 'Cần gấp trước kỳ họp' } });
    expect(await vacancyCount()).toBe(before);
  });

  test('the audit record is written in the same transaction: when it fails, no need is declared', async () => {
    const before = await vacancyCount();
    auditFailure.armed = true;
    await expect(declareVacancy(null, need(ngaMyId))).rejects.toThrow('audit write failed');
    expect(await vacancyCount()).toBe(before);
  });
});

describe('closeVacancy', () => {
  test('allowed: closes the need with a note; it leaves the open list', async () => {
    const vacancy = await openVacancy(ngaMyId);
    const audits = await auditCount(database.db);
    const result = await closeVacancy(null, form({ vacancyId: vacancy.id, version: vacancy.version, closeNote: 'Đã tiếp nhận 1 người' }));
    expect(result).toMatchObject({ ok: true, notice: 'vacancies.closed' });
    expect(await database.db.vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).toMatchObject({
      status: 'closed', closeNote: 'Đã tiếp nhận 1 người', closedById: chairman.id, version: vacancy.version + 1,
    });
    expect((await listOpenVacancies(database.db, ngaMyId)).map((v) => v.id)).not.toContain(vacancy.id);
    expect(await auditCount(database.db)).toBe(audits + 1);
  });

  test('stale version: someone changed the need since the form was rendered → conflict, the note typed is kept', async () => {
    const vacancy = await openVacancy(ngaMyId);
    await database.db.vacancy.update({ where: { id: vacancy.id }, data: { count: 3, version: { increment: 1 } } });
    const audits = await auditCount(database.db);
    const result = await closeVacancy(null, form({ vacancyId: vacancy.id, version: vacancy.version, closeNote: 'Ghi chú của tôi' }));
    expect(result).toMatchObject({ ok: false, error: 'vacancies.errors.stale', values: { closeNote: 'Ghi chú của tôi' } });
    expect(await database.db.vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).toMatchObject({ status: 'open' });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('two closes of one need at once: exactly one succeeds, one audit record', async () => {
    const vacancy = await openVacancy(ngaMyId);
    const audits = await auditCount(database.db);
    const results = await Promise.all([1, 2].map(() => closeVacancy(null, form({ vacancyId: vacancy.id, version: vacancy.version, closeNote: '' }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await auditCount(database.db)).toBe(audits + 1);
  });

  test('the audit record is written in the same transaction: when it fails, the need stays open', async () => {
    const vacancy = await openVacancy(ngaMyId);
    const audits = await auditCount(database.db);
    auditFailure.armed = true;
    try {
      await expect(closeVacancy(null, form({ vacancyId: vacancy.id, version: vacancy.version, closeNote: 'Không lưu' }))).rejects.toThrow('audit write failed');
    } finally {
      auditFailure.armed = false;
    }
    expect(await database.db.vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).toMatchObject({ status: 'open', closedOn: null, closeNote: null, closedById: null, version: vacancy.version });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('wrong role: department officer → forbidden, nothing written', async () => {
    signInAs(departmentOfficer);
    const vacancy = await openVacancy(ngaMyId);
    expect(await closeVacancy(null, form({ vacancyId: vacancy.id, version: vacancy.version }))).toEqual({ ok: false, error: 'errors.forbidden' });
    expect(await database.db.vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).toMatchObject({ status: 'open' });
  });

  test('out of scope: the chairman of Nga My closing a need of Hoa Quân → forbidden, nothing written', async () => {
    const vacancy = await openVacancy(hoaQuanId);
    const audits = await auditCount(database.db);
    expect(await closeVacancy(null, form({ vacancyId: vacancy.id, version: vacancy.version }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await database.db.vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).toMatchObject({ status: 'open', version: 1 });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('invalid input: no vacancy id → validation error; an unknown one → not found', async () => {
    expect(await closeVacancy(null, form({ vacancyId: 'abc', version: 1 }))).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { vacancyId: 'errors.invalid' } });
    expect(await closeVacancy(null, form({ vacancyId: 99999999, version: 1 }))).toMatchObject({ ok: false, error: 'errors.notFound' });
  });
});
