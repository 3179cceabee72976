import { signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import { auditFailure, form } from '../support/action-harness';
import { seededRoster, type RosterFixture } from '../support/factories';

const { changePrimaryPosition } = await import('@/lib/actions/roster/change-primary-position');
const { recruitCadre } = await import('@/lib/actions/roster/recruit-cadre');
const { recordDeparture } = await import('@/lib/actions/roster/record-departure');
const { getCommuneStaffing } = await import('@/lib/db/staffing-queries');
const { findPersonInCommune } = await import('@/lib/db/roster-queries');
const { listCommuneMovements } = await import('@/lib/db/movement-queries');
const { projectCommuneStaffing } = await import('@/lib/domain/projection');

// An appointment decided in advance: the change is entered now with its effective date and takes effect on that
// date in every figure; until then the person's page shows it as scheduled and the projected column counts it.

let fx: RosterFixture;
let database: RosterFixture['database'];
let chairman: SessionUser;
let ngaMy: RosterFixture['ngaMy'];
let decision: RosterFixture['decision'];
let position: Record<string, number>;

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const later = () => addDays(today(), 40);

beforeAll(async () => {
  fx = await seededRoster();
  ({ database, chairman, ngaMy, decision, position } = fx);
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(chairman);
});

const newPerson = (primary: string) => fx.newPerson({ primary, fullName: 'Người Được Hẹn' });
const blocksAt = async (date: string) => (await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date })).blocks;

describe('a change of post decided in advance', () => {
  test('takes effect on its date in every figure, is shown as scheduled until then, and holds further changes', async () => {
    const person = await newPerson('PARTY_SPECIALIST');
    const before = await blocksAt(today());
    const result = await changePrimaryPosition(null, form({
      communeId: ngaMy.id, cadreId: person.id, version: person.version, positionId: position.ACCOUNTANT, effectiveDate: later(), ...decision,
    }));
    expect(result).toMatchObject({ ok: true });
    // Today nothing moved; from the effective date the person counts in the government block.
    expect(await blocksAt(today())).toEqual(before);
    const atDate = await blocksAt(later());
    const dayBefore = await blocksAt(addDays(later(), -1));
    expect(atDate.government.headcount - dayBefore.government.headcount).toBe(1);
    expect(atDate.party_front.headcount - dayBefore.party_front.headcount).toBe(-1);
    // The person's page: the current post ends the day before, the new one is scheduled.
    const seen = (await findPersonInCommune(database.db, ngaMy.id, { cadreId: person.id }))!;
    expect(seen.openAssignments.map((a) => [a.positionCode, a.endDate])).toEqual([['PARTY_SPECIALIST', addDays(later(), -1)]]);
    expect(seen.scheduledAssignments.map((a) => [a.positionCode, a.startDate])).toEqual([['ACCOUNTANT', later()]]);
    expect(seen.pendingFrom).toBe(later());
    // The projected column counts it: one out of the Party–Front block, one into the government block.
    const movements = await listCommuneMovements(database.db, ngaMy.id, today());
    const staffing = await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() });
    const mine = movements.filter((m) => m.kind === 'roster' && m.startDate === later());
    expect(mine.map((m) => [m.direction, m.block]).sort()).toEqual([['in', 'government'], ['out', 'party_front']]);
    // Against the same projection without this change (other scheduled movements of Nga My stay in both).
    const projected = projectCommuneStaffing(staffing, movements, today());
    const without = projectCommuneStaffing(staffing, movements.filter((m) => !mine.includes(m)), today());
    expect(projected.blocks.government.projectedHeadcount - without.blocks.government.projectedHeadcount).toBe(1);
    expect(projected.blocks.party_front.projectedHeadcount - without.blocks.party_front.projectedHeadcount).toBe(-1);
    // One change at a time: a second change waits until the first has taken effect.
    const again = await changePrimaryPosition(null, form({
      communeId: ngaMy.id, cadreId: person.id, version: person.version + 1, positionId: position.LAND_OFFICER, effectiveDate: today(), ...decision,
    }));
    expect(again).toMatchObject({ ok: false, error: 'roster.errors.pendingChange' });
    expect(again.ok === false && again.params?.date).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  test('more than a year ahead is refused beside the date', async () => {
    const person = await newPerson('PARTY_SPECIALIST');
    const result = await changePrimaryPosition(null, form({
      communeId: ngaMy.id, cadreId: person.id, version: person.version, positionId: position.ACCOUNTANT, effectiveDate: addDays(today(), 400), ...decision,
    }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { effectiveDate: 'roster.errors.tooFarAhead' } });
  });
});

