'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { CreatePhaseSchema, ExtendPhaseSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult } from '../result';
import { violates } from './load';

// The Organizing Committee opens the phases (đợt) of the 5% lists, each with its due date, and may extend a
// due date (audited; lists submitted after the original date keep their "late" flag from the new one).

export const createSecondmentPhase = defineAction('createSecondmentPhase', 'secondment.review', CreatePhaseSchema, async (input, ctx): Promise<ActionResult> => {
  const provinceId = ctx.user.provinceId;
  if (!can(ctx.user, 'secondment.review', { provinceId })) return fail('errors.forbidden');
  try {
    await ctx.db.$transaction(async (tx) => {
      const phase = await tx.secondmentPhase.create({
        data: { provinceId, year: input.year, number: input.number, dueDate: new Date(`${input.dueDate}T00:00:00Z`), note: input.note },
        select: { id: true },
      });
      await ctx.audit(tx, { action: 'secondment.phase.create', entityType: 'secondment_phase', entityId: phase.id, after: { year: input.year, number: input.number, dueDate: input.dueDate, note: input.note } });
    });
  } catch (error) {
    if (violates(error, 'P2002') || violates(error, 'number')) return fail('errors.validation', { fieldErrors: { number: 'secondment.errors.phaseExists' } });
    throw error;
  }
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.phaseCreated');
});

export const extendSecondmentPhase = defineAction('extendSecondmentPhase', 'secondment.review', ExtendPhaseSchema, async (input, ctx): Promise<ActionResult> => {
  const phase = await ctx.db.secondmentPhase.findFirst({ where: { id: input.phaseId, provinceId: ctx.user.provinceId }, select: { id: true, version: true, dueDate: true, note: true } });
  if (!phase) return fail('errors.notFound');
  if (!can(ctx.user, 'secondment.review', { provinceId: ctx.user.provinceId })) return fail('errors.forbidden');
  if (phase.version !== input.version) return fail('secondment.errors.stale');
  const before = phase.dueDate.toISOString().slice(0, 10);
  if (input.dueDate <= before) return fail('errors.validation', { fieldErrors: { dueDate: 'secondment.errors.notLater' } });
  const failed = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.secondmentPhase.updateMany({
      where: { id: phase.id, version: input.version },
      data: { dueDate: new Date(`${input.dueDate}T00:00:00Z`), note: input.note ?? phase.note, version: { increment: 1 } },
    });
    if (updated.count !== 1) return fail('secondment.errors.stale');
    await ctx.audit(tx, { action: 'secondment.phase.extend', entityType: 'secondment_phase', entityId: phase.id, before: { dueDate: before }, after: { dueDate: input.dueDate, note: input.note } });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.phaseExtended');
});
