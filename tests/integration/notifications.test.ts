import { sessionUserFor, signInAs } from '../support/session-mock';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { auditFailure, confirmedForm, form } from '../support/action-harness';
import { ACTION_BUILDERS, createMatrixFixture, type MatrixFixture } from '../support/action-builders';
import { seededDatabaseOn, type TestDatabase } from '../support/database';
import { seededCommune } from '../support/factories';

// Who is told what (docs/decisions/045-inbox-and-reminders.md): each workflow event writes its inbox items in the
// transaction of the change, to the right users only, and nothing when the change rolls back; reminders are derived
// when the inbox is read (which writes nothing) and marked read by a POST; a return gives the list its own due date.

const { createSecondmentPhase } = await import('@/lib/actions/secondments/create-secondment-phase');
const { createSecondmentList } = await import('@/lib/actions/secondments/create-secondment-list');
const { addSecondmentCandidate } = await import('@/lib/actions/secondments/add-secondment-candidate');
const { submitSecondmentList } = await import('@/lib/actions/secondments/submit-secondment-list');
const { assessSecondmentCandidate } = await import('@/lib/actions/secondments/assess-secondment-candidate');
const { returnSecondmentList } = await import('@/lib/actions/secondments/return-secondment-list');
const { forwardSecondmentList } = await import('@/lib/actions/secondments/forward-secondment-list');
const { decideSecondmentCandidates } = await import('@/lib/actions/secondments/decide-secondment-candidates');
const { proposeTransfer } = await import('@/lib/actions/transfers/propose-transfer');
const { approveTransfer } = await import('@/lib/actions/transfers/approve-transfer');
const { declineTransfer } = await import('@/lib/actions/transfers/decline-transfer');
const { markNotificationRead } = await import('@/lib/actions/inbox/mark-notification-read');
const { markAllNotificationsRead } = await import('@/lib/actions/inbox/mark-all-notifications-read');
const { countUnread, listInbox, listReminders } = await import('@/lib/db/notification-queries');
const { listLists } = await import('@/lib/db/secondment-queries');

const TODAY = '2026-03-10';
const seeded = seededDatabaseOn(TODAY);
let database: TestDatabase;
let officer: SessionUser;
let committee: SessionUser;
let standing: SessionUser;
let homeAffairs: SessionUser;
let chairman: SessionUser;
let fixture: MatrixFixture;
let phaseNumber = 40;

beforeAll(async () => {
  database = seeded.current;
  [officer, committee, standing, homeAffairs, chairman] = await Promise.all(
    ['so.noivu', 'bantochuc', 'thuongtruc', 'noivu', 'xa.ngamy'].map((username) => sessionUserFor(database.db, username)),
  );
  fixture = await createMatrixFixture(database.db);
});
beforeEach(() => {
  auditFailure.armed = false;
});

/** The items written since `after` (an id), as (user, kind, link, params). */
async function itemsSince(after: bigint) {
  const rows = await database.db.notification.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' }, select: { userId: true, kind: true, link: true, params: true, readAt: true } });
  return rows;
}
const lastId = async () => (await database.db.notification.aggregate({ _max: { id: true } }))._max.id ?? 0n;
const activeIds = async (role: 'organizing_committee' | 'department_officer', departmentId?: number) =>
  (await database.db.user.findMany({ where: { provinceId: officer.provinceId, role, isActive: true, ...(departmentId ? { departmentId } : {}) }, select: { id: true }, orderBy: { id: 'asc' } })).map((u) => u.id);
const list = (id: number) => database.db.secondmentList.findUniqueOrThrow({ where: { id }, include: { candidates: { orderBy: { id: 'asc' } } } });

/** Active staff of the officer's department that no list holds and no secondment covers. */
async function freeStaff(count: number): Promise<{ id: number }[]> {
  return database.db.$queryRaw<{ id: number }[]>`
    SELECT ca.id FROM cadre ca JOIN assignment a ON a.cadre_id = ca.id AND a.is_primary AND a.end_date IS NULL
     WHERE a.department_id = ${officer.departmentId} AND ca.status = 'active' AND ca.employment_type IN ('cadre', 'civil_servant')
       AND NOT EXISTS (SELECT 1 FROM secondment_candidate sc WHERE sc.cadre_id = ca.id)
       AND NOT EXISTS (SELECT 1 FROM secondment s WHERE s.cadre_id = ca.id)
     ORDER BY ca.code LIMIT ${count}`;
}

