import { auditCount, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import { auditFailure, form } from '../support/action-harness';
import { seededRoster, type RosterFixture } from '../support/factories';

const { changePrimaryPosition } = await import('@/lib/actions/roster/change-primary-position');
const { addConcurrentPosition } = await import('@/lib/actions/roster/add-concurrent-position');
const { recruitCadre } = await import('@/lib/actions/roster/recruit-cadre');
const { getCommuneStaffing } = await import('@/lib/db/staffing-queries');

// How changes enter the record (the cases an official would reject): a key place takes at most its norm of
// holders and the refusal names them; an elected post is never given to a civil servant by a change of post;
// a change of primary post into another block meets the block's quota like a recruitment.

let fx: RosterFixture;
let database: RosterFixture['database'];
let decision: RosterFixture['decision'];
let chairman: SessionUser;
let ngaMy: RosterFixture['ngaMy'];
let position: Record<string, number>;
let serial = 0;

beforeAll(async () => {
  fx = await seededRoster();
  ({ database, decision, chairman, ngaMy, position } = fx);
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(chairman);
});

const newPerson = (options: { primary: string; employmentType?: 'cadre' | 'civil_servant' }) =>
  fx.newPerson({ ...options, fullName: `Người Mới ${['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà'][++serial % 6]}` });

/** The people holding a post in Nga My now (primary or concurrent). */
const holdersOf = async (code: string) =>
  (await database.db.assignment.findMany({
    where: { communeId: ngaMy.id, positionId: position[code], endDate: null, cadre: { status: 'active' } },
    select: { cadre: { select: { id: true, fullName: true } } },
  })).map((a) => a.cadre);

const change = (person: { id: number; version: number }, code: string, effectiveDate = today()) =>
  changePrimaryPosition(null, form({ communeId: ngaMy.id, cadreId: person.id, version: person.version, positionId: position[code], effectiveDate, ...decision }));

describe('one holder per key place', () => {
  test('a cadre moved to "Chủ tịch UBND" while the chairman holds it is refused, naming the chairman; nothing written', async () => {
    const [chair] = await holdersOf('COMMITTEE_CHAIR');
    expect(chair).toBeTruthy();
    const person = await newPerson({ primary: 'OFFICE_SPECIALIST', employmentType: 'cadre' });
    const audits = await auditCount(database.db);
    const result = await change(person, 'COMMITTEE_CHAIR');
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { positionId: 'roster.errors.keyPlaceTaken' }, params: { position: 'Chủ tịch UBND', holders: chair.fullName } });
    expect(await holdersOf('COMMITTEE_CHAIR')).toEqual([chair]);
    expect(await auditCount(database.db)).toBe(audits);
    expect((await database.db.cadre.findUniqueOrThrow({ where: { id: person.id } })).version).toBe(person.version);
  });

  test('a civil servant moved into a non-elected key post someone holds is refused too', async () => {
    const [head] = await holdersOf('OFFICE_CHIEF');
    expect(head).toBeTruthy();
    const person = await newPerson({ primary: 'OFFICE_SPECIALIST' });
    const result = await change(person, 'OFFICE_CHIEF');
    expect(result).toMatchObject({ ok: false, fieldErrors: { positionId: 'roster.errors.keyPlaceTaken' }, params: { holders: head.fullName } });
  });

  test('a concurrent post on a key place already held is refused: primary and concurrent holders share the norm', async () => {
    const [head] = await holdersOf('OFFICE_CHIEF');
    const person = await newPerson({ primary: 'OFFICE_SPECIALIST' });
    const result = await addConcurrentPosition(null, form({ communeId: ngaMy.id, cadreId: person.id, version: person.version, positionId: position.OFFICE_CHIEF, startDate: today(), ...decision }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { positionId: 'roster.errors.keyPlaceTaken' }, params: { holders: head.fullName } });
  });

  test('a vacant key post is filled, once: the second person is refused with the first one\'s name', async () => {
    const staffing = await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() });
    const vacant = staffing.keyPositions.find((p) => p.vacancies > 0 && !p.concurrentByDesign && p.block === 'government');
    expect(vacant).toBeTruthy();
    const code = Object.entries(position).find(([, id]) => id === vacant!.positionId)![0];
    const isElected = (await database.db.position.findUniqueOrThrow({ where: { id: vacant!.positionId } })).isElected;
    const employmentType = isElected ? 'cadre' : 'civil_servant';
    const first = await newPerson({ primary: 'OFFICE_SPECIALIST', employmentType });
    expect(await change(first, code)).toMatchObject({ ok: true });
    const second = await newPerson({ primary: 'OFFICE_SPECIALIST', employmentType });
    const firstName = (await database.db.cadre.findUniqueOrThrow({ where: { id: first.id } })).fullName;
    expect(await change(second, code)).toMatchObject({ ok: false, fieldErrors: { positionId: 'roster.errors.keyPlaceTaken' }, params: { holders: firstName } });
  });

  test('a recruitment straight into a held key post is refused, naming the holder', async () => {
    const [head] = await holdersOf('OFFICE_CHIEF');
    const people = await database.db.cadre.count();
    const result = await recruitCadre(null, form({
      communeId: ngaMy.id, fullName: 'Trần Văn Tuyển', gender: 'male', birthDate: '10/10/1990', employmentType: 'civil_servant', education: 'university',
      positionId: position.OFFICE_CHIEF, startDate: today(), ...decision,
    }));
    // Nga My may already be at its government quota; either guard refuses and nobody is added.
    expect(result.ok).toBe(false);
    if (!result.ok && result.fieldErrors?.positionId === 'roster.errors.keyPlaceTaken') expect(result.params).toMatchObject({ holders: head.fullName });
    expect(await database.db.cadre.count()).toBe(people);
  });
});

describe('elected posts are filled by election, never by a civil servant\'s change of post', () => {
  test('a civil servant to "Chủ tịch UBND" (elected) is refused beside the field', async () => {
    const person = await newPerson({ primary: 'OFFICE_SPECIALIST' });
    const result = await change(person, 'COMMITTEE_CHAIR');
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { positionId: 'roster.errors.electedNeedsCadre' } });
  });
});

describe('the quota rule on every path', () => {
  test('a change of primary post from the Party–Front block into a government block at its quota is refused', async () => {
    const staffing = await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() });
    const person = await newPerson({ primary: 'PARTY_SPECIALIST' });
    // Put the government block exactly at its quota (counting the people the tests above added).
    const government = (await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: today() })).blocks.government;
    await database.db.quota.updateMany({ where: { communeId: ngaMy.id, block: 'government', year: staffing.quotaYear! }, data: { quota: government.headcount } });
    const audits = await auditCount(database.db);
    const result = await change(person, 'ACCOUNTANT');
    expect(result).toMatchObject({
      ok: false, fieldErrors: { positionId: 'roster.errors.overQuotaBlock' }, params: { block: 'government', headcount: government.headcount, quota: government.headcount },
    });
    expect(await auditCount(database.db)).toBe(audits);
    // Within its own block the same person moves freely.
    expect(await change(person, 'FRONT_SPECIALIST')).toMatchObject({ ok: true });
  });
});
