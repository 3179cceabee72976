import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import { auditFailure, form } from '../support/action-harness';
import { seededRoster, type RosterFixture } from '../support/factories';

const { changePrimaryPosition } = await import('@/lib/actions/roster/change-primary-position');
const { addConcurrentPosition } = await import('@/lib/actions/roster/add-concurrent-position');
const { removeConcurrentPosition } = await import('@/lib/actions/roster/remove-concurrent-position');
const { recordDeparture } = await import('@/lib/actions/roster/record-departure');
const { recruitCadre } = await import('@/lib/actions/roster/recruit-cadre');
const { cancelRosterChange } = await import('@/lib/actions/roster/cancel-roster-change');
const { getCommuneStaffing } = await import('@/lib/db/staffing-queries');

// A mistaken change can be cancelled by the same user the same day, with a reason (later: the same role, with a
// correcting decision): the record returns to its previous state and both steps stay in the audit trail. Only
// the person's latest change can be cancelled; a cancelled recruitment keeps its row and never counts.

let fx: RosterFixture;
let database: RosterFixture['database'];
let chairman: SessionUser;
let otherChairman: SessionUser;
let homeAffairs: SessionUser;
let ngaMy: RosterFixture['ngaMy'];
let decision: RosterFixture['decision'];
let position: Record<string, number>;

beforeAll(async () => {
  fx = await seededRoster();
  ({ database, chairman, homeAffairs, ngaMy, decision, position } = fx);
  // A second account of the same role on the same commune (the vice-chairman standing in).
  const row = await database.db.user.findUniqueOrThrow({ where: { username: 'xa.ngamy' } });
  await database.db.user.create({
    data: { username: 'xa.ngamy.pho', displayName: 'Phó Chủ tịch Nga My', passwordHash: row.passwordHash, role: 'commune_chairman', provinceId: row.provinceId, communeId: row.communeId },
  });
  otherChairman = await sessionUserFor(database.db, 'xa.ngamy.pho');
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(chairman);
});

const newPerson = (primary = 'OFFICE_SPECIALIST') => fx.newPerson({ primary, fullName: 'Người Ghi Nhầm' });
const versionOf = async (id: number) => (await database.db.cadre.findUniqueOrThrow({ where: { id } })).version;
const lastEvent = (cadreId: number) => database.db.auditLog.findFirstOrThrow({ where: { entityType: 'cadre', entityId: String(cadreId) }, orderBy: { id: 'desc' } });
const cancel = async (cadreId: number, extra: Record<string, string | number | undefined> = {}) =>
  cancelRosterChange(null, form({
    communeId: ngaMy.id, cadreId, version: await versionOf(cadreId), eventId: (await lastEvent(cadreId)).id.toString(), reason: 'Ghi nhầm người, nhầm chức vụ.', ...extra,
  }));
const assignments = (cadreId: number) =>
  database.db.assignment.findMany({ where: { cadreId }, orderBy: { id: 'asc' }, select: { positionId: true, isPrimary: true, startDate: true, endDate: true } });
const headcount = async () => (await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() })).total.headcount;

describe('cancelling the same day', () => {
  test('a change of post: the old post is held again, the new one is gone, both steps in the trail', async () => {
    const person = await newPerson();
    const before = await assignments(person.id);
    expect(await changePrimaryPosition(null, form({ communeId: ngaMy.id, cadreId: person.id, version: person.version, positionId: position.ACCOUNTANT, effectiveDate: today(), ...decision }))).toMatchObject({ ok: true });
    const change = await lastEvent(person.id);
    const result = await cancel(person.id);
    expect(result).toMatchObject({ ok: true, notice: 'roster.changeCancelled' });
    expect(await assignments(person.id)).toEqual(before);
    const cancelled = await lastEvent(person.id);
    expect(cancelled).toMatchObject({ action: 'cadre.cancelChange', cancelsEventId: change.id, affectsFigures: true, decisionId: null });
    expect(cancelled.after).toMatchObject({ reason: 'Ghi nhầm người, nhầm chức vụ.', sameDay: true });
    // The cancelled change is no longer the latest: cancelling again names nothing to cancel.
    expect(await cancel(person.id, { eventId: change.id.toString() })).toMatchObject({ ok: false, error: 'roster.errors.notLatestChange' });
  });

  test('a departure: the person is active again with his posts, and counted again', async () => {
    const person = await newPerson();
    const count = await headcount();
    expect(await recordDeparture(null, form({ communeId: ngaMy.id, cadreId: person.id, version: person.version, reason: 'resignation', date: today(), ...decision }))).toMatchObject({ ok: true });
    expect(await headcount()).toBe(count - 1);
    expect(await cancel(person.id)).toMatchObject({ ok: true });
    const row = await database.db.cadre.findUniqueOrThrow({ where: { id: person.id } });
    expect(row).toMatchObject({ status: 'active', leftOn: null, leftReason: null, leftDecisionId: null });
    expect((await assignments(person.id)).every((a) => a.endDate === null)).toBe(true);
    expect(await headcount()).toBe(count);
  });

  test('a recruitment: the row is kept (its code is never reused) and never counts', async () => {
    const quotaYear = (await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() })).quotaYear!;
    const government = (await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() })).blocks.government;
    await database.db.quota.updateMany({ where: { communeId: ngaMy.id, block: 'government', year: quotaYear }, data: { quota: government.headcount + 3 } });
    const count = await headcount();
    const result = await recruitCadre(null, form({
      communeId: ngaMy.id, fullName: 'Hà Văn Nhầm', gender: 'male', birthDate: '03/03/1993', employmentType: 'civil_servant', education: 'university',
      positionId: position.LAND_OFFICER, startDate: today(), ...decision,
    }));
    expect(result).toMatchObject({ ok: true });
    const id = result.ok ? result.data.id : 0;
    expect(await headcount()).toBe(count + 1);
    expect(await cancel(id)).toMatchObject({ ok: true });
    expect(await database.db.cadre.findUnique({ where: { id } })).not.toBeNull();
    expect(await assignments(id)).toEqual([]);
    expect(await headcount()).toBe(count);
  });

  test('a concurrent post added, or ended (even withdrawn on its first day), is undone', async () => {
    const person = await newPerson();
    expect(await addConcurrentPosition(null, form({ communeId: ngaMy.id, cadreId: person.id, version: person.version, positionId: position.IT_OFFICER, startDate: today(), ...decision }))).toMatchObject({ ok: true });
    const withConcurrent = await assignments(person.id);
    // Ended on its first day: withdrawn (the row is deleted); cancelling brings it back.
    const concurrentId = (await database.db.assignment.findFirstOrThrow({ where: { cadreId: person.id, isPrimary: false } })).id;
    expect(await removeConcurrentPosition(null, form({ communeId: ngaMy.id, cadreId: person.id, version: await versionOf(person.id), assignmentId: concurrentId, date: today(), ...decision }))).toMatchObject({ ok: true });
    expect(await assignments(person.id)).toHaveLength(1);
    expect(await cancel(person.id)).toMatchObject({ ok: true });
    expect((await assignments(person.id)).map((a) => [a.positionId, a.isPrimary, a.endDate])).toEqual(withConcurrent.map((a) => [a.positionId, a.isPrimary, a.endDate]));
  });
});

