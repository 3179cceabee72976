import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, confirmedForm, form } from '../support/action-harness';
import { databaseViolation, guardMessage } from '@/lib/db/errors';
import { createDepartment, createDepartmentStaff, createListWithCandidates } from '../support/factories';

// The secondment workflow against a real PostgreSQL: every transition, what each refuses, the database
// guards and the race between two reviewers (decision 011).

const { createSecondmentPhase } = await import('@/lib/actions/secondments/create-secondment-phase');
const { extendSecondmentPhase } = await import('@/lib/actions/secondments/extend-secondment-phase');
const { createSecondmentList } = await import('@/lib/actions/secondments/create-secondment-list');
const { addSecondmentCandidate } = await import('@/lib/actions/secondments/add-secondment-candidate');
const { removeSecondmentCandidate } = await import('@/lib/actions/secondments/remove-secondment-candidate');
const { submitSecondmentList } = await import('@/lib/actions/secondments/submit-secondment-list');
const { assessSecondmentCandidate } = await import('@/lib/actions/secondments/assess-secondment-candidate');
const { returnSecondmentList } = await import('@/lib/actions/secondments/return-secondment-list');
const { forwardSecondmentList } = await import('@/lib/actions/secondments/forward-secondment-list');
const { decideSecondmentCandidates } = await import('@/lib/actions/secondments/decide-secondment-candidates');
const { placeSecondmentCandidate } = await import('@/lib/actions/secondments/place-secondment-candidate');
const { endSecondment } = await import('@/lib/actions/secondments/end-secondment');
const { getCompilation, listTimeline, countAwaiting } = await import('@/lib/db/secondment-queries');

let database: TestDatabase;
let officer: SessionUser;
let committee: SessionUser;
let standing: SessionUser;
let homeAffairs: SessionUser;
let chairman: SessionUser;
let ngaMyId: number;
let communePositionId: number;
let foreignCommuneId: number;
let phaseNumber = 10;
/** The new due date a return gives a list (required, not before today). */
const RETURN_DUE = '2099-12-31';

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  officer = await sessionUserFor(database.db, 'so.noivu');
  committee = await sessionUserFor(database.db, 'bantochuc');
  standing = await sessionUserFor(database.db, 'thuongtruc');
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  chairman = await sessionUserFor(database.db, 'xa.ngamy');
  ngaMyId = chairman.communeId!;
  communePositionId = (await database.db.position.findFirstOrThrow({ where: { provinceId: officer.provinceId, block: 'government', isKey: false } })).id;
  const foreign = await database.db.province.create({ data: { code: 'ZZ', name: 'Tỉnh Thử' } });
  const district = await database.db.oldDistrict.create({ data: { provinceId: foreign.id, code: 'ZZ01', name: 'Huyện Thử' } });
  foreignCommuneId = (await database.db.commune.create({ data: { provinceId: foreign.id, oldDistrictId: district.id, code: 'ZZ001', name: 'Xã Thử' } })).id;
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
});

/** Active staff of the officer's department that no open list holds and no secondment covers. */
async function freeStaff(count: number, departmentId = officer.departmentId!): Promise<{ id: number; code: string }[]> {
  return database.db.$queryRaw<{ id: number; code: string }[]>`
    SELECT ca.id, ca.code FROM cadre ca JOIN assignment a ON a.cadre_id = ca.id AND a.is_primary AND a.end_date IS NULL
     WHERE a.department_id = ${departmentId} AND ca.status = 'active' AND ca.employment_type IN ('cadre', 'civil_servant')
       AND NOT EXISTS (SELECT 1 FROM secondment_candidate sc WHERE sc.cadre_id = ca.id)
       AND NOT EXISTS (SELECT 1 FROM secondment s WHERE s.cadre_id = ca.id)
     ORDER BY ca.code LIMIT ${count}`;
}

const list = (id: number) => database.db.secondmentList.findUniqueOrThrow({ where: { id }, include: { candidates: { orderBy: { id: 'asc' } } } });

/** Runs `work` on the clock's day `date` (APP_TODAY), then back on the real day. */
async function on<T>(date: string, work: () => Promise<T>): Promise<T> {
  const saved = process.env.APP_TODAY;
  process.env.APP_TODAY = date;
  try {
    return await work();
  } finally {
    if (saved === undefined) delete process.env.APP_TODAY;
    else process.env.APP_TODAY = saved;
  }
}

/**
 * A phase (opened by the Organizing Committee on 01/03/2026, so that the Conclusions of 10/04/2026 below are not
 * dated before it) and the officer's draft list with `size` candidates.
 */
async function draftList(size: number) {
  signInAs(committee);
  const number = ++phaseNumber;
  expect(await on('2026-03-01', () => createSecondmentPhase(null, form({ year: 2026, number, dueDate: '2026-03-31', note: '' })))).toMatchObject({ ok: true });
  const phase = await database.db.secondmentPhase.findFirstOrThrow({ where: { provinceId: officer.provinceId, year: 2026, number } });
  signInAs(officer);
  const created = await createSecondmentList(null, form({ phaseId: phase.id }));
  expect(created).toMatchObject({ ok: true });
  const listId = created.ok ? created.data.listId : 0;
  for (const person of await freeStaff(size)) {
    const current = await list(listId);
    expect(await addSecondmentCandidate(null, form({ listId, version: current.version, cadreId: person.id, kind: 'secondment', field: 'accounting', preferredCommuneId: ngaMyId }))).toMatchObject({ ok: true });
  }
  return { listId, phase };
}

async function submitted(size: number) {
  const { listId, phase } = await draftList(size);
  signInAs(officer);
  const current = await list(listId);
  expect(await submitSecondmentList(null, confirmedForm({ listId, version: current.version, justification: 'Sở mới sáp nhập, thiếu công chức.' }))).toMatchObject({ ok: true });
  return { listId, phase };
}