/** A phase of 2026 due on `dueDate` and the officer's list in it with one candidate, in draft. */
async function draftList(dueDate = '2026-03-31') {
  signInAs(committee);
  const number = ++phaseNumber;
  expect(await createSecondmentPhase(null, form({ year: 2026, number, dueDate, note: '' }))).toMatchObject({ ok: true });
  const phase = await database.db.secondmentPhase.findFirstOrThrow({ where: { provinceId: officer.provinceId, year: 2026, number } });
  signInAs(officer);
  const created = await createSecondmentList(null, form({ phaseId: phase.id }));
  const listId = created.ok ? created.data.listId : 0;
  const [person] = await freeStaff(1);
  expect(await addSecondmentCandidate(null, form({ listId, version: (await list(listId)).version, cadreId: person.id, kind: 'secondment', field: 'accounting', preferredCommuneId: chairman.communeId! }))).toMatchObject({ ok: true });
  return { listId, phase };
}

async function submit(listId: number) {
  signInAs(officer);
  return submitSecondmentList(null, confirmedForm({ listId, version: (await list(listId)).version, justification: 'Sở còn thiếu công chức.' }));
}

describe('the 5% lists', () => {
  test('a list submitted reaches every active member of the Organizing Committee, and nobody else', async () => {
    const { listId } = await draftList();
    const before = await lastId();
    expect(await submit(listId)).toMatchObject({ ok: true });
    const items = await itemsSince(before);
    expect(items.map((i) => i.userId).sort((a, b) => a - b)).toEqual(await activeIds('organizing_committee'));
    expect(items[0]).toMatchObject({ kind: 'listSubmitted', link: `/secondments/lists/${listId}`, params: { department: 'Sở Nội vụ', year: '2026' }, readAt: null });
  });

  test('nothing is written when the change rolls back (the audit write fails)', async () => {
    const { listId } = await draftList();
    const before = await lastId();
    auditFailure.armed = true;
    await expect(submit(listId)).rejects.toThrow('audit write failed');
    auditFailure.armed = false;
    expect(await itemsSince(before)).toEqual([]);
    expect((await list(listId)).state).toBe('draft');
  });

  test('a return requires a new due date, not before today; the list shows it and its officers are told', async () => {
    const { listId } = await draftList('2026-03-31');
    expect(await submit(listId)).toMatchObject({ ok: true });
    signInAs(committee);
    const before = await lastId();
    const version = (await list(listId)).version;
    const returning = (dueDate?: string) => returnSecondmentList(null, confirmedForm({ listId, version, comment: 'Bổ sung bản tự nhận xét.', dueDate }));
    expect(await returning()).toMatchObject({ ok: false, fieldErrors: { dueDate: 'secondment.errors.dueDate' } });
    expect(await returning('09/03/2026')).toMatchObject({ ok: false, fieldErrors: { dueDate: 'secondment.errors.dueDateBeforeToday' } });
    expect(await itemsSince(before)).toEqual([]);
    expect((await list(listId)).state).toBe('submitted');

    expect(await returning('20/03/2026')).toMatchObject({ ok: true });
    expect((await list(listId)).dueDate?.toISOString().slice(0, 10)).toBe('2026-03-20');
    const items = await itemsSince(before);
    expect(items.map((i) => i.userId)).toEqual(await activeIds('department_officer', officer.departmentId!));
    expect(items[0]).toMatchObject({ kind: 'listReturned', link: `/secondments/lists/${listId}`, params: { dueDate: '20/03/2026' } });
    const timeline = await database.db.auditLog.findFirstOrThrow({ where: { action: 'secondment.list.return', entityId: String(listId) } });
    expect(timeline.after).toMatchObject({ dueDate: '2026-03-20' });

    // Its own due date is the one shown and the one the overdue flag reads: overdue on 21/03, though the phase runs to 31/03.
    const summary = (date: string) => listLists(database.db, officer.provinceId, date, { departmentId: officer.departmentId! }).then((rows) => rows.find((r) => r.id === listId)!);
    expect(await summary('2026-03-20')).toMatchObject({ dueDate: '2026-03-20', hasOwnDueDate: true, overdue: false, phase: { dueDate: '2026-03-31' } });
    expect(await summary('2026-03-21')).toMatchObject({ overdue: true });
  });

  test('a list decided reaches its department with the outcome', async () => {
    const { listId } = await draftList();
    expect(await submit(listId)).toMatchObject({ ok: true });
    signInAs(committee);
    const [candidate] = (await list(listId)).candidates;
    expect(await assessSecondmentCandidate(null, form({ candidateId: candidate.id, version: candidate.version, meets: 'yes', reason: '' }))).toMatchObject({ ok: true });
    expect(await forwardSecondmentList(null, confirmedForm({ listId, version: (await list(listId)).version }))).toMatchObject({ ok: true });
    signInAs(standing);
    const before = await lastId();
    const decided = await decideSecondmentCandidates(null, form({ listId, version: (await list(listId)).version, decision: 'approve', conclusionNumber: '701-KL/TU', conclusionDate: '10/03/2026', reason: '', scope: 'all' }));
    expect(decided).toMatchObject({ ok: true });
    const items = await itemsSince(before);
    expect(items.map((i) => i.userId)).toEqual(await activeIds('department_officer', officer.departmentId!));
    expect(items[0]).toMatchObject({ kind: 'listDecided', params: { approved: '1', declined: '0' } });
  });
});

