'use server';

import { today } from '@/lib/clock';
import { Refusal } from '@/lib/db/errors';
import * as support from '@/lib/db/support-mutations';
import { RecordVisitSchema } from '@/lib/validation/support';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadRequestFor, revalidateSupport } from './load';

/**
 * A member of the assigned group records the group's visit to the commune: its date (never ahead of today), who
 * went, what was done. The visit shows on the request and on the commune's page. Idempotent (one visit per form).
 */
export const recordSupportVisit = defineAction('recordSupportVisit', 'support.work', RecordVisitSchema, async (input, ctx) => {
  const request = await loadRequestFor(ctx.db, ctx.user, input.requestId, 'visit');
  const group = request.workingGroup;
  if (!group) throw new Refusal('support.errors.state');
  if (input.visitedOn > today()) return fail('errors.validation', { fieldErrors: { visitedOn: 'support.errors.visitInFuture' } });
  const visitId = await ctx.write(async (tx) => {
    const id = await support.insertSupportVisit(tx, {
      workingGroupId: group.id, communeId: request.commune.id, requestId: request.id, visitedOn: input.visitedOn, members: input.members, summary: input.summary, recordedById: ctx.user.id,
    });
    return {
      value: id,
      audit: {
        action: 'support.visit', entityType: 'support_request', entityId: request.id,
        after: { visitId: id, workingGroup: group.name, commune: request.commune.code, visitedOn: input.visitedOn, visitMembers: input.members, summary: input.summary },
      },
    };
  });
  revalidateSupport(request);
  return ok({ visitId }, 'support.notices.visited');
}, { idempotent: true });
