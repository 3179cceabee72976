'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { StaleWrite } from '@/lib/db/errors';
import * as secondments from '@/lib/db/secondment-mutations';
import { ExtendPhaseSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * The Organizing Committee moves a phase's due date later (audited, with the old date); lists submitted after
 * the original date are late only against the new one.
 */
export const extendSecondmentPhase = defineAction('extendSecondmentPhase', 'secondment.review', ExtendPhaseSchema, async (input, ctx) => {
  const phase = await ctx.db.secondmentPhase.findFirst({ where: { id: input.phaseId, provinceId: ctx.user.provinceId }, select: { id: true, version: true, dueDate: true } });
  if (!phase) return fail('errors.notFound');
  if (!can(ctx.user, 'secondment.review', { provinceId: ctx.user.provinceId })) return fail('errors.forbidden');
  if (phase.version !== input.version) throw new StaleWrite('secondment_phase');
  const before = phase.dueDate.toISOString().slice(0, 10);
  if (input.dueDate <= before) return fail('errors.validation', { fieldErrors: { dueDate: 'secondment.errors.notLater' } });
  await ctx.write(async (tx) => {
    await secondments.extendPhase(tx, { phaseId: phase.id, version: input.version, dueDate: input.dueDate, note: input.note });
    return { audit: { action: 'secondment.phase.extend', entityId: phase.id, before: { dueDate: before }, after: { dueDate: input.dueDate, note: input.note } } };
  });
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.phaseExtended');
}, { stale: 'secondment.errors.stale' });