describe('transfers', () => {
  test('a proposal asks both chairmen for their opinion, and only them', async () => {
    const built = await ACTION_BUILDERS.proposeTransfer.build(fixture, homeAffairs, 'province');
    const [from, to] = await Promise.all([seededCommune(database.db, 'Yên Xuân'), seededCommune(database.db, 'Anh Sơn')]);
    const chairmen = await Promise.all(
      [from, to].map((commune) => database.db.user.create({ data: { provinceId: homeAffairs.provinceId, username: `ct.${commune.code}`, displayName: `Chủ tịch ${commune.name}`, passwordHash: 'x', role: 'commune_chairman', communeId: commune.id } })),
    );
    const before = await lastId();
    signInAs(homeAffairs);
    const proposed = await proposeTransfer(null, built.form);
    expect(proposed).toMatchObject({ ok: true });
    const transferId = proposed.ok ? proposed.data.transferId : 0;
    const items = await itemsSince(before);
    expect(items.map((i) => i.userId).sort((a, b) => a - b)).toEqual(chairmen.map((c) => c.id).sort((a, b) => a - b));
    expect(items[0]).toMatchObject({ kind: 'opinionRequested', link: `/transfers/${transferId}`, params: { from: 'Yên Xuân', to: 'Anh Sơn', effectiveDate: '01/01/2030' } });
  });

  test('a decision reaches the proposer, unless he took it himself', async () => {
    const approval = await ACTION_BUILDERS.approveTransfer.build(fixture, committee, 'province');
    let before = await lastId();
    signInAs(committee);
    expect(await approveTransfer(null, approval.form)).toMatchObject({ ok: true });
    let items = await itemsSince(before);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ userId: homeAffairs.id, kind: 'transferApproved' });

    const declineByOther = await ACTION_BUILDERS.declineTransfer.build(fixture, committee, 'province');
    before = await lastId();
    expect(await declineTransfer(null, declineByOther.form)).toMatchObject({ ok: true });
    items = await itemsSince(before);
    expect(items.map((i) => [i.userId, i.kind])).toEqual([[homeAffairs.id, 'transferDeclined']]);

    const declineBySelf = await ACTION_BUILDERS.declineTransfer.build(fixture, homeAffairs, 'province');
    before = await lastId();
    signInAs(homeAffairs);
    expect(await declineTransfer(null, declineBySelf.form)).toMatchObject({ ok: true });
    expect(await itemsSince(before)).toEqual([]);
  });

  test('the demo wrote its stories’ items too: the chairman of Nga My was asked for his opinion', async () => {
    const asked = await database.db.notification.findMany({ where: { userId: chairman.id, kind: 'opinionRequested' } });
    expect(asked.length).toBeGreaterThan(0);
  });
});

