'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { StaleWrite } from '@/lib/db/errors';
import * as secondments from '@/lib/db/secondment-mutations';
import { checkListTransition } from '@/lib/domain/secondment';
import { ForwardListSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { allowedOn, expectTransition, loadList } from './load';

/**
 * The Organizing Committee forwards a fully assessed list to the Standing Committee: those who meet the
 * standards go forward, the others are released. Conditional on the version the reviewer saw.
 */
export const forwardSecondmentList = defineAction('forwardSecondmentList', 'secondment.review', ForwardListSchema, async (input, ctx) => {
  const list = await loadList(ctx, input.listId);
  if (!can(ctx.user, 'secondment.review', list.resource)) return fail('errors.forbidden');
  if (list.version !== input.version) throw new StaleWrite('secondment_list');
  const to = expectTransition(checkListTransition('forward', list.state, allowedOn(ctx.user, list.resource), { candidates: list.candidates.map((c) => c.state) }));
  await ctx.write(async (tx) => {
    const { forwardedIds } = await secondments.forwardList(tx, { listId: list.id, version: input.version, to });
    return {
      audit: [
        { action: 'secondment.list.forward', entityId: list.id, after: { from: list.state, to, forwarded: forwardedIds.length } },
        ...forwardedIds.map((id) => ({ action: 'secondment.candidate.forward', entityId: id, after: { from: 'meets', to: 'forwarded' } }) as const),
      ],
    };
  });
  revalidatePath('/secondments', 'layout');
  return ok(undefined, 'secondment.notices.forwarded');
}, { stale: 'secondment.errors.stale' });
