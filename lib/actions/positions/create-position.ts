'use server';

import { revalidatePath } from 'next/cache';
import { POSITION_SNAPSHOT_SELECT } from '@/lib/db/position-queries';
import { Prisma } from '@/lib/generated/prisma/client';
import { CreatePositionSchema } from '@/lib/validation/position';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * A new position in the province's catalogue (Home Affairs). The code is the contract imports and other
 * code rely on: unique in the province (the database says so too) and never changed afterwards.
 */
export const createPosition = defineAction('createPosition', 'quota.edit', CreatePositionSchema, async (input, ctx) => {
  const provinceId = ctx.user.provinceId;
  const taken = await ctx.db.position.findUnique({ where: { provinceId_code: { provinceId, code: input.code } }, select: { id: true } });
  if (taken) return fail('errors.validation', { fieldErrors: { code: 'positions.errors.codeTaken' } });
  try {
    const created = await ctx.db.$transaction(async (tx) => {
      const position = await tx.position.create({
        data: {
          provinceId,
          code: input.code,
          titleVi: input.titleVi,
          titleEn: input.titleEn ?? input.titleVi,
          block: input.block,
          isKey: input.isKey,
          isElected: input.isElected,
          concurrentByDesign: input.concurrentByDesign,
          field: input.field,
          sortOrder: input.sortOrder,
        },
        select: { id: true, ...POSITION_SNAPSHOT_SELECT },
      });
      const { id, ...after } = position;
      await ctx.audit(tx, { action: 'position.create', entityType: 'position', entityId: id, after });
      return position;
    });
    revalidatePath('/', 'layout');
    return ok({ id: created.id, code: created.code }, 'positions.created');
  } catch (error) {
    // Two creations of one code at once: the unique index answers for the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return fail('errors.validation', { fieldErrors: { code: 'positions.errors.codeTaken' } });
    }
    throw error;
  }
});
