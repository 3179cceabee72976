import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { auditFailure, confirmedForm, form, raceWithUncommitted } from '../support/action-harness';
import { seededCommune, seededDepartment } from '../support/factories';


const { createUser } = await import('@/lib/actions/users/create-user');
const { updateUser } = await import('@/lib/actions/users/update-user');
const { deactivateUser } = await import('@/lib/actions/users/deactivate-user');
const { reactivateUser } = await import('@/lib/actions/users/reactivate-user');
const { resetUserPassword } = await import('@/lib/actions/users/reset-user-password');

const GOOD_PASSWORD = 'Sông-Lam-xanh-2025';

let database: TestDatabase;
let admin: SessionUser;
let homeAffairs: SessionUser;
let serial = 0;
beforeAll(async () => {
  database = await createTestDatabase('seeded');
  process.env.DATABASE_URL = database.url;
  admin = await sessionUserFor(database.db, 'admin');
  homeAffairs = await sessionUserFor(database.db, 'noivu');
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});
beforeEach(() => {
  auditFailure.armed = false;
  signInAs(admin);
});

async function newTarget(extra: { isActive?: boolean } = {}) {
  return database.db.user.create({
    data: { provinceId: admin.provinceId, username: `target.${++serial}`, displayName: 'Người thử', passwordHash: 'x', role: 'home_affairs', ...extra },
  });
}
const lastAudit = () => database.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });

describe('createUser', () => {
  test('allowed: creates the user (must change password) and its audit record without the hash', async () => {
    const commune = await seededCommune(database.db, 'Bắc Lý');
    const before = await auditCount(database.db);
    const result = await createUser(null, form({ username: ' Xa.Moi ', displayName: 'Nguyễn Văn Mới', role: 'commune_chairman', communeId: commune.id, departmentId: '', password: GOOD_PASSWORD }));
    expect(result).toMatchObject({ ok: true, notice: 'admin.users.created' });
    const row = await database.db.user.findUniqueOrThrow({ where: { username: 'xa.moi' } });
    expect(row).toMatchObject({ role: 'commune_chairman', communeId: commune.id, departmentId: null, mustChangePassword: true, isActive: true });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await auditCount(database.db)).toBe(before + 1);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'user.create', entityType: 'user', entityId: String(row.id), actorId: admin.id, actorRole: 'admin' });
    expect(JSON.stringify(audit.after)).not.toMatch(/argon2|password_hash|passwordHash|Sông-Lam/);
  });

  test('wrong role: forbidden, nothing written', async () => {
    signInAs(homeAffairs);
    const before = await auditCount(database.db);
    const result = await createUser(null, form({ username: 'khong.duoc', displayName: 'X', role: 'admin', password: GOOD_PASSWORD }));
    expect(result).toEqual({ ok: false, error: 'errors.forbidden' });
    expect(await database.db.user.count({ where: { username: 'khong.duoc' } })).toBe(0);
    expect(await auditCount(database.db)).toBe(before);
  });

  test.each([
    ['a short password', { username: 'ngan.qua', displayName: 'A', role: 'home_affairs', password: 'ngan' }, 'password', 'auth.password.tooShort'],
    ['a chairman without a commune', { username: 'thieu.xa', displayName: 'A', role: 'commune_chairman', password: GOOD_PASSWORD }, 'communeId', 'admin.errors.communeRequired'],
    ['an officer without a department', { username: 'thieu.so', displayName: 'A', role: 'department_officer', password: GOOD_PASSWORD }, 'departmentId', 'admin.errors.departmentRequired'],
    ['a taken username (case-insensitive)', { username: 'ADMIN', displayName: 'A', role: 'home_affairs', password: GOOD_PASSWORD }, 'username', 'admin.errors.usernameTaken'],
    ['a username with accents', { username: 'xã.mới', displayName: 'A', role: 'home_affairs', password: GOOD_PASSWORD }, 'username', 'admin.errors.usernameFormat'],
    ['no role', { username: 'khong.vaitro', displayName: 'A', role: '', password: GOOD_PASSWORD }, 'role', 'admin.errors.roleRequired'],
  ])('invalid input, %s: a message beside the field, values kept (never the password), nothing written', async (_label, values, field, key) => {
    const before = await auditCount(database.db);
    const usersBefore = await database.db.user.count();
    const result = await createUser(null, form(values));
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { [field]: key } });
    if (!result.ok) {
      expect(result.values?.displayName).toBe('A');
      expect(result.values).not.toHaveProperty('password');
    }
    expect(await database.db.user.count()).toBe(usersBefore);
    expect(await auditCount(database.db)).toBe(before);
  });

  test('the database refuses a scope that does not fit the role (app_user_scope)', async () => {
    await expect(
      database.db.user.create({ data: { provinceId: admin.provinceId, username: 'sai.phamvi', displayName: 'A', passwordHash: 'x', role: 'commune_chairman' } }),
    ).rejects.toThrow(/app_user_scope/);
  });

  test('two administrators creating one username at once: the unique index refuses the second beside the field', async () => {
    const before = await auditCount(database.db);
    const result = await raceWithUncommitted(
      database.url,
      `INSERT INTO app_user (province_id, username, display_name, password_hash, role) VALUES ($1, 'cung.ten', 'Người trước', 'x', 'home_affairs')`,
      [admin.provinceId],
      () => createUser(null, form({ username: 'cung.ten', displayName: 'Người sau', role: 'home_affairs', password: GOOD_PASSWORD })),
    );
    expect(result).toMatchObject({ ok: false, error: 'errors.validation', fieldErrors: { username: 'admin.errors.usernameTaken' }, values: { displayName: 'Người sau' } });
    expect(await database.db.user.findMany({ where: { username: 'cung.ten' }, select: { displayName: true } })).toEqual([{ displayName: 'Người trước' }]);
    expect(await auditCount(database.db)).toBe(before);
  });

  test('when the audit record cannot be written, no user is created', async () => {
    const [users, audits] = [await database.db.user.count(), await auditCount(database.db)];
    auditFailure.armed = true;
    try {
      await expect(createUser(null, form({ username: 'khong.ghi', displayName: 'A', role: 'home_affairs', password: GOOD_PASSWORD }))).rejects.toThrow('audit write failed');
    } finally {
      auditFailure.armed = false;
    }
    expect(await database.db.user.count()).toBe(users);
    expect(await database.db.user.count({ where: { username: 'khong.ghi' } })).toBe(0);
    expect(await auditCount(database.db)).toBe(audits);
  });
});

