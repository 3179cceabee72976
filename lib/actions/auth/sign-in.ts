'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/auth';
import { safeCallbackPath } from '@/lib/auth/current-user';
import { MAX_CREDENTIAL_LENGTH } from '@/lib/auth/password';

export type SignInState = { error: string; username: string } | null;

/**
 * The sign-in form's action (works without JavaScript). Bounds the input before anything is hashed, then
 * lets next-auth run the Credentials provider; success redirects to the validated callback path.
 */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const username = formData.get('username');
  const password = formData.get('password');
  if (typeof username !== 'string' || typeof password !== 'string' || !username.trim() || !password) {
    return { error: 'auth.signIn.missing', username: typeof username === 'string' ? username.slice(0, MAX_CREDENTIAL_LENGTH) : '' };
  }
  if (username.length > MAX_CREDENTIAL_LENGTH || password.length > MAX_CREDENTIAL_LENGTH) {
    return { error: 'auth.signIn.tooLong', username: '' };
  }
  const redirectTo = safeCallbackPath(formData.get('callbackUrl'));
  try {
    await signIn('credentials', { username: username.normalize('NFC'), password, redirectTo });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { error: error.code === 'locked' ? 'auth.signIn.locked' : 'auth.signIn.invalid', username: username.trim() };
    }
    if (error instanceof AuthError) return { error: 'auth.signIn.failed', username: username.trim() };
    throw error; // Next's redirect after a successful sign-in
  }
  return null;
}
