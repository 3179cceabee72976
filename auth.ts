import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getAuthSecret } from '@/lib/auth/secret';
import { SESSION_MAX_AGE_SECONDS, signInWithPassword } from '@/lib/auth/session-store';
import { db } from '@/lib/db/client';

/** Why a sign-in was refused; the sign-in action maps the code to a message. */
export class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}
export class LockedOut extends CredentialsSignin {
  code = 'locked';
}

function requestContext(request: Request) {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { ipAddress: forwarded || request.headers.get('x-real-ip') || null, userAgent: request.headers.get('user-agent') };
}

/**
 * next-auth with JWT sessions whose token carries only the id of a `session` row (lib/auth/session-store).
 * The config is lazy because the secret may come from the database. Cookies are httpOnly and SameSite=Lax,
 * `Secure` (and `__Secure-` prefixed) when the request is HTTPS, X-Forwarded-Proto included (trustHost).
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async () => ({
  secret: await getAuthSecret(db()),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      authorize: async (credentials, request) => {
        const username = typeof credentials.username === 'string' ? credentials.username : '';
        const password = typeof credentials.password === 'string' ? credentials.password : '';
        const result = await signInWithPassword(db(), { username, password }, requestContext(request));
        if (!result.ok) throw result.reason === 'locked' ? new LockedOut() : new InvalidCredentials();
        return { id: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => (user?.id ? { sessionId: user.id } : token),
    session: ({ session, token }) => ({ expires: session.expires, sessionId: typeof token.sessionId === 'string' ? token.sessionId : null }) as never,
  },
  logger: {
    // A refused sign-in is an expected outcome (audited), not a server error.
    error: (error) => {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
}));
