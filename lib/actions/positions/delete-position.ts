'use server';

import { revalidatePath } from 'next/cache';
import { Refusal } from '@/lib/db/errors';
import * as positions from '@/lib/db/position-mutations';
import { isUnused, POSITION_SNAPSHOT_SELECT, positionUsage } from '@/lib/db/position-queries';
import { DeletePositionSchema } from '@/lib/validation/position';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * Only a position never used (no assignment, past or present, no declared vacancy, no key-position norm)
 * may be deleted; the others are history and stay. Version-checked like an edit.
 */
export const deletePosition = defineAction('deletePosition', 'quota.edit', DeletePositionSchema, async (input, ctx) => {
  const provinceId = ctx.user.provinceId;
  const position = await ctx.db.position.findFirst({ where: { id: input.positionId, provinceId }, select: { id: true, version: true, ...POSITION_SNAPSHOT_SELECT } });
  if (!position) return fail('errors.notFound');
  if (position.version !== input.version) return fail('positions.errors.stale');
  await ctx.write(async (tx) => {
    await positions.lockPosition(tx, position.id);
    // The foreign keys restrict deletion of a used position anyway; this gives the reason instead of an error.
    if (!isUnused(await positionUsage(tx, position.id))) throw new Refusal('positions.errors.inUse');
    await positions.deletePosition(tx, { positionId: position.id, version: input.version });
    const { id, version, ...before } = position;
    return { audit: { action: 'position.delete', entityType: 'position', entityId: id, before: { ...before, version } } };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, 'positions.deleted');
}, { stale: 'positions.errors.stale' });
