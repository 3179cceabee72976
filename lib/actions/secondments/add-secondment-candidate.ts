'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { StaleWrite } from '@/lib/db/errors';
import { hasOpenSecondment } from '@/lib/db/secondment-queries';
import * as secondments from '@/lib/db/secondment-mutations';
import { isEditableList } from '@/lib/domain/secondment';
import { AddCandidateSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadList } from './load';

/**
 * The department proposes one of its own active staff for its draft or returned list, with the kind of post,
 * the field and optionally a preferred commune of the province. A person in an active (or planned) secondment
 * is refused; one already held by another open list is refused by the database (one open list per cadre).
 */
export const addSecondmentCandidate = defineAction('addSecondmentCandidate', 'secondment.propose', AddCandidateSchema, async (input, ctx) => {
  const list = await loadList(ctx, input.listId);
  if (!can(ctx.user, 'secondment.propose', list.resource)) return fail('errors.forbidden');
  if (list.version !== input.version || !isEditableList(list.state)) throw new StaleWrite('secondment_list');
  const staff = await ctx.db.assignment.findFirst({
    where: { cadreId: input.cadreId, departmentId: list.departmentId, isPrimary: true, endDate: null, cadre: { status: 'active' } },
    select: { cadre: { select: { code: true } } },
  });
  if (!staff) return fail('errors.validation', { fieldErrors: { cadreId: 'secondment.errors.notOwnStaff' } });
  if (list.candidates.some((c) => c.cadreId === input.cadreId)) return fail('errors.validation', { fieldErrors: { cadreId: 'secondment.errors.alreadyOnList' } });
  if (await hasOpenSecondment(ctx.db, input.cadreId, today())) return fail('errors.validation', { fieldErrors: { cadreId: 'secondment.errors.activeSecondment' } });
  const commune = input.preferredCommuneId === null
    ? null
    : await ctx.db.commune.findFirst({ where: { id: input.preferredCommuneId, provinceId: list.provinceId }, select: { id: true, code: true } });
  if (input.preferredCommuneId !== null && !commune) return fail('errors.validation', { fieldErrors: { preferredCommuneId: 'secondment.errors.commune' } });
  await ctx.write(async (tx) => {
    const { candidateId } = await secondments.proposeCandidate(tx, {
      listId: list.id, version: input.version, cadreId: input.cadreId, kind: input.kind, field: input.field, preferredCommuneId: commune?.id ?? null,
    });
    return {
      audit: {
        action: 'secondment.candidate.propose',
        entityId: candidateId,
        after: { to: 'proposed', cadre: staff.cadre.code, kind: input.kind, field: input.field, preferredCommune: commune?.code ?? null },
      },
    };
  });
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.candidateAdded');
}, { stale: 'secondment.errors.stale' });
