import { auditCount, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import { startOfMonth } from '@/lib/domain/decisions';
import { auditFailure, form } from '../support/action-harness';
import { decisionFields, seededCommune, seededRoster, type RosterFixture } from '../support/factories';

const { changePrimaryPosition } = await import('@/lib/actions/roster/change-primary-position');
const { recordDeparture } = await import('@/lib/actions/roster/record-departure');

// Every personnel change records the decision behind it (number, date, issuing body) and its effective date;
// the audit record carries them; a decision is never dated in the future; a change effective before this
// month needs the reason it is entered late.

let fx: RosterFixture;
let database: RosterFixture['database'];
let chairman: SessionUser;
let ngaMy: RosterFixture['ngaMy'];
let position: Record<string, number>;
let hoaQuanBody: number;
let ngaMyBody: number;

beforeAll(async () => {
  fx = await seededRoster();
  ({ database, chairman, ngaMy, position } = fx);
  ngaMyBody = (await database.db.issuingBody.findFirstOrThrow({ where: { communeId: ngaMy.id, code: { startsWith: 'UBND_' } } })).id;
  const hoaQuan = await seededCommune(database.db, 'Hoa Quân');
  hoaQuanBody = (await database.db.issuingBody.findFirstOrThrow({ where: { communeId: hoaQuan.id, code: { startsWith: 'UBND_' } } })).id;
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(chairman);
});

const newPerson = (primary = 'OFFICE_SPECIALIST') => fx.newPerson({ primary, fullName: 'Người Có Quyết Định' });
const depart = async (person: { id: number; version: number }, extra: Record<string, string | number | undefined> = {}) =>
  recordDeparture(null, form({ communeId: ngaMy.id, cadreId: person.id, version: person.version, reason: 'resignation', date: today(), ...(await decisionFields(database.db, { issuingBodyId: ngaMyBody })), ...extra }));

describe('a change records its decision', () => {
  test('the departure keeps its decision (number, date, body), and the audit record its envelope', async () => {
    const person = await newPerson();
    const result = await depart(person, { decisionNumber: '31/QĐ-UBND' });
    expect(result).toMatchObject({ ok: true });
    const row = await database.db.cadre.findUniqueOrThrow({ where: { id: person.id }, include: { leftDecision: { include: { issuingBody: true } } } });
    expect(row.leftDecision).toMatchObject({ number: '31/QĐ-UBND', kind: 'departure', issuingBody: { name: 'Ủy ban nhân dân xã Nga My', kind: 'state' } });
    expect(row.leftDecision!.date.toISOString().slice(0, 10)).toBe(today());
    const closed = await database.db.assignment.findMany({ where: { cadreId: person.id } });
    expect(closed.every((a) => a.endDecisionId === row.leftDecisionId)).toBe(true);
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { action: 'cadre.depart', entityId: String(person.id) } });
    expect(audit).toMatchObject({ decisionId: row.leftDecisionId, affectsFigures: true, backdatedReason: null });
    expect(audit.effectiveOn!.toISOString().slice(0, 10)).toBe(today());
  });

  test('one decision deciding two changes is recorded once', async () => {
    const [a, b] = [await newPerson(), await newPerson()];
    expect(await depart(a, { decisionNumber: '40/QĐ-UBND' })).toMatchObject({ ok: true });
    expect(await depart(b, { decisionNumber: '40/QĐ-UBND' })).toMatchObject({ ok: true });
    expect(await database.db.decision.count({ where: { number: '40/QĐ-UBND' } })).toBe(1);
  });

  test('the same number with another date is refused beside the date; nothing written', async () => {
    const [a, b] = [await newPerson(), await newPerson()];
    expect(await depart(a, { decisionNumber: '41/QĐ-UBND' })).toMatchObject({ ok: true });
    const audits = await auditCount(database.db);
    const other = `${startOfMonth(today())}` === today() ? '2025-07-02' : startOfMonth(today());
    const result = await depart(b, { decisionNumber: '41/QĐ-UBND', decisionDate: other });
    expect(result).toMatchObject({ ok: false, fieldErrors: { decisionDate: 'decisions.errors.dateMismatch' }, params: { number: '41/QĐ-UBND' } });
    expect((await database.db.cadre.findUniqueOrThrow({ where: { id: b.id } })).status).toBe('active');
    expect(await auditCount(database.db)).toBe(audits);
  });
});

