'use server';

import { revalidatePath } from 'next/cache';
import { Refusal } from '@/lib/db/errors';
import { createProblemGroup as insertProblemGroup } from '@/lib/db/problem-group-mutations';
import { CreateProblemGroupSchema } from '@/lib/validation/support';
import { defineAction } from '../define-action';
import { ok } from '../result';

/** The administrator adds a problem group to the province's catalogue (a catalogue, not a personnel decision). */
export const createProblemGroup = defineAction('createProblemGroup', 'problemGroup.manage', CreateProblemGroupSchema, async (input, ctx) => {
  const provinceId = ctx.user.provinceId;
  const taken = await ctx.db.problemGroup.findFirst({ where: { provinceId, code: input.code }, select: { id: true } });
  if (taken) throw new Refusal('errors.validation', { code: 'support.problemGroups.errors.codeTaken' });
  const id = await ctx.write(async (tx) => {
    const created = await insertProblemGroup(tx, { provinceId, ...input });
    return { value: created, audit: { action: 'problemGroup.create', entityType: 'problem_group', entityId: created, after: { ...input, isActive: true } } };
  });
  revalidatePath('/admin/problem-groups');
  return ok({ id }, 'support.problemGroups.notices.created');
});
