import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTranslator } from 'use-intl/core';
import { presentAuditRow } from '@/lib/audit/present';
import { listAuditForExport, listAuditFilterOptions, listAuditPage, resolveAuditNames, type AuditRow } from '@/lib/db/audit-queries';
import { recordAuditRows, type AuditRowInput } from '@/lib/db/audit-writer';
import { poolOf } from '@/lib/db/prisma';
import { listTimeline } from '@/lib/db/secondment-queries';
import vi from '@/lib/i18n/messages/vi.json';
import { parseAuditFilters } from '@/lib/validation/audit-filters';
import { auditTranslator, renderAuditChanges, renderAuditText } from '@/components/audit/audit-text';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seededCommune, seededProvince } from '../support/factories';

// The audit page names what each row is about (decision 020): the commune, the person, the list, the
// transfer, the account, instead of "#9"; the actors by display name; the codes and ids of the payloads. One
// set-based query per kind of entity, each scoped to the user's province: another province's rows never lend
// their names.

const t = auditTranslator(createTranslator({ locale: 'vi', messages: vi }));
const AT = '2030-01-02T08:00:00+07:00';
const FILTERS = parseAuditFilters({ from: '01/01/2030' });

let database: TestDatabase;
let provinceId: number;
let hoaQuan: { id: number; code: string; name: string };
let person: { id: number; code: string; fullName: string };
let chairman: { id: number; displayName: string; username: string };
let homeAffairs: { id: number; displayName: string };
let list: { id: number; department: string; phase: string };
let transfer: { id: number; person: string; from: string; to: string };
let position: { id: number; code: string; titleVi: string };
let vacancyId: number;
let foreignCommune: { id: number; code: string; name: string };
let rows: AuditRow[];

