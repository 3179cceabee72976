import { randomBytes } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
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
