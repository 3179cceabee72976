import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, form, raceWithUncommitted } from '../support/action-harness';

const { createPosition } = await import('@/lib/actions/positions/create-position');
const { updatePosition } = await import('@/lib/actions/positions/update-position');
const { deletePosition } = await import('@/lib/actions/positions/delete-position');
const { listCataloguePositions } = await import('@/lib/db/position-queries');

// Home Affairs keeps the positions catalogue (decision 012). Each action: allowed, wrong role, out of scope,
// invalid input, stale version, audit rollback.

let database: TestDatabase;
let homeAffairs: SessionUser;
let chairman: SessionUser;
let admin: SessionUser;
let provinceId: number;
let foreignPositionId: number;

beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  homeAffairs = await sessionUserFor(database.db, 'noivu');
  chairman = await sessionUserFor(database.db, 'xa.ngamy');
  admin = await sessionUserFor(database.db, 'admin');
  provinceId = homeAffairs.provinceId;
  const foreign = await database.db.province.create({ data: { code: 'ZZ', name: 'Tỉnh Thử' } });
  foreignPositionId = (await database.db.position.create({ data: { provinceId: foreign.id, code: 'ZZ_POST', titleVi: 'Chức danh thử', titleEn: 'Test post' } })).id;
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(homeAffairs);
});

const lastAudit = () => database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
const find = (code: string, province = provinceId) => database.db.position.findUnique({ where: { provinceId_code: { provinceId: province, code } } });
let serial = 0;
const fresh = () => `TEST_POST_${++serial}`;
const newPosition = (extra: Record<string, string | number | undefined> = {}) =>
  form({
    code: fresh(), titleVi: 'Công chức Văn thư – Lưu trữ', titleEn: 'Civil servant, records and archives', block: 'government', field: 'administration',
    sortOrder: '650', isKey: undefined, isElected: undefined, concurrentByDesign: undefined, ...extra,
  });
async function created(extra: Record<string, string | number | undefined> = {}) {
  const data = newPosition(extra);
  const result = await createPosition(null, data);
  if (!result.ok) throw new Error(`could not create: ${JSON.stringify(result)}`);
  return database.db.position.findUniqueOrThrow({ where: { id: result.data.id } });
}

