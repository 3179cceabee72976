'use server';

import { revalidatePath } from 'next/cache';
import { hashPassword } from '@/lib/auth/password';
import { findUser, isScopeInProvince, isUsernameTaken, userSnapshot } from '@/lib/db/user-queries';
import { Prisma } from '@/lib/generated/prisma/client';
import { CreateUserSchema } from '@/lib/validation/user';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

const usernameTaken = () => fail('errors.validation', { fieldErrors: { username: 'admin.errors.usernameTaken' } });

export const createUser = defineAction('createUser', 'user.manage', CreateUserSchema, async (input, ctx) => {
  const provinceId = ctx.user.provinceId;
  const scope = await isScopeInProvince(ctx.db, provinceId, input);
  if (!scope.commune) return fail('errors.validation', { fieldErrors: { communeId: 'admin.errors.communeRequired' } });
  if (!scope.department) return fail('errors.validation', { fieldErrors: { departmentId: 'admin.errors.departmentRequired' } });
  if (await isUsernameTaken(ctx.db, input.username)) return usernameTaken();
  const passwordHash = await hashPassword(input.password);
  let id: number;
  try {
    id = await ctx.db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          provinceId,
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          communeId: input.communeId,
          departmentId: input.departmentId,
          // The administrator chose this password: the user replaces it at the first sign-in (issue 4).
          mustChangePassword: true,
        },
        select: { id: true },
      });
      const row = await findUser(tx, created.id);
      await ctx.audit(tx, { action: 'user.create', entityType: 'user', entityId: created.id, after: row ? userSnapshot(row) : null });
      return created.id;
    });
  } catch (error) {
    // Two administrators creating the same username at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return usernameTaken();
    throw error;
  }
  revalidatePath('/admin/users', 'layout');
  return ok({ id }, 'admin.users.created');
});
