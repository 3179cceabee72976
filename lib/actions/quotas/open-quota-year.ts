'use server';

import { revalidatePath } from 'next/cache';
import { currentYear } from '@/lib/clock';
import * as quotaYears from '@/lib/db/quota-year-mutations';
import { copySourceYear, OPEN_YEARS_AHEAD, openYearProblem } from '@/lib/domain/quota-years';
import { OpenQuotaYearSchema } from '@/lib/validation/quota';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * "Mở năm biên chế mới" (decision 027): the province's next quota year, opened as a draft holding a copy of
 * every commune's and department's quotas of the latest confirmed year before it. The draft counts nowhere until it
 * is confirmed. Refused for a year the province already has, while another draft is open, before its latest year or
 * more than a year ahead. The audit event's id is the year.
 */
export const openQuotaYear = defineAction('openQuotaYear', 'quota.year', OpenQuotaYearSchema, async (input, ctx) => {
  const existing = await ctx.db.quotaYear.findMany({ where: { provinceId: ctx.user.provinceId }, select: { year: true, status: true } });
  const thisYear = currentYear();
  const problem = openYearProblem(existing, input.year, thisYear);
  if (problem) {
    const params = {
      year: input.year,
      draft: existing.find((y) => y.status === 'draft')?.year ?? '',
      latest: Math.max(...existing.map((y) => y.year), 0),
      max: thisYear + OPEN_YEARS_AHEAD,
    };
    return fail('errors.validation', { fieldErrors: { year: problem }, params });
  }
  const copiedFrom = copySourceYear(existing, input.year)!;
  await ctx.write(async (tx) => {
    const { content } = await quotaYears.openQuotaYear(tx, { provinceId: ctx.user.provinceId, year: input.year, copiedFrom });
    return { audit: { action: 'quotaYear.open', entityId: input.year, after: { ...content, year: input.year, status: 'draft', copiedFrom } } };
  });
  revalidatePath('/quotas', 'layout');
  return ok({ year: input.year }, 'quotaYears.notices.opened');
}, { stale: 'quotaYears.errors.stale' });
