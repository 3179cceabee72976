import { randomBytes } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from './prisma';

// The writes of sign-in and sessions (lib/auth/session-store.ts, lib/auth/brute-force.ts and the user
// administration), each in the caller's transaction, which writes the audit record. No `server-only` guard:
// the session store runs under Auth.js and in the tests.

type Client = Db | Prisma.TransactionClient;

/** A session row for `userId`, valid until `expiresAt`; returns its id (random, the JWT carries only it). */
export async function insertSession(
  tx: Client,
  input: { userId: number; now: Date; expiresAt: Date; ipAddress: string | null; userAgent: string | null },
): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await tx.session.create({
    data: {
      id,
      userId: input.userId,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: input.expiresAt,
      ipAddress: input.ipAddress?.slice(0, 100) ?? null,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    },
  });
  return id;
}

/**
 * Moves a session's last request forward, only when the one recorded is older than `staleBefore`: reading a page
 * writes nothing else, and this at most once every few minutes per session (docs/architecture.md, Conventions).
 */
export async function touchSession(tx: Client, input: { sessionId: string; now: Date; staleBefore: Date }): Promise<void> {
  await tx.session.updateMany({ where: { id: input.sessionId, lastSeenAt: { lt: input.staleBefore } }, data: { lastSeenAt: input.now } });
}

/** Ends every session of a user except `keepSessionId`; returns how many ended. */
export async function deleteUserSessions(tx: Client, userId: number, keepSessionId?: string): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId, ...(keepSessionId ? { NOT: { id: keepSessionId } } : {}) } });
  return count;
}

/** Ends one session (sign-out). */
export async function deleteSession(tx: Client, sessionId: string): Promise<void> {
  await tx.session.delete({ where: { id: sessionId } });
}

/** One sign-in attempt, as the lock-out counts it (username normalised and IP key given by lib/auth/brute-force.ts). */
export async function insertSignInAttempt(tx: Client, input: { username: string; ipAddress: string; succeeded: boolean; at: Date }): Promise<void> {
  await tx.signInAttempt.create({ data: input });
}

/** The failures the lock-out counts (lib/auth/brute-force.ts): for the username since its last success, and from the address. */
export function signInFailureCounts(input: { username: string; ipAddress: string; since: Date }): Prisma.Sql {
  const { username, ipAddress, since } = input;
  return Prisma.sql`
    SELECT
      (SELECT count(*)::int FROM sign_in_attempt a
        WHERE a.username = ${username} AND NOT a.succeeded AND a.at > ${since}
          AND a.at > coalesce((SELECT max(s.at) FROM sign_in_attempt s WHERE s.username = ${username} AND s.succeeded AND s.at > ${since}), '-infinity')
      ) AS user_failures,
      (SELECT count(*)::int FROM sign_in_attempt WHERE ip_address = ${ipAddress} AND NOT succeeded AND at > ${since}) AS ip_failures`;
}

export type AttemptReservation = { id: bigint } | { lockedBy: 'username' | 'address' };

/**
 * Checks the counters and counts the attempt in one step: under a transaction-level advisory lock on the username
 * and one on the address (always in that order), the attempt is inserted as a failure only while both counts are
 * below their limits. Attempts sent together are thus counted one after another, before any password is checked;
 * the one that turns out right is marked a success afterwards (`markSignInSucceeded`). Run it in its own short
 * transaction, so that the next attempt sees it as soon as it is counted.
 */
export async function reserveSignInAttempt(
  tx: Prisma.TransactionClient,
  input: { username: string; ipAddress: string; at: Date; since: Date; maxPerUser: number; maxPerIp: number },
): Promise<AttemptReservation> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('bien-che:sign-in:username'), hashtext(${input.username}))`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('bien-che:sign-in:address'), hashtext(${input.ipAddress}))`;
  const [row] = await tx.$queryRaw<{ user_failures: number; ip_failures: number; id: bigint | null }[]>`
    WITH counts AS (${signInFailureCounts(input)}),
    counted AS (
      INSERT INTO sign_in_attempt (username, ip_address, succeeded, at)
      SELECT ${input.username}, ${input.ipAddress}, false, ${input.at} FROM counts
       WHERE user_failures < ${input.maxPerUser} AND ip_failures < ${input.maxPerIp}
      RETURNING id)
    SELECT user_failures, ip_failures, (SELECT id FROM counted) AS id FROM counts`;
  if (row.id !== null) return { id: row.id };
  return { lockedBy: row.user_failures >= input.maxPerUser ? 'username' : 'address' };
}

/** The counted attempt's password was right: it is a success, which ends the username's run of failures. */
export async function markSignInSucceeded(tx: Client, attemptId: bigint): Promise<void> {
  await tx.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}

/** Takes back a counted attempt whose outcome could not be recorded (its audit write failed): nothing of it stays. */
export async function deleteSignInAttempt(tx: Client, attemptId: bigint): Promise<void> {
  await tx.signInAttempt.deleteMany({ where: { id: attemptId } });
}
