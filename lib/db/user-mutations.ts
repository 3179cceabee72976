import type { Role } from '@/lib/auth/roles';
import type { Prisma } from '@/lib/generated/prisma/client';
import { deleteUserSessions } from './session-mutations';
import { bumpVersion } from './versions';

// The writes of user administration (lib/actions/users) and of a user's own password (lib/auth/session-store.ts),
// each in the caller's transaction, which records the audit event. No `server-only` guard, like the session
// store that imports it.

type Tx = Prisma.TransactionClient;

/** A new account of the province; it must change its password at the first sign-in. Returns its id. */
export async function insertUser(
  tx: Tx,
  input: { provinceId: number; username: string; displayName: string; passwordHash: string; role: Role; communeId: number | null; departmentId: number | null },
): Promise<number> {
  const created = await tx.user.create({ data: { ...input, mustChangePassword: true }, select: { id: true } });
  return created.id;
}

export type UserChange = Pick<Prisma.UserUncheckedUpdateInput, 'displayName' | 'role' | 'communeId' | 'departmentId' | 'isActive' | 'passwordHash' | 'mustChangePassword'>;

/**
 * Changes a user from the version the form was rendered with (StaleWrite when it moved on) and, with
 * `endSessions`, ends every session of his. Returns how many sessions ended (undefined when none were to end).
 */
export async function changeUser(tx: Tx, input: { userId: number; version: number; data: UserChange; endSessions: boolean }): Promise<{ sessionsEnded: number | undefined }> {
  await bumpVersion(tx, 'app_user', input.userId, input.version);
  await tx.user.update({ where: { id: input.userId }, data: input.data });
  return { sessionsEnded: input.endSessions ? await deleteUserSessions(tx, input.userId) : undefined };
}

/** The user's own new password: must-change cleared, the change dated, the version bumped. */
export async function changeOwnPassword(tx: Tx, input: { userId: number; passwordHash: string }): Promise<void> {
  await tx.user.update({
    where: { id: input.userId },
    data: { passwordHash: input.passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), version: { increment: 1 } },
  });
}
