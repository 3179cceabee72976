'use server';

import { revalidatePath } from 'next/cache';
import * as plans from '@/lib/db/recruitment-mutations';
import { CreateRecruitmentPlanSchema } from '@/lib/validation/reception';
import { defineAction } from '../define-action';
import { ok } from '../result';

/** Home Affairs opens a year's recruitment plan (one per year: the database refuses a second). */
export const createRecruitmentPlan = defineAction('createRecruitmentPlan', 'recruitment.plan', CreateRecruitmentPlanSchema, async (input, ctx) => {
  const plan = await ctx.write(async (tx) => {
    const row = await plans.insertRecruitmentPlan(tx, { provinceId: ctx.user.provinceId, year: input.year, note: input.note });
    return { value: row, audit: { action: 'recruitment.createPlan', entityId: row.id, after: { year: input.year, note: input.note } } };
  });
  revalidatePath('/', 'layout');
  return ok({ planId: plan.id, year: input.year }, 'recruitment.notices.created');
});
