import type { Db } from '@/lib/db/prisma';
import { insertSignInAttempt, reserveSignInAttempt, signInFailureCounts, type AttemptReservation } from '@/lib/db/session-mutations';
import type { Prisma } from '@/lib/generated/prisma/client';
import { MAX_CREDENTIAL_LENGTH } from './password';
import { env } from '@/lib/env';

type Client = Db | Prisma.TransactionClient;

export type LockoutSettings = { maxFailuresPerUser: number; maxFailuresPerIp: number; windowMinutes: number };

/** 5 failures per username or 20 per IP address within 15 minutes; lowered by tests through the environment. */
export function lockoutSettings(): LockoutSettings {
  return {
    maxFailuresPerUser: env.AUTH_MAX_FAILURES_USER,
    maxFailuresPerIp: env.AUTH_MAX_FAILURES_IP,
    windowMinutes: env.AUTH_LOCKOUT_MINUTES,
  };
}

/** Usernames are compared case-insensitively (app_user has a unique index on lower(username)). */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase().slice(0, MAX_CREDENTIAL_LENGTH);
}

const ipKey = (ipAddress: string | null) => (ipAddress ?? 'unknown').slice(0, 100);
const windowStart = (now: Date, settings: LockoutSettings) => new Date(now.getTime() - settings.windowMinutes * 60_000);

/**
 * Whether further sign-ins are refused: too many failures for this username since its last success, or
 * from this IP address, within the window. The counters are rows in PostgreSQL, shared by every instance.
 * Refused attempts are not counted, so a lock-out ends one window after the last real failure.
 */
export async function isLockedOut(db: Client, username: string, ipAddress: string | null, now = new Date(), settings = lockoutSettings()): Promise<boolean> {
  const [row] = await db.$queryRaw<{ user_failures: number; ip_failures: number }[]>(
    signInFailureCounts({ username: normalizeUsername(username), ipAddress: ipKey(ipAddress), since: windowStart(now, settings) }),
  );
  return row.user_failures >= settings.maxFailuresPerUser || row.ip_failures >= settings.maxFailuresPerIp;
}

/**
 * The lock-out's check and the attempt's count as one step (lib/db/session-mutations.ts `reserveSignInAttempt`):
 * the attempt is counted as a failure before its password is checked, or refused when a counter is at its limit.
 * Parallel attempts therefore never get more password checks than the limit, per username and per address.
 */
export async function countAttempt(db: Db, username: string, ipAddress: string | null, now = new Date(), settings = lockoutSettings()): Promise<AttemptReservation> {
  return db.$transaction((tx) =>
    reserveSignInAttempt(tx, {
      username: normalizeUsername(username),
      ipAddress: ipKey(ipAddress),
      at: now,
      since: windowStart(now, settings),
      maxPerUser: settings.maxFailuresPerUser,
      maxPerIp: settings.maxFailuresPerIp,
    }),
  );
}

/** An attempt recorded as it was (the tests' way of setting the counters). */
export async function recordAttempt(db: Client, username: string, ipAddress: string | null, succeeded: boolean, at = new Date()): Promise<void> {
  await insertSignInAttempt(db, { username: normalizeUsername(username), ipAddress: ipKey(ipAddress), succeeded, at });
}