async function assessAll(listId: number, meets: (index: number) => boolean) {
  signInAs(committee);
  const current = await list(listId);
  for (const [index, candidate] of current.candidates.entries()) {
    const ok = meets(index);
    expect(await assessSecondmentCandidate(null, form({ candidateId: candidate.id, version: candidate.version, meets: ok ? 'yes' : 'no', reason: ok ? '' : 'Chưa đủ thời gian công tác' }))).toMatchObject({ ok: true });
  }
}

describe('the whole story', () => {
  test('draft → submitted → returned → resubmitted → assessed → forwarded → approved by a Conclusion → placed → ended', async () => {
    const awaitingBefore = await countAwaiting(database.db, committee);
    const { listId } = await submitted(4);
    expect((await list(listId)).state).toBe('submitted');
    // The submitted list now awaits the Organizing Committee's review.
    expect(await countAwaiting(database.db, committee)).toBe(awaitingBefore + 1);

    // Returned with a comment; the department edits (removes one) and resubmits.
    signInAs(committee);
    let current = await list(listId);
    expect(await returnSecondmentList(null, confirmedForm({ listId, version: current.version, comment: '', dueDate: RETURN_DUE }))).toMatchObject({ ok: false, fieldErrors: { comment: 'secondment.errors.commentRequired' } });
    expect(await returnSecondmentList(null, confirmedForm({ listId, version: current.version, comment: 'Bổ sung bản tự kiểm điểm.', dueDate: RETURN_DUE }))).toMatchObject({ ok: true });
    signInAs(officer);
    current = await list(listId);
    expect(current.state).toBe('returned');
    expect(await removeSecondmentCandidate(null, form({ listId, version: current.version, candidateId: current.candidates[3].id }))).toMatchObject({ ok: true });
    current = await list(listId);
    expect(await submitSecondmentList(null, confirmedForm({ listId, version: current.version, justification: 'Đã bổ sung.' }))).toMatchObject({ ok: true });
    current = await list(listId);
    expect(current).toMatchObject({ state: 'submitted', round: 2 });

    // Assessed: two meet, one does not; forwarded.
    await assessAll(listId, (i) => i < 2);
    signInAs(committee);
    current = await list(listId);
    expect(await forwardSecondmentList(null, confirmedForm({ listId, version: current.version }))).toMatchObject({ ok: true });
    current = await list(listId);
    expect(current.state).toBe('forwarded');
    // Holding is derived from the candidate's and the list's states (the database's secondment_candidate_holds).
    const holding = await database.db.$queryRawUnsafe<{ state: string; holds: boolean }[]>(
      `SELECT c.state::text AS state, secondment_candidate_holds(c.state, l.state) AS holds FROM secondment_candidate c JOIN secondment_list l ON l.id = c.list_id
        WHERE l.id = $1 ORDER BY c.id`,
      listId,
    );
    expect(holding.map((c) => [c.state, c.holds])).toEqual([['forwarded', true], ['forwarded', true], ['does_not_meet', false]]);

    // An approved list cannot be edited: the department's forms are refused.
    signInAs(officer);
    expect(await removeSecondmentCandidate(null, form({ listId, version: current.version, candidateId: current.candidates[0].id }))).toMatchObject({ ok: false, error: 'secondment.errors.stale' });

    // The Standing Committee: without a Conclusion number nothing happens; with it, the subset is approved.
    signInAs(standing);
    const audits = await auditCount(database.db);
    expect(await decideSecondmentCandidates(null, form({ listId, version: current.version, decision: 'approve', scope: 'all', conclusionNumber: '', conclusionDate: '2026-04-10', reason: '' }))).toMatchObject({
      ok: false, fieldErrors: { conclusionNumber: 'secondment.errors.conclusionRequired' },
    });
    expect(await auditCount(database.db)).toBe(audits);
    expect(
      await decideSecondmentCandidates(null, form({ listId, version: current.version, decision: 'approve', scope: 'selected', [`candidate-${current.candidates[0].id}`]: 'on', conclusionNumber: '612-kl/tu', conclusionDate: '2026-04-10', reason: '' })),
    ).toMatchObject({ ok: true, data: { decided: 1 } });
    current = await list(listId);
    expect(current.state).toBe('forwarded');
    expect(await database.db.conclusion.findFirstOrThrow({ where: { number: '612-KL/TU' } })).toMatchObject({ date: new Date('2026-04-10') });
    expect(await decideSecondmentCandidates(null, form({ listId, version: current.version, decision: 'decline', scope: 'all', reason: 'Cần ở lại sở.' }))).toMatchObject({ ok: true, data: { decided: 1 } });
    current = await list(listId);
    expect(current.state).toBe('decided');
    expect(current.candidates.map((c) => c.state)).toEqual(['approved', 'declined', 'does_not_meet']);

    // Placement: not in another province's commune, not ending before it starts; then placed in Nga My.
    signInAs(homeAffairs);
    const approved = current.candidates[0];
    const decision = await decisionOf('46/QĐ-UBND');
    const place = (extra: Record<string, string | number>) =>
      placeSecondmentCandidate(null, form({ candidateId: approved.id, version: approved.version, communeId: ngaMyId, positionId: communePositionId, startDate: '2026-05-01', endDate: '2029-04-30', ...decision, ...extra }));
    expect(await place({ communeId: foreignCommuneId })).toMatchObject({ ok: false, fieldErrors: { communeId: 'secondment.errors.communeOtherProvince' } });
    expect(await place({ endDate: '2026-04-01' })).toMatchObject({ ok: false, fieldErrors: { endDate: 'secondment.errors.endBeforeStart' } });
    expect(await place({ startDate: '2026-03-01' })).toMatchObject({ ok: false, fieldErrors: { startDate: 'secondment.errors.startBeforeConclusion' } });
    expect(await place({})).toMatchObject({ ok: true });
    expect(await place({})).toMatchObject({ ok: false, error: 'secondment.errors.stale' });
    const secondment = await database.db.secondment.findFirstOrThrow({ where: { candidateId: approved.id } });
    expect(secondment).toMatchObject({ communeId: ngaMyId, departmentId: officer.departmentId, endedOn: null });
    // Still on the department's staff: no assignment was created in the commune.
    expect(await database.db.assignment.count({ where: { cadreId: approved.cadreId, communeId: ngaMyId } })).toBe(0);

    // Ending early needs a reason.
    expect(await endSecondment(null, form({ secondmentId: secondment.id, version: secondment.version, date: '2027-01-15', reason: '', ...(await decisionOf('97/QĐ-UBND', '2026-11-02')) }))).toMatchObject({
      ok: false, fieldErrors: { reason: 'secondment.errors.earlyEndReasonRequired' },
    });
    expect(await endSecondment(null, form({ secondmentId: secondment.id, version: secondment.version, date: '2027-01-15', reason: 'Về sở nhận nhiệm vụ mới', ...(await decisionOf('97/QĐ-UBND', '2026-11-02')) }))).toMatchObject({ ok: true });
    expect((await database.db.secondmentCandidate.findUniqueOrThrow({ where: { id: approved.id } })).state).toBe('ended');

    // The timeline keeps every step, with the comments.
    const timeline = await listTimeline(database.db, listId);
    const actions = timeline.map((e) => e.action);
    for (const action of ['secondment.list.create', 'secondment.candidate.propose', 'secondment.list.submit', 'secondment.list.return', 'secondment.candidate.remove', 'secondment.candidate.assess', 'secondment.list.forward', 'secondment.candidate.approve', 'secondment.candidate.decline', 'secondment.candidate.place', 'secondment.candidate.end']) {
      expect(actions, action).toContain(action);
    }
    expect(timeline.find((e) => e.action === 'secondment.list.return')?.after).toMatchObject({ comment: 'Bổ sung bản tự kiểm điểm.' });
  });
});

