'use server';

import { revalidatePath } from 'next/cache';
import { hashPassword } from '@/lib/auth/password';
import * as users from '@/lib/db/user-mutations';
import { findUser, isScopeInProvince, isUsernameTaken, userSnapshot } from '@/lib/db/user-queries';
import { CreateUserSchema } from '@/lib/validation/user';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * A new account of the province. The administrator chose its password: the user replaces it at the first
 * sign-in (decision 007). Two administrators creating one username at once: the unique index decides
 * (app_user_username_key, lib/db/errors.ts).
 */
export const createUser = defineAction('createUser', 'user.manage', CreateUserSchema, async (input, ctx) => {
  const provinceId = ctx.user.provinceId;
  const scope = await isScopeInProvince(ctx.db, provinceId, input);
  if (!scope.commune) return fail('errors.validation', { fieldErrors: { communeId: 'admin.errors.communeRequired' } });
  if (!scope.department) return fail('errors.validation', { fieldErrors: { departmentId: 'admin.errors.departmentRequired' } });
  if (await isUsernameTaken(ctx.db, input.username)) return fail('errors.validation', { fieldErrors: { username: 'admin.errors.usernameTaken' } });
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.write(async (tx) => {
    const userId = await users.insertUser(tx, {
      provinceId, username: input.username, displayName: input.displayName, passwordHash, role: input.role, communeId: input.communeId, departmentId: input.departmentId,
    });
    const row = await findUser(tx, userId);
    return { value: userId, audit: { action: 'user.create', entityType: 'user', entityId: userId, after: row ? userSnapshot(row) : null } };
  });
  revalidatePath('/admin/users', 'layout');
  return ok({ id }, 'admin.users.created');
});
