'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { recordDecision } from '@/lib/db/decision-mutations';
import { StaleWrite } from '@/lib/db/errors';
import { removePlanningEntry as endEntry } from '@/lib/db/planning-mutations';
import { decisionDateProblem } from '@/lib/domain/decisions';
import { formatDate } from '@/lib/domain/format';
import { RemovePlanningEntrySchema } from '@/lib/validation/planning';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadPlanningEntry } from './load';

/**
 * The Organizing Committee takes a person out of the plan of a post by a decision of a province-level body, dated
 * neither in the future nor before the decision that planned him; the entry ends on that date and its row stays.
 */
export const removePlanningEntry = defineAction('removePlanningEntry', 'planning.edit', RemovePlanningEntrySchema, async (input, ctx) => {
  const entry = await loadPlanningEntry(ctx, input.entryId);
  if (!entry) return fail('errors.notFound');
  if (!can(ctx.user, 'planning.edit', { provinceId: entry.term.provinceId, communeId: entry.communeId, departmentId: entry.departmentId })) return fail('errors.forbidden');
  if (entry.version !== input.version || entry.removedOn !== null) throw new StaleWrite('planning_entry');
  const plannedOn = entry.decision.date.toISOString().slice(0, 10);
  const problem = decisionDateProblem(input.decisionDate, { today: today(), openedOn: plannedOn });
  if (problem === 'inFuture') return fail('errors.validation', { fieldErrors: { decisionDate: 'decisions.errors.dateInFuture' } });
  if (problem === 'beforeOpening') return fail('errors.validation', { fieldErrors: { decisionDate: 'planning.errors.beforePlanned' }, params: { date: formatDate(plannedOn) } });
  await ctx.write(async (tx) => {
    const decision = await recordDecision(tx, {
      provinceId: entry.term.provinceId, communeId: null, issuingBodyId: input.issuingBodyId, number: input.decisionNumber, date: input.decisionDate, kind: 'planning',
    });
    await endEntry(tx, { entryId: entry.id, version: input.version, date: input.decisionDate, decisionId: decision.id });
    const ref = { term: entry.term.name, commune: entry.commune?.code ?? null, department: entry.department?.code ?? null, position: entry.position.code, cadre: entry.cadre.code };
    return {
      audit: {
        action: 'planning.removeEntry',
        entityId: entry.id,
        envelope: { decisionId: decision.id, affectsFigures: false },
        before: { ...ref, version: entry.version },
        after: { removedOn: input.decisionDate, decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, reason: input.reason, version: entry.version + 1 },
      },
    };
  });
  revalidatePath('/planning', 'layout');
  return ok(undefined, 'planning.notices.removed');
}, { stale: 'planning.errors.stale' });