describe('createPosition', () => {
  test('allowed: the position joins the catalogue with its code uppercased, one audit record', async () => {
    const audits = await auditCount(database.db);
    const result = await createPosition(null, newPosition({ code: ' archive_officer ', isKey: undefined }));
    expect(result).toMatchObject({ ok: true, notice: 'positions.created', data: { code: 'ARCHIVE_OFFICER' } });
    expect(await find('ARCHIVE_OFFICER')).toMatchObject({
      titleVi: 'Công chức Văn thư – Lưu trữ', block: 'government', isKey: false, field: 'administration', sortOrder: 650, version: 1,
    });
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: 'position.create', entityType: 'position', actorId: homeAffairs.id, provinceId });
    const listed = await listCataloguePositions(database.db, provinceId, '2025-11-10');
    expect(listed.find((p) => p.code === 'ARCHIVE_OFFICER')).toMatchObject({ holders: 0 });
  });

  test('the level (the rank planning compares) is written and audited; left empty or not sent, a new post is unranked (0)', async () => {
    const ranked = await createPosition(null, newPosition({ level: ' 7 ' }));
    expect(ranked).toMatchObject({ ok: true });
    const position = await database.db.position.findUniqueOrThrow({ where: { id: ranked.ok ? ranked.data.id : 0 } });
    expect(position.level).toBe(7);
    expect(await lastAudit()).toMatchObject({ action: 'position.create', entityId: String(position.id), after: { code: position.code, level: 7 } });
    const listed = await listCataloguePositions(database.db, provinceId, '2025-11-10');
    expect(listed.find((p) => p.code === position.code)).toMatchObject({ level: 7 });
    expect(await created({ level: '' })).toMatchObject({ level: 0 });
    expect(await created()).toMatchObject({ level: 0 });
    expect(await lastAudit()).toMatchObject({ after: { level: 0 } });
  });

  test('a key position with flags; a department post has no block; an empty English title takes the Vietnamese one', async () => {
    const key = await created({ isKey: 'on', isElected: 'on', block: 'party_front', titleEn: '' });
    expect(key).toMatchObject({ isKey: true, isElected: true, concurrentByDesign: false, block: 'party_front', titleEn: key.titleVi });
    const department = await created({ block: '', field: '' });
    expect(department).toMatchObject({ block: null, field: null });
  });

  test.each([
    { label: 'a code already in the catalogue', extra: { code: 'PARTY_SECRETARY' }, field: 'code', key: 'positions.errors.codeTaken' },
    { label: 'a code with a space', extra: { code: 'IT OFFICER' }, field: 'code', key: 'positions.errors.code' },
    { label: 'a code with diacritics', extra: { code: 'CHỦ_TỊCH' }, field: 'code', key: 'positions.errors.code' },
    { label: 'a code starting with a digit', extra: { code: '1ST_POST' }, field: 'code', key: 'positions.errors.code' },
    { label: 'no title', extra: { titleVi: '  ' }, field: 'titleVi', key: 'positions.errors.titleVi' },
    { label: 'an unknown block', extra: { block: 'district' }, field: 'block', key: 'positions.errors.block' },
    { label: 'a field outside the catalogue', extra: { field: 'astrology' }, field: 'field', key: 'positions.errors.field' },
    { label: 'a negative sort order', extra: { sortOrder: '-1' }, field: 'sortOrder', key: 'positions.errors.sortOrder' },
    { label: 'a key position without a block', extra: { isKey: 'on', block: '' }, field: 'block', key: 'positions.errors.keyNeedsBlock' },
    { label: 'a level above 99', extra: { level: '100' }, field: 'level', key: 'positions.errors.level' },
    { label: 'a negative level', extra: { level: '-1' }, field: 'level', key: 'positions.errors.level' },
    { label: 'a level that is not whole', extra: { level: '2.5' }, field: 'level', key: 'positions.errors.level' },
    { label: 'a level in words', extra: { level: 'cao' }, field: 'level', key: 'positions.errors.level' },
  ])('invalid: $label → message beside the field, what was typed kept, nothing written', async ({ extra, field, key }) => {
    const count = await database.db.position.count();
    const audits = await auditCount(database.db);
    const result = await createPosition(null, newPosition(extra));
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { [field]: key }, values: { titleEn: 'Civil servant, records and archives', ...extra } });
    expect(await database.db.position.count()).toBe(count);
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('the same code in another province is no clash (codes are unique per province)', async () => {
    expect(await createPosition(null, newPosition({ code: 'ZZ_POST' }))).toMatchObject({ ok: true });
  });

  test.each([
    ['a commune chairman', () => chairman],
    ['the Standing Committee', () => null],
  ])('wrong role: %s → forbidden, nothing written', async (_label, who) => {
    signInAs(who() ?? (await sessionUserFor(database.db, 'thuongtruc')));
    const count = await database.db.position.count();
    expect(await createPosition(null, newPosition())).toMatchObject({ ok: false, error: 'errors.forbidden' });
    expect(await database.db.position.count()).toBe(count);
  });

  test('two creations of one code at once: the unique index refuses the second beside the field', async () => {
    const audits = await auditCount(database.db);
    const result = await raceWithUncommitted(
      database.url,
      `INSERT INTO position (province_id, code, title_vi, title_en, updated_at) VALUES ($1, 'RACE_POST', 'Trước', 'Before', now())`,
      [provinceId],
      () => createPosition(null, newPosition({ code: 'RACE_POST', titleVi: 'Sau' })),
    );
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { code: 'positions.errors.codeTaken' }, values: { titleVi: 'Sau' } });
    expect(await find('RACE_POST')).toMatchObject({ titleVi: 'Trước' });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('the audit record fails → the position is not created', async () => {
    const count = await database.db.position.count();
    auditFailure.armed = true;
    await expect(createPosition(null, newPosition({ code: 'NEVER_CREATED' }))).rejects.toThrow('audit write failed');
    expect(await database.db.position.count()).toBe(count);
    expect(await find('NEVER_CREATED')).toBeNull();
  });
});

