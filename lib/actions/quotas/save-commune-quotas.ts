'use server';

import { revalidatePath } from 'next/cache';
import { BLOCKS } from '@/lib/domain/types';
import { toBlockQuotas, type QuotaSnapshot } from '@/lib/db/quota-queries';
import { SaveCommuneQuotasSchema } from '@/lib/validation/quota';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * A commune's quota of both blocks for one year. The commune's version guards the write: a form rendered
 * before someone else's save changes nothing and says so (issue 5, "Conflicts"); the typed values come back.
 */
export const saveCommuneQuotas = defineAction('saveCommuneQuotas', 'quota.edit', SaveCommuneQuotasSchema, async (input, ctx) => {
  const commune = await ctx.db.commune.findFirst({ where: { id: input.communeId, provinceId: ctx.user.provinceId }, select: { id: true } });
  if (!commune) return fail('errors.notFound');
  const wanted = { party_front: input.partyFront, government: input.government };
  const failed = await ctx.db.$transaction(async (tx) => {
    const bumped = await tx.commune.updateMany({ where: { id: commune.id, version: input.version }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) return fail('quotas.errors.stale');
    const existing = await tx.quota.findMany({ where: { communeId: commune.id, year: input.year }, select: { block: true, quota: true } });
    for (const block of BLOCKS) {
      await tx.quota.upsert({
        where: { communeId_block_year: { communeId: commune.id, block, year: input.year } },
        create: { communeId: commune.id, block, year: input.year, quota: wanted[block] },
        update: { quota: wanted[block] },
      });
    }
    const before: QuotaSnapshot = { year: input.year, ...toBlockQuotas(existing) };
    const after: QuotaSnapshot = { year: input.year, ...wanted };
    await ctx.audit(tx, { action: 'quota.save', entityType: 'quota', entityId: commune.id, before, after });
    return null;
  });
  if (failed) return failed;
  // The overview, old-district and commune pages all show quotas and differences.
  revalidatePath('/', 'layout');
  return ok(undefined, 'quotas.saved');
});
