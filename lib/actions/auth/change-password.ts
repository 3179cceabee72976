'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { MAX_CREDENTIAL_LENGTH } from '@/lib/auth/password';
import { changeUserPassword } from '@/lib/auth/session-store';

const field = z.string().max(MAX_CREDENTIAL_LENGTH, 'auth.password.tooLong');

const schema = z.object({
  currentPassword: field.min(1, 'auth.password.required'),
  newPassword: field.min(1, 'auth.password.required'),
  confirmPassword: field.min(1, 'auth.password.required'),
});

/** The user's own password: current one checked, rules applied, must-change cleared, other sessions ended. */
export const changePassword = defineAction('changePassword', 'account.changePassword', schema, (input, ctx) =>
  changeUserPassword(ctx.db, ctx.user, input, ctx.request),
);
