import { randomBytes } from 'node:crypto';
import { fail, ok, type ActionResult } from '@/lib/actions/result';
import { recordAudit, type AuditActor, type RequestContext } from '@/lib/db/audit-writer';
import type { Db } from '@/lib/db/prisma';
import { deleteSession, deleteSignInAttempt, deleteUserSessions, insertSession, markSignInSucceeded, touchSession } from '@/lib/db/session-mutations';
import { env } from '@/lib/env';
import { changeOwnPassword } from '@/lib/db/user-mutations';
import { countAttempt, normalizeUsername } from './brute-force';
import { hashPassword, MAX_CREDENTIAL_LENGTH, validateNewPassword, verifyPassword } from './password';
import type { Role, SessionUser } from './roles';

// The server side of a session: the JWT cookie carries only the id of a `session` row, and every request
// loads that row with its user. Every function takes the database, so tests run without Next.js.

export const SESSION_HOURS = 8;
export const SESSION_MAX_AGE_SECONDS = SESSION_HOURS * 3600;
/** A request records itself in `last_seen_at` only when the value is older than this (a write on a GET, kept rare). */
export const LAST_SEEN_RESOLUTION_MINUTES = 5;

const actorOf = (user: { id: number; username: string; role: string; provinceId: number }): AuditActor => ({
  id: user.id,
  name: user.username,
  role: user.role,
  provinceId: user.provinceId,
});

/**
 * The signed-in user of a session, or null when the row is gone, past its absolute expiry, idle for
 * SESSION_IDLE_MINUTES since its last request, or its user inactive. The last request is recorded in
 * `last_seen_at` when the value is more than 5 minutes old, so a session may end up to 5 minutes early.
 */
export async function loadSessionUser(db: Db, sessionId: string, now = new Date()): Promise<SessionUser | null> {
  if (!sessionId || sessionId.length > 100) return null;
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session || session.expiresAt <= now || !session.user.isActive) return null;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (idleSince >= env.SESSION_IDLE_MINUTES * 60_000) return null;
  if (idleSince > LAST_SEEN_RESOLUTION_MINUTES * 60_000) {
    await touchSession(db, { sessionId, now, staleBefore: new Date(now.getTime() - LAST_SEEN_RESOLUTION_MINUTES * 60_000) });
  }
  const { user } = session;
  return {
    id: user.id,
    sessionId: session.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    provinceId: user.provinceId,
    communeId: user.communeId,
    departmentId: user.departmentId,
    mustChangePassword: user.mustChangePassword,
  };
}

let dummyHash: Promise<string> | undefined;
/** Unknown usernames still cost one argon2 verification, so timing does not tell which usernames exist. */
const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

export type SignInResult = { ok: true; sessionId: string; userId: number } | { ok: false; reason: 'invalid' | 'locked' };

/**
 * Counts the attempt first, checking the lock-out in the same step (lib/auth/brute-force.ts `countAttempt`): a
 * refused attempt never verifies the password and is audited `auth.signInLocked`. Then the password (NFC, as it
 * was when set); the attempt stays a failure (`auth.signInFailed`) or becomes the success that creates the session
 * row (`auth.signIn`). When the outcome's audit record cannot be written, the attempt is taken back too. The typed
 * username is stored truncated, the password never.
 */
export async function signInWithPassword(
  db: Db,
  input: { username: string; password: string },
  request: RequestContext,
  now = new Date(),
): Promise<SignInResult> {
  const typed = input.username.trim().slice(0, MAX_CREDENTIAL_LENGTH);
  const anonymous: AuditActor = { id: null, name: typed.slice(0, 100), role: 'anonymous', provinceId: null };
  if (!typed || !input.password || input.password.length > MAX_CREDENTIAL_LENGTH) return { ok: false, reason: 'invalid' };

  const counted = await countAttempt(db, typed, request.ipAddress, now);
  if (!('id' in counted)) {
    await db.$transaction((tx) =>
      recordAudit(tx, anonymous, request, { action: 'auth.signInLocked', entityType: 'user', entityId: null, after: { lockedBy: counted.lockedBy } }),
    );
    return { ok: false, reason: 'locked' };
  }
  try {
    return await checkPassword(db, typed, input.password, counted.id, anonymous, request, now);
  } catch (error) {
    await deleteSignInAttempt(db, counted.id).catch(() => undefined);
    throw error;
  }
}

async function checkPassword(db: Db, typed: string, password: string, attemptId: bigint, anonymous: AuditActor, request: RequestContext, now: Date): Promise<SignInResult> {
  const name = normalizeUsername(typed);
  const [found] = await db.$queryRaw<{ id: number }[]>`SELECT id FROM app_user WHERE lower(username) = ${name}`;
  const user = found ? await db.user.findUnique({ where: { id: found.id } }) : null;
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);

  if (!user || !valid || !user.isActive) {
    await db.$transaction((tx) =>
      recordAudit(tx, user ? { ...actorOf(user), name: typed.slice(0, 100) } : anonymous, request, {
        action: 'auth.signInFailed',
        entityType: 'user',
        entityId: user?.id ?? null,
      }),
    );
    return { ok: false, reason: 'invalid' };
  }

  const sessionId = await db.$transaction(async (tx) => {
    await markSignInSucceeded(tx, attemptId);
    const id = await insertSession(tx, {
      userId: user.id,
      now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      ipAddress: request.ipAddress,
      userAgent: request.userAgent,
    });
    await recordAudit(tx, actorOf(user), request, { action: 'auth.signIn', entityType: 'user', entityId: user.id });
    return id;
  });
  return { ok: true, sessionId, userId: user.id };
}

/** Deletes the session row and audits the sign-out (nothing when the session is already gone). */
export async function signOutSession(db: Db, sessionId: string, request: RequestContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: sessionId }, include: { user: true } });
    if (!session) return;
    await deleteSession(tx, sessionId);
    await recordAudit(tx, actorOf(session.user), request, { action: 'auth.signOut', entityType: 'user', entityId: session.userId });
  });
}

export type ChangePasswordInput = { currentPassword: string; newPassword: string; confirmPassword: string };

/**
 * Verifies the current password, applies the password rules, stores the new hash, clears
 * must_change_password and ends the user's other sessions, with an audit row, in one transaction.
 */
export async function changeUserPassword(db: Db, user: SessionUser, input: ChangePasswordInput, request: RequestContext): Promise<ActionResult> {
  const stored = await db.user.findUnique({ where: { id: user.id } });
  if (!stored || !stored.isActive) return fail('errors.unauthenticated');
  if (!(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    return fail('errors.validation', { fieldErrors: { currentPassword: 'auth.password.currentWrong' } });
  }
  const rule = validateNewPassword(input.newPassword, stored.username);
  if (rule) return fail('errors.validation', { fieldErrors: { newPassword: rule } });
  if (input.newPassword !== input.confirmPassword) return fail('errors.validation', { fieldErrors: { confirmPassword: 'auth.password.mismatch' } });
  if (await verifyPassword(stored.passwordHash, input.newPassword)) {
    return fail('errors.validation', { fieldErrors: { newPassword: 'auth.password.sameAsCurrent' } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await changeOwnPassword(tx, { userId: user.id, passwordHash });
    const revoked = await deleteUserSessions(tx, user.id, user.sessionId);
    await recordAudit(tx, actorOf(stored), request, {
      action: 'user.passwordChanged',
      entityType: 'user',
      entityId: user.id,
      before: { mustChangePassword: stored.mustChangePassword },
      after: { mustChangePassword: false, otherSessionsEnded: revoked },
    });
  });
  return ok(undefined, 'auth.password.changed');
}
