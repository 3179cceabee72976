'use server';

import { signOut } from '@/auth';
import { getSessionUser } from '@/lib/auth/current-user';
import { getRequestContext } from '@/lib/auth/request-context';
import { signOutSession } from '@/lib/auth/session-store';
import { db } from '@/lib/db/client';

/** Deletes the session row (audited `auth.signOut`), clears the cookie and returns to the sign-in page. */
export async function signOutAction(): Promise<void> {
  const user = await getSessionUser();
  if (user) await signOutSession(db(), user.sessionId, await getRequestContext());
  await signOut({ redirectTo: '/sign-in' });
}
