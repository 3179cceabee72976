'use server';

import { revalidatePath } from 'next/cache';
import { DEFAULT_KEY_POSITION_NORM, type KeyPositionNormSnapshot } from '@/lib/db/quota-queries';
import { SaveKeyPositionNormsSchema } from '@/lib/validation/quota';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * How many places each key position has in one commune (the norm behind key vacancies, rules.md "Counting").
 * Version-checked on the commune like its quotas and attributes; the audit record lists the changed norms.
 */
export const saveKeyPositionNorms = defineAction('saveKeyPositionNorms', 'quota.edit', SaveKeyPositionNormsSchema, async (input, ctx) => {
  const provinceId = ctx.user.provinceId;
  const commune = await ctx.db.commune.findFirst({ where: { id: input.communeId, provinceId }, select: { id: true } });
  if (!commune) return fail('errors.notFound');
  const positions = await ctx.db.position.findMany({
    where: { provinceId, isKey: true, id: { in: input.norms.map((norm) => norm.positionId) } },
    select: { id: true, code: true },
  });
  const codeById = new Map(positions.map((position) => [position.id, position.code]));
  const unknown = input.norms.filter((norm) => !codeById.has(norm.positionId));
  if (unknown.length > 0) {
    return fail('errors.validation', { fieldErrors: Object.fromEntries(unknown.map((norm) => [`norm-${norm.positionId}`, 'errors.invalid'])) });
  }
  const failed = await ctx.db.$transaction(async (tx) => {
    const bumped = await tx.commune.updateMany({ where: { id: commune.id, version: input.version }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) return fail('quotas.errors.stale');
    const existing = await tx.keyPositionNorm.findMany({ where: { communeId: commune.id }, select: { positionId: true, required: true } });
    const current = new Map(existing.map((row) => [row.positionId, row.required]));
    const before: KeyPositionNormSnapshot = {};
    const after: KeyPositionNormSnapshot = {};
    for (const norm of input.norms) {
      const was = current.get(norm.positionId) ?? DEFAULT_KEY_POSITION_NORM;
      if (was === norm.required) continue;
      await tx.keyPositionNorm.upsert({
        where: { communeId_positionId: { communeId: commune.id, positionId: norm.positionId } },
        create: { communeId: commune.id, positionId: norm.positionId, required: norm.required },
        update: { required: norm.required },
      });
      const code = codeById.get(norm.positionId)!;
      before[code] = was;
      after[code] = norm.required;
    }
    await ctx.audit(tx, { action: 'keyPositionNorm.save', entityType: 'keyPositionNorm', entityId: commune.id, before, after });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/', 'layout');
  return ok(undefined, 'quotas.norms.saved');
});