const byAction = (action: string) => {
  const found = rows.find((row) => row.action === action);
  if (!found) throw new Error(`no ${action} row`);
  return found;
};

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  const db = database.db;
  provinceId = (await seededProvince(db)).id;
  hoaQuan = await seededCommune(db, 'Hoa Quân');
  const assignment = await db.assignment.findFirstOrThrow({
    where: { communeId: hoaQuan.id, isPrimary: true, endDate: null }, orderBy: { id: 'asc' },
    select: { cadre: { select: { id: true, code: true, fullName: true } }, position: { select: { id: true, code: true, titleVi: true } } },
  });
  person = assignment.cadre;
  position = assignment.position;
  chairman = await db.user.findUniqueOrThrow({ where: { username: 'xa.hoaquan' }, select: { id: true, displayName: true, username: true } });
  homeAffairs = await db.user.findUniqueOrThrow({ where: { username: 'noivu' }, select: { id: true, displayName: true } });
  const firstList = await db.secondmentList.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true, department: true, phase: true } });
  list = { id: firstList.id, department: firstList.department.name, phase: `${firstList.phase.number}/${firstList.phase.year}` };
  const firstTransfer = await db.transfer.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true, cadre: true, fromCommune: true, toCommune: true } });
  transfer = { id: firstTransfer.id, person: `${firstTransfer.cadre.fullName} (${firstTransfer.cadre.code})`, from: firstTransfer.fromCommune.name, to: firstTransfer.toCommune.name };
  vacancyId = (await db.vacancy.create({ data: { communeId: hoaQuan.id, positionId: position.id, count: 1, declaredOn: new Date('2030-01-02') } })).id;

  // Another province, whose names must not leak into this one's log.
  const other = await db.province.create({ data: { code: 'ZZ', name: 'Tỉnh Khác' } });
  const district = await db.oldDistrict.create({ data: { provinceId: other.id, code: 'ZZD', name: 'Huyện Khác' } });
  foreignCommune = await db.commune.create({ data: { provinceId: other.id, oldDistrictId: district.id, code: 'ZZ001', name: 'Xã Bên Ngoài' }, select: { id: true, code: true, name: true } });

  const actor = { id: homeAffairs.id, name: 'noivu', role: 'home_affairs' };
  const snapshot = { username: chairman.username, displayName: chairman.displayName, role: 'commune_chairman', communeId: hoaQuan.id, departmentId: null, isActive: true, mustChangePassword: false, version: 1 };
  const audits: AuditRowInput[] = [
    { at: AT, provinceId, actor, event: { action: 'quota.save', entityId: hoaQuan.id, before: { year: 2030, party_front: 10 }, after: { year: 2030, party_front: 12 } } },
    {
      at: AT, provinceId, actor,
      event: { action: 'cadre.depart', entityId: person.id, before: { code: person.code, status: 'active', version: 1, openAssignments: [1] }, after: { code: person.code, status: 'left', leftOn: '2030-01-02', leftReason: 'retirement', version: 2, closedAssignments: 1, communeCode: hoaQuan.code } },
    },
    { at: AT, provinceId, actor: { id: 1, name: 'admin', role: 'admin' }, event: { action: 'user.update', entityId: chairman.id, before: snapshot, after: { ...snapshot, isActive: false, version: 2 } } },
    { at: AT, provinceId, actor, event: { action: 'secondment.list.submit', entityId: list.id, after: { from: 'draft', to: 'submitted', counted: 3, minimum: 2, late: false, justification: null } } },
    { at: AT, provinceId, actor, event: { action: 'secondment.candidate.remove', entityId: 999_999, before: { state: 'proposed', cadreId: person.id, listId: list.id } } },
    {
      at: AT, provinceId, actor,
      event: { action: 'transfer.approve', entityId: transfer.id, after: { from: 'proposed', to: 'approved', decisionNumber: '9/QĐ', decisionDate: '2030-01-02', cadre: person.code, effectiveDate: '2030-02-01', newAssignmentId: 1, closedAssignmentIds: [] } },
    },
    { at: AT, provinceId, actor, event: { action: 'vacancy.declare', entityId: vacancyId, after: { communeCode: hoaQuan.code, positionId: position.id, field: null, count: 1, urgency: 'urgent', note: null } } },
    {
      at: AT, provinceId, actor,
      event: { action: 'commune.updateAttributes', entityId: foreignCommune.id, before: { oldDistrictCode: 'ZZD', oldDistrictName: 'Huyện Khác', mountainous: false, extremelyDisadvantaged: false, border: false }, after: { oldDistrictCode: 'ZZD', oldDistrictName: 'Huyện Khác', mountainous: true, extremelyDisadvantaged: false, border: false } },
    },
    {
      at: AT, provinceId, actor,
      event: { action: 'transfer.propose', entityId: 999_998, after: { to: 'proposed', source: 'manual', cadre: person.code, from: hoaQuan.code, toCommune: foreignCommune.code, position: position.code, effectiveDate: '2030-02-01', crossDistrict: true, comment: null, justification: 'Thử.' } },
    },
  ];
  const client = await poolOf(db).connect();
  try {
    await recordAuditRows(client, audits);
  } finally {
    client.release();
  }
  rows = (await listAuditPage(db, provinceId, FILTERS, 'vi')).rows;
});

afterAll(async () => {
  await database?.drop();
});

describe('listAuditPage names what each row is about', () => {
  test('a quota: the commune, opened on its quota page or the commune page', () => {
    const row = byAction('quota.save');
    expect(row.entity).toEqual({
      name: { text: hoaQuan.name },
      links: [{ href: `/quotas/${hoaQuan.code}`, permission: 'quota.edit' }, { href: `/communes/${hoaQuan.code}`, permission: 'commune.view' }],
    });
  });

  test('a person: name and code, on the person page of the commune he works in', () => {
    const row = byAction('cadre.depart');
    expect(renderAuditText(t, row.entity.name)).toBe(`${person.fullName} (${person.code})`);
    expect(row.entity.links[0]).toEqual({ href: `/communes/${hoaQuan.code}/manage/person/${person.code}`, permission: 'roster.edit' });
  });

  test('an account: display name and username; the actor by display name', () => {
    const row = byAction('user.update');
    expect(renderAuditText(t, row.entity.name)).toBe(`${chairman.displayName} (${chairman.username})`);
    expect(row.entity.links).toEqual([{ href: `/admin/users/${chairman.id}`, permission: 'user.manage' }]);
    expect(row.actorDisplayName).toBe('Quản trị hệ thống');
    expect(byAction('quota.save').actorDisplayName).toBe(homeAffairs.displayName);
  });

  test('a 5% list: its department and phase; a removed candidate: the person, on the list', () => {
    expect(renderAuditText(t, byAction('secondment.list.submit').entity.name)).toBe(`${list.department}, đợt ${list.phase}`);
    const removed = byAction('secondment.candidate.remove');
    expect(renderAuditText(t, removed.entity.name)).toBe(`${person.fullName} (${person.code})`);
    expect(removed.entity.links).toEqual([{ href: `/secondments/lists/${list.id}`, permission: 'secondment.view' }]);
  });

  test('a transfer: the person and both communes', () => {
    const row = byAction('transfer.approve');
    expect(renderAuditText(t, row.entity.name)).toBe(`${transfer.person}: ${transfer.from} → ${transfer.to}`);
    expect(row.entity.links).toEqual([{ href: `/transfers/${transfer.id}`, permission: 'transfer.view' }]);
  });

  test('a need: its commune and position', () => {
    expect(renderAuditText(t, byAction('vacancy.declare').entity.name)).toBe(`${hoaQuan.name}: ${position.titleVi}`);
  });

  test("another province's commune is never named, whatever id a row carries", () => {
    const row = byAction('commune.updateAttributes');
    expect(row.entity).toEqual({ name: { key: 'audit.names.id', params: { id: String(foreignCommune.id) } }, links: [] });
    expect(JSON.stringify(rows)).not.toContain(foreignCommune.name);
  });
});

