'use server';

import * as support from '@/lib/db/support-mutations';
import { AnswerSupportSchema } from '@/lib/validation/support';
import { defineAction } from '../define-action';
import { ok } from '../result';
import { loadRequestFor, revalidateSupport } from './load';

/**
 * An answer on the request, by a member of its group (the chairman is told) or by the commune's chairman (the group
 * is told), until it is resolved. Idempotent (one answer per form).
 */
export const answerSupportRequest = defineAction('answerSupportRequest', 'support.answer', AnswerSupportSchema, async (input, ctx) => {
  const request = await loadRequestFor(ctx.db, ctx.user, input.requestId, 'answer');
  // The chairman of the commune answers for the commune; anyone else allowed here is a member of the group.
  const side = ctx.user.role === 'commune_chairman' ? ('commune' as const) : ('group' as const);
  const answerId = await ctx.write(async (tx) => {
    const id = await support.insertSupportAnswer(tx, { requestId: request.id, authorId: ctx.user.id, body: input.body });
    await support.notifySupport(tx, 'answered', { id: request.id, provinceId: request.provinceId, communeId: request.commune.id, title: request.title, communeName: request.commune.name, workingGroupId: request.workingGroup?.id ?? null }, { actorId: ctx.user.id, side, groupName: request.workingGroup?.name ?? null });
    return { value: id, audit: { action: 'support.answer', entityType: 'support_request', entityId: request.id, after: { answerId: id, side, body: input.body } } };
  });
  revalidateSupport(request);
  return ok({ answerId }, 'support.notices.answered');
}, { idempotent: true });
