'use server';

import { revalidatePath } from 'next/cache';
import * as communes from '@/lib/db/commune-mutations';
import { COMMUNE_ATTRIBUTES_SELECT, communeAttributesOf } from '@/lib/db/quota-queries';
import { UpdateCommuneAttributesSchema } from '@/lib/validation/quota';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/** Old district and the priority flags (mountainous, extremely disadvantaged, border), version-checked like quotas. */
export const updateCommuneAttributes = defineAction('updateCommuneAttributes', 'quota.edit', UpdateCommuneAttributesSchema, async (input, ctx) => {
  const provinceId = ctx.user.provinceId;
  const commune = await ctx.db.commune.findFirst({ where: { id: input.communeId, provinceId }, select: { id: true, ...COMMUNE_ATTRIBUTES_SELECT } });
  if (!commune) return fail('errors.notFound');
  const district = await ctx.db.oldDistrict.findFirst({ where: { id: input.oldDistrictId, provinceId }, select: { id: true } });
  if (!district) return fail('errors.validation', { fieldErrors: { oldDistrictId: 'communeAttributes.errors.oldDistrictRequired' } });
  await ctx.write(async (tx) => {
    const after = await communes.updateCommuneAttributes(tx, {
      communeId: commune.id, version: input.version, oldDistrictId: district.id,
      mountainous: input.mountainous, extremelyDisadvantaged: input.extremelyDisadvantaged, border: input.border,
    });
    return { audit: { action: 'commune.updateAttributes', entityType: 'commune', entityId: commune.id, before: communeAttributesOf(commune), after } };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, 'communeAttributes.saved');
}, { stale: 'quotas.errors.stale' });
