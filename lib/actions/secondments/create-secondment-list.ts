'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import * as secondments from '@/lib/db/secondment-mutations';
import { CreateListSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult } from '../result';

/**
 * A department officer opens the department's 5% list for a phase of the province, as a draft. One list per
 * department and phase: a second one created at the same moment is refused by the database's unique index
 * (secondment.errors.listExists, as when it already exists).
 */
export const createSecondmentList = defineAction('createSecondmentList', 'secondment.propose', CreateListSchema, async (input, ctx): Promise<ActionResult<{ listId: number }>> => {
  const departmentId = ctx.user.departmentId;
  if (departmentId === null || !can(ctx.user, 'secondment.propose', { provinceId: ctx.user.provinceId, departmentId })) return fail('errors.forbidden');
  const phase = await ctx.db.secondmentPhase.findFirst({ where: { id: input.phaseId, provinceId: ctx.user.provinceId }, select: { id: true, year: true, number: true } });
  if (!phase) return fail('errors.validation', { fieldErrors: { phaseId: 'secondment.errors.phase' } });
  const existing = await ctx.db.secondmentList.findUnique({ where: { phaseId_departmentId: { phaseId: phase.id, departmentId } }, select: { id: true } });
  if (existing) return fail('secondment.errors.listExists');
  const listId = await ctx.write(async (tx) => {
    const created = await secondments.createList(tx, { phaseId: phase.id, departmentId });
    return { audit: { action: 'secondment.list.create', entityId: created.listId, after: { to: 'draft', phase: `${phase.number}/${phase.year}` } }, value: created.listId };
  });
  revalidatePath('/secondments', 'layout');
  return ok({ listId }, 'secondment.notices.listCreated');
}, { stale: 'secondment.errors.stale' });
