'use server';

import { revalidatePath } from 'next/cache';
import * as positions from '@/lib/db/position-mutations';
import { POSITION_SNAPSHOT_SELECT } from '@/lib/db/position-queries';
import { UpdatePositionSchema } from '@/lib/validation/position';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * Everything of a position but its code, version-checked: a save made meanwhile by someone else is refused
 * with a conflict message and what the user typed is kept.
 */
export const updatePosition = defineAction('updatePosition', 'quota.edit', UpdatePositionSchema, async (input, ctx) => {
  const provinceId = ctx.user.provinceId;
  const before = await ctx.db.position.findFirst({ where: { id: input.positionId, provinceId }, select: POSITION_SNAPSHOT_SELECT });
  if (!before) return fail('errors.notFound');
  await ctx.write(async (tx) => {
    const after = await positions.updatePosition(tx, { positionId: input.positionId, version: input.version, fields: input });
    return { audit: { action: 'position.update', entityType: 'position', entityId: input.positionId, before, after } };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, 'positions.saved');
}, { stale: 'positions.errors.stale' });
