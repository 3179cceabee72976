import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, form } from '../support/action-harness';
import { createCommune, seededCommune, seededPosition } from '../support/factories';

// Reception into the commune civil service and the recruitment plan against a real PostgreSQL
// (docs/decisions/043-reception-and-recruitment.md): every transition, each bad input refused with its rule and
// nothing changed, two decisions racing for the last quota place, the audit fault switch, and the counting at the
// dates around a reception decided ahead of its day.

const { proposeReception } = await import('@/lib/actions/receptions/propose-reception');
const { appraiseReception } = await import('@/lib/actions/receptions/appraise-reception');
const { refuseReception } = await import('@/lib/actions/receptions/refuse-reception');
const { withdrawReception } = await import('@/lib/actions/receptions/withdraw-reception');
const { decideReception } = await import('@/lib/actions/receptions/decide-reception');
const { createRecruitmentPlan } = await import('@/lib/actions/recruitment/create-recruitment-plan');
const { saveRecruitmentTarget } = await import('@/lib/actions/recruitment/save-recruitment-target');
const { removeRecruitmentTarget } = await import('@/lib/actions/recruitment/remove-recruitment-target');
const { listCommuneNonProfessionals, listReceptionTimeline } = await import('@/lib/db/reception-queries');
const { findRecruitmentPlan } = await import('@/lib/db/recruitment-queries');
const { getCommuneStaffing, listCommuneRoster } = await import('@/lib/db/staffing-queries');
const { listCommuneMovements } = await import('@/lib/db/movement-queries');

const TODAY = '2025-11-10';
let savedToday: string | undefined;
let database: TestDatabase;
let chairman: SessionUser;
let homeAffairs: SessionUser;
let ngaMy: { id: number; provinceId: number };
let officeSpecialist: number;
let ppcBody: number;

const EXTERNAL = { fullName: 'Lô Thị Hằng', gender: 'female', birthDate: '12/04/1990', nationalId: '040190001234', workplace: 'Trường Tiểu học Nga My' };
const GOOD = { insuranceMonths: 72, degree: 'university', degreeField: 'administration', evidence: 'Sổ BHXH số 4012345678' };

const reception = (id: number) => database.db.reception.findUniqueOrThrow({ where: { id } });
const count = () => database.db.reception.count();

async function propose(values: Record<string, string | number>, as: SessionUser = chairman) {
  signInAs(as);
  return proposeReception(null, form({ communeId: ngaMy.id, positionId: officeSpecialist, ...GOOD, ...values }));
}
async function proposed(values: Record<string, string | number>, as: SessionUser = chairman): Promise<number> {
  const result = await propose(values, as);
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.ok ? (result.data as { receptionId: number }).receptionId : 0;
}
async function appraise(id: number, values: Record<string, string | number> = {}) {
  signInAs(homeAffairs);
  const version = (await reception(id)).version;
  return appraiseReception(null, form({ receptionId: id, version, insuranceMet: 'yes', degreeMet: 'yes', fieldMet: 'yes', councilResult: 'passed', councilScore: '78.5', ...values }));
}
async function decide(id: number, values: Record<string, string | number> = {}) {
  signInAs(homeAffairs);
  const version = (await reception(id)).version;
  return decideReception(null, form({ receptionId: id, version, decisionNumber: `${id}/QĐ-UBND`, decisionDate: TODAY, issuingBodyId: ppcBody, effectiveDate: '01/12/2025', ...values }));
}
async function worker(exclude: number[] = []): Promise<number> {
  const options = await listCommuneNonProfessionals(database.db, ngaMy.id, TODAY);
  const free = options.find((o) => !o.inOpenProposal && !exclude.includes(o.id));
  if (!free) throw new Error('no free non-professional worker in Nga My');
  return free.id;
}

beforeAll(async () => {
  savedToday = process.env.APP_TODAY;
  process.env.APP_TODAY = TODAY;
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  chairman = await sessionUserFor(database.db, 'xa.ngamy');
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  ngaMy = await seededCommune(database.db, 'Nga My');
  officeSpecialist = (await seededPosition(database.db, 'OFFICE_SPECIALIST')).id;
  ppcBody = (await database.db.issuingBody.findFirstOrThrow({ where: { provinceId: ngaMy.provinceId, communeId: null, code: 'UBND' } })).id;
});
afterAll(async () => {
  signInAs(null);
  if (savedToday === undefined) delete process.env.APP_TODAY;
  else process.env.APP_TODAY = savedToday;
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
});

