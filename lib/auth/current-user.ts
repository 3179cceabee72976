import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { db } from '@/lib/db/client';
import type { SessionUser } from './roles';
import { PATH_HEADER } from './security-headers';
import { sameOriginPath } from './safe-callback';
import { loadSessionUser } from './session-store';

export { PATH_HEADER };
export const CHANGE_PASSWORD_PATH = '/account/password';

/**
 * The signed-in user, checked against the database on every request (once per request: React cache):
 * the session row must exist and be within its absolute 8-hour expiry, and its user active.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  let sessionId: unknown;
  try {
    const session = (await auth()) as { sessionId?: unknown } | null;
    sessionId = session?.sessionId;
  } catch {
    return null;
  }
  if (typeof sessionId !== 'string') return null;
  return loadSessionUser(db(), sessionId);
});

/** Where the current request was going (set by the proxy), a same-origin path. */
export async function currentPath(): Promise<string> {
  return sameOriginPath((await headers()).get(PATH_HEADER)) ?? '/';
}

/**
 * For pages and their data loaders: the signed-in user, or a redirect to sign-in (coming back here
 * afterwards); a user who must change the password is sent to that page first.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  const path = await currentPath();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (user.mustChangePassword && !path.startsWith(CHANGE_PASSWORD_PATH)) redirect(CHANGE_PASSWORD_PATH);
  return user;
}
