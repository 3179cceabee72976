import 'server-only';
import { can } from '@/lib/auth/policy';
import { Refusal } from '@/lib/db/errors';
import * as users from '@/lib/db/user-mutations';
import { findUser, userSnapshot, type EditableUser } from '@/lib/db/user-queries';
import type { ActionContext } from '../define-action';

/**
 * The target of a user-administration action: unknown → not found; another province's user exists, so it
 * is out of scope → forbidden (docs/domain.md, Who sees what). Throws a Refusal; the action's defineAction answers.
 */
export async function loadTargetUser(ctx: ActionContext, userId: number): Promise<EditableUser> {
  const target = await findUser(ctx.db, userId);
  if (!target) throw new Refusal('errors.notFound');
  if (!can(ctx.user, 'user.manage', { provinceId: target.provinceId })) throw new Refusal('errors.forbidden');
  return target;
}

type Change = {
  action: 'user.update' | 'user.deactivate' | 'user.reactivate' | 'user.resetPassword';
  target: EditableUser;
  version: number;
  data: users.UserChange;
  endSessions?: boolean;
};

/**
 * One write: the change guarded by the version the form was rendered with (a stale form changes nothing:
 * errors.staleVersion), optionally ending the user's sessions, and its audit record (never the password hash).
 */
export async function writeUserChange(ctx: ActionContext, { action, target, version, data, endSessions = false }: Change): Promise<void> {
  await ctx.write(async (tx) => {
    const { sessionsEnded } = await users.changeUser(tx, { userId: target.id, version, data, endSessions });
    const after = await findUser(tx, target.id);
    return {
      audit: {
        action,
        entityType: 'user',
        entityId: target.id,
        before: userSnapshot(target),
        after: after ? { ...userSnapshot(after), ...(sessionsEnded === undefined ? {} : { sessionsEnded }) } : null,
      },
    };
  });
}