describe('bad input and integrity', () => {
  test('submitting, returning and forwarding without the confirm step are refused beside the box, nothing written', async () => {
    const { listId } = await draftList(2);
    const refused = { ok: false, error: 'errors.validation', fieldErrors: { confirm: 'forms.confirmRequired' } };
    signInAs(officer);
    let current = await list(listId);
    const audits = await auditCount(database.db);
    expect(await submitSecondmentList(null, form({ listId, version: current.version, justification: 'Thiếu người.' }))).toMatchObject(refused);
    expect(await submitSecondmentList(null, form({ listId, version: current.version, justification: 'Thiếu người.', confirm: 'yes' }))).toMatchObject(refused);
    expect(await list(listId)).toMatchObject({ state: 'draft', version: current.version });
    expect(await submitSecondmentList(null, confirmedForm({ listId, version: current.version, justification: 'Thiếu người.' }))).toMatchObject({ ok: true });
    await assessAll(listId, () => true);
    signInAs(committee);
    current = await list(listId);
    const beforeReview = await auditCount(database.db);
    expect(beforeReview).toBeGreaterThan(audits);
    expect(await returnSecondmentList(null, form({ listId, version: current.version, comment: 'Bổ sung hồ sơ.', dueDate: RETURN_DUE }))).toMatchObject(refused);
    expect(await forwardSecondmentList(null, form({ listId, version: current.version }))).toMatchObject(refused);
    expect(await list(listId)).toMatchObject({ state: 'submitted', version: current.version });
    expect(await auditCount(database.db)).toBe(beforeReview);
  });

  test('a candidate from another department, or already on another open list, is refused', async () => {
    const { listId } = await draftList(1);
    signInAs(officer);
    const other = await database.db.department.findFirstOrThrow({ where: { provinceId: officer.provinceId, code: { not: 'SNV' } }, orderBy: { code: 'asc' } });
    const [stranger] = await freeStaff(1, other.id);
    let current = await list(listId);
    expect(await addSecondmentCandidate(null, form({ listId, version: current.version, cadreId: stranger.id, kind: 'secondment', field: '', preferredCommuneId: '' }))).toMatchObject({
      ok: false, fieldErrors: { cadreId: 'secondment.errors.notOwnStaff' },
    });
    // Already held by this list: a second list of another phase cannot take him.
    const held = current.candidates[0].cadreId;
    const { listId: second } = await draftList(0);
    signInAs(officer);
    current = await list(second);
    expect(await addSecondmentCandidate(null, form({ listId: second, version: current.version, cadreId: held, kind: 'secondment', field: '', preferredCommuneId: '' }))).toMatchObject({
      ok: false, fieldErrors: { cadreId: 'secondment.errors.alreadyListed' },
    });
  });

  test('the same form posted twice: the second is stale and changes nothing', async () => {
    const { listId } = await draftList(1);
    signInAs(officer);
    const current = await list(listId);
    const post = () => submitSecondmentList(null, confirmedForm({ listId, version: current.version, justification: 'Thiếu người.' }));
    expect(await post()).toMatchObject({ ok: true });
    const audits = await auditCount(database.db);
    expect(await post()).toMatchObject({ ok: false, error: 'secondment.errors.stale' });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('below the 5% minimum a submission needs a justification, shown to reviewers', async () => {
    // A 2026 quota of 4.000 makes the minimum 200, far above what the tests list.
    const key = { departmentId_year: { departmentId: officer.departmentId!, year: 2026 } };
    await database.db.departmentQuota.upsert({ where: key, create: { departmentId: officer.departmentId!, year: 2026, quota: 4000 }, update: { quota: 4000 } });
    try {
      const { listId } = await draftList(1);
      signInAs(officer);
      let current = await list(listId);
      expect(await submitSecondmentList(null, confirmedForm({ listId, version: current.version, justification: '' }))).toMatchObject({ ok: false, fieldErrors: { justification: 'secondment.errors.justificationRequired' } });
      expect((await list(listId)).state).toBe('draft');
      current = await list(listId);
      expect(await submitSecondmentList(null, confirmedForm({ listId, version: current.version, justification: 'Sở mới thành lập.' }))).toMatchObject({ ok: true });
      expect(await list(listId)).toMatchObject({ state: 'submitted', justification: 'Sở mới thành lập.' });
    } finally {
      await database.db.departmentQuota.delete({ where: key });
    }
  });

  test('a failing audit write rolls the transition back', async () => {
    const { listId } = await draftList(1);
    signInAs(officer);
    const current = await list(listId);
    auditFailure.armed = true;
    await expect(submitSecondmentList(null, confirmedForm({ listId, version: current.version, justification: 'Thiếu người.' }))).rejects.toThrow(/audit/);
    auditFailure.armed = false;
    expect(await list(listId)).toMatchObject({ state: 'draft', version: current.version });
  });

  test('extending a due date: later only, audited', async () => {
    const { phase } = await draftList(0);
    signInAs(committee);
    expect(await extendSecondmentPhase(null, form({ phaseId: phase.id, version: phase.version, dueDate: '2026-03-01', note: '' }))).toMatchObject({ ok: false, fieldErrors: { dueDate: 'secondment.errors.notLater' } });
    expect(await extendSecondmentPhase(null, form({ phaseId: phase.id, version: phase.version, dueDate: '2026-04-30', note: 'Gia hạn theo đề nghị' }))).toMatchObject({ ok: true });
  });
});

describe('two reviewers at once', () => {
  test('return and forward of the same list in parallel: exactly one transition happens', async () => {
    for (let round = 0; round < 5; round++) {
      const { listId } = await submitted(2);
      await assessAll(listId, () => true);
      signInAs(committee);
      const current = await list(listId);
      const audits = await auditCount(database.db);
      const results = await Promise.all([
        returnSecondmentList(null, confirmedForm({ listId, version: current.version, comment: 'Trả lại để bổ sung.', dueDate: RETURN_DUE })),
        forwardSecondmentList(null, confirmedForm({ listId, version: current.version })),
      ]);
      const succeeded = results.filter((r) => r.ok);
      expect(succeeded).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: 'secondment.errors.stale' });
      const after = await list(listId);
      expect(['returned', 'forwarded']).toContain(after.state);
      expect(after.version).toBe(current.version + 1);
      const written = await database.db.auditLog.count({ where: { id: { gt: 0 }, action: { in: ['secondment.list.return', 'secondment.list.forward'] }, entityId: String(listId) } });
      expect(written).toBe(1);
      expect(await auditCount(database.db)).toBeGreaterThan(audits);
    }
  });

  test('an assessment racing a forward never leaves a forwarded list with an unassessed candidate', async () => {
    const { listId } = await submitted(2);
    await assessAll(listId, () => true);
    signInAs(committee);
    const current = await list(listId);
    const [first] = current.candidates;
    await Promise.all([
      forwardSecondmentList(null, confirmedForm({ listId, version: current.version })),
      assessSecondmentCandidate(null, form({ candidateId: first.id, version: first.version, meets: 'no', reason: 'Xem lại' })),
    ]);
    const after = await list(listId);
    if (after.state === 'forwarded') expect(after.candidates.every((c) => c.state === 'forwarded' || c.state === 'does_not_meet')).toBe(true);
    else expect(after.candidates[0].state).toBe('does_not_meet');
  });
});

