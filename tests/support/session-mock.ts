import { vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import type { Db } from '@/lib/db/prisma';

// The one place integration tests replace the session getter and revalidatePath (docs/architecture.md, Adding a workflow action).
// Import this module before any module under lib/actions.

const session: { user: SessionUser | null } = { user: null };

vi.mock('@/lib/auth/current-user', () => ({
  getSessionUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error('requireUser called without a signed-in test user');
    return session.user;
  },
  currentPath: async () => '/',
}));

// The sign-in and sign-out actions import next-auth, which needs Next's runtime; tests never call them.
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock('@/auth', () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));

vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

export function signInAs(user: SessionUser | null) {
  session.user = user;
}

/** A SessionUser built from a real user row, as the session store would build it. */
export async function sessionUserFor(db: Db, username: string): Promise<SessionUser> {
  const row = await db.user.findUniqueOrThrow({ where: { username } });
  return {
    id: row.id,
    sessionId: `test-session-${row.id}`,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    provinceId: row.provinceId,
    communeId: row.communeId,
    departmentId: row.departmentId,
    mustChangePassword: false,
  };
}

/**
 * The audit table only grows (append-only triggers): its row count tells whether anything was written. A refused
 * action's `security.denied` record (lib/actions/define-action.ts) is not a write of the action and is left out
 * by name; tests/integration/security-denied.test.ts and the authorization matrix check those rows themselves.
 */
export async function auditCount(db: Db): Promise<number> {
  return db.auditLog.count({ where: { action: { not: 'security.denied' } } });
}
