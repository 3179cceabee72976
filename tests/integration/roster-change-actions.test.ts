import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import { dayBefore } from '@/lib/domain/roster';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, form } from '../support/action-harness';
import { decisionFields, seededCommune } from '../support/factories';

const { changePrimaryPosition } = await import('@/lib/actions/roster/change-primary-position');
const { addConcurrentPosition } = await import('@/lib/actions/roster/add-concurrent-position');
const { removeConcurrentPosition } = await import('@/lib/actions/roster/remove-concurrent-position');
const { getCommuneStaffing } = await import('@/lib/db/staffing-queries');

// Decision 012: the commune chairman changes a person's primary position and adds or ends concurrent
// positions. Each action: allowed, wrong role, out of scope, invalid input, stale version, audit rollback.

let database: TestDatabase;
let decision: Awaited<ReturnType<typeof decisionFields>>;
let chairman: SessionUser;
let standing: SessionUser;
let admin: SessionUser;
let ngaMy: { id: number; provinceId: number };
let hoaQuan: { id: number; provinceId: number };
let foreignPositionId: number;
const position: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  decision = await decisionFields(database.db);
  chairman = await sessionUserFor(database.db, 'xa.ngamy');
  standing = await sessionUserFor(database.db, 'thuongtruc');
  admin = await sessionUserFor(database.db, 'admin');
  ngaMy = await database.db.commune.findUniqueOrThrow({ where: { id: chairman.communeId! }, select: { id: true, provinceId: true } });
  hoaQuan = await seededCommune(database.db, 'Hoa Quân');
  for (const row of await database.db.position.findMany({ where: { provinceId: ngaMy.provinceId }, select: { id: true, code: true } })) position[row.code] = row.id;
  const foreign = await database.db.province.create({ data: { code: 'ZZ', name: 'Tỉnh Thử' } });
  foreignPositionId = (
    await database.db.position.create({ data: { provinceId: foreign.id, code: 'ACCOUNTANT', titleVi: 'Kế toán', titleEn: 'Accountant', block: 'government' } })
  ).id;
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(chairman);
});

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const staffing = (communeId: number) => getCommuneStaffing(database.db, ngaMy.provinceId, communeId, { date: today() });
const lastAudit = () => database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
let serial = 0;

/** A fresh civil servant of the commune, primary position ACCOUNTANT (government) since 1 July 2025, plus concurrent posts. */
async function newPerson(communeId: number, options: { primary?: string; concurrent?: { code: string; start: string }[] } = {}) {
  const cadre = await database.db.cadre.create({
    data: {
      provinceId: ngaMy.provinceId, code: `RC${String(++serial).padStart(4, '0')}`, fullName: `Người Thử ${serial}`, gender: 'female',
      birthDate: new Date('1985-05-05'), education: 'university', employmentType: 'civil_servant',
      assignments: {
        create: [
          { communeId, positionId: position[options.primary ?? 'ACCOUNTANT'], isPrimary: true, startDate: new Date('2025-07-01') },
          ...(options.concurrent ?? []).map((c) => ({ communeId, positionId: position[c.code], isPrimary: false, startDate: new Date(`${c.start}T00:00:00Z`) })),
        ],
      },
    },
    select: { id: true, version: true },
  });
  return cadre;
}
/** A key position vacant in the commune right now (earlier tests may have filled Nga My's Head of the Economic Department). */
async function vacantKeyPosition(communeId: number): Promise<number> {
  // Vacant now and with nobody scheduled to take it later (an approved transfer's new post): one holder per
  // key place holds over time, so a place someone takes from a later date is not free from today on.
  const taken = new Set(
    (await database.db.assignment.findMany({
      where: { communeId, OR: [{ endDate: null }, { endDate: { gte: new Date(`${today()}T00:00:00Z`) } }], position: { isKey: true } },
      select: { positionId: true },
    })).map((a) => a.positionId),
  );
  const place = (await staffing(communeId)).keyPositions.find((p) => p.vacancies > 0 && !p.concurrentByDesign && !taken.has(p.positionId));
  if (!place) throw new Error('no vacant key position left');
  return place.positionId;
}
const codeOf = (id: number) => Object.entries(position).find(([, value]) => value === id)![0];
const assignmentsOf = (cadreId: number) =>
  database.db.assignment.findMany({ where: { cadreId }, orderBy: { id: 'asc' }, select: { id: true, positionId: true, isPrimary: true, startDate: true, endDate: true } });

