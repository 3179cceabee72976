'use server';

import { revalidatePath } from 'next/cache';
import { DeactivateUserSchema } from '@/lib/validation/user';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadTargetUser, writeUserChange } from './change-user';

/** Deactivation ends every session of the user in the same transaction: the next request signs him out. */
export const deactivateUser = defineAction('deactivateUser', 'user.manage', DeactivateUserSchema, async (input, ctx) => {
  const target = await loadTargetUser(ctx, input.userId);
  if (target.id === ctx.user.id) return fail('admin.errors.selfChange');
  await writeUserChange(ctx, { action: 'user.deactivate', target, version: input.version, data: { isActive: false }, endSessions: true });
  revalidatePath('/admin/users', 'layout');
  return ok(undefined, 'admin.users.deactivated');
});
