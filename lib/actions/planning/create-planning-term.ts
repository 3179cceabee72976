'use server';

import { revalidatePath } from 'next/cache';
import { createPlanningTerm as insertTerm } from '@/lib/db/planning-mutations';
import { planningTermProblem, termName } from '@/lib/domain/planning';
import { CreatePlanningTermSchema } from '@/lib/validation/planning';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/** The Organizing Committee opens a planning term (e.g. 2025–2030) of its province; one per pair of years. */
export const createPlanningTerm = defineAction('createPlanningTerm', 'planning.edit', CreatePlanningTermSchema, async (input, ctx) => {
  const problem = planningTermProblem(input.startYear, input.endYear);
  if (problem) return fail('errors.validation', { fieldErrors: { endYear: problem }, values: { startYear: String(input.startYear), endYear: String(input.endYear) } });
  const name = termName(input.startYear, input.endYear);
  const term = await ctx.write(async (tx) => {
    const created = await insertTerm(tx, { provinceId: ctx.user.provinceId, name, startYear: input.startYear, endYear: input.endYear });
    return { audit: { action: 'planning.createTerm', entityId: created.id, after: { name, startYear: input.startYear, endYear: input.endYear } }, value: created };
  });
  revalidatePath('/planning');
  return ok({ termId: term.id }, 'planning.notices.termCreated');
});
