'use server';

import { revalidatePath } from 'next/cache';
import { isScopeInProvince } from '@/lib/db/user-queries';
import { UpdateUserSchema } from '@/lib/validation/user';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadTargetUser, writeUserChange } from './change-user';

/** Display name, role and scope. */
export const updateUser = defineAction('updateUser', 'user.manage', UpdateUserSchema, async (input, ctx) => {
  const target = await loadTargetUser(ctx, input.userId);
  // An administrator who demoted himself could leave the province with no administrator.
  if (target.id === ctx.user.id && input.role !== target.role) {
    return fail('errors.validation', { fieldErrors: { role: 'admin.errors.selfChange' } });
  }
  const scope = await isScopeInProvince(ctx.db, target.provinceId, input);
  if (!scope.commune) return fail('errors.validation', { fieldErrors: { communeId: 'admin.errors.communeRequired' } });
  if (!scope.department) return fail('errors.validation', { fieldErrors: { departmentId: 'admin.errors.departmentRequired' } });
  await writeUserChange(ctx, {
    action: 'user.update',
    target,
    version: input.version,
    data: { displayName: input.displayName, role: input.role, communeId: input.communeId, departmentId: input.departmentId },
  });
  revalidatePath('/admin/users', 'layout');
  return ok(undefined, 'admin.users.saved');
});
