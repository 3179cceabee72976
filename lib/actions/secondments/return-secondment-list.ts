'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import { Refusal, StaleWrite } from '@/lib/db/errors';
import * as secondments from '@/lib/db/secondment-mutations';
import { checkListTransition } from '@/lib/domain/secondment';
import { ReturnListSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { ok } from '../result';
import { allowedOn, expectTransition, loadList } from './load';

/**
 * The Organizing Committee returns a submitted list to the department with a comment and the list's own new due
 * date (not before today), which its officers are told in their inbox. Conditional on the version the reviewer
 * saw: of a return and a forward posted at once, exactly one happens.
 */
export const returnSecondmentList = defineAction('returnSecondmentList', 'secondment.review', ReturnListSchema, async (input, ctx) => {
  const list = await loadList(ctx, input.listId);
  if (list.version !== input.version) throw new StaleWrite('secondment_list');
  const to = expectTransition(
    checkListTransition('return', list.state, allowedOn(ctx.user, list.resource), { candidates: list.candidates.map((c) => c.state), comment: input.comment }),
    { 'secondment.errors.commentRequired': 'comment' },
  );
  if (input.dueDate < today()) throw new Refusal('errors.validation', { dueDate: 'secondment.errors.dueDateBeforeToday' });
  await ctx.write(async (tx) => {
    await secondments.returnList(tx, { listId: list.id, version: input.version, to, dueDate: input.dueDate });
    return { audit: { action: 'secondment.list.return', entityId: list.id, after: { from: list.state, to, comment: input.comment, dueDate: input.dueDate } } };
  });
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.returned');
}, { stale: 'secondment.errors.stale' });
