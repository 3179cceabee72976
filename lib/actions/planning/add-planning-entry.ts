'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { recordDecision } from '@/lib/db/decision-mutations';
import { Refusal } from '@/lib/db/errors';
import { addPlanningEntry as insertEntry } from '@/lib/db/planning-mutations';
import { settingsAt } from '@/lib/db/setting-queries';
import { decisionDateProblem } from '@/lib/domain/decisions';
import { AddPlanningEntrySchema } from '@/lib/validation/planning';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * The Organizing Committee plans a person for a post by a decision of a province-level body (never dated in the
 * future): a key post of a commune, or a ranked post of a department. The limits (lib/domain/planning.ts, with the
 * province's settings in force today) are checked under the term's lock; a refusal names the rule and its numbers.
 */
export const addPlanningEntry = defineAction('addPlanningEntry', 'planning.edit', AddPlanningEntrySchema, async (input, ctx) => {
  const provinceId = ctx.user.provinceId;
  const resource = { provinceId, communeId: input.communeId, departmentId: input.departmentId };
  const [term, commune, department] = await Promise.all([
    ctx.db.planningTerm.findFirst({ where: { id: input.termId, provinceId }, select: { id: true, name: true } }),
    input.communeId === null ? null : ctx.db.commune.findUnique({ where: { id: input.communeId }, select: { id: true, code: true, provinceId: true } }),
    input.departmentId === null ? null : ctx.db.department.findUnique({ where: { id: input.departmentId }, select: { id: true, code: true, provinceId: true } }),
  ]);
  const unit = commune ?? department;
  if (!term || !unit) return fail('errors.notFound');
  if (!can(ctx.user, 'planning.edit', { ...resource, provinceId: unit.provinceId })) return fail('errors.forbidden');
  const [position, cadre] = await Promise.all([
    ctx.db.position.findFirst({ where: { id: input.positionId, provinceId }, select: { id: true, code: true, level: true, isKey: true, block: true } }),
    ctx.db.cadre.findFirst({ where: { provinceId, code: input.cadreCode.toUpperCase() }, select: { id: true, code: true } }),
  ]);
  if (!position) return fail('errors.validation', { fieldErrors: { positionId: 'planning.errors.position' } });
  if (!cadre) return fail('errors.validation', { fieldErrors: { cadreCode: 'planning.errors.cadreUnknown' }, values: { cadreCode: input.cadreCode } });
  const day = today();
  if (decisionDateProblem(input.decisionDate, { today: day }) === 'inFuture') return fail('errors.validation', { fieldErrors: { decisionDate: 'decisions.errors.dateInFuture' } });
  // A commune's key post (a post of a block flagged key), or a department's post of no block with a rank.
  const plannable = commune ? position.isKey && position.block !== null : position.block === null && position.level > 0;
  const limits = await settingsAt(ctx.db, provinceId, ['planning.maxPeoplePerPost', 'planning.maxPostsPerPerson'], day);
  const entry = await ctx.write(async (tx) => {
    const decision = await recordDecision(tx, {
      provinceId, communeId: null, issuingBodyId: input.issuingBodyId, number: input.decisionNumber, date: input.decisionDate, kind: 'planning',
    });
    const added = await insertEntry(
      tx,
      { termId: term.id, positionId: position.id, communeId: commune?.id ?? null, departmentId: department?.id ?? null, cadreId: cadre.id, decisionId: decision.id, post: { level: position.level, plannable } },
      { maxPeoplePerPost: limits['planning.maxPeoplePerPost'].value, maxPostsPerPerson: limits['planning.maxPostsPerPerson'].value },
      day,
    );
    return {
      audit: {
        action: 'planning.addEntry',
        entityId: added.id,
        envelope: { decisionId: decision.id, affectsFigures: false },
        after: {
          term: term.name, commune: commune?.code ?? null, department: department?.code ?? null, position: position.code, cadre: cadre.code,
          postLevel: position.level, currentLevel: added.currentLevel, decisionNumber: input.decisionNumber, decisionDate: input.decisionDate,
        },
      },
      value: added,
    };
  }).catch((error: unknown) => {
    // The limits name the person's field as the form posts it (his code).
    if (error instanceof Refusal && error.fieldErrors?.cadreId) throw new Refusal(error.key, { cadreCode: error.fieldErrors.cadreId }, error.params);
    throw error;
  });
  revalidatePath('/planning', 'layout');
  return ok({ entryId: entry.id }, 'planning.notices.added');
});
