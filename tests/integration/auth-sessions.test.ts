import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isLockedOut, recordAttempt } from '@/lib/auth/brute-force';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { AUTH_SECRET_FILE, getAuthSecret, readOrCreateAuthSecret } from '@/lib/auth/secret';
import { changeUserPassword, loadSessionUser, signInWithPassword, signOutSession } from '@/lib/auth/session-store';
import { DEMO_PASSWORD } from '@/lib/demo/accounts';
import { keepStoredAuthSecret } from '@/lib/runtime/database';
import { auditFailure } from '../support/action-harness';
import { createTestDatabase, type TestDatabase } from '../support/database';

let t: TestDatabase;
let ipCounter = 0;
/** Each test signs in from its own address, so the per-IP counter of one test never locks another. */
const request = () => ({ ipAddress: `10.0.0.${++ipCounter}`, userAgent: 'vitest' });

beforeAll(async () => {
  t = await createTestDatabase('seeded');
});
afterAll(async () => {
  await t.drop();
});
beforeEach(() => {
  delete process.env.AUTH_MAX_FAILURES_USER;
  delete process.env.AUTH_MAX_FAILURES_IP;
  delete process.env.AUTH_LOCKOUT_MINUTES;
});

const auditActions = async (since: bigint) =>
  (await t.db.auditLog.findMany({ where: { id: { gt: since } }, orderBy: { id: 'asc' } })).map((a) => [a.action, a.actorName, a.actorId]);
