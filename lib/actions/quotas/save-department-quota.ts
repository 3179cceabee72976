'use server';

import { revalidatePath } from 'next/cache';
import * as quotaYears from '@/lib/db/quota-year-mutations';
import { SaveDepartmentQuotaSchema } from '@/lib/validation/quota';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * A department's quota of one of the province's quota years (a draft's, usually, before it is confirmed). The
 * department's version guards the write; a year the province has not opened is refused rather than created, so a
 * year never comes into force by the back door.
 */
export const saveDepartmentQuota = defineAction('saveDepartmentQuota', 'quota.edit', SaveDepartmentQuotaSchema, async (input, ctx) => {
  const department = await ctx.db.department.findFirst({ where: { id: input.departmentId, provinceId: ctx.user.provinceId }, select: { id: true } });
  if (!department) return fail('errors.notFound');
  const year = await ctx.db.quotaYear.findUnique({ where: { provinceId_year: { provinceId: ctx.user.provinceId, year: input.year } }, select: { status: true } });
  if (!year) return fail('quotaYears.errors.noSuchYear', { fieldErrors: { year: 'quotaYears.errors.noSuchYear' }, params: { year: input.year } });
  await ctx.write(async (tx) => {
    const before = await quotaYears.saveDepartmentQuota(tx, { departmentId: department.id, version: input.version, year: input.year, quota: input.quota });
    return {
      audit: {
        action: 'departmentQuota.save', entityId: department.id, envelope: { affectsFigures: year.status === 'confirmed' },
        before: { year: input.year, quota: before }, after: { year: input.year, quota: input.quota },
      },
    };
  });
  revalidatePath('/quotas', 'layout');
  if (year.status === 'confirmed') revalidatePath('/', 'layout');
  return ok(undefined, 'quotaYears.notices.departmentSaved');
}, { stale: 'quotaYears.errors.departmentStale' });
