'use server';

import { today } from '@/lib/clock';
import * as support from '@/lib/db/support-mutations';
import { EscalateSupportSchema } from '@/lib/validation/support';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadRequestFor, revalidateSupport } from './load';

/**
 * A member of the group escalates a problem the group cannot settle: to the province's leadership, or beyond the
 * province's authority to the Central level ("vượt thẩm quyền – báo cáo Trung ương"), with the summary to send. The
 * commune's chairman is told. The report lists the escalated problems by group.
 */
export const escalateSupportRequest = defineAction('escalateSupportRequest', 'support.work', EscalateSupportSchema, async (input, ctx) => {
  const action = input.to === 'escalated_central' ? 'escalateCentral' : 'escalateProvince';
  const request = await loadRequestFor(ctx.db, ctx.user, input.requestId, action);
  if (request.version !== input.version) return fail('support.errors.stale');
  await ctx.write(async (tx) => {
    await support.escalateSupportRequest(tx, { requestId: request.id, version: input.version, from: request.state, to: input.to, summary: input.summary, escalatedOn: today() });
    await support.notifySupport(tx, 'escalated', { id: request.id, provinceId: request.provinceId, communeId: request.commune.id, title: request.title, communeName: request.commune.name, workingGroupId: request.workingGroup?.id ?? null }, { actorId: ctx.user.id, groupName: request.workingGroup?.name ?? null, to: input.to });
    return { audit: { action: 'support.escalate', entityType: 'support_request', entityId: request.id, after: { from: request.state, to: input.to, summary: input.summary } } };
  });
  revalidateSupport(request);
  return ok(undefined, 'support.notices.escalated');
}, { stale: 'support.errors.stale' });
