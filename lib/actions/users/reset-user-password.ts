'use server';

import { revalidatePath } from 'next/cache';
import { hashPassword, validateNewPassword } from '@/lib/auth/password';
import { ResetPasswordSchema } from '@/lib/validation/user';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadTargetUser, writeUserChange } from './change-user';

/** A password chosen by the administrator, to be replaced at the next sign-in; open sessions end. */
export const resetUserPassword = defineAction('resetUserPassword', 'user.manage', ResetPasswordSchema, async (input, ctx) => {
  const target = await loadTargetUser(ctx, input.userId);
  const problem = validateNewPassword(input.password, target.username);
  if (problem) return fail('errors.validation', { fieldErrors: { password: problem } });
  await writeUserChange(ctx, {
    action: 'user.resetPassword',
    target,
    version: input.version,
    data: { passwordHash: await hashPassword(input.password), mustChangePassword: true },
    endSessions: true,
  });
  revalidatePath('/admin/users', 'layout');
  return ok(undefined, 'admin.users.resetDone');
});