describe('updateUser', () => {
  test('allowed: changes role and scope, bumps the version, audits before and after', async () => {
    const target = await newTarget();
    const department = await seededDepartment(database.db, 'SNV');
    const result = await updateUser(null, form({ userId: target.id, version: target.version, displayName: 'Tên mới', role: 'department_officer', departmentId: department.id, communeId: '' }));
    expect(result).toMatchObject({ ok: true });
    const row = await database.db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row).toMatchObject({ displayName: 'Tên mới', role: 'department_officer', departmentId: department.id, version: target.version + 1 });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'user.update', entityId: String(target.id) });
    expect(audit.before).toMatchObject({ role: 'home_affairs', departmentId: null });
    expect(audit.after).toMatchObject({ role: 'department_officer', departmentId: department.id });
  });

  test('stale version: a clear conflict, nothing written', async () => {
    const target = await newTarget();
    await updateUser(null, form({ userId: target.id, version: target.version, displayName: 'Lần một', role: 'home_affairs' }));
    const before = await auditCount(database.db);
    const result = await updateUser(null, form({ userId: target.id, version: target.version, displayName: 'Lần hai', role: 'admin' }));
    expect(result).toMatchObject({ ok: false, error: 'errors.staleVersion', values: { displayName: 'Lần hai' } });
    expect(await database.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ displayName: 'Lần một', role: 'home_affairs' });
    expect(await auditCount(database.db)).toBe(before);
  });

  test('an administrator cannot change his own role', async () => {
    const self = await database.db.user.findUniqueOrThrow({ where: { id: admin.id } });
    const result = await updateUser(null, form({ userId: self.id, version: self.version, displayName: self.displayName, role: 'home_affairs' }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { role: 'admin.errors.selfChange' } });
  });

  test('an unknown user is not found', async () => {
    expect(await updateUser(null, form({ userId: 999_999, version: 1, displayName: 'A', role: 'home_affairs' }))).toMatchObject({ ok: false, error: 'errors.notFound' });
  });

  test('when the audit record cannot be written, the user is unchanged', async () => {
    const target = await newTarget();
    const before = await auditCount(database.db);
    auditFailure.armed = true;
    try {
      await expect(updateUser(null, form({ userId: target.id, version: target.version, displayName: 'Không lưu', role: 'admin' }))).rejects.toThrow('audit write failed');
    } finally {
      auditFailure.armed = false;
    }
    expect(await database.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ displayName: target.displayName, role: 'home_affairs', version: target.version });
    expect(await auditCount(database.db)).toBe(before);
  });
});