describe('a non-professional worker of the roster, proposed, appraised and received', () => {
  test('each step moves the state, writes its audit event, and the decision makes him a civil servant from the effective date', async () => {
    const cadreId = await worker();
    const npPost = await database.db.assignment.findFirstOrThrow({ where: { cadreId, isPrimary: true, endDate: null } });
    const before = await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: TODAY });
    const audits = await auditCount(database.db);

    const id = await proposed({ cadreId });
    expect(await reception(id)).toMatchObject({ state: 'proposed', cadreId, insuranceMonths: 72 });
    expect(await appraise(id)).toMatchObject({ ok: true });
    expect(await reception(id)).toMatchObject({ state: 'appraised', insuranceMet: true, fieldMet: true, councilResult: 'passed' });
    expect(await decide(id)).toMatchObject({ ok: true });

    const decided = await reception(id);
    expect(decided.state).toBe('decided');
    expect(decided.effectiveDate?.toISOString().slice(0, 10)).toBe('2025-12-01');
    const person = await database.db.cadre.findUniqueOrThrow({ where: { id: cadreId }, include: { assignments: { orderBy: { startDate: 'asc' } } } });
    expect(person.employmentType).toBe('civil_servant');
    const closed = person.assignments.find((a) => a.id === npPost.id)!;
    expect(closed.endDate?.toISOString().slice(0, 10)).toBe('2025-11-30');
    expect(closed.employmentType).toBe('non_professional');
    const post = person.assignments.find((a) => a.positionId === officeSpecialist)!;
    expect(post).toMatchObject({ isPrimary: true, endDate: null, decisionId: decided.decisionId });
    expect(post.startDate.toISOString().slice(0, 10)).toBe('2025-12-01');

    // Counted from the effective date, not before: today's figures (the published ones) do not move.
    const today = await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: TODAY });
    expect(today.blocks.government.headcount).toBe(before.blocks.government.headcount);
    const eve = await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: '2025-11-30' });
    expect(eve.blocks.government.headcount).toBe(before.blocks.government.headcount);
    const after = await getCommuneStaffing(database.db, ngaMy.provinceId, ngaMy.id, { date: '2025-12-01' });
    expect(after.blocks.government.headcount).toBe(before.blocks.government.headcount + 1);
    // The roster shows him as the worker he still is today; the projection counts him in from the first of December.
    const row = (await listCommuneRoster(database.db, ngaMy.id, TODAY)).find((r) => r.cadreId === cadreId)!;
    expect(row).toMatchObject({ employmentType: 'non_professional', counts: false });
    const movements = (await listCommuneMovements(database.db, ngaMy.id, TODAY)).filter((m) => m.kind === 'roster' && m.startDate === '2025-12-01');
    expect(movements.filter((m) => m.direction === 'in' && m.block === 'government').length).toBeGreaterThanOrEqual(1);
    expect(movements.filter((m) => m.direction === 'out')).toEqual([]);

    expect(await auditCount(database.db)).toBe(audits + 3);
    const timeline = await listReceptionTimeline(database.db, id);
    expect(timeline.map((e) => e.action)).toEqual(['reception.propose', 'reception.appraise', 'reception.decide']);
    const decideRow = await database.db.auditLog.findFirstOrThrow({ where: { action: 'reception.decide', entityId: String(id) } });
    expect(decideRow).toMatchObject({ decisionId: decided.decisionId, affectsFigures: true });
    expect(decideRow.effectiveOn?.toISOString().slice(0, 10)).toBe('2025-12-01');
  });

  test('someone from elsewhere: the decision makes his record under the next code', async () => {
    const id = await proposed(EXTERNAL);
    expect(await appraise(id)).toMatchObject({ ok: true });
    expect(await decide(id)).toMatchObject({ ok: true });
    const row = await reception(id);
    const code = (row.externalPerson as { cadreCode?: string }).cadreCode!;
    expect(code).toMatch(/^CB\d+$/);
    const person = await database.db.cadre.findFirstOrThrow({ where: { code, provinceId: ngaMy.provinceId }, include: { assignments: true } });
    expect(person).toMatchObject({ fullName: EXTERNAL.fullName, employmentType: 'civil_servant', nationalId: EXTERNAL.nationalId });
    expect(person.assignments).toHaveLength(1);
    expect(person.assignments[0]).toMatchObject({ communeId: ngaMy.id, positionId: officeSpecialist, isPrimary: true });
    // One incoming movement on the day for him in the projection, not one for his post and another for the proposal.
    const incoming = (await listCommuneMovements(database.db, ngaMy.id, TODAY)).filter((m) => m.direction === 'in' && m.startDate === '2025-12-01' && (m as { cadreId?: number | null }).cadreId === person.id);
    expect(incoming).toHaveLength(1);
  });
});

