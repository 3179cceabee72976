'use server';

import { revalidatePath } from 'next/cache';
import { isUnused, POSITION_SNAPSHOT_SELECT, positionUsage } from '@/lib/db/position-queries';
import { DeletePositionSchema } from '@/lib/validation/position';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

// Serialises a deletion with assignments, vacancies and norms created meanwhile on the same position
// (first key of pg_advisory_xact_lock(int, int); the roster uses 5101-5102).
const LOCK_POSITION = 5201;

/**
 * Only a position never used (no assignment, past or present, no declared vacancy, no key-position norm)
 * may be deleted; the others are history and stay. Version-checked like an edit.
 */
export const deletePosition = defineAction('deletePosition', 'quota.edit', DeletePositionSchema, async (input, ctx) => {
  const provinceId = ctx.user.provinceId;
  const position = await ctx.db.position.findFirst({ where: { id: input.positionId, provinceId }, select: { id: true, version: true, ...POSITION_SNAPSHOT_SELECT } });
  if (!position) return fail('errors.notFound');
  if (position.version !== input.version) return fail('positions.errors.stale');
  const failed = await ctx.db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1::int, $2::int)', LOCK_POSITION, position.id);
    // The foreign keys restrict deletion of a used position anyway; this gives the reason instead of an error.
    if (!isUnused(await positionUsage(tx, position.id))) return fail('positions.errors.inUse');
    const deleted = await tx.position.deleteMany({ where: { id: position.id, version: input.version } });
    if (deleted.count !== 1) return fail('positions.errors.stale');
    const { id, version, ...before } = position;
    await ctx.audit(tx, { action: 'position.delete', entityType: 'position', entityId: id, before: { ...before, version } });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/', 'layout');
  return ok(undefined, 'positions.deleted');
});