describe('deactivateUser and reactivateUser', () => {
  test('deactivation ends every session of the user, in the same transaction as its audit record', async () => {
    const target = await newTarget();
    const expiresAt = new Date(Date.now() + 3_600_000);
    await database.db.session.createMany({ data: [{ id: `s-${target.id}-1`, userId: target.id, expiresAt }, { id: `s-${target.id}-2`, userId: target.id, expiresAt }] });
    const result = await deactivateUser(null, confirmedForm({ userId: target.id, version: target.version }));
    expect(result).toMatchObject({ ok: true, notice: 'admin.users.deactivated' });
    expect(await database.db.session.count({ where: { userId: target.id } })).toBe(0);
    expect(await database.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ isActive: false });
    expect((await lastAudit()).after).toMatchObject({ isActive: false, sessionsEnded: 2 });

    const again = await database.db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(await reactivateUser(null, form({ userId: target.id, version: again.version }))).toMatchObject({ ok: true });
    expect(await database.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ isActive: true });
  });

  test('when the audit record cannot be written, the change and the session deletion roll back', async () => {
    const target = await newTarget();
    await database.db.session.create({ data: { id: `s-${target.id}`, userId: target.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const before = await auditCount(database.db);
    auditFailure.armed = true;
    await expect(deactivateUser(null, confirmedForm({ userId: target.id, version: target.version }))).rejects.toThrow('audit write failed');
    expect(await database.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ isActive: true, version: target.version });
    expect(await database.db.session.count({ where: { userId: target.id } })).toBe(1);
    expect(await auditCount(database.db)).toBe(before);
  });

  test('when the audit record of a reactivation cannot be written, the user stays inactive', async () => {
    const target = await newTarget({ isActive: false });
    const before = await auditCount(database.db);
    auditFailure.armed = true;
    try {
      await expect(reactivateUser(null, form({ userId: target.id, version: target.version }))).rejects.toThrow('audit write failed');
    } finally {
      auditFailure.armed = false;
    }
    expect(await database.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ isActive: false, version: target.version });
    expect(await auditCount(database.db)).toBe(before);
  });

  test('deactivation without the confirm step is refused beside the box: the user and the sessions stay', async () => {
    const target = await newTarget();
    await database.db.session.create({ data: { id: `s-${target.id}-unconfirmed`, userId: target.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const before = await auditCount(database.db);
    expect(await deactivateUser(null, form({ userId: target.id, version: target.version }))).toMatchObject({
      ok: false, error: 'errors.validation', fieldErrors: { confirm: 'forms.confirmRequired' },
    });
    expect(await database.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ isActive: true, version: target.version });
    expect(await database.db.session.count({ where: { userId: target.id } })).toBe(1);
    expect(await auditCount(database.db)).toBe(before);
  });

  test('an administrator cannot deactivate himself', async () => {
    const self = await database.db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(await deactivateUser(null, confirmedForm({ userId: self.id, version: self.version }))).toMatchObject({ ok: false, error: 'admin.errors.selfChange' });
  });

  test('wrong role: forbidden, nothing written', async () => {
    const target = await newTarget();
    signInAs(homeAffairs);
    const before = await auditCount(database.db);
    expect(await deactivateUser(null, confirmedForm({ userId: target.id, version: target.version }))).toEqual({ ok: false, error: 'errors.forbidden' });
    expect(await database.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ isActive: true });
    expect(await auditCount(database.db)).toBe(before);
  });
});

describe('resetUserPassword', () => {
  test('sets a new hash, forces a change at next sign-in, ends sessions; the audit has no hash', async () => {
    const target = await newTarget();
    await database.db.session.create({ data: { id: `r-${target.id}`, userId: target.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const result = await resetUserPassword(null, form({ userId: target.id, version: target.version, password: GOOD_PASSWORD }));
    expect(result).toMatchObject({ ok: true });
    const row = await database.db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.mustChangePassword).toBe(true);
    expect(await database.db.session.count({ where: { userId: target.id } })).toBe(0);
    const audit = await lastAudit();
    expect(audit.action).toBe('user.resetPassword');
    expect(JSON.stringify([audit.before, audit.after])).not.toMatch(/argon2|Hash|Sông-Lam/);
  });

  test('a password containing the username is refused beside the field', async () => {
    const target = await newTarget();
    const result = await resetUserPassword(null, form({ userId: target.id, version: target.version, password: `${target.username}-2025-dai` }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { password: 'auth.password.containsUsername' } });
    expect(result.ok || result.values).not.toHaveProperty('password');
  });

  test('stale version: refused, nothing written', async () => {
    const target = await newTarget();
    const before = await auditCount(database.db);
    expect(await resetUserPassword(null, form({ userId: target.id, version: target.version + 5, password: GOOD_PASSWORD }))).toMatchObject({ ok: false, error: 'errors.staleVersion' });
    expect(await auditCount(database.db)).toBe(before);
  });

  test('when the audit record cannot be written, the password, the flag and the sessions are as they were', async () => {
    const target = await newTarget();
    await database.db.session.create({ data: { id: `rf-${target.id}`, userId: target.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const before = await auditCount(database.db);
    auditFailure.armed = true;
    try {
      await expect(resetUserPassword(null, form({ userId: target.id, version: target.version, password: GOOD_PASSWORD }))).rejects.toThrow('audit write failed');
    } finally {
      auditFailure.armed = false;
    }
    expect(await database.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ passwordHash: 'x', mustChangePassword: false, version: target.version });
    expect(await database.db.session.count({ where: { userId: target.id } })).toBe(1);
    expect(await auditCount(database.db)).toBe(before);
  });
});