describe('the personal ID of someone from elsewhere, at the decision', () => {
  test('an ID another record holds is refused beside the ID field, nothing changed; the ID as corrected in the decision is recorded', async () => {
    // Someone born the same day as a person of the roster, of the same gender, with that person's ID (valid for both).
    const holder = await database.db.cadre.findFirstOrThrow({
      where: { provinceId: ngaMy.provinceId, status: 'active', gender: 'male', birthDate: { gte: new Date('1980-01-01'), lt: new Date('1990-01-01') }, nationalId: { startsWith: '0400' } },
      select: { nationalId: true, birthDate: true },
    });
    const [y, m, d] = holder.birthDate.toISOString().slice(0, 10).split('-');
    const corrected = `0400${y.slice(2)}007777`;
    const id = await proposed({ ...EXTERNAL, fullName: 'Lữ Văn Trùng', gender: 'male', birthDate: `${d}/${m}/${y}`, nationalId: holder.nationalId! });
    expect(await appraise(id)).toMatchObject({ ok: true });
    const cadres = await database.db.cadre.count();
    expect(await decide(id)).toMatchObject({ ok: false, fieldErrors: { nationalId: 'nationalId.errors.takenMeanwhile' } });
    expect((await reception(id)).state).toBe('appraised');
    expect(await database.db.cadre.count()).toBe(cadres);
    // Blank keeps the proposal's ID (refused again); the corrected one is the person's.
    expect(await decide(id, { nationalId: '' })).toMatchObject({ ok: false, fieldErrors: { nationalId: 'nationalId.errors.takenMeanwhile' } });
    expect(await decide(id, { nationalId: corrected })).toMatchObject({ ok: true });
    const recorded = (await reception(id)).externalPerson as { cadreCode?: string; nationalId?: string };
    expect(recorded.nationalId).toBe(corrected);
    expect(await database.db.cadre.findFirstOrThrow({ where: { code: recorded.cadreCode!, provinceId: ngaMy.provinceId } })).toMatchObject({ nationalId: corrected, fullName: 'Lữ Văn Trùng' });
  });
});

