'use server';

import { revalidatePath } from 'next/cache';
import { UserVersionSchema } from '@/lib/validation/user';
import { defineAction } from '../define-action';
import { ok } from '../result';
import { changeUser, loadTargetUser } from './change-user';

export const reactivateUser = defineAction('reactivateUser', 'user.manage', UserVersionSchema, async (input, ctx) => {
  const loaded = await loadTargetUser(ctx, input.userId);
  if ('denied' in loaded) return loaded.denied;
  const failed = await changeUser(ctx, { action: 'user.reactivate', target: loaded.target, version: input.version, data: { isActive: true } });
  if (failed) return failed;
  revalidatePath('/admin/users', 'layout');
  return ok(undefined, 'admin.users.reactivated');
});
