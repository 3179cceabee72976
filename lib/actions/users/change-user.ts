import 'server-only';
import { can } from '@/lib/auth/policy';
import { findUser, userSnapshot, type EditableUser } from '@/lib/db/user-queries';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ActionContext } from '../define-action';
import { fail, type ActionResult } from '../result';

/**
 * The target of a user-administration action: unknown → not found; another province's user exists, so it
 * is out of scope → forbidden (rules.md "Sign-in").
 */
export async function loadTargetUser(ctx: ActionContext, userId: number): Promise<{ target: EditableUser } | { denied: ActionResult<never> }> {
  const target = await findUser(ctx.db, userId);
  if (!target) return { denied: fail('errors.notFound') };
  if (!can(ctx.user, 'user.manage', { provinceId: target.provinceId })) return { denied: fail('errors.forbidden') };
  return { target };
}

type Change = {
  action: 'user.update' | 'user.deactivate' | 'user.reactivate' | 'user.resetPassword';
  target: EditableUser;
  version: number;
  data: Prisma.UserUncheckedUpdateManyInput;
  endSessions?: boolean;
};

/**
 * One transaction: the update guarded by the version the form was rendered with (a stale form changes
 * nothing), optionally ending the user's sessions, and the audit record (never the password hash).
 */
export async function changeUser(ctx: ActionContext, { action, target, version, data, endSessions = false }: Change): Promise<ActionResult<never> | null> {
  return ctx.db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: target.id, version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count !== 1) return fail('errors.staleVersion');
    const sessionsEnded = endSessions ? (await tx.session.deleteMany({ where: { userId: target.id } })).count : undefined;
    const after = await findUser(tx, target.id);
    await ctx.audit(tx, {
      action,
      entityType: 'user',
      entityId: target.id,
      before: userSnapshot(target),
      after: after ? { ...userSnapshot(after), ...(sessionsEnded === undefined ? {} : { sessionsEnded }) } : null,
    });
    return null;
  });
}
