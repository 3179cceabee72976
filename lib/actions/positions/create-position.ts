'use server';

import { revalidatePath } from 'next/cache';
import * as positions from '@/lib/db/position-mutations';
import { CreatePositionSchema } from '@/lib/validation/position';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * A new position in the province's catalogue (Home Affairs). The code is the contract imports and other
 * code rely on: unique in the province (the database says so too: two creations of one code at once, the
 * unique index answers for the second) and never changed afterwards.
 */
export const createPosition = defineAction('createPosition', 'quota.edit', CreatePositionSchema, async (input, ctx) => {
  const provinceId = ctx.user.provinceId;
  const taken = await ctx.db.position.findUnique({ where: { provinceId_code: { provinceId, code: input.code } }, select: { id: true } });
  if (taken) return fail('errors.validation', { fieldErrors: { code: 'positions.errors.codeTaken' } });
  const created = await ctx.write(async (tx) => {
    const { id, ...after } = await positions.insertPosition(tx, { provinceId, code: input.code, fields: input });
    return { value: { id, code: after.code }, audit: { action: 'position.create', entityType: 'position', entityId: id, after } };
  });
  revalidatePath('/', 'layout');
  return ok(created, 'positions.created');
});