const lastAuditId = async () => (await t.db.auditLog.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;

describe('sign-in', () => {
  it('signs a demo user in, case-insensitively, and audits success and failure without the password', async () => {
    const since = await lastAuditId();
    const bad = await signInWithPassword(t.db, { username: 'xa.ngamy', password: 'not-the-password' }, request());
    expect(bad).toEqual({ ok: false, reason: 'invalid' });
    const good = await signInWithPassword(t.db, { username: 'XA.NgaMy', password: DEMO_PASSWORD }, request());
    expect(good.ok).toBe(true);
    const user = await t.db.user.findUniqueOrThrow({ where: { username: 'xa.ngamy' } });
    expect(await t.db.session.count({ where: { userId: user.id } })).toBeGreaterThan(0);
    const rows = await t.db.auditLog.findMany({ where: { id: { gt: since } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual(['auth.signInFailed', 'auth.signIn']);
    expect(rows[1]).toMatchObject({ actorId: user.id, actorRole: 'commune_chairman', ipAddress: expect.stringMatching(/^10\./), userAgent: 'vitest' });
    expect(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('not-the-password');
  });

  it('gives an unknown user and a wrong password the same answer, audited with the typed name truncated', async () => {
    const since = await lastAuditId();
    const unknown = await signInWithPassword(t.db, { username: 'khongtontai'.repeat(30), password: 'whatever123' }, request());
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    const [row] = await t.db.auditLog.findMany({ where: { id: { gt: since } } });
    expect(row).toMatchObject({ action: 'auth.signInFailed', actorId: null, actorRole: 'anonymous' });
    expect(row.actorName.length).toBe(100);
  });

  it('refuses empty and oversized fields without hashing', async () => {
    const started = Date.now();
    expect(await signInWithPassword(t.db, { username: '', password: 'x' }, request())).toEqual({ ok: false, reason: 'invalid' });
    expect(await signInWithPassword(t.db, { username: 'admin', password: 'x'.repeat(10 * 1024 * 1024) }, request())).toEqual({ ok: false, reason: 'invalid' });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('signs out: the session row is deleted and the sign-out audited', async () => {
    const result = await signInWithPassword(t.db, { username: 'noivu', password: DEMO_PASSWORD }, request());
    if (!result.ok) throw new Error('sign-in failed');
    const since = await lastAuditId();
    expect(await loadSessionUser(t.db, result.sessionId)).not.toBeNull();
    await signOutSession(t.db, result.sessionId, request());
    expect(await loadSessionUser(t.db, result.sessionId)).toBeNull();
    expect(await auditActions(since)).toEqual([['auth.signOut', 'noivu', result.userId]]);
  });
});

describe('brute force', () => {
  it('locks a username after 5 failures: the 6th attempt is refused even with the right password, and audited', async () => {
    const since = await lastAuditId();
    for (let i = 0; i < 5; i++) {
      expect(await signInWithPassword(t.db, { username: 'bantochuc', password: `wrong-${i}` }, request())).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await signInWithPassword(t.db, { username: 'BanToChuc', password: DEMO_PASSWORD }, request())).toEqual({ ok: false, reason: 'locked' });
    const actions = (await auditActions(since)).map((a) => a[0]);
    expect(actions.filter((a) => a === 'auth.signInFailed')).toHaveLength(5);
    expect(actions.at(-1)).toBe('auth.signInLocked');
  });

  it('takes its thresholds from the environment', async () => {
    process.env.AUTH_MAX_FAILURES_USER = '2';
    await signInWithPassword(t.db, { username: 'xa.bacly', password: 'wrong-1' }, request());
    expect(await signInWithPassword(t.db, { username: 'xa.bacly', password: DEMO_PASSWORD }, request())).toMatchObject({ ok: true });
    await signInWithPassword(t.db, { username: 'xa.bacly', password: 'wrong-2' }, request());
    await signInWithPassword(t.db, { username: 'xa.bacly', password: 'wrong-3' }, request());
    expect(await signInWithPassword(t.db, { username: 'xa.bacly', password: DEMO_PASSWORD }, request())).toEqual({ ok: false, reason: 'locked' });
  });

  it('locks an IP address after 20 failures across usernames', async () => {
    const ip = { ipAddress: '192.0.2.77', userAgent: 'vitest' };
    for (let i = 0; i < 20; i++) await recordAttempt(t.db, `someone${i}`, ip.ipAddress, false);
    expect(await signInWithPassword(t.db, { username: 'so.noivu', password: DEMO_PASSWORD }, ip)).toEqual({ ok: false, reason: 'locked' });
    expect(await signInWithPassword(t.db, { username: 'so.noivu', password: DEMO_PASSWORD }, request())).toMatchObject({ ok: true });
  });

  it('counts only failures within the last 15 minutes', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 16 * 60_000);
    for (let i = 0; i < 5; i++) await recordAttempt(t.db, 'xa.hoaquan', '192.0.2.1', false, old);
    expect(await isLockedOut(t.db, 'xa.hoaquan', '192.0.2.2', now)).toBe(false);
    await recordAttempt(t.db, 'xa.hoaquan', '192.0.2.1', false, new Date(now.getTime() - 14 * 60_000));
    for (let i = 0; i < 4; i++) await recordAttempt(t.db, 'xa.hoaquan', '192.0.2.1', false, now);
    expect(await isLockedOut(t.db, 'xa.hoaquan', '192.0.2.2', now)).toBe(true);
    expect(await isLockedOut(t.db, 'xa.hoaquan', '192.0.2.2', new Date(now.getTime() + 15 * 60_000))).toBe(false);
  });
});

describe('sessions', () => {
  it('ends 8 hours after sign-in, whatever the activity', async () => {
    const signedInAt = new Date();
    const result = await signInWithPassword(t.db, { username: 'thuongtruc', password: DEMO_PASSWORD }, request(), signedInAt);
    if (!result.ok) throw new Error('sign-in failed');
    const at = (minutes: number) => new Date(signedInAt.getTime() + minutes * 60_000);
    // A request every half hour keeps it from ending idle (tests/integration/session-lifetime.test.ts).
    for (let minutes = 30; minutes < 8 * 60; minutes += 30) await loadSessionUser(t.db, result.sessionId, at(minutes));
    expect(await loadSessionUser(t.db, result.sessionId, at(8 * 60 - 1))).toMatchObject({ username: 'thuongtruc', role: 'standing_committee' });
    expect(await loadSessionUser(t.db, result.sessionId, at(8 * 60))).toBeNull();
  });

  it('stops working at the next request once its user is deactivated', async () => {
    const result = await signInWithPassword(t.db, { username: 'xa.ngamy', password: DEMO_PASSWORD }, request());
    if (!result.ok) throw new Error('sign-in failed');
    expect(await loadSessionUser(t.db, result.sessionId)).toMatchObject({ communeId: expect.any(Number) });
    await t.db.user.update({ where: { id: result.userId }, data: { isActive: false } });
    expect(await loadSessionUser(t.db, result.sessionId)).toBeNull();
    expect(await signInWithPassword(t.db, { username: 'xa.ngamy', password: DEMO_PASSWORD }, request())).toEqual({ ok: false, reason: 'invalid' });
    await t.db.user.update({ where: { id: result.userId }, data: { isActive: true } });
  });

  it('returns null for an unknown or absurd session id', async () => {
    expect(await loadSessionUser(t.db, 'forged')).toBeNull();
    expect(await loadSessionUser(t.db, 'x'.repeat(1000))).toBeNull();
  });
});

describe('password change', () => {
  it('checks the rules, clears must-change, ends the other sessions only, and is audited', async () => {
    const admin = await t.db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    await t.db.user.update({ where: { id: admin.id }, data: { mustChangePassword: true } });
    const first = await signInWithPassword(t.db, { username: 'admin', password: DEMO_PASSWORD }, request());
    const second = await signInWithPassword(t.db, { username: 'admin', password: DEMO_PASSWORD }, request());
    if (!first.ok || !second.ok) throw new Error('sign-in failed');
    const user = (await loadSessionUser(t.db, first.sessionId))!;
    expect(user.mustChangePassword).toBe(true);

    const attempt = (currentPassword: string, newPassword: string, confirmPassword = newPassword) =>
      changeUserPassword(t.db, user, { currentPassword, newPassword, confirmPassword }, request());
    expect(await attempt('wrong', 'Một mật khẩu dài 2025')).toMatchObject({ ok: false, fieldErrors: { currentPassword: 'auth.password.currentWrong' } });
    expect(await attempt(DEMO_PASSWORD, 'short')).toMatchObject({ ok: false, fieldErrors: { newPassword: 'auth.password.tooShort' } });
    expect(await attempt(DEMO_PASSWORD, 'matkhau123')).toMatchObject({ ok: false, fieldErrors: { newPassword: 'auth.password.common' } });
    expect(await attempt(DEMO_PASSWORD, 'ADMIN-pass-2025')).toMatchObject({ ok: false, fieldErrors: { newPassword: 'auth.password.containsUsername' } });
    expect(await attempt(DEMO_PASSWORD, 'Một mật khẩu dài 2025', 'khác')).toMatchObject({ ok: false, fieldErrors: { confirmPassword: 'auth.password.mismatch' } });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash).toBe(admin.passwordHash);

    const since = await lastAuditId();
    expect(await attempt(DEMO_PASSWORD, 'Một mật khẩu dài 2025')).toMatchObject({ ok: true });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(after.mustChangePassword).toBe(false);
    expect(await verifyPassword(after.passwordHash, 'Một mật khẩu dài 2025')).toBe(true);
    expect(await loadSessionUser(t.db, first.sessionId)).toMatchObject({ mustChangePassword: false });
    expect(await loadSessionUser(t.db, second.sessionId)).toBeNull();
    expect(await auditActions(since)).toEqual([['user.passwordChanged', 'admin', admin.id]]);

    await t.db.user.update({ where: { id: admin.id }, data: { passwordHash: await hashPassword(DEMO_PASSWORD) } });
  });
});

describe('when the audit record cannot be written', () => {
  const counts = async (userId: number) => ({
    sessions: await t.db.session.count({ where: { userId } }),
    attempts: await t.db.signInAttempt.count(),
    audit: await t.db.auditLog.count(),
  });
  async function armed<T>(work: () => Promise<T>): Promise<T> {
    auditFailure.armed = true;
    try {
      return await work();
    } finally {
      auditFailure.armed = false;
    }
  }

  it('a sign-in, good or bad, writes no attempt, no session and no record', async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { username: 'noivu' } });
    const before = await counts(user.id);
    await expect(armed(() => signInWithPassword(t.db, { username: 'noivu', password: DEMO_PASSWORD }, request()))).rejects.toThrow('audit write failed');
    await expect(armed(() => signInWithPassword(t.db, { username: 'noivu', password: 'sai-mat-khau' }, request()))).rejects.toThrow('audit write failed');
    expect(await counts(user.id)).toEqual(before);
  });

  it('a sign-out keeps the session; a password change keeps the password and the other sessions', async () => {
    const admin = await t.db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const first = await signInWithPassword(t.db, { username: 'admin', password: DEMO_PASSWORD }, request());
    const second = await signInWithPassword(t.db, { username: 'admin', password: DEMO_PASSWORD }, request());
    if (!first.ok || !second.ok) throw new Error('sign-in failed');
    const user = (await loadSessionUser(t.db, first.sessionId))!;
    const before = await counts(admin.id);

    await expect(armed(() => signOutSession(t.db, second.sessionId, request()))).rejects.toThrow('audit write failed');
    expect(await loadSessionUser(t.db, second.sessionId)).not.toBeNull();

    const change = { currentPassword: DEMO_PASSWORD, newPassword: 'Một mật khẩu khác 2026', confirmPassword: 'Một mật khẩu khác 2026' };
    await expect(armed(() => changeUserPassword(t.db, user, change, request()))).rejects.toThrow('audit write failed');
    expect(await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ passwordHash: admin.passwordHash, version: admin.version, passwordChangedAt: admin.passwordChangedAt });
    expect(await loadSessionUser(t.db, second.sessionId)).not.toBeNull();
    expect(await counts(admin.id)).toEqual(before);
  });
});

