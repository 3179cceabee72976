'use server';

import { revalidatePath } from 'next/cache';
import * as quotas from '@/lib/db/quota-mutations';
import { SaveCommuneQuotasSchema } from '@/lib/validation/quota';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * A commune's quota of both blocks for one year. The commune's version guards the write: a form rendered
 * before someone else's save changes nothing and says so (optimistic versions, lib/db/versions.ts); the typed values come back.
 */
export const saveCommuneQuotas = defineAction('saveCommuneQuotas', 'quota.edit', SaveCommuneQuotasSchema, async (input, ctx) => {
  const commune = await ctx.db.commune.findFirst({ where: { id: input.communeId, provinceId: ctx.user.provinceId }, select: { id: true } });
  if (!commune) return fail('errors.notFound');
  const wanted = { party_front: input.partyFront, government: input.government };
  await ctx.write(async (tx) => {
    const before = await quotas.saveCommuneQuotas(tx, { communeId: commune.id, version: input.version, year: input.year, quota: wanted });
    return { audit: { action: 'quota.save', entityType: 'quota', entityId: commune.id, before: { year: input.year, ...before }, after: { year: input.year, ...wanted } } };
  });
  // The overview, old-district and commune pages all show quotas and differences.
  revalidatePath('/', 'layout');
  return ok(undefined, 'quotas.saved');
}, { stale: 'quotas.errors.stale' });