describe('a recruitment and a departure decided in advance', () => {
  test('a recruit starting next month is not counted today and is counted from his first day', async () => {
    const beforeToday = await blocksAt(today());
    const beforeThen = await blocksAt(later());
    // Make room in the government block at the later date, whatever the demo's figures.
    const quotaYear = (await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: later() })).quotaYear!;
    await database.db.quota.updateMany({ where: { communeId: ngaMy.id, block: 'government', year: quotaYear }, data: { quota: beforeThen.government.headcount + 5 } });
    const result = await recruitCadre(null, form({
      communeId: ngaMy.id, fullName: 'Lương Văn Hẹn', gender: 'male', birthDate: '02/02/1995', employmentType: 'civil_servant', education: 'university',
      positionId: position.LAND_OFFICER, startDate: later(), ...decision,
    }));
    expect(result).toMatchObject({ ok: true });
    expect((await blocksAt(today())).government.headcount).toBe(beforeToday.government.headcount);
    expect((await blocksAt(later())).government.headcount).toBe(beforeThen.government.headcount + 1);
    expect((await listCommuneMovements(database.db, ngaMy.id, today())).some((m) => m.kind === 'roster' && m.direction === 'in' && m.startDate === later())).toBe(true);
  });

  test('a departure on a later date: counted until then, gone from that day', async () => {
    const person = await newPerson('ACCOUNTANT');
    const leaving = addDays(later(), 3);
    const result = await recordDeparture(null, form({ communeId: ngaMy.id, cadreId: person.id, version: person.version, reason: 'retirement', date: leaving, ...decision }));
    expect(result).toMatchObject({ ok: true });
    const dayBefore = await blocksAt(addDays(leaving, -1));
    const onTheDay = await blocksAt(leaving);
    expect(dayBefore.government.headcount - onTheDay.government.headcount).toBe(1);
    const movements = await listCommuneMovements(database.db, ngaMy.id, today());
    expect(movements.some((m) => m.kind === 'roster' && m.direction === 'out' && m.startDate === leaving && m.block === 'government')).toBe(true);
  });
});

describe('the quota guard at every later scheduled date', () => {
  test('a recruitment today that fits now is refused when a recruitment already scheduled next month would then pass the quota', async () => {
    const arrival = addDays(later(), 20);
    const quotaYear = (await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: arrival })).quotaYear!;
    const now = (await blocksAt(today())).government.headcount;
    const then = (await blocksAt(arrival)).government.headcount;
    // The earlier tests of this file bring more people into the block later than they take out.
    expect(then).toBeGreaterThanOrEqual(now);
    // Room for exactly one more person on the arrival day; today there is room for more.
    await database.db.quota.updateMany({ where: { communeId: ngaMy.id, block: 'government', year: quotaYear }, data: { quota: then + 1 } });
    const recruit = (startDate: string, fullName: string) => recruitCadre(null, form({
      communeId: ngaMy.id, fullName, gender: 'male', birthDate: '04/04/1994', employmentType: 'civil_servant', education: 'university',
      positionId: position.LAND_OFFICER, startDate, ...decision,
    }));
    expect(await recruit(arrival, 'Trần Văn Sau')).toMatchObject({ ok: true });
    // Today the block is still under its quota, but from the arrival on it would be one over.
    const result = await recruit(today(), 'Trần Văn Nay');
    expect(result).toMatchObject({ ok: false, error: 'roster.errors.overQuota', fieldErrors: { positionId: 'roster.errors.overQuota' } });
    // The refusal names the first later date the block would be over (a scheduled arrival, not today).
    const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    expect([ddmmyyyy(later()), ddmmyyyy(arrival)]).toContain(result.ok === false ? result.params?.date : null);
  });
});
