'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import * as secondments from '@/lib/db/secondment-mutations';
import { CreatePhaseSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * The Organizing Committee opens a phase (đợt) of the 5% lists with its due date. A phase number is used once
 * a year in the province: the database's unique index refuses a second one (secondment.errors.phaseExists).
 * The phase is opened today (the clock's day): no Conclusion deciding its lists is dated before it.
 */
export const createSecondmentPhase = defineAction('createSecondmentPhase', 'secondment.review', CreatePhaseSchema, async (input, ctx) => {
  const provinceId = ctx.user.provinceId;
  if (!can(ctx.user, 'secondment.review', { provinceId })) return fail('errors.forbidden');
  await ctx.write(async (tx) => {
    const { phaseId } = await secondments.createPhase(tx, { provinceId, year: input.year, number: input.number, dueDate: input.dueDate, note: input.note, openedOn: today() });
    return { audit: { action: 'secondment.phase.create', entityId: phaseId, after: { year: input.year, number: input.number, dueDate: input.dueDate, note: input.note } } };
  });
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.phaseCreated');
}, { stale: 'secondment.errors.stale' });
