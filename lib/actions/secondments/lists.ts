'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { checkListTransition, isEditableList, minimumListSize, needsJustification } from '@/lib/domain/secondment';
import { AddCandidateSchema, CreateListSchema, RemoveCandidateSchema, SubmitListSchema } from '@/lib/validation/secondment';
import { countListedIncluding, hasOpenSecondment } from '@/lib/db/secondment-queries';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult } from '../result';
import { allowedOn, loadList, violates } from './load';

// The department officer's side of a 5% list: create it for a phase, add and remove candidates from the
// department's own staff while it is a draft or returned, and submit it.

class Refused extends Error {
  constructor(readonly result: ActionResult<never>) {
    super(result.ok ? 'refused' : result.error);
  }
}

/** Runs a write; a `Refused` thrown inside (after a version bump) rolls it back and becomes the answer. */
async function guarded<T>(write: () => Promise<T>): Promise<T | ActionResult<never>> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

export const createSecondmentList = defineAction('createSecondmentList', 'secondment.propose', CreateListSchema, async (input, ctx): Promise<ActionResult<{ listId: number }>> => {
  const departmentId = ctx.user.departmentId;
  if (departmentId === null || !can(ctx.user, 'secondment.propose', { provinceId: ctx.user.provinceId, departmentId })) return fail('errors.forbidden');
  const phase = await ctx.db.secondmentPhase.findFirst({ where: { id: input.phaseId, provinceId: ctx.user.provinceId }, select: { id: true, year: true, number: true } });
  if (!phase) return fail('errors.validation', { fieldErrors: { phaseId: 'secondment.errors.phase' } });
  const existing = await ctx.db.secondmentList.findUnique({ where: { phaseId_departmentId: { phaseId: phase.id, departmentId } }, select: { id: true } });
  if (existing) return fail('secondment.errors.listExists');
  try {
    const list = await ctx.db.$transaction(async (tx) => {
      const created = await tx.secondmentList.create({ data: { phaseId: phase.id, departmentId }, select: { id: true } });
      await ctx.audit(tx, { action: 'secondment.list.create', entityType: 'secondment_list', entityId: created.id, after: { to: 'draft', phase: `${phase.number}/${phase.year}` } });
      return created;
    });
    revalidatePath('/secondments', 'layout');
    return ok({ listId: list.id }, 'secondment.notices.listCreated');
  } catch (error) {
    if (violates(error, 'phase_id') || violates(error, 'P2002')) return fail('secondment.errors.listExists');
    throw error;
  }
});

export const addSecondmentCandidate = defineAction('addSecondmentCandidate', 'secondment.propose', AddCandidateSchema, async (input, ctx): Promise<ActionResult> => {
  const list = await loadList(ctx.db, ctx.user, input.listId);
  if (!list) return fail('errors.notFound');
  if (!can(ctx.user, 'secondment.propose', list.resource)) return fail('errors.forbidden');
  if (list.version !== input.version || !isEditableList(list.state)) return fail('secondment.errors.stale');
  const date = today();
  // Only the department's own active staff (a candidate from another department is refused).
  const staff = await ctx.db.assignment.findFirst({
    where: { cadreId: input.cadreId, departmentId: list.departmentId, isPrimary: true, endDate: null, cadre: { status: 'active' } },
    select: { cadre: { select: { id: true, code: true, fullName: true } } },
  });
  if (!staff) return fail('errors.validation', { fieldErrors: { cadreId: 'secondment.errors.notOwnStaff' } });
  if (list.candidates.some((c) => c.cadreId === input.cadreId)) return fail('errors.validation', { fieldErrors: { cadreId: 'secondment.errors.alreadyOnList' } });
  // An active (or already planned) secondment is a hard block.
  if (await hasOpenSecondment(ctx.db, input.cadreId, date)) return fail('errors.validation', { fieldErrors: { cadreId: 'secondment.errors.activeSecondment' } });
  if (input.preferredCommuneId !== null) {
    const commune = await ctx.db.commune.findFirst({ where: { id: input.preferredCommuneId, provinceId: list.provinceId }, select: { id: true } });
    if (!commune) return fail('errors.validation', { fieldErrors: { preferredCommuneId: 'secondment.errors.commune' } });
  }
  try {
    const result = await guarded(() =>
      ctx.db.$transaction(async (tx) => {
        const bumped = await tx.secondmentList.updateMany({ where: { id: list.id, version: input.version, state: list.state }, data: { version: { increment: 1 } } });
        if (bumped.count !== 1) throw new Refused(fail('secondment.errors.stale'));
        const candidate = await tx.secondmentCandidate.create({
          data: { listId: list.id, cadreId: input.cadreId, kind: input.kind, field: input.field, preferredCommuneId: input.preferredCommuneId },
          select: { id: true },
        });
        await ctx.audit(tx, {
          action: 'secondment.candidate.propose',
          entityType: 'secondment_candidate',
          entityId: candidate.id,
          after: { to: 'proposed', cadre: staff.cadre.code, kind: input.kind, field: input.field, preferredCommune: null },
        });
        return null;
      }),
    );
    if (result) return result;
  } catch (error) {
    // Another list took the same person meanwhile: the database's one-open-list index refused it.
    if (violates(error, 'secondment_candidate_one_open_per_cadre') || violates(error, 'cadre_id')) {
      return fail('errors.validation', { fieldErrors: { cadreId: 'secondment.errors.alreadyListed' } });
    }
    throw error;
  }
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.candidateAdded');
});

