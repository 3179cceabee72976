'use server';

import { revalidatePath } from 'next/cache';
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
  const failed = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.position.updateMany({
      where: { id: input.positionId, provinceId, version: input.version },
      data: {
        titleVi: input.titleVi,
        titleEn: input.titleEn ?? input.titleVi,
        block: input.block,
        isKey: input.isKey,
        isElected: input.isElected,
        concurrentByDesign: input.concurrentByDesign,
        field: input.field,
        sortOrder: input.sortOrder,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) return fail('positions.errors.stale');
    const after = await tx.position.findUniqueOrThrow({ where: { id: input.positionId }, select: POSITION_SNAPSHOT_SELECT });
    await ctx.audit(tx, { action: 'position.update', entityType: 'position', entityId: input.positionId, before, after });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/', 'layout');
  return ok(undefined, 'positions.saved');
});