describe('the compilation', () => {
  // A department of the test's own, so every figure is known: quotas 200 (2024) and 101 (2025), none later; its
  // lists of 2026: one submitted (a civil servant, a cadre, a non-professional worker), one returned (a civil
  // servant), one draft (a civil servant); and one submitted list of 2025.
  test('required is 5% of the latest quota not after the year, rounded up; listed counts people on submitted lists only', async () => {
    const provinceId = officer.provinceId;
    const department = await createDepartment(database.db, provinceId, { 2024: 200, 2025: 101 });
    const [civilServant, cadre, nonProfessional, returnedOne, draftOne, lastYears] = [
      await createDepartmentStaff(database.db, department),
      await createDepartmentStaff(database.db, department, 'cadre'),
      await createDepartmentStaff(database.db, department, 'non_professional'),
      await createDepartmentStaff(database.db, department),
      await createDepartmentStaff(database.db, department),
      await createDepartmentStaff(database.db, department),
    ];
    await createListWithCandidates(database.db, { department, year: 2026, state: 'submitted', cadreIds: [civilServant.id, cadre.id, nonProfessional.id] });
    await createListWithCandidates(database.db, { department, year: 2026, state: 'returned', cadreIds: [returnedOne.id] });
    await createListWithCandidates(database.db, { department, year: 2026, state: 'draft', cadreIds: [draftOne.id] });
    await createListWithCandidates(database.db, { department, year: 2025, state: 'submitted', cadreIds: [lastYears.id] });
    const empty = await createDepartment(database.db, provinceId);

    const rows = await getCompilation(database.db, provinceId, 2026);
    // 5% of 101 is 5.05: 6 required. Listed: the civil servant, the cadre and the returned list's civil servant.
    expect(rows.find((r) => r.departmentId === department.id)).toMatchObject({ quota: 101, quotaYear: 2025, required: 6, listed: 3, belowMinimum: true });
    // A department with no quota and no list still has its row.
    expect(rows.find((r) => r.departmentId === empty.id)).toMatchObject({ quota: 0, quotaYear: null, required: 0, listed: 0, belowMinimum: false });
    // 2025: the 2025 quota, and only that year's list.
    expect((await getCompilation(database.db, provinceId, 2025)).find((r) => r.departmentId === department.id)).toMatchObject({ quota: 101, required: 6, listed: 1 });
    // 2024: the 2024 quota (5% of 200: 10), no list.
    expect((await getCompilation(database.db, provinceId, 2024)).find((r) => r.departmentId === department.id)).toMatchObject({ quota: 200, quotaYear: 2024, required: 10, listed: 0 });
    expect(new Set(rows.map((r) => r.departmentId)).size, 'one row per department').toBe(rows.length);
  });
});