describe('updatePosition', () => {
  const edit = (position: { id: number; version: number }, extra: Record<string, string | number | undefined> = {}) =>
    form({ positionId: position.id, version: position.version, titleVi: 'Công chức Văn thư', titleEn: 'Records clerk', block: 'government', field: 'administration', sortOrder: 660, isKey: 'on', ...extra });

  test('allowed: everything but the code changes, the version rises, the audit keeps before and after', async () => {
    const position = await created();
    const audits = await auditCount(database.db);
    expect(await updatePosition(null, edit(position, { code: 'HACKED' }))).toEqual({ ok: true, data: undefined, notice: 'positions.saved' });
    expect(await database.db.position.findUniqueOrThrow({ where: { id: position.id } })).toMatchObject({
      code: position.code, titleVi: 'Công chức Văn thư', titleEn: 'Records clerk', isKey: true, sortOrder: 660, version: position.version + 1,
    });
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({
      action: 'position.update', entityId: String(position.id), before: { isKey: false, titleVi: position.titleVi }, after: { isKey: true, titleVi: 'Công chức Văn thư' },
    });
  });

  test('the level: ranked from 0 to 9 and back, written and audited before and after; a save that does not send it keeps it', async () => {
    const position = await created();
    expect(await updatePosition(null, edit(position, { level: '9' }))).toMatchObject({ ok: true });
    expect(await database.db.position.findUniqueOrThrow({ where: { id: position.id } })).toMatchObject({ level: 9, version: position.version + 1 });
    expect(await lastAudit()).toMatchObject({ action: 'position.update', entityId: String(position.id), before: { level: 0 }, after: { level: 9 } });
    expect(await updatePosition(null, edit({ id: position.id, version: position.version + 1 }, { titleVi: 'Công chức Lưu trữ' }))).toMatchObject({ ok: true });
    expect(await database.db.position.findUniqueOrThrow({ where: { id: position.id } })).toMatchObject({ level: 9, titleVi: 'Công chức Lưu trữ' });
    expect(await lastAudit()).toMatchObject({ before: { level: 9 }, after: { level: 9 } });
    expect(await updatePosition(null, edit({ id: position.id, version: position.version + 2 }, { level: '' }))).toMatchObject({ ok: true });
    expect(await database.db.position.findUniqueOrThrow({ where: { id: position.id } })).toMatchObject({ level: 0 });
    expect(await lastAudit()).toMatchObject({ before: { level: 9 }, after: { level: 0 } });
  });

  test('making a position key makes it count in every commune’s key vacancies (the default norm is 1)', async () => {
    const { getCommuneStaffing } = await import('@/lib/db/staffing-queries');
    const ngaMy = chairman.communeId!;
    const before = await getCommuneStaffing(database.db, provinceId, ngaMy, { date: '2025-11-10' });
    const position = await created();
    expect(await updatePosition(null, edit(position))).toMatchObject({ ok: true });
    const after = await getCommuneStaffing(database.db, provinceId, ngaMy, { date: '2025-11-10' });
    expect(after.keyVacancies).toBe(before.keyVacancies + 1);
  });

  test.each([
    { label: 'no title', extra: { titleVi: '' }, field: 'titleVi', key: 'positions.errors.titleVi' },
    { label: 'a sort order that is not a number', extra: { sortOrder: 'mười' }, field: 'sortOrder', key: 'positions.errors.sortOrder' },
    { label: 'a field outside the catalogue', extra: { field: 'magic' }, field: 'field', key: 'positions.errors.field' },
    { label: 'a level above 99', extra: { level: '100' }, field: 'level', key: 'positions.errors.level' },
    { label: 'a negative level', extra: { level: '-3' }, field: 'level', key: 'positions.errors.level' },
  ])('invalid: $label → message beside the field, values kept, nothing written', async ({ extra, field, key }) => {
    const position = await created({ level: '4' });
    const audits = await auditCount(database.db);
    const result = await updatePosition(null, edit(position, extra));
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { [field]: key }, values: { titleEn: 'Records clerk', ...extra } });
    expect(await database.db.position.findUniqueOrThrow({ where: { id: position.id } })).toMatchObject({ version: position.version, level: 4 });
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('stale: someone saved first → conflict, what was typed is kept, their save stands', async () => {
    const position = await created();
    expect(await updatePosition(null, edit(position, { titleVi: 'Bản của người thứ nhất' }))).toMatchObject({ ok: true });
    const result = await updatePosition(null, edit(position, { titleVi: 'Bản của người thứ hai' }));
    expect(result).toMatchObject({ ok: false, error: 'positions.errors.stale', values: { titleVi: 'Bản của người thứ hai' } });
    expect(await database.db.position.findUniqueOrThrow({ where: { id: position.id } })).toMatchObject({ titleVi: 'Bản của người thứ nhất', version: position.version + 1 });
  });

  test('out of scope: a position of another province reads as not found', async () => {
    expect(await updatePosition(null, edit({ id: foreignPositionId, version: 1 }))).toMatchObject({ ok: false, error: 'errors.notFound' });
    expect(await database.db.position.findUniqueOrThrow({ where: { id: foreignPositionId } })).toMatchObject({ titleVi: 'Chức danh thử' });
  });

  test('wrong role: a commune chairman → forbidden', async () => {
    const position = await created();
    signInAs(chairman);
    expect(await updatePosition(null, edit(position))).toMatchObject({ ok: false, error: 'errors.forbidden' });
  });

  test('the audit record fails → the edit is rolled back', async () => {
    const position = await created();
    auditFailure.armed = true;
    await expect(updatePosition(null, edit(position))).rejects.toThrow('audit write failed');
    expect(await database.db.position.findUniqueOrThrow({ where: { id: position.id } })).toMatchObject({ titleVi: position.titleVi, version: position.version });
  });
});

