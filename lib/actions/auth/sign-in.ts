'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/auth';
import { safeCallbackPath } from '@/lib/auth/safe-callback';
import { MAX_CREDENTIAL_LENGTH } from '@/lib/auth/password';
import { fail, type ActionResult } from '@/lib/actions/result';

/** A refusal keeps the username typed (`values`), never the password. */
const refuse = (key: string, username: string): ActionResult => fail(key, { values: { username } });

/**
 * The sign-in form's action (works without JavaScript). Bounds the input before anything is hashed, then
 * lets next-auth run the Credentials provider; success redirects to the validated callback path.
 */
export async function signInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const username = formData.get('username');
  const password = formData.get('password');
  if (typeof username !== 'string' || typeof password !== 'string' || !username.trim() || !password) {
    return refuse('auth.signIn.missing', typeof username === 'string' ? username.slice(0, MAX_CREDENTIAL_LENGTH) : '');
  }
  if (username.length > MAX_CREDENTIAL_LENGTH || password.length > MAX_CREDENTIAL_LENGTH) {
    return refuse('auth.signIn.tooLong', '');
  }
  // With no page to come back to, each user lands on his own place (/home: a chairman's commune, …).
  const callback = safeCallbackPath(formData.get('callbackUrl'));
  const redirectTo = callback === '/' ? '/home' : callback;
  try {
    await signIn('credentials', { username: username.normalize('NFC'), password, redirectTo });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return refuse(error.code === 'locked' ? 'auth.signIn.locked' : 'auth.signIn.invalid', username.trim());
    }
    if (error instanceof AuthError) return refuse('auth.signIn.failed', username.trim());
    throw error; // Next's redirect after a successful sign-in
  }
  return refuse('auth.signIn.failed', username.trim());
}
