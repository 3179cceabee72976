import type { Db } from '@/lib/db/prisma';
import { insertSignInAttempt } from '@/lib/db/session-mutations';
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

/**
 * Whether further sign-ins are refused: too many failures for this username since its last success, or
 * from this IP address, within the window. The counters are rows in PostgreSQL, shared by every instance.
 * Refused attempts are not counted, so a lock-out ends one window after the last real failure.
 */
export async function isLockedOut(db: Client, username: string, ipAddress: string | null, now = new Date(), settings = lockoutSettings()): Promise<boolean> {
  const since = new Date(now.getTime() - settings.windowMinutes * 60_000);
  const name = normalizeUsername(username);
  const [row] = await db.$queryRaw<{ user_failures: number; ip_failures: number }[]>`
    SELECT
      (SELECT count(*)::int FROM sign_in_attempt a
        WHERE a.username = ${name} AND NOT a.succeeded AND a.at > ${since}
          AND a.at > coalesce((SELECT max(s.at) FROM sign_in_attempt s WHERE s.username = ${name} AND s.succeeded AND s.at > ${since}), '-infinity')
      ) AS user_failures,
      (SELECT count(*)::int FROM sign_in_attempt WHERE ip_address = ${ipKey(ipAddress)} AND NOT succeeded AND at > ${since}) AS ip_failures`;
  return row.user_failures >= settings.maxFailuresPerUser || row.ip_failures >= settings.maxFailuresPerIp;
}

export async function recordAttempt(db: Client, username: string, ipAddress: string | null, succeeded: boolean, at = new Date()): Promise<void> {
  await insertSignInAttempt(db, { username: normalizeUsername(username), ipAddress: ipKey(ipAddress), succeeded, at });
}
