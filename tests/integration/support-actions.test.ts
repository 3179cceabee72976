import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, form } from '../support/action-harness';
import { seededCommune } from '../support/factories';

// The support requests' workflow (docs/decisions/044-support-requests-and-working-groups.md) against a seeded
// database: raising, assigning (with the coverage warning), visits, answers, resolving and escalating, each in the
// user's scope (membership of the group grants its rights), the inbox items each step writes, the attachments'
// limits and types, and the demo's story.

const { raiseSupportRequest } = await import('@/lib/actions/support/raise-support-request');
const { assignSupportRequest } = await import('@/lib/actions/support/assign-support-request');
const { recordSupportVisit } = await import('@/lib/actions/support/record-support-visit');
const { answerSupportRequest } = await import('@/lib/actions/support/answer-support-request');
const { resolveSupportRequest } = await import('@/lib/actions/support/resolve-support-request');
const { escalateSupportRequest } = await import('@/lib/actions/support/escalate-support-request');
const { createWorkingGroup } = await import('@/lib/actions/support/create-working-group');
const { updateProblemGroup } = await import('@/lib/actions/support/update-problem-group');
const { listSupportRequests, getSupportSummary, listCommuneSupport } = await import('@/lib/db/support-queries');
const attachRoute = await import('@/app/api/support/[id]/attachments/route');
const downloadRoute = await import('@/app/api/support/attachments/[id]/route');
const { defaultMessage } = await import('@/lib/i18n/translator');

let database: TestDatabase;
let chairman: SessionUser; // Nga My
let otherChairman: SessionUser; // Bắc Lý
let homeAffairs: SessionUser;
let organizing: SessionUser;
let officer: SessionUser; // so.noivu (SNV)
let standing: SessionUser;
let admin: SessionUser;
let ngaMyId: number;
let bacLyId: number;
let personnel: number;
let land: number;
let groupId: number; // covers Nga My and personnel; members: so.noivu

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  [chairman, otherChairman, homeAffairs, organizing, officer, standing, admin] = await Promise.all(
    ['xa.ngamy', 'xa.bacly', 'noivu', 'bantochuc', 'so.noivu', 'thuongtruc', 'admin'].map((u) => sessionUserFor(database.db, u)),
  );
  ngaMyId = chairman.communeId!;
  bacLyId = (await seededCommune(database.db, 'Bắc Lý')).id;
  const groups = await database.db.problemGroup.findMany({ where: { provinceId: chairman.provinceId }, select: { id: true, code: true } });
  personnel = groups.find((g) => g.code === 'personnel')!.id;
  land = groups.find((g) => g.code === 'land')!.id;
  signInAs(homeAffairs);
  const created = await createWorkingGroup(null, form({
    name: 'Tổ thử hỗ trợ Nga My', kind: 'provincial', departmentId: '', headUserId: '', headName: 'Lãnh đạo UBND tỉnh',
    [`member_${officer.id}`]: 'on', [`commune_${ngaMyId}`]: 'on', [`problem_${personnel}`]: 'on',
  }));
  if (!created.ok) throw new Error(JSON.stringify(created));
  groupId = created.data.groupId;
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(chairman);
});

const raise = (extra: Record<string, string | number> = {}) =>
  form({ communeId: ngaMyId, problemGroupId: personnel, title: 'Thiếu Trưởng phòng Kinh tế', description: 'Đề nghị tỉnh hỗ trợ bố trí cán bộ.', urgency: 'urgent', ...extra });

async function raised(extra: Record<string, string | number> = {}): Promise<number> {
  signInAs(chairman);
  const result = await raiseSupportRequest(null, raise(extra));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.requestId;
}
const requestOf = (id: number) => database.db.supportRequest.findUniqueOrThrow({ where: { id } });
const inbox = (userId: number, requestId: number) => database.db.notification.findMany({ where: { userId, link: `/support/${requestId}` }, orderBy: { id: 'asc' } });

