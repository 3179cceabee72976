'use server';

import { revalidatePath } from 'next/cache';
import * as quotaYears from '@/lib/db/quota-year-mutations';
import { confirmYearProblem } from '@/lib/domain/quota-years';
import { ConfirmQuotaYearSchema } from '@/lib/validation/quota';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * "Xác nhận năm biên chế {year}" (decision 027): the draft becomes the province's quota year in force, in one audited
 * step from the version its confirm screen showed. Irreversible (the database refuses a way back). From then on
 * every figure at a date in that year or later counts its quotas.
 */
export const confirmQuotaYear = defineAction('confirmQuotaYear', 'quota.year', ConfirmQuotaYearSchema, async (input, ctx) => {
  const row = await ctx.db.quotaYear.findUnique({
    where: { provinceId_year: { provinceId: ctx.user.provinceId, year: input.year } },
    select: { year: true, status: true },
  });
  const problem = confirmYearProblem(row);
  if (problem) return fail(problem, { params: { year: input.year } });
  await ctx.write(async (tx) => {
    const { content } = await quotaYears.confirmQuotaYear(tx, { provinceId: ctx.user.provinceId, year: input.year, version: input.version, confirmedById: ctx.user.id });
    return {
      audit: {
        action: 'quotaYear.confirm', entityId: input.year, envelope: { affectsFigures: true },
        before: { year: input.year, status: 'draft' }, after: { ...content, year: input.year, status: 'confirmed' },
      },
    };
  });
  // Every page that shows quotas, differences or the 5% minimum.
  revalidatePath('/', 'layout');
  return ok({ year: input.year }, 'quotaYears.notices.confirmed');
}, { stale: 'quotaYears.errors.stale' });