describe('who may cancel, and when', () => {
  test('another user of the same role needs a correcting decision; with it, the cancellation records it', async () => {
    const person = await newPerson();
    expect(await changePrimaryPosition(null, form({ communeId: ngaMy.id, cadreId: person.id, version: person.version, positionId: position.ACCOUNTANT, effectiveDate: today(), ...decision }))).toMatchObject({ ok: true });
    signInAs(otherChairman);
    expect(await cancel(person.id)).toMatchObject({ ok: false, fieldErrors: { decisionNumber: 'roster.errors.correctionDecisionRequired' } });
    const result = await cancel(person.id, { decisionNumber: '88/QĐ-UBND', decisionDate: today(), issuingBodyId: decision.issuingBodyId });
    expect(result).toMatchObject({ ok: true });
    const event = await lastEvent(person.id);
    expect(event.decisionId).not.toBeNull();
    expect(await database.db.decision.findUniqueOrThrow({ where: { id: event.decisionId! } })).toMatchObject({ number: '88/QĐ-UBND', kind: 'correction' });
  });

  test('a user of another role may not cancel (Home Affairs on a chairman\'s change); nothing written', async () => {
    const person = await newPerson();
    expect(await changePrimaryPosition(null, form({ communeId: ngaMy.id, cadreId: person.id, version: person.version, positionId: position.ACCOUNTANT, effectiveDate: today(), ...decision }))).toMatchObject({ ok: true });
    signInAs(homeAffairs);
    const audits = await auditCount(database.db);
    expect(await cancel(person.id, { decisionNumber: '89/QĐ-UBND', decisionDate: today(), issuingBodyId: decision.issuingBodyId })).toMatchObject({ ok: false, error: 'roster.errors.cancelNotYours' });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('only the latest change: an earlier one is refused', async () => {
    const person = await newPerson();
    expect(await addConcurrentPosition(null, form({ communeId: ngaMy.id, cadreId: person.id, version: person.version, positionId: position.IT_OFFICER, startDate: today(), ...decision }))).toMatchObject({ ok: true });
    const first = await lastEvent(person.id);
    expect(await changePrimaryPosition(null, form({ communeId: ngaMy.id, cadreId: person.id, version: await versionOf(person.id), positionId: position.ACCOUNTANT, effectiveDate: today(), ...decision }))).toMatchObject({ ok: true });
    expect(await cancel(person.id, { eventId: first.id.toString() })).toMatchObject({ ok: false, error: 'roster.errors.notLatestChange' });
  });

  test('the reason is required; a failing audit write leaves the change in place', async () => {
    const person = await newPerson();
    expect(await changePrimaryPosition(null, form({ communeId: ngaMy.id, cadreId: person.id, version: person.version, positionId: position.ACCOUNTANT, effectiveDate: today(), ...decision }))).toMatchObject({ ok: true });
    expect(await cancel(person.id, { reason: '' })).toMatchObject({ ok: false, fieldErrors: { reason: 'roster.errors.cancelReason' } });
    const after = await assignments(person.id);
    auditFailure.armed = true;
    try {
      await expect(cancel(person.id)).rejects.toThrow(/audit/);
    } finally {
      auditFailure.armed = false;
    }
    expect(await assignments(person.id)).toEqual(after);
  });
});