describe('the payloads read with names', () => {
  test('codes and ids resolved, scoped to the province', async () => {
    const { rows: exported, lookup } = await listAuditForExport(database.db, provinceId, FILTERS, 'vi');
    const changes = (action: string) => renderAuditChanges(t, presentAuditRow(exported.find((row) => row.action === action)!, { lookup }));
    expect(changes('user.update')).toBe('Đang hoạt động: Có → Không');
    expect(changes('cadre.depart')).toBe(`Tình trạng: Đang công tác → Đã nghỉ việc; Xã, phường: — → ${hoaQuan.name}; Ngày nghỉ: — → 02/01/2030; Lý do nghỉ: — → Nghỉ hưu; Số vị trí đã kết thúc: — → 1`);
    expect(changes('vacancy.declare')).toBe(`Xã, phường: ${hoaQuan.name}; Chức danh: ${position.titleVi}; Số lượng: 1; Mức độ: Gấp`);
    // The other province's commune code stays a code.
    expect(changes('transfer.propose')).toContain(`Xã nơi đi: ${hoaQuan.name}; Xã nơi đến: ${foreignCommune.code}; Chức danh: ${position.titleVi}`);
    expect(changes('secondment.candidate.remove')).toBe(`Trạng thái: Đề xuất → —; Cán bộ, công chức: ${person.fullName} (${person.code}) → —; Danh sách: ${list.department}, đợt ${list.phase} → —`);
  });

  test('the filter lists actors by display name', async () => {
    const options = await listAuditFilterOptions(database.db, provinceId);
    expect(options.actors).toContainEqual({ id: homeAffairs.id, name: homeAffairs.displayName });
    expect(options.entityTypes).toEqual(expect.arrayContaining(['quota', 'transfer', 'secondment_list']));
  });
});

describe("a 5% list's timeline", () => {
  test('names its candidates and the accounts that acted; the demo bodies without an account keep their recorded name', async () => {
    const entries = await listTimeline(database.db, list.id);
    const names = await resolveAuditNames(database.db, provinceId, entries, 'vi');
    const candidates = await database.db.secondmentCandidate.findMany({ where: { listId: list.id }, select: { id: true, cadre: { select: { code: true, fullName: true } } } });
    const proposals = entries.filter((entry) => entry.action === 'secondment.candidate.propose');
    expect(proposals.length).toBeGreaterThan(0);
    for (const entry of proposals) {
      const candidate = candidates.find((c) => String(c.id) === entry.entityId)!;
      expect(renderAuditText(t, names.entity(entry).name)).toBe(`${candidate.cadre.fullName} (${candidate.cadre.code})`);
    }
    const approvals = entries.filter((entry) => entry.action === 'secondment.list.approve');
    for (const entry of approvals) expect(names.actor(entry)).toBe(entry.actorId === null ? null : (await database.db.user.findUniqueOrThrow({ where: { id: entry.actorId } })).displayName);
    const removal = entries.find((entry) => entry.action === 'secondment.candidate.remove');
    expect(removal?.entityId).toBe('999999');
  });
});