// ---- Every action writes its change and its audit record together, and the database's guards answer with
// their message keys (decision 021: one mutation shape, lib/db/errors.ts).

async function forwarded(size: number) {
  const { listId, phase } = await submitted(size);
  await assessAll(listId, () => true);
  signInAs(committee);
  const current = await list(listId);
  expect(await forwardSecondmentList(null, confirmedForm({ listId, version: current.version }))).toMatchObject({ ok: true });
  return { listId, phase };
}

let conclusionSerial = 700;
const approve = (listId: number, version: number, conclusionNumber = `${++conclusionSerial}-KL/TU`, conclusionDate = '2026-04-10') =>
  decideSecondmentCandidates(null, form({ listId, version, decision: 'approve', scope: 'all', conclusionNumber, conclusionDate, reason: '' }));

/** A candidate approved by a Conclusion of 10/04/2026, awaiting placement. */
async function approvedCandidate() {
  const { listId } = await forwarded(1);
  signInAs(standing);
  expect(await approve(listId, (await list(listId)).version)).toMatchObject({ ok: true });
  return (await list(listId)).candidates[0];
}

/** The decision of a placement or an ending: the province's People's Committee, after the Conclusion of 10/04/2026, entered late. */
async function decisionOf(number: string, date = '2026-04-20') {
  const body = await database.db.issuingBody.findFirstOrThrow({ where: { provinceId: officer.provinceId, communeId: null, code: 'UBND' } });
  return { decisionNumber: number, decisionDate: date, issuingBodyId: body.id, backdatedReason: 'Nhập bổ sung quyết định đã ký' };
}

const placementFields = (candidate: { id: number; version: number }) => ({
  candidateId: candidate.id, version: candidate.version, communeId: ngaMyId, positionId: communePositionId, startDate: '2026-05-01', endDate: '2029-04-30',
});
const placement = async (candidate: { id: number; version: number }) => form({ ...placementFields(candidate), ...(await decisionOf('46/QĐ-UBND')) });

/** Every row of the workflow's tables and the length of the audit trail: what "nothing was written" compares. */
async function workflowRows() {
  const byId = { orderBy: { id: 'asc' } } as const;
  return {
    phases: await database.db.secondmentPhase.findMany(byId),
    lists: await database.db.secondmentList.findMany(byId),
    candidates: await database.db.secondmentCandidate.findMany(byId),
    secondments: await database.db.secondment.findMany(byId),
    conclusions: await database.db.conclusion.findMany(byId),
    audits: await auditCount(database.db),
  };
}

/** With the audit writer failing, the action fails and leaves every row as it was. */
async function expectRolledBackWithoutAudit(run: () => Promise<unknown>) {
  const before = await workflowRows();
  auditFailure.armed = true;
  try {
    await expect(run()).rejects.toThrow('audit write failed');
  } finally {
    auditFailure.armed = false;
  }
  expect(await workflowRows()).toEqual(before);
}