describe('dates a person can trust', () => {
  test('a decision dated in the future is refused (01/03/2099)', async () => {
    const person = await newPerson();
    const result = await depart(person, { decisionDate: '01/03/2099' });
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { decisionDate: 'decisions.errors.dateInFuture' }, values: { decisionDate: '01/03/2099' } });
    expect((await database.db.cadre.findUniqueOrThrow({ where: { id: person.id } })).status).toBe('active');
  });

  test('a change effective before this month needs the reason; with it, the audit record marks it backdated', async () => {
    const person = await newPerson();
    const early = '2025-08-01';
    expect(await depart(person, { date: early, decisionDate: early })).toMatchObject({ ok: false, fieldErrors: { backdatedReason: 'decisions.errors.backdatedReasonRequired' } });
    const result = await depart(person, { date: early, decisionDate: early, backdatedReason: 'Quyết định ký tháng 8/2025, nay mới cập nhật.' });
    expect(result).toMatchObject({ ok: true });
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { action: 'cadre.depart', entityId: String(person.id) } });
    expect(audit.backdatedReason).toBe('Quyết định ký tháng 8/2025, nay mới cập nhật.');
    expect(audit.effectiveOn!.toISOString().slice(0, 10)).toBe(early);
  });

  test('a change effective before its decision needs the reason too', async () => {
    const person = await newPerson();
    const result = await depart(person, { date: startOfMonth(today()), decisionDate: today() });
    if (startOfMonth(today()) < today()) expect(result).toMatchObject({ ok: false, fieldErrors: { date: 'decisions.errors.beforeDecision' } });
  });
});

describe('bad decision input: a message beside each field, nothing written', () => {
  test.each([
    ['no number', { decisionNumber: '' }, 'decisionNumber', 'decisions.errors.number'],
    ['a number that is not one ("số 5")', { decisionNumber: 'số 5' }, 'decisionNumber', 'decisions.errors.number'],
    ['a date that does not exist', { decisionDate: '31/02/2026' }, 'decisionDate', 'decisions.errors.date'],
    ['no issuing body', { issuingBodyId: '' }, 'issuingBodyId', 'decisions.errors.issuingBody'],
  ])('%s', async (_label, extra, field, key) => {
    const person = await newPerson();
    const result = await depart(person, extra);
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { [field]: key } });
    expect((await database.db.cadre.findUniqueOrThrow({ where: { id: person.id } })).status).toBe('active');
  });

  test("another commune's body cannot decide in Nga My", async () => {
    const person = await newPerson();
    const result = await depart(person, { issuingBodyId: hoaQuanBody });
    expect(result).toMatchObject({ ok: false, fieldErrors: { issuingBodyId: 'decisions.errors.issuingBody' } });
    expect((await database.db.cadre.findUniqueOrThrow({ where: { id: person.id } })).status).toBe('active');
  });

  test('a change of post records its decision on both assignments (the one ended, the one begun)', async () => {
    const person = await newPerson('OFFICE_SPECIALIST');
    const result = await changePrimaryPosition(null, form({
      communeId: ngaMy.id, cadreId: person.id, version: person.version, positionId: position.ACCOUNTANT, effectiveDate: today(),
      ...(await decisionFields(database.db, { decisionNumber: '77/QĐ-UBND', issuingBodyId: ngaMyBody })),
    }));
    expect(result).toMatchObject({ ok: true });
    const rows = await database.db.assignment.findMany({ where: { cadreId: person.id }, orderBy: { id: 'asc' }, include: { decision: true, endDecision: true } });
    expect(rows[0].endDecision).toMatchObject({ number: '77/QĐ-UBND', kind: 'appointment' });
    expect(rows[1].decision).toMatchObject({ number: '77/QĐ-UBND', kind: 'appointment' });
  });
});
