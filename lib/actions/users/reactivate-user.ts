'use server';

import { revalidatePath } from 'next/cache';
import { UserVersionSchema } from '@/lib/validation/user';
import { defineAction } from '../define-action';
import { ok } from '../result';
import { loadTargetUser, writeUserChange } from './change-user';

export const reactivateUser = defineAction('reactivateUser', 'user.manage', UserVersionSchema, async (input, ctx) => {
  const target = await loadTargetUser(ctx, input.userId);
  await writeUserChange(ctx, { action: 'user.reactivate', target, version: input.version, data: { isActive: true } });
  revalidatePath('/admin/users', 'layout');
  return ok(undefined, 'admin.users.reactivated');
});