describe('a failing audit write rolls every action back', () => {
  test('createSecondmentPhase', async () => {
    signInAs(committee);
    await expectRolledBackWithoutAudit(() => createSecondmentPhase(null, form({ year: 2026, number: ++phaseNumber, dueDate: '2026-03-31', note: '' })));
  });

  test('extendSecondmentPhase', async () => {
    const { phase } = await draftList(0);
    signInAs(committee);
    await expectRolledBackWithoutAudit(() => extendSecondmentPhase(null, form({ phaseId: phase.id, version: phase.version, dueDate: '2026-04-30', note: 'Gia hạn' })));
  });

  test('createSecondmentList', async () => {
    signInAs(committee);
    const number = ++phaseNumber;
    expect(await createSecondmentPhase(null, form({ year: 2026, number, dueDate: '2026-03-31', note: '' }))).toMatchObject({ ok: true });
    const phase = await database.db.secondmentPhase.findFirstOrThrow({ where: { provinceId: officer.provinceId, year: 2026, number } });
    signInAs(officer);
    await expectRolledBackWithoutAudit(() => createSecondmentList(null, form({ phaseId: phase.id })));
  });

  test('addSecondmentCandidate', async () => {
    const { listId } = await draftList(0);
    const [person] = await freeStaff(1);
    signInAs(officer);
    const current = await list(listId);
    await expectRolledBackWithoutAudit(() =>
      addSecondmentCandidate(null, form({ listId, version: current.version, cadreId: person.id, kind: 'secondment', field: '', preferredCommuneId: ngaMyId })),
    );
  });

  test('removeSecondmentCandidate', async () => {
    const { listId } = await draftList(1);
    signInAs(officer);
    const current = await list(listId);
    await expectRolledBackWithoutAudit(() => removeSecondmentCandidate(null, form({ listId, version: current.version, candidateId: current.candidates[0].id })));
  });

  test('submitSecondmentList', async () => {
    const { listId } = await draftList(1);
    signInAs(officer);
    const current = await list(listId);
    await expectRolledBackWithoutAudit(() => submitSecondmentList(null, confirmedForm({ listId, version: current.version, justification: 'Thiếu người.' })));
  });

  test('assessSecondmentCandidate', async () => {
    const { listId } = await submitted(1);
    signInAs(committee);
    const [candidate] = (await list(listId)).candidates;
    await expectRolledBackWithoutAudit(() => assessSecondmentCandidate(null, form({ candidateId: candidate.id, version: candidate.version, meets: 'no', reason: 'Chưa đủ thời gian công tác' })));
  });

  test('returnSecondmentList', async () => {
    const { listId } = await submitted(1);
    signInAs(committee);
    const current = await list(listId);
    await expectRolledBackWithoutAudit(() => returnSecondmentList(null, confirmedForm({ listId, version: current.version, comment: 'Bổ sung hồ sơ.', dueDate: RETURN_DUE })));
  });

  test('forwardSecondmentList', async () => {
    const { listId } = await submitted(2);
    await assessAll(listId, (i) => i === 0);
    signInAs(committee);
    const current = await list(listId);
    await expectRolledBackWithoutAudit(() => forwardSecondmentList(null, confirmedForm({ listId, version: current.version })));
  });

  test('decideSecondmentCandidates: neither the decisions nor the new Conclusion are kept', async () => {
    const { listId } = await forwarded(1);
    signInAs(standing);
    const current = await list(listId);
    await expectRolledBackWithoutAudit(() => approve(listId, current.version));
    await expectRolledBackWithoutAudit(() => decideSecondmentCandidates(null, form({ listId, version: current.version, decision: 'decline', scope: 'all', reason: 'Cần ở lại sở.' })));
  });

  test('placeSecondmentCandidate', async () => {
    const candidate = await approvedCandidate();
    signInAs(homeAffairs);
    await expectRolledBackWithoutAudit(async () => placeSecondmentCandidate(null, await placement(candidate)));
  });

  test('endSecondment', async () => {
    const candidate = await approvedCandidate();
    signInAs(homeAffairs);
    expect(await placeSecondmentCandidate(null, await placement(candidate))).toMatchObject({ ok: true });
    const secondment = await database.db.secondment.findFirstOrThrow({ where: { candidateId: candidate.id } });
    await expectRolledBackWithoutAudit(async () => endSecondment(null, form({ secondmentId: secondment.id, version: secondment.version, date: '2027-01-15', reason: 'Về sở nhận nhiệm vụ mới', ...(await decisionOf('97/QĐ-UBND', '2026-11-02')) })));
  });
});

describe('the decision behind a placement and its ending', () => {
  test('each records its decision (number, date, a province body) and effective date; bad dates are refused beside the field, nothing written', async () => {
    const candidate = await approvedCandidate();
    signInAs(homeAffairs);
    const body = await database.db.issuingBody.findFirstOrThrow({ where: { provinceId: officer.provinceId, communeId: null, code: 'UBND' } });
    const commune = await database.db.issuingBody.findFirstOrThrow({ where: { provinceId: officer.provinceId, communeId: { not: null } } });
    const base = { candidateId: candidate.id, version: candidate.version, communeId: ngaMyId, positionId: communePositionId, startDate: '2026-05-01', endDate: '2029-04-30' };
    const decided = { decisionNumber: '45/QĐ-UBND', decisionDate: '2026-04-20', issuingBodyId: body.id, backdatedReason: 'Nhập bổ sung quyết định đã ký tháng 4' };
    await on('2026-06-15', async () => {
      const before = await workflowRows();
      const decisionsBefore = await database.db.decision.count();
      const refusals: [Record<string, string | number>, Record<string, string>][] = [
        [{}, { decisionNumber: 'decisions.errors.number' }],
        [{ ...decided, decisionDate: '2026-06-20' }, { decisionDate: 'decisions.errors.dateInFuture' }],
        [{ ...decided, decisionDate: '2026-04-01' }, { decisionDate: 'decisions.errors.beforeConclusion' }],
        [{ ...decided, backdatedReason: '' }, { backdatedReason: 'decisions.errors.backdatedReasonRequired' }],
        [{ ...decided, issuingBodyId: commune.id }, { issuingBodyId: 'decisions.errors.issuingBody' }],
      ];
      for (const [extra, fieldErrors] of refusals) {
        expect(await placeSecondmentCandidate(null, form({ ...base, ...extra })), JSON.stringify(extra)).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors });
      }
      expect(await workflowRows()).toEqual(before);
      expect(await database.db.decision.count()).toBe(decisionsBefore);

      expect(await placeSecondmentCandidate(null, form({ ...base, ...decided }))).toMatchObject({ ok: true });
      const placed = await database.db.secondment.findFirstOrThrow({ where: { candidateId: candidate.id }, include: { decision: true } });
      expect(placed.decision).toMatchObject({ number: '45/QĐ-UBND', date: new Date('2026-04-20'), issuingBodyId: body.id, kind: 'secondment' });
      const placeEvent = await database.db.auditLog.findFirstOrThrow({ where: { action: 'secondment.candidate.place', entityId: String(candidate.id) } });
      expect(placeEvent).toMatchObject({ decisionId: placed.decisionId, effectiveOn: new Date('2026-05-01'), backdatedReason: decided.backdatedReason, affectsFigures: true });

      // The ending: its own decision, effective on the day the cadre is back at the department.
      const ending = { secondmentId: placed.id, version: placed.version, date: '2026-06-30', reason: 'Về sở nhận nhiệm vụ mới' };
      expect(await endSecondment(null, form(ending))).toMatchObject({ ok: false, fieldErrors: { decisionNumber: 'decisions.errors.number' } });
      expect(await endSecondment(null, form({ ...ending, decisionNumber: '98/QĐ-UBND', decisionDate: '2026-06-16', issuingBodyId: body.id }))).toMatchObject({
        ok: false, fieldErrors: { decisionDate: 'decisions.errors.dateInFuture' },
      });
      expect(await endSecondment(null, form({ ...ending, decisionNumber: '98/QĐ-UBND', decisionDate: '2026-04-10', issuingBodyId: body.id }))).toMatchObject({
        ok: false, fieldErrors: { decisionDate: 'decisions.errors.beforePlacementDecision' },
      });
      expect((await database.db.secondment.findUniqueOrThrow({ where: { id: placed.id } })).endedOn).toBeNull();
      expect(await endSecondment(null, form({ ...ending, decisionNumber: '98/QĐ-UBND', decisionDate: '2026-06-10', issuingBodyId: body.id }))).toMatchObject({ ok: true });
      const ended = await database.db.secondment.findUniqueOrThrow({ where: { id: placed.id }, include: { endDecision: true } });
      expect(ended).toMatchObject({ endedOn: new Date('2026-06-30'), endDecision: { number: '98/QĐ-UBND', date: new Date('2026-06-10'), kind: 'secondment' } });
      const endEvent = await database.db.auditLog.findFirstOrThrow({ where: { action: 'secondment.candidate.end', entityId: String(candidate.id) } });
      expect(endEvent).toMatchObject({ decisionId: ended.endDecisionId, effectiveOn: new Date('2026-06-30'), backdatedReason: null, affectsFigures: true });
    });
  });

  test('a secondee is not placed in an elected post: elections and designations are roster changes', async () => {
    const candidate = await approvedCandidate();
    signInAs(homeAffairs);
    const elected = await database.db.position.findFirstOrThrow({ where: { provinceId: officer.provinceId, isElected: true, block: { not: null } } });
    const before = await workflowRows();
    expect(await placeSecondmentCandidate(null, form({ ...placementFields(candidate), ...(await decisionOf('47/QĐ-UBND')), positionId: elected.id }))).toMatchObject({
      ok: false, fieldErrors: { positionId: 'secondment.errors.positionElected' },
    });
    expect(await workflowRows()).toEqual(before);
  });
});