describe('refusals and withdrawals', () => {
  test('Home Affairs refuses with a reason; without one, nothing changes', async () => {
    const id = await proposed({ cadreId: await worker(), insuranceMonths: 40, exceptionReason: 'Xã biên giới, khó tuyển' });
    signInAs(homeAffairs);
    const version = (await reception(id)).version;
    expect(await refuseReception(null, form({ receptionId: id, version }))).toMatchObject({ ok: false, error: 'reception.errors.reasonRequired' });
    expect((await reception(id)).state).toBe('proposed');
    expect(await refuseReception(null, form({ receptionId: id, version, reason: 'Chưa đủ 5 năm đóng bảo hiểm xã hội bắt buộc.' }))).toMatchObject({ ok: true });
    expect(await reception(id)).toMatchObject({ state: 'refused', refusalReason: 'Chưa đủ 5 năm đóng bảo hiểm xã hội bắt buộc.' });
    // Closed: the worker may be proposed again.
    const again = await proposed({ cadreId: (await reception(id)).cadreId!, insuranceMonths: 61 });
    signInAs(chairman);
    expect(await withdrawReception(null, form({ receptionId: again, version: 1 }))).toMatchObject({ ok: true });
    expect((await reception(again)).state).toBe('withdrawn');
  });

  test('the chairman withdraws an appraised proposal; Home Affairs may not withdraw, the chairman may not appraise', async () => {
    const id = await proposed(EXTERNAL);
    signInAs(homeAffairs);
    expect(await withdrawReception(null, form({ receptionId: id, version: 1 }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    signInAs(chairman);
    expect(await appraiseReception(null, form({ receptionId: id, version: 1, insuranceMet: 'yes', degreeMet: 'yes', fieldMet: 'yes', councilResult: 'passed' }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await appraise(id)).toMatchObject({ ok: true });
    signInAs(chairman);
    expect(await withdrawReception(null, form({ receptionId: id, version: 2, reason: 'Người này đã nhận công tác khác.' }))).toMatchObject({ ok: true });
    expect(await decide(id)).toMatchObject({ ok: false, error: 'reception.errors.stale' });
  });

  test('a council that fails is a refusal, not an appraisal', async () => {
    const id = await proposed(EXTERNAL);
    expect(await appraise(id, { councilResult: 'failed' })).toMatchObject({ ok: false, error: 'reception.errors.councilFailed' });
    expect((await reception(id)).state).toBe('proposed');
  });
});

describe('bad input: refused with the rule named, nothing changed', () => {
  test('a person already in an open proposal', async () => {
    const cadreId = await worker();
    await proposed({ cadreId });
    const [n, audits] = [await count(), await auditCount(database.db)];
    const result = await propose({ cadreId });
    expect(result).toMatchObject({ ok: false, fieldErrors: { cadreId: 'reception.errors.openProposal' } });
    expect([await count(), await auditCount(database.db)]).toEqual([n, audits]);
  });

  test('a post outside the commune: an elected post, a department post', async () => {
    const n = await count();
    const elected = (await seededPosition(database.db, 'COMMITTEE_CHAIR')).id;
    const department = (await database.db.position.findFirstOrThrow({ where: { provinceId: ngaMy.provinceId, block: null } })).id;
    for (const positionId of [elected, department]) {
      expect(await propose({ ...EXTERNAL, positionId })).toMatchObject({ ok: false, error: 'reception.errors.positionOutside' });
    }
    expect(await count()).toBe(n);
  });

  test('a condition not met without the exception: too few years of insurance, a college degree, another field', async () => {
    const n = await count();
    expect(await propose({ ...EXTERNAL, insuranceMonths: 59 })).toMatchObject({ ok: false, error: 'reception.errors.insuranceShort', params: { months: 59, minimum: 60 }, fieldErrors: { insuranceMonths: 'reception.errors.insuranceShort' } });
    expect(await propose({ ...EXTERNAL, degree: 'college' })).toMatchObject({ ok: false, error: 'reception.errors.degreeBelow' });
    expect(await propose({ ...EXTERNAL, degreeField: 'land' })).toMatchObject({ ok: false, error: 'reception.errors.fieldMismatch' });
    expect(await count()).toBe(n);
  });

  test("a province's own minimum (the setting in force) is the one applied", async () => {
    await database.db.setting.create({ data: { provinceId: ngaMy.provinceId, key: 'reception.minInsuranceYears', value: '6', effectiveFrom: new Date('2025-11-01'), source: 'Thử nghiệm' } });
    try {
      expect(await propose({ ...EXTERNAL, insuranceMonths: 70 })).toMatchObject({ ok: false, error: 'reception.errors.insuranceShort', params: { minimum: 72 } });
    } finally {
      await database.db.setting.deleteMany({ where: { provinceId: ngaMy.provinceId, key: 'reception.minInsuranceYears' } });
    }
  });

  test('another commune, and someone not a non-professional worker of the commune', async () => {
    const bacLy = await seededCommune(database.db, 'Bắc Lý');
    const n = await count();
    signInAs(chairman);
    expect(await proposeReception(null, form({ communeId: bacLy.id, positionId: officeSpecialist, ...GOOD, ...EXTERNAL }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    const civilServant = await database.db.assignment.findFirstOrThrow({ where: { communeId: ngaMy.id, isPrimary: true, endDate: null, cadre: { employmentType: 'civil_servant' } } });
    expect(await propose({ cadreId: civilServant.cadreId })).toMatchObject({ ok: false, error: 'reception.errors.notNonProfessional' });
    expect(await count()).toBe(n);
  });

  test('a decision dated before the proposal, or in the future', async () => {
    const id = await proposed(EXTERNAL);
    await appraise(id);
    const audits = await auditCount(database.db);
    expect(await decide(id, { decisionDate: '09/11/2025' })).toMatchObject({ ok: false, error: 'reception.errors.decisionBeforeProposal', fieldErrors: { decisionDate: 'reception.errors.decisionBeforeProposal' } });
    expect(await decide(id, { decisionDate: '11/11/2025' })).toMatchObject({ ok: false, error: 'reception.errors.decisionDateFuture' });
    expect((await reception(id)).state).toBe('appraised');
    expect(await auditCount(database.db)).toBe(audits);
  });
});

describe('the quota guard', () => {
  async function communeWithRoom(government: number) {
    const commune = await createCommune(database.db, ngaMy.provinceId, { quota: { year: 2025, party_front: 0, government } });
    const username = `test.chairman.reception.${commune.id}`;
    await database.db.user.create({ data: { provinceId: ngaMy.provinceId, username, displayName: 'Chủ tịch thử', passwordHash: 'x', role: 'commune_chairman', communeId: commune.id } });
    return { commune, chairman: await sessionUserFor(database.db, username) };
  }
  async function appraisedIn(communeId: number, as: SessionUser, name: string) {
    signInAs(as);
    const result = await proposeReception(null, form({ communeId, positionId: officeSpecialist, ...GOOD, ...EXTERNAL, fullName: name, nationalId: '' }));
    expect(result).toMatchObject({ ok: true });
    const id = result.ok ? (result.data as { receptionId: number }).receptionId : 0;
    expect(await appraise(id)).toMatchObject({ ok: true });
    return id;
  }

  test('a decision over the quota is refused with the numbers, and nothing changes', async () => {
    const { commune, chairman: own } = await communeWithRoom(0);
    const id = await appraisedIn(commune.id, own, 'Vi Văn Tâm');
    const cadres = await database.db.cadre.count();
    const result = await decide(id);
    expect(result).toMatchObject({ ok: false, error: 'reception.errors.overQuota', params: { block: 'government', headcount: 0, quota: 0, date: '01/12/2025' } });
    expect((await reception(id)).state).toBe('appraised');
    expect(await database.db.cadre.count()).toBe(cadres);
  });

  test('two decisions racing for the last place: exactly one wins', async () => {
    const { commune, chairman: own } = await communeWithRoom(1);
    const first = await appraisedIn(commune.id, own, 'Lương Văn Một');
    const second = await appraisedIn(commune.id, own, 'Lương Thị Hai');
    signInAs(homeAffairs);
    const results = await Promise.all([
      decideReception(null, form({ receptionId: first, version: 2, decisionNumber: '901/QĐ-UBND', decisionDate: TODAY, issuingBodyId: ppcBody, effectiveDate: '01/12/2025' })),
      decideReception(null, form({ receptionId: second, version: 2, decisionNumber: '902/QĐ-UBND', decisionDate: TODAY, issuingBodyId: ppcBody, effectiveDate: '01/12/2025' })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: 'reception.errors.overQuota' });
    const states = (await database.db.reception.findMany({ where: { id: { in: [first, second] } } })).map((r) => r.state).sort();
    expect(states).toEqual(['appraised', 'decided']);
    expect(await database.db.assignment.count({ where: { communeId: commune.id } })).toBe(1);
  });
});

describe('atomicity', () => {
  async function failsWithTheAudit(step: () => Promise<unknown>) {
    auditFailure.armed = true;
    try {
      const error = await step().then((r) => r, (e: unknown) => e);
      expect(error, JSON.stringify(error)).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch('audit write failed');
    } finally {
      auditFailure.armed = false;
    }
  }

  test('with the audit writer failing, no step keeps anything it wrote', async () => {
    const n = await count();
    // The record made by the decision takes no personal ID another person's record holds (an earlier test's).
    const person = { ...EXTERNAL, fullName: 'Hà Văn Nguyên', nationalId: '' };
    await failsWithTheAudit(() => propose(person));
    expect(await count()).toBe(n);
    const id = await proposed(person);
    await failsWithTheAudit(() => appraise(id));
    expect((await reception(id)).state).toBe('proposed');
    await appraise(id);
    const cadres = await database.db.cadre.count();
    await failsWithTheAudit(() => decide(id));
    expect((await reception(id)).state).toBe('appraised');
    expect(await database.db.cadre.count()).toBe(cadres);
  });
});

describe('the recruitment plan', () => {
  test('a target within the unused quota is saved; one above it is refused with the figures; progress is derived', async () => {
    signInAs(homeAffairs);
    const created = await createRecruitmentPlan(null, form({ year: 2027, note: 'Kế hoạch thử' }));
    expect(created).toMatchObject({ ok: true, data: { year: 2027 } });
    expect(await createRecruitmentPlan(null, form({ year: 2027 }))).toMatchObject({ ok: false, fieldErrors: { year: 'recruitment.errors.planExists' } });
    // The targets go into the demo's 2026 plan (lib/demo/receptions.ts), in a commune of the test's own.
    expect(await createRecruitmentPlan(null, form({ year: 2026 }))).toMatchObject({ ok: false, fieldErrors: { year: 'recruitment.errors.planExists' } });
    const planId = (await findRecruitmentPlan(database.db, ngaMy.provinceId, 2026))!.id;

    const { commune } = await (async () => ({ commune: await createCommune(database.db, ngaMy.provinceId, { quota: { year: 2025, party_front: 2, government: 3 } }) }))();
    const target = (values: Record<string, string | number>) => saveRecruitmentTarget(null, form({ planId, communeId: commune.id, positionId: officeSpecialist, plannedDate: '01/06/2026', ...values }));
    expect(await target({ count: 4 })).toMatchObject({ ok: false, error: 'recruitment.errors.overUnusedQuota', params: { unused: 3, quota: 3, headcount: 0 } });
    expect(await target({ count: 2 })).toMatchObject({ ok: true });
    // The plan's other targets in the block are held: one more post of the block has one place left.
    const it = (await seededPosition(database.db, 'IT_OFFICER')).id;
    expect(await target({ count: 2, positionId: it })).toMatchObject({ ok: false, error: 'recruitment.errors.overUnusedQuota', params: { unused: 1 } });
    expect(await target({ count: 1, positionId: it })).toMatchObject({ ok: true });
    expect(await target({ count: 1, plannedDate: '01/06/2027' })).toMatchObject({ ok: false, error: 'recruitment.errors.dateOutsideYear' });
    const elected = (await seededPosition(database.db, 'COMMITTEE_CHAIR')).id;
    expect(await target({ count: 1, positionId: elected })).toMatchObject({ ok: false, error: 'recruitment.errors.position' });

    const plan = (await findRecruitmentPlan(database.db, ngaMy.provinceId, 2026))!;
    const mine = plan.targets.filter((t) => t.commune.id === commune.id);
    expect(mine.map((t) => [t.position.code, t.count, t.filled]).sort()).toEqual([['IT_OFFICER', 1, 0], ['OFFICE_SPECIALIST', 2, 0]]);
    const removed = mine.find((t) => t.position.code === 'IT_OFFICER')!;
    expect(await removeRecruitmentTarget(null, form({ targetId: removed.id, version: removed.version }))).toMatchObject({ ok: true });
    expect((await findRecruitmentPlan(database.db, ngaMy.provinceId, 2026))!.targets.some((t) => t.id === removed.id)).toBe(false);

    // Filled by a reception decided into the commune and post with an effective date in the year.
    const username = `test.chairman.plan.${commune.id}`;
    await database.db.user.create({ data: { provinceId: ngaMy.provinceId, username, displayName: 'Chủ tịch thử', passwordHash: 'x', role: 'commune_chairman', communeId: commune.id } });
    signInAs(await sessionUserFor(database.db, username));
    const proposal = await proposeReception(null, form({ communeId: commune.id, positionId: officeSpecialist, ...GOOD, ...EXTERNAL, fullName: 'Quang Văn Đủ', nationalId: '' }));
    const id = proposal.ok ? (proposal.data as { receptionId: number }).receptionId : 0;
    await appraise(id);
    expect(await decide(id, { effectiveDate: '01/01/2026' })).toMatchObject({ ok: true });
    const after = (await findRecruitmentPlan(database.db, ngaMy.provinceId, 2026))!.targets.find((t) => t.commune.id === commune.id && t.position.code === 'OFFICE_SPECIALIST')!;
    expect(after).toMatchObject({ count: 2, filled: 1, remaining: 1, done: false });
  });
});