describe('the inbox and its reminders', () => {
  test('a phase due within a week, then overdue, is reminded of; marking it read is a POST; reading writes nothing', async () => {
    await draftList('2026-03-15');
    const inboxUser = { id: officer.id, role: officer.role, provinceId: officer.provinceId, communeId: null, departmentId: officer.departmentId };
    const reminders = await listReminders(database.db, inboxUser, TODAY);
    const dueSoon = reminders.find((r) => r.kind === 'phaseDueSoon' && r.params.dueDate === '15/03/2026');
    expect(dueSoon).toBeDefined();

    const rows = await database.db.notification.count();
    const inbox = await listInbox(database.db, inboxUser, TODAY, new Date());
    expect(inbox.find((i) => i.key === dueSoon!.key)).toMatchObject({ read: false, id: null });
    expect(await database.db.notification.count()).toBe(rows);

    signInAs(officer);
    const unread = await countUnread(database.db, officer.id);
    expect(await markNotificationRead(null, form({ key: dueSoon!.key }))).toMatchObject({ ok: true, notice: 'inbox.notices.read' });
    const after = await listInbox(database.db, inboxUser, TODAY, new Date());
    expect(after.find((i) => i.key === dueSoon!.key)).toBeUndefined();
    expect(after.find((i) => i.kind === 'phaseDueSoon' && i.params.dueDate === '15/03/2026')).toMatchObject({ read: true });
    expect(await countUnread(database.db, officer.id)).toBe(unread);
    // A reminder no longer due is refused, nothing written.
    expect(await markNotificationRead(null, form({ key: 'phaseDueSoon:999999:2026-03-15' }))).toMatchObject({ ok: false, error: 'inbox.errors.reminderGone' });

    // After its due date: a new reminder, overdue.
    const overdue = await listReminders(database.db, inboxUser, '2026-03-16');
    expect(overdue.find((r) => r.kind === 'phaseOverdue' && r.params.dueDate === '15/03/2026')).toBeDefined();
  });

  test('a chairman is reminded of the records to complete, once a day, and marks everything read', async () => {
    const people = await database.db.$queryRaw<{ id: number }[]>`
      SELECT c.id FROM cadre c JOIN assignment a ON a.cadre_id = c.id AND a.is_primary AND a.end_date IS NULL
       WHERE a.commune_id = ${chairman.communeId} AND c.status = 'active' AND c.employment_type IN ('cadre', 'civil_servant') ORDER BY c.id LIMIT 2`;
    await database.db.cadre.updateMany({ where: { id: { in: people.map((p) => p.id) } }, data: { nationalId: null } });
    const inboxUser = { id: chairman.id, role: chairman.role, provinceId: chairman.provinceId, communeId: chairman.communeId, departmentId: null };
    const [records] = await listReminders(database.db, inboxUser, TODAY);
    expect(records).toMatchObject({ kind: 'recordsIncomplete', key: `recordsIncomplete:${chairman.communeId}:${TODAY}`, params: { commune: 'Nga My' } });
    expect(Number(records.params.count)).toBeGreaterThanOrEqual(2);

    signInAs(chairman);
    expect(await markAllNotificationsRead(null, form({}))).toMatchObject({ ok: true, notice: 'inbox.notices.allRead' });
    expect(await countUnread(database.db, chairman.id)).toBe(0);
    expect((await listInbox(database.db, inboxUser, TODAY, new Date())).filter((i) => !i.read)).toEqual([]);
    // The next day, the records still incomplete, the reminder comes back.
    const nextDay = await listInbox(database.db, inboxUser, '2026-03-11', new Date());
    expect(nextDay.filter((i) => !i.read).map((i) => i.key)).toEqual([`recordsIncomplete:${chairman.communeId}:2026-03-11`]);
  });

  test('another user’s item is not found, and stays unread', async () => {
    const item = await database.db.notification.create({ data: { userId: committee.id, kind: 'listSubmitted', params: {}, link: '/secondments' } });
    signInAs(officer);
    expect(await markNotificationRead(null, form({ id: item.id.toString() }))).toMatchObject({ ok: false, error: 'errors.notFound' });
    expect((await database.db.notification.findUniqueOrThrow({ where: { id: item.id } })).readAt).toBeNull();
    signInAs(committee);
    expect(await markNotificationRead(null, form({ id: item.id.toString() }))).toMatchObject({ ok: true });
    expect((await database.db.notification.findUniqueOrThrow({ where: { id: item.id } })).readAt).not.toBeNull();
  });
});