describe('changePrimaryPosition', () => {
  const change = (cadre: { id: number; version: number }, communeId: number, extra: Record<string, string | number | undefined> = {}) =>
    form({ cadreId: cadre.id, communeId, version: cadre.version, positionId: position.PARTY_SPECIALIST, effectiveDate: today(), ...decision, ...extra });

  test('allowed: the old primary ends the day before, a new one opens; headcount moves between blocks; one audit record', async () => {
    const cadre = await newPerson(ngaMy.id);
    const before = await staffing(ngaMy.id);
    const audits = await auditCount(database.db);
    expect(await changePrimaryPosition(null, change(cadre, ngaMy.id))).toEqual({ ok: true, data: undefined, notice: 'roster.primaryChanged' });
    const rows = await assignmentsOf(cadre.id);
    expect(rows.map((a) => ({ position: a.positionId, primary: a.isPrimary, start: iso(a.startDate), end: iso(a.endDate) }))).toEqual([
      { position: position.ACCOUNTANT, primary: true, start: '2025-07-01', end: dayBefore(today()) },
      { position: position.PARTY_SPECIALIST, primary: true, start: today(), end: null },
    ]);
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: cadre.id } })).toMatchObject({ version: cadre.version + 1, status: 'active' });
    const after = await staffing(ngaMy.id);
    expect(after.blocks.government.headcount).toBe(before.blocks.government.headcount - 1);
    expect(after.blocks.party_front.headcount).toBe(before.blocks.party_front.headcount + 1);
    expect(after.total.headcount).toBe(before.total.headcount);
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: 'cadre.changePrimaryPosition', entityType: 'cadre', entityId: String(cadre.id), actorId: chairman.id });
  });

  test('taking as primary a position held concurrently ends that concurrent post: a key place is counted once', async () => {
    const cadre = await newPerson(ngaMy.id, { concurrent: [{ code: 'ECONOMIC_HEAD', start: '2025-08-01' }] });
    const before = await staffing(ngaMy.id);
    const economicHead = () => staffing(ngaMy.id).then((s) => s.keyPositions.find((p) => p.positionId === position.ECONOMIC_HEAD)!);
    expect((await economicHead()).concurrentOnly).toBe(true);
    expect(await changePrimaryPosition(null, change(cadre, ngaMy.id, { positionId: position.ECONOMIC_HEAD }))).toMatchObject({ ok: true });
    const open = (await assignmentsOf(cadre.id)).filter((a) => a.endDate === null);
    expect(open).toEqual([expect.objectContaining({ positionId: position.ECONOMIC_HEAD, isPrimary: true })]);
    const concurrent = (await assignmentsOf(cadre.id)).find((a) => !a.isPrimary)!;
    expect(iso(concurrent.endDate)).toBe(dayBefore(today()));
    expect(await economicHead()).toMatchObject({ holders: 1, primaryHolders: 1, concurrentOnly: false, vacancies: 0 });
    expect((await staffing(ngaMy.id)).keyVacancies).toBe(before.keyVacancies);
  });

  test.each([
    ['standing committee (no roster.edit)', () => standing, () => ngaMy.id],
    ['the chairman of Nga My on a person of Hoa Quân', () => chairman, () => hoaQuan.id],
  ])('refused: %s → forbidden, nothing written', async (_label, who, communeId) => {
    const cadre = await newPerson(communeId());
    signInAs(who());
    const audits = await auditCount(database.db);
    expect(await changePrimaryPosition(null, change(cadre, communeId()))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect((await assignmentsOf(cadre.id)).filter((a) => a.endDate === null)).toHaveLength(1);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('out of scope by naming his own commune: the person is not on its roster → not found', async () => {
    const cadre = await newPerson(hoaQuan.id);
    expect(await changePrimaryPosition(null, change(cadre, ngaMy.id))).toMatchObject({ ok: false, error: 'errors.notFound' });
  });

  test.each([
    { label: 'the same position', extra: () => ({ positionId: position.ACCOUNTANT }), field: 'positionId', key: 'roster.errors.samePosition' },
    { label: 'a date more than a year ahead', extra: () => ({ effectiveDate: '2999-01-01' }), field: 'effectiveDate', key: 'roster.errors.tooFarAhead' },
    { label: 'the day the current post began', extra: () => ({ effectiveDate: '2025-07-01' }), field: 'effectiveDate', key: 'roster.errors.changeBeforeStart' },
    { label: 'an impossible date', extra: () => ({ effectiveDate: '2025-02-31' }), field: 'effectiveDate', key: 'roster.errors.date' },
    { label: 'no position chosen', extra: () => ({ positionId: '' }), field: 'positionId', key: 'roster.errors.position' },
    { label: 'a position that does not exist', extra: () => ({ positionId: 999999 }), field: 'positionId', key: 'roster.errors.position' },
    { label: 'a position of another province', extra: () => ({ positionId: foreignPositionId }), field: 'positionId', key: 'roster.errors.position' },
    { label: 'a department post (no block)', extra: () => ({ positionId: position.DEPT_SPECIALIST }), field: 'positionId', key: 'roster.errors.position' },
  ])('invalid input: $label → message beside the field, values kept, nothing written', async ({ extra, field, key }) => {
    const cadre = await newPerson(ngaMy.id);
    const audits = await auditCount(database.db);
    const values = extra();
    const result = await changePrimaryPosition(null, change(cadre, ngaMy.id, values));
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { [field]: key } });
    expect(!result.ok && result.values).toMatchObject(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));
    expect((await assignmentsOf(cadre.id)).filter((a) => a.endDate === null)).toHaveLength(1);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('stale version: someone changed the person since the form was rendered → conflict, what was typed is kept', async () => {
    const cadre = await newPerson(ngaMy.id);
    await database.db.cadre.update({ where: { id: cadre.id }, data: { phone: '0912345678', version: { increment: 1 } } });
    const audits = await auditCount(database.db);
    const result = await changePrimaryPosition(null, change(cadre, ngaMy.id, { positionId: position.IT_OFFICER }));
    expect(result).toMatchObject({ ok: false, error: 'roster.errors.stale', values: { positionId: String(position.IT_OFFICER), effectiveDate: today() } });
    expect((await assignmentsOf(cadre.id)).filter((a) => a.endDate === null)).toEqual([expect.objectContaining({ positionId: position.ACCOUNTANT })]);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('two changes from the same page: the second is a conflict, never a second open primary', async () => {
    const cadre = await newPerson(ngaMy.id);
    const results = await Promise.all([
      changePrimaryPosition(null, change(cadre, ngaMy.id, { positionId: position.IT_OFFICER })),
      changePrimaryPosition(null, change(cadre, ngaMy.id, { positionId: position.LAND_OFFICER })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ error: 'roster.errors.stale' })]);
    expect((await assignmentsOf(cadre.id)).filter((a) => a.endDate === null)).toHaveLength(1);
  });

  test('the audit record is written in the same transaction: when it fails, the change is rolled back', async () => {
    const cadre = await newPerson(ngaMy.id, { concurrent: [{ code: 'PARTY_SPECIALIST', start: '2025-08-01' }] });
    const rows = await assignmentsOf(cadre.id);
    auditFailure.armed = true;
    await expect(changePrimaryPosition(null, change(cadre, ngaMy.id))).rejects.toThrow('audit write failed');
    expect(await assignmentsOf(cadre.id)).toEqual(rows);
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: cadre.id } })).toMatchObject({ version: cadre.version });
  });
});

