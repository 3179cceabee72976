'use server';

import { revalidatePath } from 'next/cache';
import { UserVersionSchema } from '@/lib/validation/user';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { changeUser, loadTargetUser } from './change-user';

/** Deactivation ends every session of the user in the same transaction: the next request signs him out. */
export const deactivateUser = defineAction('deactivateUser', 'user.manage', UserVersionSchema, async (input, ctx) => {
  const loaded = await loadTargetUser(ctx, input.userId);
  if ('denied' in loaded) return loaded.denied;
  if (loaded.target.id === ctx.user.id) return fail('admin.errors.selfChange');
  const failed = await changeUser(ctx, {
    action: 'user.deactivate',
    target: loaded.target,
    version: input.version,
    data: { isActive: false },
    endSessions: true,
  });
  if (failed) return failed;
  revalidatePath('/admin/users', 'layout');
  return ok(undefined, 'admin.users.deactivated');
});
