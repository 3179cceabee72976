'use server';

import { revalidatePath } from 'next/cache';
import * as quotas from '@/lib/db/quota-mutations';
import type { KeyPositionNormSnapshot } from '@/lib/db/quota-queries';
import { SaveKeyPositionNormsSchema } from '@/lib/validation/quota';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * How many places each key position has in one commune (the norm behind key vacancies, docs/domain.md, Counting).
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
  await ctx.write(async (tx) => {
    const changed = await quotas.saveKeyPositionNorms(tx, { communeId: commune.id, version: input.version, norms: input.norms });
    const before: KeyPositionNormSnapshot = {};
    const after: KeyPositionNormSnapshot = {};
    for (const change of changed) {
      const code = codeById.get(change.positionId)!;
      before[code] = change.was;
      after[code] = change.required;
    }
    return { audit: { action: 'keyPositionNorm.save', entityType: 'keyPositionNorm', entityId: commune.id, before, after } };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, 'quotas.norms.saved');
}, { stale: 'quotas.errors.stale' });