describe('deletePosition', () => {
  const remove = (position: { id: number; version: number }) => form({ positionId: position.id, version: position.version });

  test('allowed: a position never used is deleted, and the audit keeps what it was', async () => {
    const position = await created();
    const audits = await auditCount(database.db);
    expect(await deletePosition(null, remove(position))).toEqual({ ok: true, data: undefined, notice: 'positions.deleted' });
    expect(await database.db.position.findUnique({ where: { id: position.id } })).toBeNull();
    expect(await auditCount(database.db)).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: 'position.delete', entityId: String(position.id), before: { code: position.code, level: 0 } });
  });

  test.each([
    ['an assignment (the seeded ACCOUNTANT)', async () => database.db.position.findFirstOrThrow({ where: { provinceId, code: 'ACCOUNTANT' } })],
    ['only a key-position norm', async () => {
      const position = await created({ isKey: 'on' });
      await database.db.keyPositionNorm.create({ data: { communeId: chairman.communeId!, positionId: position.id, required: 2 } });
      return position;
    }],
    ['only a declared vacancy, even closed', async () => {
      const position = await created();
      await database.db.vacancy.create({
        data: { communeId: chairman.communeId!, positionId: position.id, count: 1, status: 'closed', declaredOn: new Date('2025-10-01'), closedOn: new Date('2025-10-20') },
      });
      return position;
    }],
    ['only a past assignment', async () => {
      const position = await created();
      const cadre = await database.db.cadre.findFirstOrThrow({ where: { provinceId } });
      await database.db.assignment.create({
        data: { cadreId: cadre.id, communeId: chairman.communeId!, positionId: position.id, isPrimary: false, startDate: new Date('2025-07-01'), endDate: new Date('2025-07-31') },
      });
      return position;
    }],
  ])('refused when used by %s: a clear message, nothing deleted', async (_label, make) => {
    const position = await make();
    const audits = await auditCount(database.db);
    expect(await deletePosition(null, remove(position))).toMatchObject({ ok: false, error: 'positions.errors.inUse' });
    expect(await database.db.position.findUnique({ where: { id: position.id } })).not.toBeNull();
    expect(await auditCount(database.db)).toBe(audits);
  });

  test('stale: edited since the page was shown → conflict, not deleted', async () => {
    const position = await created();
    await database.db.position.update({ where: { id: position.id }, data: { sortOrder: 1, version: { increment: 1 } } });
    expect(await deletePosition(null, remove(position))).toMatchObject({ ok: false, error: 'positions.errors.stale' });
    expect(await database.db.position.findUnique({ where: { id: position.id } })).not.toBeNull();
  });

  test('out of scope: another province’s position is not found; wrong role is forbidden', async () => {
    expect(await deletePosition(null, remove({ id: foreignPositionId, version: 1 }))).toMatchObject({ ok: false, error: 'errors.notFound' });
    const position = await created();
    signInAs(chairman);
    expect(await deletePosition(null, remove(position))).toMatchObject({ ok: false, error: 'errors.forbidden' });
    signInAs(admin);
    expect(await deletePosition(null, remove(position))).toMatchObject({ ok: true });
  });

  test('the audit record fails → the position is still there', async () => {
    const position = await created();
    auditFailure.armed = true;
    await expect(deletePosition(null, remove(position))).rejects.toThrow('audit write failed');
    expect(await database.db.position.findUnique({ where: { id: position.id } })).not.toBeNull();
  });
});