async function assigned(): Promise<number> {
  const id = await raised();
  signInAs(homeAffairs);
  const result = await assignSupportRequest(null, form({ requestId: id, version: 1, workingGroupId: groupId }));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return id;
}

describe('raising a request', () => {
  test('the chairman raises one for his commune: open, audited, Home Affairs and the Organizing Committee told', async () => {
    const audits = await auditCount(database.db);
    const id = await raised();
    expect(await requestOf(id)).toMatchObject({ state: 'open', communeId: ngaMyId, problemGroupId: personnel, urgency: 'urgent', raisedById: chairman.id, workingGroupId: null });
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } })).toMatchObject({ action: 'support.raise', entityType: 'support_request', entityId: String(id) });
    expect(await inbox(homeAffairs.id, id)).toMatchObject([{ kind: 'support.raised', params: { title: 'Thiếu Trưởng phòng Kinh tế', commune: 'Nga My' } }]);
    expect(await inbox(organizing.id, id)).toHaveLength(1);
    expect(await inbox(chairman.id, id)).toEqual([]);
  });

  test('a request on another commune → forbidden, nothing written', async () => {
    const [before, audits] = [await database.db.supportRequest.count(), await auditCount(database.db)];
    expect(await raiseSupportRequest(null, raise({ communeId: bacLyId }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await database.db.supportRequest.count()).toBe(before);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test.each([
    ['Home Affairs', () => homeAffairs],
    ['the administrator', () => admin],
  ])('wrong role: %s → forbidden', async (_label, who) => {
    signInAs(who());
    expect(await raiseSupportRequest(null, raise())).toMatchObject({ ok: false, error: 'errors.forbidden' });
  });

  test('a deactivated problem group is refused on its field; a missing title too', async () => {
    signInAs(admin);
    const group = await database.db.problemGroup.findFirstOrThrow({ where: { provinceId: chairman.provinceId, code: 'environment' } });
    expect(await updateProblemGroup(null, form({ problemGroupId: group.id, version: group.version, nameVi: group.nameVi, nameEn: group.nameEn, sortOrder: group.sortOrder, isActive: 'inactive' }))).toMatchObject({ ok: true });
    signInAs(chairman);
    expect(await raiseSupportRequest(null, raise({ problemGroupId: group.id }))).toMatchObject({ ok: false, fieldErrors: { problemGroupId: 'support.errors.problemGroup' } });
    expect(await raiseSupportRequest(null, raise({ title: '  ' }))).toMatchObject({ ok: false, fieldErrors: { title: 'support.errors.title' } });
  });

  test('with the audit writer failing nothing is written', async () => {
    const before = await database.db.supportRequest.count();
    auditFailure.armed = true;
    await expect(raiseSupportRequest(null, raise())).rejects.toThrow();
    auditFailure.armed = false;
    expect(await database.db.supportRequest.count()).toBe(before);
  });
});

describe('assigning to a working group', () => {
  test('a group covering the commune and the problem: assigned, the members and the chairman told', async () => {
    const id = await raised();
    signInAs(homeAffairs);
    expect(await assignSupportRequest(null, form({ requestId: id, version: 1, workingGroupId: groupId }))).toMatchObject({ ok: true, notice: 'support.notices.assigned' });
    expect(await requestOf(id)).toMatchObject({ state: 'assigned', workingGroupId: groupId, version: 2 });
    expect(await inbox(officer.id, id)).toMatchObject([{ kind: 'support.assigned', params: { group: 'Tổ thử hỗ trợ Nga My' } }]);
    expect((await inbox(chairman.id, id)).map((n) => n.kind)).toEqual(['support.assigned']);
  });

  test('a group that does not cover the problem group: a warning to confirm, not a refusal', async () => {
    const id = await raised({ problemGroupId: land });
    signInAs(organizing);
    const audits = await auditCount(database.db);
    const warned = await assignSupportRequest(null, form({ requestId: id, version: 1, workingGroupId: groupId }));
    expect(warned).toMatchObject({ ok: false, error: 'support.assign.warnings.confirm', fieldErrors: { confirm: 'support.assign.warnings.problem' }, params: { group: 'Tổ thử hỗ trợ Nga My' } });
    expect(defaultMessage('support.assign.warnings.confirm', { group: 'Tổ thử hỗ trợ Nga My' })).toContain('không phụ trách');
    expect(await requestOf(id)).toMatchObject({ state: 'open', workingGroupId: null });
    expect(await auditCount(database.db)).toBe(audits);
    expect(await assignSupportRequest(null, form({ requestId: id, version: 1, workingGroupId: groupId, confirm: 'on' }))).toMatchObject({ ok: true });
    expect(await requestOf(id)).toMatchObject({ state: 'assigned', workingGroupId: groupId });
    const event = await database.db.auditLog.findFirstOrThrow({ where: { action: 'support.assign', entityId: String(id) } });
    expect(event.after).toMatchObject({ warnings: ['problem'] });
  });

  test('a stale version and a chairman are refused', async () => {
    const id = await raised();
    signInAs(homeAffairs);
    expect(await assignSupportRequest(null, form({ requestId: id, version: 7, workingGroupId: groupId }))).toMatchObject({ ok: false, error: 'support.errors.stale' });
    signInAs(chairman);
    expect(await assignSupportRequest(null, form({ requestId: id, version: 1, workingGroupId: groupId }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
  });
});

describe("the group's work, in its scope", () => {
  test('a member records a visit, answers, resolves; the chairman sees it on his commune page and in his inbox', async () => {
    const id = await assigned();
    signInAs(officer);
    expect(await recordSupportVisit(null, form({ requestId: id, visitedOn: '05/11/2025', members: 'Phạm Thị Hồng Nhung', summary: 'Hướng dẫn hồ sơ tại xã.' }))).toMatchObject({ ok: true });
    expect(await answerSupportRequest(null, form({ requestId: id, body: 'Sở sẽ cử cán bộ biệt phái.' }))).toMatchObject({ ok: true });
    expect(await resolveSupportRequest(null, form({ requestId: id, version: 2, resolution: 'Đã bố trí cán bộ biệt phái.' }))).toMatchObject({ ok: true, notice: 'support.notices.resolved' });
    expect(await requestOf(id)).toMatchObject({ state: 'resolved', resolution: 'Đã bố trí cán bộ biệt phái.' });
    expect((await inbox(chairman.id, id)).map((n) => n.kind)).toEqual(['support.assigned', 'support.answered', 'support.resolved']);
    const { visits, requests } = await listCommuneSupport(database.db, ngaMyId);
    expect(visits.map((v) => v.summary)).toContain('Hướng dẫn hồ sơ tại xã.');
    expect(requests.map((r) => r.id)).not.toContain(id);
    // Resolved: no more answers.
    signInAs(chairman);
    expect(await answerSupportRequest(null, form({ requestId: id, body: 'Cảm ơn.' }))).toMatchObject({ ok: false, error: 'support.errors.state' });
  });

  test('the commune answers and the group is told', async () => {
    const id = await assigned();
    signInAs(chairman);
    expect(await answerSupportRequest(null, form({ requestId: id, body: 'Xã gửi thêm danh sách.' }))).toMatchObject({ ok: true });
    expect((await inbox(officer.id, id)).map((n) => n.kind)).toEqual(['support.assigned', 'support.answered']);
  });

  test.each([
    ['Home Affairs, no member', () => homeAffairs],
    ['the Standing Committee, no member', () => standing],
    ['the chairman', () => chairman],
    ['another chairman', () => otherChairman],
  ])('not a member: %s may not record a visit or resolve', async (_label, who) => {
    const id = await assigned();
    signInAs(who());
    const audits = await auditCount(database.db);
    expect(await recordSupportVisit(null, form({ requestId: id, visitedOn: '05/11/2025', members: 'X', summary: 'Y' }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await resolveSupportRequest(null, form({ requestId: id, version: 2, resolution: 'Z' }))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('escalation: to the province, then beyond its authority to the Central level, with the summary', async () => {
    const id = await assigned();
    signInAs(officer);
    expect(await escalateSupportRequest(null, form({ requestId: id, version: 2, to: 'escalated_province', summary: 'Đề nghị UBND tỉnh cho ý kiến.' }))).toMatchObject({ ok: true });
    expect(await escalateSupportRequest(null, form({ requestId: id, version: 3, to: 'escalated_province', summary: 'Lần nữa.' }))).toMatchObject({ ok: false, error: 'support.errors.state' });
    expect(await escalateSupportRequest(null, form({ requestId: id, version: 3, to: 'escalated_central', summary: 'Kiến nghị Bộ Nội vụ hướng dẫn.' }))).toMatchObject({ ok: true });
    expect(await requestOf(id)).toMatchObject({ state: 'escalated_central', escalationSummary: 'Kiến nghị Bộ Nội vụ hướng dẫn.' });
    expect((await inbox(chairman.id, id)).filter((n) => n.kind === 'support.escalated').map((n) => (n.params as { to: string }).to)).toEqual(['escalated_province', 'escalated_central']);
  });

  test('a visit in the future is refused on its field', async () => {
    const id = await assigned();
    signInAs(officer);
    expect(await recordSupportVisit(null, form({ requestId: id, visitedOn: '01/01/2099', members: 'X', summary: 'Y' }))).toMatchObject({ ok: false, fieldErrors: { visitedOn: 'support.errors.visitInFuture' } });
  });
});

describe('who reads which requests', () => {
  test('a chairman his commune only; a member his groups only; Home Affairs all', async () => {
    const id = await assigned();
    const today = '2025-11-10';
    expect((await listSupportRequests(database.db, otherChairman, {}, today)).map((r) => r.id)).not.toContain(id);
    expect((await listSupportRequests(database.db, chairman, {}, today)).map((r) => r.id)).toContain(id);
    expect((await listSupportRequests(database.db, officer, {}, today)).map((r) => r.id)).toContain(id);
    expect((await listSupportRequests(database.db, homeAffairs, { state: 'assigned' }, today)).map((r) => r.id)).toContain(id);
    expect((await listSupportRequests(database.db, homeAffairs, { state: 'resolved' }, today)).map((r) => r.id)).not.toContain(id);
  });

  test('the dashboard counts open requests per group and the median time to resolve', async () => {
    const summary = await getSupportSummary(database.db, chairman.provinceId);
    expect(summary.perGroup.find((g) => g.id === groupId)?.open).toBeGreaterThan(0);
    expect(summary.medianDaysToResolve).not.toBeNull();
  });
});

describe('attachments', () => {
  const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
  const upload = (id: number, content: Uint8Array, name = 'to-trinh.pdf', type = 'application/pdf') => {
    const body = new FormData();
    body.append('file', new File([Buffer.from(content)], name, { type }));
    return attachRoute.POST(new Request(`http://localhost/api/support/${id}/attachments`, { method: 'POST', body }), { params: Promise.resolve({ id: String(id) }) });
  };
  const attachments = (id: number) => database.db.supportAttachment.count({ where: { requestId: id } });

  test('the chairman attaches a PDF: stored with its sniffed type, audited, sent back as a download', async () => {
    const id = await raised();
    const audits = await auditCount(database.db);
    const response = await upload(id, PDF, 'Tờ trình.pdf', 'text/html');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/support/${id}?notice=attached`);
    const stored = await database.db.supportAttachment.findFirstOrThrow({ where: { requestId: id } });
    expect(stored).toMatchObject({ fileName: 'Tờ trình.pdf', mimeType: 'application/pdf', size: PDF.length });
    expect(await auditCount(database.db)).toBe(audits + 1);
    const download = await downloadRoute.GET(new Request(`http://localhost/api/support/attachments/${stored.id}`), { params: Promise.resolve({ id: String(stored.id) }) });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="To trinh\.pdf"; filename\*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh\.pdf$/);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);
    // Another commune's chairman reads nothing of it.
    signInAs(otherChairman);
    expect((await downloadRoute.GET(new Request('http://localhost/'), { params: Promise.resolve({ id: String(stored.id) }) })).status).toBe(403);
  });

  test('a program named .pdf is refused (415) with a Vietnamese message; nothing stored', async () => {
    const id = await raised();
    const audits = await auditCount(database.db);
    const response = await upload(id, Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode'), 'bao-cao.pdf');
    expect(response.status).toBe(415);
    expect(await response.text()).toBe(defaultMessage('support.attachments.errors.type'));
    expect(await attachments(id)).toBe(0);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('over the limit (413): refused by its size, nothing stored', async () => {
    const id = await raised();
    const previous = process.env.SUPPORT_MAX_ATTACHMENT_MB;
    process.env.SUPPORT_MAX_ATTACHMENT_MB = '1';
    try {
      const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 1, 0x20)]);
      const response = await upload(id, big);
      expect(response.status).toBe(413);
      expect(await response.text()).toBe(defaultMessage('support.attachments.errors.tooLarge', { mb: 1 }));
      expect(await attachments(id)).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.SUPPORT_MAX_ATTACHMENT_MB;
      else process.env.SUPPORT_MAX_ATTACHMENT_MB = previous;
    }
  });

  test('a request on another commune (403) and an empty file (400): nothing stored', async () => {
    const id = await raised();
    signInAs(otherChairman);
    const forbidden = await upload(id, PDF);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toBe(defaultMessage('support.attachments.errors.forbidden'));
    signInAs(chairman);
    expect((await upload(id, new Uint8Array(0))).status).toBe(400);
    expect(await attachments(id)).toBe(0);
  });

  test('a member of the group attaches; Home Affairs, no member, may not', async () => {
    const id = await assigned();
    signInAs(officer);
    expect((await upload(id, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 'anh.png', 'image/png')).status).toBe(303);
    signInAs(homeAffairs);
    expect((await upload(id, PDF)).status).toBe(403);
    expect(await attachments(id)).toBe(1);
  });
});

describe('the demo', () => {
  test('five working groups; requests from Tam Thái, Keng Đu, Nga My and Tương Dương in every state; the Tam Thái visit', async () => {
    const groups = await database.db.workingGroup.findMany({ where: { provinceId: chairman.provinceId, name: { not: 'Tổ thử hỗ trợ Nga My' } }, select: { name: true, kind: true } });
    expect(groups.filter((g) => g.kind === 'provincial')).toHaveLength(4);
    expect(groups.filter((g) => g.kind === 'department').map((g) => g.name)).toEqual([expect.stringContaining('Sở Nội vụ')]);
    const demo = await database.db.supportRequest.findMany({
      where: { provinceId: chairman.provinceId, raisedOn: { lt: new Date('2025-11-01') } },
      select: { state: true, commune: { select: { name: true } }, problemGroup: { select: { code: true } } },
    });
    expect(new Set(demo.map((r) => r.state))).toEqual(new Set(['open', 'assigned', 'resolved', 'escalated_province', 'escalated_central']));
    expect(new Set(demo.map((r) => r.commune.name))).toEqual(new Set(['Tam Thái', 'Keng Đu', 'Nga My', 'Tương Dương']));
    expect(new Set(demo.map((r) => r.problemGroup.code))).toEqual(new Set(['personnel', 'digital', 'land']));
    const tamThai = await seededCommune(database.db, 'Tam Thái');
    const visits = await database.db.supportVisit.findMany({ where: { communeId: tamThai.id }, select: { members: true, workingGroup: { select: { name: true } } } });
    expect(visits).toEqual([{ members: expect.stringContaining('Nguyễn Thăng Long'), workingGroup: { name: expect.stringContaining('Sở Nội vụ') } }]);
    // Written through the mutations: every request has its audit trail.
    const raisedEvents = await database.db.auditLog.count({ where: { action: 'support.raise', at: { lt: new Date('2025-11-01') } } });
    expect(raisedEvents).toBe(demo.length);
  });
});