export const removeSecondmentCandidate = defineAction('removeSecondmentCandidate', 'secondment.propose', RemoveCandidateSchema, async (input, ctx): Promise<ActionResult> => {
  const list = await loadList(ctx.db, ctx.user, input.listId);
  if (!list) return fail('errors.notFound');
  if (!can(ctx.user, 'secondment.propose', list.resource)) return fail('errors.forbidden');
  if (list.version !== input.version || !isEditableList(list.state)) return fail('secondment.errors.stale');
  const candidate = list.candidates.find((c) => c.id === input.candidateId);
  if (!candidate) return fail('errors.notFound');
  const result = await guarded(() =>
    ctx.db.$transaction(async (tx) => {
      const bumped = await tx.secondmentList.updateMany({ where: { id: list.id, version: input.version, state: list.state }, data: { version: { increment: 1 } } });
      if (bumped.count !== 1) throw new Refused(fail('secondment.errors.stale'));
      const removed = await tx.secondmentCandidate.deleteMany({ where: { id: candidate.id, listId: list.id } });
      if (removed.count !== 1) throw new Refused(fail('secondment.errors.stale'));
      await ctx.audit(tx, { action: 'secondment.candidate.remove', entityType: 'secondment_candidate', entityId: candidate.id, before: { state: candidate.state, cadreId: candidate.cadreId, listId: list.id } });
      return null;
    }),
  );
  if (result) return result;
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.candidateRemoved');
});

export const submitSecondmentList = defineAction('submitSecondmentList', 'secondment.propose', SubmitListSchema, async (input, ctx): Promise<ActionResult> => {
  const list = await loadList(ctx.db, ctx.user, input.listId);
  if (!list) return fail('errors.notFound');
  if (list.version !== input.version) return fail('secondment.errors.stale');
  const quota = await ctx.db.departmentQuota.findUnique({ where: { departmentId_year: { departmentId: list.departmentId, year: list.phase.year } }, select: { quota: true } });
  const minimum = minimumListSize(quota?.quota ?? 0);
  const count = await countListedIncluding(ctx.db, list.departmentId, list.phase.year, list.id);
  const belowMinimum = needsJustification(count, minimum);
  const check = checkListTransition('submit', list.state, allowedOn(ctx.user, list.resource), {
    candidates: list.candidates.map((c) => c.state),
    justification: input.justification,
    belowMinimum,
  });
  if (!check.ok) {
    if (check.error === 'secondment.errors.forbidden') return fail('errors.forbidden');
    if (check.error === 'secondment.errors.justificationRequired') return fail('errors.validation', { fieldErrors: { justification: check.error } });
    return fail(check.error === 'secondment.errors.wrongState' ? 'secondment.errors.stale' : check.error);
  }
  const date = today();
  const result = await guarded(() =>
    ctx.db.$transaction(async (tx) => {
      const moved = await tx.secondmentList.updateMany({
        where: { id: list.id, version: input.version, state: list.state },
        data: { state: check.to, submittedOn: new Date(`${date}T00:00:00Z`), justification: belowMinimum ? input.justification : null, round: { increment: 1 }, version: { increment: 1 } },
      });
      if (moved.count !== 1) throw new Refused(fail('secondment.errors.stale'));
      await ctx.audit(tx, {
        action: 'secondment.list.submit',
        entityType: 'secondment_list',
        entityId: list.id,
        after: { from: list.state, to: check.to, justification: belowMinimum ? (input.justification ?? null) : null, counted: count, minimum, late: date > list.phase.dueDate },
      });
      return null;
    }),
  );
  if (result) return result;
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.submitted');
});