/** Resolves once a statement of this database waits for a lock held by another transaction. */
async function someoneWaitsForALock() {
  for (let attempt = 0; attempt < 200; attempt++) {
    const [{ waiting }] = await database.db.$queryRaw<{ waiting: number }[]>`
      SELECT COUNT(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no statement waited for a lock');
}

describe('the database guards answer with their message keys', () => {
  test('two lists for one department and phase created at once: the unique index answers listExists', async () => {
    signInAs(committee);
    const number = ++phaseNumber;
    expect(await createSecondmentPhase(null, form({ year: 2026, number, dueDate: '2026-03-31', note: '' }))).toMatchObject({ ok: true });
    const phase = await database.db.secondmentPhase.findFirstOrThrow({ where: { provinceId: officer.provinceId, year: 2026, number } });
    // Another session creates the department's list and keeps its transaction open: the action's own check
    // cannot see that list yet, so its insert waits on the unique index and is refused once the other commits.
    let inserted!: () => void;
    let release!: () => void;
    const hasInserted = new Promise<void>((resolve) => (inserted = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const other = database.db.$transaction(async (tx) => {
      await tx.secondmentList.create({ data: { phaseId: phase.id, departmentId: officer.departmentId! } });
      inserted();
      await released;
    }, { timeout: 30_000 });
    await hasInserted;
    signInAs(officer);
    const audits = await auditCount(database.db);
    const pending = createSecondmentList(null, form({ phaseId: phase.id }));
    try {
      await someoneWaitsForALock();
    } finally {
      release();
      await other;
    }
    expect(await pending).toMatchObject({ ok: false, error: 'secondment.errors.listExists' });
    expect(await database.db.secondmentList.count({ where: { phaseId: phase.id } })).toBe(1);
    expect(await auditCount(database.db)).toBe(audits);
    // The same refusal read from the error itself, as Prisma raises it.
    const error = await database.db.secondmentList.create({ data: { phaseId: phase.id, departmentId: officer.departmentId! } }).catch((e: unknown) => e);
    expect(databaseViolation(error)).toEqual({ sqlState: '23505', constraint: 'secondment_list_phase_id_department_id_key' });
    expect(guardMessage(error)).toEqual({ key: 'secondment.errors.listExists' });
  });

  test('a phase number used twice in a year: the unique index answers phaseExists on the number', async () => {
    signInAs(committee);
    const phase = form({ year: 2026, number: ++phaseNumber, dueDate: '2026-03-31', note: '' });
    expect(await createSecondmentPhase(null, phase)).toMatchObject({ ok: true });
    const audits = await auditCount(database.db);
    expect(await createSecondmentPhase(null, phase)).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { number: 'secondment.errors.phaseExists' } });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('the same cadre on two open lists: the guard answers alreadyListed and the list is left as it was', async () => {
    const { listId } = await draftList(1);
    const held = (await list(listId)).candidates[0].cadreId;
    const { listId: second } = await draftList(0);
    signInAs(officer);
    const before = await workflowRows();
    const current = await list(second);
    expect(await addSecondmentCandidate(null, form({ listId: second, version: current.version, cadreId: held, kind: 'secondment', field: '', preferredCommuneId: '' }))).toMatchObject({
      ok: false, error: 'errors.validation', fieldErrors: { cadreId: 'secondment.errors.alreadyListed' },
    });
    // The list's version was bumped before the insert was refused: the bump is rolled back with it.
    expect(await workflowRows()).toEqual(before);
  });

  test('a placement overlapping another secondment of the cadre: the exclusion constraint answers overlap on the start date', async () => {
    const candidate = await approvedCandidate();
    const { conclusionId } = await database.db.secondmentCandidate.findUniqueOrThrow({ where: { id: candidate.id } });
    // An earlier placement of the same person, recorded on another list, running until 2027.
    const { listId: other } = await draftList(0);
    const earlier = await database.db.secondmentCandidate.create({
      data: { listId: other, cadreId: candidate.cadreId, kind: 'secondment', state: 'placed', conclusionId },
    });
    await database.db.secondment.create({
      data: {
        candidateId: earlier.id, cadreId: candidate.cadreId, departmentId: officer.departmentId!, communeId: ngaMyId, positionId: communePositionId,
        startDate: new Date('2026-01-01'), endDate: new Date('2027-01-01'),
      },
    });
    signInAs(homeAffairs);
    const before = await workflowRows();
    expect(await placeSecondmentCandidate(null, await placement(candidate))).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { startDate: 'secondment.errors.overlap' } });
    expect(await workflowRows()).toEqual(before);
  });

  test('placing a cadre in an open transfer: the trigger answers openTransfer', async () => {
    const candidate = await approvedCandidate();
    const target = await database.db.commune.findFirstOrThrow({ where: { provinceId: officer.provinceId, id: { not: ngaMyId } }, orderBy: { code: 'asc' } });
    const transfer = await database.db.transfer.create({
      data: {
        provinceId: officer.provinceId, cadreId: candidate.cadreId, fromCommuneId: ngaMyId, toCommuneId: target.id, positionId: communePositionId, block: 'government',
        crossDistrict: false, effectiveDate: new Date('2026-06-01'), reason: 'Thử: điều động đang mở', proposedById: homeAffairs.id,
      },
    });
    try {
      signInAs(homeAffairs);
      const before = await workflowRows();
      expect(await placeSecondmentCandidate(null, await placement(candidate))).toMatchObject({ ok: false, error: 'secondment.errors.openTransfer' });
      expect(await workflowRows()).toEqual(before);
    } finally {
      await database.db.transfer.update({ where: { id: transfer.id }, data: { state: 'cancelled', cancelReason: 'Thử xong' } });
    }
  });
});

describe('decisions citing one Conclusion', () => {
  test('two lists approved at once by the same new Conclusion: both succeed, one Conclusion is recorded', async () => {
    const first = await forwarded(1);
    const second = await forwarded(1);
    signInAs(standing);
    const number = `${++conclusionSerial}-KL/TU`;
    const results = await Promise.all([first, second].map(async ({ listId }) => approve(listId, (await list(listId)).version, number)));
    expect(results).toMatchObject([{ ok: true }, { ok: true }]);
    expect(await database.db.conclusion.count({ where: { number } })).toBe(1);
  });

  test('a Conclusion number already recorded with another date is refused, and nothing is written', async () => {
    const first = await forwarded(1);
    const second = await forwarded(1);
    signInAs(standing);
    const number = `${++conclusionSerial}-KL/TU`;
    expect(await approve(first.listId, (await list(first.listId)).version, number, '2026-04-10')).toMatchObject({ ok: true });
    const before = await workflowRows();
    expect(await approve(second.listId, (await list(second.listId)).version, number, '2026-04-11')).toMatchObject({
      ok: false, fieldErrors: { conclusionDate: 'secondment.errors.conclusionDateMismatch' },
    });
    expect(await workflowRows()).toEqual(before);
  });
});

describe('the date of a Conclusion (decision 023)', () => {
  test('a phase is opened on the clock\'s day', async () => {
    const { phase } = await draftList(0);
    expect(phase.openedOn.toISOString().slice(0, 10)).toBe('2026-03-01');
  });

  test('a Conclusion dated in the future (01/03/2027 on 07/12/2026) is refused beside its date; nothing is written', async () => {
    const { listId } = await forwarded(1);
    signInAs(standing);
    const before = await workflowRows();
    expect(await on('2026-12-07', async () => approve(listId, (await list(listId)).version, `${++conclusionSerial}-KL/TU`, '2027-03-01'))).toMatchObject({
      ok: false, error: 'errors.validation', fieldErrors: { conclusionDate: 'secondment.errors.conclusionDateFuture' },
    });
    expect(await workflowRows()).toEqual(before);
  });

  test('a Conclusion dated before its phase was opened is refused beside its date; on that day it is accepted', async () => {
    const { listId } = await forwarded(1);
    signInAs(standing);
    const before = await workflowRows();
    expect(await approve(listId, (await list(listId)).version, `${++conclusionSerial}-KL/TU`, '2026-02-28')).toMatchObject({
      ok: false, error: 'errors.validation', fieldErrors: { conclusionDate: 'secondment.errors.conclusionBeforePhase' }, params: { date: '01/03/2026' },
    });
    expect(await workflowRows()).toEqual(before);
    expect(await approve(listId, (await list(listId)).version, `${++conclusionSerial}-KL/TU`, '2026-03-01')).toMatchObject({ ok: true });
  });
});

test('a proposal records its preferred commune in the audit trail', async () => {
  const { listId } = await draftList(1);
  const [candidate] = (await list(listId)).candidates;
  expect(candidate.preferredCommuneId).toBe(ngaMyId);
  const row = await database.db.auditLog.findFirstOrThrow({ where: { action: 'secondment.candidate.propose', entityId: String(candidate.id) } });
  const ngaMy = await database.db.commune.findUniqueOrThrow({ where: { id: ngaMyId } });
  expect(row.after).toMatchObject({ to: 'proposed', preferredCommune: ngaMy.code });
});
