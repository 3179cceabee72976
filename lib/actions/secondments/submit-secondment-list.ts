'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import { StaleWrite } from '@/lib/db/errors';
import { getSubmissionCheck } from '@/lib/db/secondment-submission';
import * as secondments from '@/lib/db/secondment-mutations';
import { checkListTransition } from '@/lib/domain/secondment';
import { SubmitListSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { ok } from '../result';
import { allowedOn, expectTransition, loadList } from './load';

/**
 * The department sends its list to the Organizing Committee. Below the 5% minimum of its quota (its latest confirmed
 * quota year not after the phase's; counting its lists of the year already submitted) it must say why; the audit row
 * records whether it was late against the phase's due date.
 */
export const submitSecondmentList = defineAction('submitSecondmentList', 'secondment.propose', SubmitListSchema, async (input, ctx) => {
  const list = await loadList(ctx, input.listId);
  if (list.version !== input.version) throw new StaleWrite('secondment_list');
  const { minimum, counted, belowMinimum } = await getSubmissionCheck(ctx.db, { id: list.id, departmentId: list.departmentId, year: list.phase.year });
  const to = expectTransition(
    checkListTransition('submit', list.state, allowedOn(ctx.user, list.resource), { candidates: list.candidates.map((c) => c.state), justification: input.justification, belowMinimum }),
    { 'secondment.errors.justificationRequired': 'justification' },
  );
  const date = today();
  const justification = belowMinimum ? input.justification : null;
  await ctx.write(async (tx) => {
    await secondments.submitList(tx, { listId: list.id, version: input.version, to, submittedOn: date, justification });
    return { audit: { action: 'secondment.list.submit', entityId: list.id, after: { from: list.state, to, justification, counted, minimum, late: date > list.dueDate } } };
  });
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.submitted');
}, { stale: 'secondment.errors.stale' });
