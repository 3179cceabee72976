'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { StaleWrite } from '@/lib/db/errors';
import * as secondments from '@/lib/db/secondment-mutations';
import { isEditableList } from '@/lib/domain/secondment';
import { RemoveCandidateSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadList } from './load';

/** The department takes a candidate off its draft or returned list (the audit row keeps the list's id). */
export const removeSecondmentCandidate = defineAction('removeSecondmentCandidate', 'secondment.propose', RemoveCandidateSchema, async (input, ctx) => {
  const list = await loadList(ctx, input.listId);
  if (!can(ctx.user, 'secondment.propose', list.resource)) return fail('errors.forbidden');
  if (list.version !== input.version || !isEditableList(list.state)) throw new StaleWrite('secondment_list');
  const candidate = list.candidates.find((c) => c.id === input.candidateId);
  if (!candidate) return fail('errors.notFound');
  await ctx.write(async (tx) => {
    await secondments.removeCandidate(tx, { listId: list.id, version: input.version, candidateId: candidate.id });
    return { audit: { action: 'secondment.candidate.remove', entityId: candidate.id, before: { state: candidate.state, cadreId: candidate.cadreId, listId: list.id } } };
  });
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.candidateRemoved');
}, { stale: 'secondment.errors.stale' });
