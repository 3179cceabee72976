import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, form } from '../support/action-harness';

// The secondment workflow against a real PostgreSQL: every transition, what each refuses, the database
// guards and the race between two reviewers (issue 6, items 5 and 6, "Bad input").

const { createSecondmentPhase, extendSecondmentPhase } = await import('@/lib/actions/secondments/phases');
const { createSecondmentList, addSecondmentCandidate, removeSecondmentCandidate, submitSecondmentList } = await import('@/lib/actions/secondments/lists');
const { assessSecondmentCandidate, returnSecondmentList, forwardSecondmentList } = await import('@/lib/actions/secondments/review');
const { decideSecondmentCandidates } = await import('@/lib/actions/secondments/decide');
const { placeSecondmentCandidate, endSecondment } = await import('@/lib/actions/secondments/placement');
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

/** A phase (by the Organizing Committee) and the officer's draft list with `size` candidates. */
async function draftList(size: number) {
  signInAs(committee);
  const number = ++phaseNumber;
  expect(await createSecondmentPhase(null, form({ year: 2026, number, dueDate: '2026-03-31', note: '' }))).toMatchObject({ ok: true });
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
  expect(await submitSecondmentList(null, form({ listId, version: current.version, justification: 'Sở mới sáp nhập, thiếu công chức.' }))).toMatchObject({ ok: true });
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
    const { listId } = await submitted(4);
    expect((await list(listId)).state).toBe('submitted');
    expect(await countAwaiting(database.db, committee)).toBeGreaterThanOrEqual(1);

    // Returned with a comment; the department edits (removes one) and resubmits.
    signInAs(committee);
    let current = await list(listId);
    expect(await returnSecondmentList(null, form({ listId, version: current.version, comment: '' }))).toMatchObject({ ok: false, fieldErrors: { comment: 'secondment.errors.commentRequired' } });
    expect(await returnSecondmentList(null, form({ listId, version: current.version, comment: 'Bổ sung bản tự kiểm điểm.' }))).toMatchObject({ ok: true });
    signInAs(officer);
    current = await list(listId);
    expect(current.state).toBe('returned');
    expect(await removeSecondmentCandidate(null, form({ listId, version: current.version, candidateId: current.candidates[3].id }))).toMatchObject({ ok: true });
    current = await list(listId);
    expect(await submitSecondmentList(null, form({ listId, version: current.version, justification: 'Đã bổ sung.' }))).toMatchObject({ ok: true });
    current = await list(listId);
    expect(current).toMatchObject({ state: 'submitted', round: 2 });

    // Assessed: two meet, one does not; forwarded.
    await assessAll(listId, (i) => i < 2);
    signInAs(committee);
    current = await list(listId);
    expect(await forwardSecondmentList(null, form({ listId, version: current.version }))).toMatchObject({ ok: true });
    current = await list(listId);
    expect(current.state).toBe('forwarded');
    expect(current.candidates.map((c) => [c.state, c.holdsCadre])).toEqual([['forwarded', true], ['forwarded', true], ['does_not_meet', false]]);

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
    const place = (extra: Record<string, string | number>) =>
      placeSecondmentCandidate(null, form({ candidateId: approved.id, version: approved.version, communeId: ngaMyId, positionId: communePositionId, startDate: '2026-05-01', endDate: '2029-04-30', ...extra }));
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
    expect(await endSecondment(null, form({ secondmentId: secondment.id, version: secondment.version, date: '2027-01-15', reason: '' }))).toMatchObject({
      ok: false, fieldErrors: { reason: 'secondment.errors.earlyEndReasonRequired' },
    });
    expect(await endSecondment(null, form({ secondmentId: secondment.id, version: secondment.version, date: '2027-01-15', reason: 'Về sở nhận nhiệm vụ mới' }))).toMatchObject({ ok: true });
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
    const post = () => submitSecondmentList(null, form({ listId, version: current.version, justification: 'Thiếu người.' }));
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
      expect(await submitSecondmentList(null, form({ listId, version: current.version, justification: '' }))).toMatchObject({ ok: false, fieldErrors: { justification: 'secondment.errors.justificationRequired' } });
      expect((await list(listId)).state).toBe('draft');
      current = await list(listId);
      expect(await submitSecondmentList(null, form({ listId, version: current.version, justification: 'Sở mới thành lập.' }))).toMatchObject({ ok: true });
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
    await expect(submitSecondmentList(null, form({ listId, version: current.version, justification: 'Thiếu người.' }))).rejects.toThrow(/audit/);
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
        returnSecondmentList(null, form({ listId, version: current.version, comment: 'Trả lại để bổ sung.' })),
        forwardSecondmentList(null, form({ listId, version: current.version })),
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
      forwardSecondmentList(null, form({ listId, version: current.version })),
      assessSecondmentCandidate(null, form({ candidateId: first.id, version: first.version, meets: 'no', reason: 'Xem lại' })),
    ]);
    const after = await list(listId);
    if (after.state === 'forwarded') expect(after.candidates.every((c) => c.state === 'forwarded' || c.state === 'does_not_meet')).toBe(true);
    else expect(after.candidates[0].state).toBe('does_not_meet');
  });
});

describe('the compilation', () => {
  test('required is 5% of the quota rounded up; listed counts submitted lists only', async () => {
    const rows = await getCompilation(database.db, officer.provinceId, 2026);
    const snv = rows.find((r) => r.departmentId === officer.departmentId)!;
    const quota = await database.db.departmentQuota.findUnique({ where: { departmentId_year: { departmentId: officer.departmentId!, year: 2026 } } });
    expect(snv.required).toBe(Math.ceil(((quota?.quota ?? 0) * 5) / 100));
    const submittedCadres = await database.db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(DISTINCT c.cadre_id)::int AS n FROM secondment_candidate c JOIN secondment_list l ON l.id = c.list_id JOIN secondment_phase p ON p.id = l.phase_id
       JOIN cadre ca ON ca.id = c.cadre_id
       WHERE l.department_id = ${officer.departmentId} AND p.year = 2026 AND l.state <> 'draft' AND ca.employment_type IN ('cadre', 'civil_servant')`;
    expect(snv.listed).toBe(submittedCadres[0].n);
    expect(snv.listed).toBeGreaterThan(0);
    expect(rows.length).toBe(await database.db.department.count({ where: { provinceId: officer.provinceId } }));
  });
});