describe('addConcurrentPosition', () => {
  const add = (cadre: { id: number; version: number }, communeId: number, extra: Record<string, string | number | undefined> = {}) =>
    form({ cadreId: cadre.id, communeId, version: cadre.version, positionId: position.ECONOMIC_HEAD, startDate: today(), ...decision, ...extra });

  test('allowed: a concurrent key position fills a key place (getCommuneStaffing) and adds no headcount', async () => {
    const cadre = await newPerson(ngaMy.id);
    const keyId = await vacantKeyPosition(ngaMy.id);
    const before = await staffing(ngaMy.id);
    expect(before.keyPositions.find((p) => p.positionId === keyId)).toMatchObject({ vacancies: 1, holders: 0 });
    const audits = await auditCount(database.db);
    expect(await addConcurrentPosition(null, add(cadre, ngaMy.id, { positionId: keyId, startDate: today() }))).toEqual({
      ok: true, data: undefined, notice: 'roster.concurrentAdded',
    });
    const after = await staffing(ngaMy.id);
    expect(after.keyVacancies).toBe(before.keyVacancies - 1);
    expect(after.keyPositions.find((p) => p.positionId === keyId)).toMatchObject({ holders: 1, primaryHolders: 0, vacancies: 0, concurrentOnly: true });
    expect(after.total.headcount).toBe(before.total.headcount);
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: cadre.id } })).toMatchObject({ version: cadre.version + 1 });
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: 'cadre.addConcurrentPosition', entityId: String(cadre.id) });
    // Clean up for the next tests: the place is vacant again.
    await database.db.assignment.deleteMany({ where: { cadreId: cadre.id, isPrimary: false } });
  });

  test.each([
    { label: 'the primary position', extra: () => ({ positionId: position.ACCOUNTANT }), field: 'positionId', key: 'roster.errors.concurrentIsPrimary' },
    { label: 'a position already held concurrently', extra: () => ({ positionId: position.IT_OFFICER }), field: 'positionId', key: 'roster.errors.alreadyConcurrent' },
    { label: 'a position that does not exist', extra: () => ({ positionId: 999999 }), field: 'positionId', key: 'roster.errors.position' },
    { label: 'a position of another province', extra: () => ({ positionId: foreignPositionId }), field: 'positionId', key: 'roster.errors.position' },
    { label: 'a department post', extra: () => ({ positionId: position.DEPT_DIRECTOR }), field: 'positionId', key: 'roster.errors.position' },
    { label: 'a start more than a year ahead', extra: () => ({ startDate: '2999-01-01' }), field: 'startDate', key: 'roster.errors.tooFarAhead' },
    { label: 'an impossible date', extra: () => ({ startDate: '2025-13-01' }), field: 'startDate', key: 'roster.errors.date' },
  ])('refused: $label → message beside the field, values kept, nothing written', async ({ extra, field, key }) => {
    const cadre = await newPerson(ngaMy.id, { concurrent: [{ code: 'IT_OFFICER', start: '2025-08-01' }] });
    const audits = await auditCount(database.db);
    const values = extra();
    const result = await addConcurrentPosition(null, add(cadre, ngaMy.id, values));
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { [field]: key } });
    expect(!result.ok && result.values).toMatchObject(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));
    expect(await assignmentsOf(cadre.id)).toHaveLength(2);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('refused: a start overlapping an earlier time he held the post', async () => {
    const cadre = await newPerson(ngaMy.id);
    await database.db.assignment.create({
      data: { cadreId: cadre.id, communeId: ngaMy.id, positionId: position.IT_OFFICER, isPrimary: false, startDate: new Date('2025-07-01'), endDate: new Date('2025-09-30') },
    });
    expect(await addConcurrentPosition(null, add(cadre, ngaMy.id, { positionId: position.IT_OFFICER, startDate: '2025-09-30' }))).toMatchObject({
      ok: false, fieldErrors: { startDate: 'roster.errors.overlapsEarlier' },
    });
    // A start this far back is a retroactive entry: it needs its reason (decisions and effective dates).
    expect(await addConcurrentPosition(null, add(cadre, ngaMy.id, { positionId: position.IT_OFFICER, startDate: '2025-10-01' }))).toMatchObject({
      ok: false, fieldErrors: { backdatedReason: 'decisions.errors.backdatedReasonRequired' },
    });
    expect(await addConcurrentPosition(null, add(cadre, ngaMy.id, { positionId: position.IT_OFFICER, startDate: '2025-10-01', backdatedReason: 'Bổ sung hồ sơ kiêm nhiệm từ tháng 10/2025.' }))).toMatchObject({ ok: true });
  });

  test.each([
    ['standing committee', () => standing, () => ngaMy.id],
    ['the chairman of Nga My on Hoa Quân', () => chairman, () => hoaQuan.id],
  ])('refused: %s → forbidden, nothing written', async (_label, who, communeId) => {
    const cadre = await newPerson(communeId());
    signInAs(who());
    const audits = await auditCount(database.db);
    expect(await addConcurrentPosition(null, add(cadre, communeId()))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await assignmentsOf(cadre.id)).toHaveLength(1);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('Home Affairs may act on any commune of the province (Hoa Quân); the administrator, a technical role, on none', async () => {
    signInAs(await sessionUserFor(database.db, 'noivu'));
    const cadre = await newPerson(hoaQuan.id);
    expect(await addConcurrentPosition(null, add(cadre, hoaQuan.id, { positionId: position.IT_OFFICER }))).toMatchObject({ ok: true });
    signInAs(admin);
    const other = await newPerson(hoaQuan.id);
    expect(await addConcurrentPosition(null, add(other, hoaQuan.id, { positionId: position.IT_OFFICER }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
  });

  test('stale version → conflict, values kept, nothing written', async () => {
    const cadre = await newPerson(ngaMy.id);
    await database.db.cadre.update({ where: { id: cadre.id }, data: { version: { increment: 1 } } });
    const result = await addConcurrentPosition(null, add(cadre, ngaMy.id, { positionId: position.LAND_OFFICER, startDate: '2025-10-10' }));
    expect(result).toMatchObject({ ok: false, error: 'roster.errors.stale', values: { positionId: String(position.LAND_OFFICER), startDate: '2025-10-10' } });
    expect(await assignmentsOf(cadre.id)).toHaveLength(1);
  });

  test('the audit record fails → the concurrent post is not added', async () => {
    const cadre = await newPerson(ngaMy.id);
    const keyId = await vacantKeyPosition(ngaMy.id);
    auditFailure.armed = true;
    await expect(addConcurrentPosition(null, add(cadre, ngaMy.id, { positionId: keyId }))).rejects.toThrow('audit write failed');
    expect(await assignmentsOf(cadre.id)).toHaveLength(1);
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: cadre.id } })).toMatchObject({ version: cadre.version });
  });
});