describe('audit trail and secret', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on audit_log: a permission error for the app, the append-only guards for the owner', async () => {
    await signInWithPassword(t.db, { username: 'nobody', password: 'whatever123' }, request());
    const before = await t.db.auditLog.count();
    expect(before).toBeGreaterThan(0);
    await expect(t.db.$executeRawUnsafe(`UPDATE audit_log SET actor_name = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
    await expect(t.db.$executeRawUnsafe(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    await expect(t.db.auditLog.deleteMany({})).rejects.toThrow();
    const owner = new pg.Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      await expect(owner.query(`UPDATE audit_log SET actor_name = 'x'`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
    expect(await t.db.auditLog.count()).toBe(before);
  });

  describe('the key that signs session cookies', () => {
    const saved = process.env.AUTH_SECRET;
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-secret-'));
    });
    afterEach(() => {
      fs.rmSync(dir, { recursive: true, force: true });
      if (saved === undefined) delete process.env.AUTH_SECRET;
      else process.env.AUTH_SECRET = saved;
    });
    const fileMode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

    it('is created once in a file only its owner can read, and read back unchanged by every later caller', () => {
      const file = path.join(dir, AUTH_SECRET_FILE);
      const first = readOrCreateAuthSecret(file);
      expect(first.length).toBeGreaterThanOrEqual(40);
      expect(fileMode(file)).toBe('600');
      expect(readOrCreateAuthSecret(file)).toBe(first);
      expect(fs.readdirSync(path.dirname(file))).toEqual(['auth-secret']);
    });

    it('a file readable by others is tightened to 0600; a key shorter than 32 characters is refused', () => {
      const file = path.join(dir, 'auth-secret');
      fs.writeFileSync(file, 'x'.repeat(40) + '\n', { mode: 0o644 });
      expect(readOrCreateAuthSecret(file)).toBe('x'.repeat(40));
      expect(fileMode(file)).toBe('600');
      fs.writeFileSync(file, 'short\n');
      expect(() => readOrCreateAuthSecret(file)).toThrow(file);
    });

    it('AUTH_SECRET wins over the file', () => {
      process.env.AUTH_SECRET = 'e'.repeat(44);
      expect(getAuthSecret()).toBe('e'.repeat(44));
    });

    it('no table holds it; the key an earlier version stored in app_secret is written to the file once, never over an existing one', async () => {
      expect(await t.db.$queryRawUnsafe(`SELECT to_regclass('public.app_secret')::text AS t`)).toEqual([{ t: null }]);
      const legacy = await createTestDatabase('empty');
      try {
        const owner = new pg.Client({ connectionString: legacy.ownerUrl });
        await owner.connect();
        try {
          await owner.query(`CREATE TABLE app_secret (key text PRIMARY KEY, value text NOT NULL)`);
          await owner.query(`INSERT INTO app_secret VALUES ('auth_secret', $1)`, ['k'.repeat(43)]);
        } finally {
          await owner.end();
        }
        const file = path.join(dir, AUTH_SECRET_FILE);
        expect(await keepStoredAuthSecret(legacy.ownerUrl, file)).toBe(true);
        expect(fs.readFileSync(file, 'utf8').trim()).toBe('k'.repeat(43));
        expect(fileMode(file)).toBe('600');
        fs.writeFileSync(file, 'n'.repeat(43));
        expect(await keepStoredAuthSecret(legacy.ownerUrl, file)).toBe(false);
        expect(fs.readFileSync(file, 'utf8')).toBe('n'.repeat(43));
        expect(await keepStoredAuthSecret(t.ownerUrl, path.join(dir, 'other'))).toBe(false);
        expect(fs.existsSync(path.join(dir, 'other'))).toBe(false);
      } finally {
        await legacy.drop();
      }
    });
  });
});
