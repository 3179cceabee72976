'use server';

import { revalidatePath } from 'next/cache';
import type { CommuneAttributesSnapshot } from '@/lib/db/quota-queries';
import { UpdateCommuneAttributesSchema } from '@/lib/validation/quota';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

const SNAPSHOT_SELECT = {
  mountainous: true,
  extremelyDisadvantaged: true,
  border: true,
  oldDistrict: { select: { code: true, name: true } },
} as const;

type Loaded = { mountainous: boolean; extremelyDisadvantaged: boolean; border: boolean; oldDistrict: { code: string; name: string } };

const snapshot = (row: Loaded): CommuneAttributesSnapshot => ({
  oldDistrictCode: row.oldDistrict.code,
  oldDistrictName: row.oldDistrict.name,
  mountainous: row.mountainous,
  extremelyDisadvantaged: row.extremelyDisadvantaged,
  border: row.border,
});

/** Old district and the priority flags (mountainous, extremely disadvantaged, border), version-checked like quotas. */
export const updateCommuneAttributes = defineAction('updateCommuneAttributes', 'quota.edit', UpdateCommuneAttributesSchema, async (input, ctx) => {
  const provinceId = ctx.user.provinceId;
  const commune = await ctx.db.commune.findFirst({ where: { id: input.communeId, provinceId }, select: { id: true, ...SNAPSHOT_SELECT } });
  if (!commune) return fail('errors.notFound');
  const district = await ctx.db.oldDistrict.findFirst({ where: { id: input.oldDistrictId, provinceId }, select: { id: true } });
  if (!district) return fail('errors.validation', { fieldErrors: { oldDistrictId: 'communeAttributes.errors.oldDistrictRequired' } });
  const failed = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.commune.updateMany({
      where: { id: commune.id, version: input.version },
      data: {
        oldDistrictId: district.id,
        mountainous: input.mountainous,
        extremelyDisadvantaged: input.extremelyDisadvantaged,
        border: input.border,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) return fail('quotas.errors.stale');
    const after = await tx.commune.findUniqueOrThrow({ where: { id: commune.id }, select: SNAPSHOT_SELECT });
    await ctx.audit(tx, { action: 'commune.updateAttributes', entityType: 'commune', entityId: commune.id, before: snapshot(commune), after: snapshot(after) });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/', 'layout');
  return ok(undefined, 'communeAttributes.saved');
});
