'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { Refusal } from '@/lib/db/errors';
import * as plans from '@/lib/db/recruitment-mutations';
import { findCommuneById } from '@/lib/db/roster-queries';
import { formatDate } from '@/lib/domain/format';
import { isReceptionPost } from '@/lib/domain/reception';
import { isInPlanYear } from '@/lib/domain/recruitment';
import type { Block } from '@/lib/domain/types';
import { SaveRecruitmentTargetSchema } from '@/lib/validation/reception';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * A target of the year's plan (a commune, a civil-servant post, how many, by when), or its new count and date: never
 * above the block's unused quota at the planned date, scheduled changes and the plan's other targets there included
 * (lib/db/recruitment-mutations.ts#checkRecruitmentTarget, through the one quota guard). Refused with the figures.
 */
export const saveRecruitmentTarget = defineAction('saveRecruitmentTarget', 'recruitment.plan', SaveRecruitmentTargetSchema, async (input, ctx) => {
  const plan = await ctx.db.recruitmentPlan.findFirst({ where: { id: input.planId, provinceId: ctx.user.provinceId }, select: { id: true, year: true } });
  if (!plan) return fail('recruitment.errors.notFound');
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune || commune.provinceId !== ctx.user.provinceId) return fail('recruitment.errors.commune', { fieldErrors: { communeId: 'recruitment.errors.commune' } });
  if (!can(ctx.user, 'recruitment.plan', { provinceId: commune.provinceId, communeId: commune.id })) return fail('errors.forbidden');
  const position = await ctx.db.position.findFirst({ where: { id: input.positionId, provinceId: commune.provinceId }, select: { id: true, code: true, block: true, isElected: true } });
  if (!position || !isReceptionPost(position)) return fail('recruitment.errors.position', { fieldErrors: { positionId: 'recruitment.errors.position' } });
  if (!isInPlanYear(input.plannedDate, plan.year)) return fail('recruitment.errors.dateOutsideYear', { fieldErrors: { plannedDate: 'recruitment.errors.dateOutsideYear' }, params: { year: plan.year } });
  const block = position.block as Block;
  await ctx.write(async (tx) => {
    const check = await plans.checkRecruitmentTarget(tx, ctx.db, { planId: plan.id, commune, block, positionId: position.id, plannedDate: input.plannedDate, count: input.count });
    if (!check.ok) {
      throw new Refusal('recruitment.errors.overUnusedQuota', { count: 'recruitment.errors.overUnusedQuota' }, {
        block, unused: check.unused, quota: check.quota, headcount: check.headcount, date: formatDate(check.at), count: input.count,
      });
    }
    const saved = await plans.saveRecruitmentTarget(tx, { planId: plan.id, communeId: commune.id, positionId: position.id, count: input.count, plannedDate: input.plannedDate });
    const target = { year: plan.year, commune: commune.code, position: position.code, count: input.count, plannedDate: input.plannedDate };
    return {
      audit: {
        action: 'recruitment.saveTarget',
        entityId: plan.id,
        before: saved.before ? { ...target, ...saved.before } : null,
        after: { ...target, block, quota: check.quota, headcount: check.headcount, unused: check.unused },
      },
    };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, 'recruitment.notices.targetSaved');
});
