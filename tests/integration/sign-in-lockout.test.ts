import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInWithPassword, type SignInResult } from '@/lib/auth/session-store';
import { DEMO_PASSWORD } from '@/lib/demo/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';

// The lock-out under parallel attempts (docs/decisions/007-sessions-in-postgresql-behind-next-auth.md, and
// docs/decisions/034-trusted-proxies-and-the-client-address.md): checking the counters and counting the attempt are
// one step in PostgreSQL, so attempts sent together never get more password checks than the limit, per username
// and per client address. Attempts refused during a lock-out are audited as `auth.signInLocked`.

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase('seeded');
});
afterAll(async () => {
  await t.drop();
});
beforeEach(() => {
  delete process.env.AUTH_MAX_FAILURES_USER;
  delete process.env.AUTH_MAX_FAILURES_IP;
});

const lastAuditId = async () => (await t.db.auditLog.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;
async function auditSince(since: bigint) {
  const rows = await t.db.auditLog.findMany({ where: { id: { gt: since } }, orderBy: { id: 'asc' } });
  const count = (action: string) => rows.filter((r) => r.action === action).length;
  return { rows, failed: count('auth.signInFailed'), locked: count('auth.signInLocked'), signedIn: count('auth.signIn') };
}
const attempt = (username: string, password: string, ipAddress: string) => signInWithPassword(t.db, { username, password }, { ipAddress, userAgent: 'vitest' });
const outcomes = (results: SignInResult[]) => ({
  ok: results.filter((r) => r.ok).length,
  invalid: results.filter((r) => !r.ok && r.reason === 'invalid').length,
  locked: results.filter((r) => !r.ok && r.reason === 'locked').length,
});

describe('attempts sent together', () => {
  it('20 wrong passwords for one username at once: exactly 5 are checked, 15 refused and audited as locked', async () => {
    const since = await lastAuditId();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt('bantochuc', `sai-mat-khau-${i}`, `198.51.100.${i + 1}`)));
    expect(outcomes(results)).toEqual({ ok: 0, invalid: 5, locked: 15 });
    const audit = await auditSince(since);
    expect({ failed: audit.failed, locked: audit.locked }).toEqual({ failed: 5, locked: 15 });
    expect(audit.rows.filter((r) => r.action === 'auth.signInLocked').map((r) => r.after)).toEqual(Array.from({ length: 15 }, () => ({ lockedBy: 'username' })));
    expect(await t.db.signInAttempt.count({ where: { username: 'bantochuc' } })).toBe(5);
  });

  it('20 wrong passwords from one address across usernames: exactly the address limit are checked', async () => {
    process.env.AUTH_MAX_FAILURES_IP = '5';
    const since = await lastAuditId();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(`khongco${i}`, 'sai-mat-khau', '192.0.2.200')));
    expect(outcomes(results)).toEqual({ ok: 0, invalid: 5, locked: 15 });
    const audit = await auditSince(since);
    expect({ failed: audit.failed, locked: audit.locked }).toEqual({ failed: 5, locked: 15 });
    expect(audit.rows.find((r) => r.action === 'auth.signInLocked')?.after).toEqual({ lockedBy: 'address' });
    expect(await t.db.signInAttempt.count({ where: { ipAddress: '192.0.2.200' } })).toBe(5);
  });

  it('the right password sent after 5 wrong ones still being checked is refused: they already count', async () => {
    // Every attempt is held at the counters' table until all six have started, as when they arrive together; the
    // right password starts last. Checked one after another, the lock-out must stop it.
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    // Inside the holder's transaction the activity view is a snapshot, cleared before each look.
    const waiting = async () => {
      await holder.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await holder.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      return rows[0].n;
    };
    const until = async (n: number) => {
      const deadline = Date.now() + 15_000;
      while ((await waiting()) < n) {
        if (Date.now() > deadline) throw new Error(`fewer than ${n} attempts waited on the counters`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const since = await lastAuditId();
    let results: SignInResult[];
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE sign_in_attempt IN ACCESS EXCLUSIVE MODE');
      const wrong = Array.from({ length: 5 }, (_, i) => attempt('thuongtruc', `sai-${i}`, `198.51.101.${i + 1}`));
      await until(5);
      const right = attempt('thuongtruc', DEMO_PASSWORD, '198.51.101.99');
      await until(6);
      await holder.query('COMMIT');
      results = await Promise.all([...wrong, right]);
    } finally {
      await holder.query('ROLLBACK').catch(() => {});
      await holder.end();
    }
    expect(results.at(-1)).toEqual({ ok: false, reason: 'locked' });
    expect(outcomes(results)).toEqual({ ok: 0, invalid: 5, locked: 1 });
    const user = await t.db.user.findUniqueOrThrow({ where: { username: 'thuongtruc' } });
    expect(await t.db.session.count({ where: { userId: user.id, createdAt: { gt: new Date(Date.now() - 60_000) } } })).toBe(0);
    expect(await auditSince(since)).toMatchObject({ failed: 5, locked: 1, signedIn: 0 });
  });
});
