'use server';

import { revalidatePath } from 'next/cache';
import * as plans from '@/lib/db/recruitment-mutations';
import { RemoveRecruitmentTargetSchema } from '@/lib/validation/reception';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/** A target taken out of its plan (as the page showed it). */
export const removeRecruitmentTarget = defineAction('removeRecruitmentTarget', 'recruitment.plan', RemoveRecruitmentTargetSchema, async (input, ctx) => {
  const target = await ctx.db.recruitmentTarget.findFirst({
    where: { id: input.targetId, plan: { provinceId: ctx.user.provinceId } },
    select: { id: true, count: true, plannedDate: true, plan: { select: { id: true, year: true } }, commune: { select: { code: true } }, position: { select: { code: true } } },
  });
  if (!target) return fail('recruitment.errors.notFound');
  await ctx.write(async (tx) => {
    await plans.removeRecruitmentTarget(tx, { id: target.id, version: input.version });
    return {
      audit: {
        action: 'recruitment.removeTarget',
        entityId: target.plan.id,
        before: { year: target.plan.year, commune: target.commune.code, position: target.position.code, count: target.count, plannedDate: target.plannedDate.toISOString().slice(0, 10) },
      },
    };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, 'recruitment.notices.targetRemoved');
}, { stale: 'recruitment.errors.stale' });
