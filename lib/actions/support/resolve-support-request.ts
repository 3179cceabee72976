'use server';

import { today } from '@/lib/clock';
import * as support from '@/lib/db/support-mutations';
import { ResolveSupportSchema } from '@/lib/validation/support';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadRequestFor, revalidateSupport } from './load';

/** A member of the group closes the request with what resolved it; the commune's chairman is told. */
export const resolveSupportRequest = defineAction('resolveSupportRequest', 'support.work', ResolveSupportSchema, async (input, ctx) => {
  const request = await loadRequestFor(ctx.db, ctx.user, input.requestId, 'resolve');
  if (request.version !== input.version) return fail('support.errors.stale');
  await ctx.write(async (tx) => {
    await support.resolveSupportRequest(tx, { requestId: request.id, version: input.version, from: request.state, resolution: input.resolution, resolvedOn: today() });
    await support.notifySupport(tx, 'resolved', { id: request.id, provinceId: request.provinceId, communeId: request.commune.id, title: request.title, communeName: request.commune.name, workingGroupId: request.workingGroup?.id ?? null }, { actorId: ctx.user.id, groupName: request.workingGroup?.name ?? null });
    return { audit: { action: 'support.resolve', entityType: 'support_request', entityId: request.id, after: { from: request.state, to: 'resolved', resolution: input.resolution } } };
  });
  revalidateSupport(request);
  return ok(undefined, 'support.notices.resolved');
}, { stale: 'support.errors.stale' });
