import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authRedirect } from '@/lib/auth/safe-callback';
import { getRequestContext, requestContextOf } from '@/lib/auth/request-context';
import { getAuthSecret } from '@/lib/auth/secret';
import { SESSION_MAX_AGE_SECONDS, signInWithPassword, signOutSession } from '@/lib/auth/session-store';
import { db } from '@/lib/db/client';

/** Why a sign-in was refused; the sign-in action maps the code to a message. */
export class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}
export class LockedOut extends CredentialsSignin {
  code = 'locked';
}

/**
 * next-auth with JWT sessions whose token carries only the id of a `session` row (lib/auth/session-store).
 * The config is lazy so that the key (AUTH_SECRET or its file, lib/auth/secret.ts) is read at the first request,
 * not when the build imports this module. Cookies are httpOnly and SameSite=Lax,
 * `Secure` (and `__Secure-` prefixed) when the request is HTTPS, X-Forwarded-Proto included (trustHost).
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => ({
  secret: getAuthSecret(),
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
        const result = await signInWithPassword(db(), { username, password }, requestContextOf(request.headers));
        if (!result.ok) throw result.reason === 'locked' ? new LockedOut() : new InvalidCredentials();
        return { id: result.sessionId };
      },
    }),
  ],
  callbacks: {
    // Every callback URL next-auth is handed goes through the one rule of lib/auth/safe-callback.ts.
    redirect: authRedirect,
    jwt: ({ token, user }) => (user?.id ? { sessionId: user.id } : token),
    session: ({ session, token }) => ({ expires: session.expires, sessionId: typeof token.sessionId === 'string' ? token.sessionId : null }) as never,
  },
  events: {
    // next-auth's own POST /api/auth/signout only clears the cookie: the session row is ended and audited here, as
    // by the app's sign-out (which calls signOut() after ending it, so this finds the row gone and does nothing).
    signOut: async (message) => {
      const sessionId = 'token' in message ? message.token?.sessionId : undefined;
      if (typeof sessionId !== 'string') return;
      await signOutSession(db(), sessionId, request ? requestContextOf(request.headers) : await getRequestContext());
    },
  },
  logger: {
    // A refused sign-in is an expected outcome (audited), not a server error.
    error: (error) => {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
}));