describe('removeConcurrentPosition', () => {
  async function withConcurrent(communeId: number, code = 'ECONOMIC_HEAD', start = '2025-08-01') {
    const cadre = await newPerson(communeId, { concurrent: [{ code, start }] });
    const assignment = (await assignmentsOf(cadre.id)).find((a) => !a.isPrimary)!;
    return { cadre, assignmentId: assignment.id };
  }
  const remove = (cadre: { id: number; version: number }, communeId: number, assignmentId: number, extra: Record<string, string | number | undefined> = {}) =>
    form({ cadreId: cadre.id, communeId, version: cadre.version, assignmentId, date: today(), ...decision, ...extra });

  test('allowed: from today the post is no longer held (it ends yesterday); the key place is vacant again', async () => {
    const { cadre, assignmentId } = await withConcurrent(ngaMy.id, codeOf(await vacantKeyPosition(ngaMy.id)));
    const before = await staffing(ngaMy.id);
    const audits = await auditCount(database.db);
    expect(await removeConcurrentPosition(null, remove(cadre, ngaMy.id, assignmentId))).toEqual({ ok: true, data: undefined, notice: 'roster.concurrentRemoved' });
    const row = await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(iso(row.endDate)).toBe(dayBefore(today()));
    expect((await staffing(ngaMy.id)).keyVacancies).toBe(before.keyVacancies + 1);
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: cadre.id } })).toMatchObject({ version: cadre.version + 1 });
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: 'cadre.removeConcurrentPosition', entityId: String(cadre.id) });
  });

  test('removed on its first day: withdrawn (it never took effect), the history keeps it in the audit trail', async () => {
    const { cadre, assignmentId } = await withConcurrent(ngaMy.id, 'IT_OFFICER', today());
    expect(await removeConcurrentPosition(null, remove(cadre, ngaMy.id, assignmentId))).toMatchObject({ ok: true });
    expect(await database.db.assignment.findUnique({ where: { id: assignmentId } })).toBeNull();
    expect((await lastAudit()).after).toMatchObject({ assignmentId, withdrawn: true });
  });

  test.each([
    { label: 'a date more than a year ahead', extra: { date: '2999-01-01' }, key: 'roster.errors.tooFarAhead' },
    { label: 'a date before it began', extra: { date: '2025-07-15' }, key: 'roster.errors.removalBeforeStart' },
    { label: 'an impossible date', extra: { date: '2025-04-31' }, key: 'roster.errors.date' },
  ])('invalid: $label → message beside the date, nothing written', async ({ extra, key }) => {
    const { cadre, assignmentId } = await withConcurrent(ngaMy.id);
    const audits = await auditCount(database.db);
    const result = await removeConcurrentPosition(null, remove(cadre, ngaMy.id, assignmentId, extra));
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { date: key }, values: extra });
    expect((await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).endDate).toBeNull();
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('the primary assignment is not a concurrent one: not found', async () => {
    const { cadre } = await withConcurrent(ngaMy.id);
    const primary = (await assignmentsOf(cadre.id)).find((a) => a.isPrimary)!;
    expect(await removeConcurrentPosition(null, remove(cadre, ngaMy.id, primary.id))).toMatchObject({ ok: false, error: 'errors.notFound' });
  });

  test.each([
    ['standing committee', () => standing, () => ngaMy.id],
    ['the chairman of Nga My on Hoa Quân', () => chairman, () => hoaQuan.id],
  ])('refused: %s → forbidden, nothing written', async (_label, who, communeId) => {
    const { cadre, assignmentId } = await withConcurrent(communeId(), 'IT_OFFICER');
    signInAs(who());
    expect(await removeConcurrentPosition(null, remove(cadre, communeId(), assignmentId))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect((await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).endDate).toBeNull();
  });

  test('stale version → conflict, the date typed is kept', async () => {
    const { cadre, assignmentId } = await withConcurrent(ngaMy.id, 'IT_OFFICER');
    await database.db.cadre.update({ where: { id: cadre.id }, data: { version: { increment: 1 } } });
    const result = await removeConcurrentPosition(null, remove(cadre, ngaMy.id, assignmentId, { date: '2025-10-01' }));
    expect(result).toMatchObject({ ok: false, error: 'roster.errors.stale', values: { date: '2025-10-01' } });
    expect((await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).endDate).toBeNull();
  });

  test('the audit record fails → the post stays held', async () => {
    const { cadre, assignmentId } = await withConcurrent(ngaMy.id, 'IT_OFFICER');
    auditFailure.armed = true;
    await expect(removeConcurrentPosition(null, remove(cadre, ngaMy.id, assignmentId))).rejects.toThrow('audit write failed');
    expect((await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).endDate).toBeNull();
    expect(await database.db.cadre.findUniqueOrThrow({ where: { id: cadre.id } })).toMatchObject({ version: cadre.version });
  });
});
