'use server';

import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { findCommuneById } from '@/lib/db/roster-queries';
import * as support from '@/lib/db/support-mutations';
import { RaiseSupportSchema } from '@/lib/validation/support';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { revalidateSupport } from './load';

/**
 * A chairman asks the province for support on a problem of his commune (docs/decisions/044-support-requests-and-working-groups.md).
 * Home Affairs and the Organizing Committee are told in their inbox. Idempotent: the same form posted twice raises
 * one request (docs/decisions/036-one-time-form-tokens.md). Files are attached on the request's page.
 */
export const raiseSupportRequest = defineAction('raiseSupportRequest', 'support.raise', RaiseSupportSchema, async (input, ctx) => {
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune) return fail('errors.notFound');
  if (!can(ctx.user, 'support.raise', { provinceId: commune.provinceId, communeId: commune.id })) return fail('errors.forbidden');
  const group = await ctx.db.problemGroup.findFirst({ where: { id: input.problemGroupId, provinceId: commune.provinceId, isActive: true }, select: { id: true, code: true } });
  if (!group) return fail('errors.validation', { fieldErrors: { problemGroupId: 'support.errors.problemGroup' } });
  const requestId = await ctx.write(async (tx) => {
    const id = await support.insertSupportRequest(tx, {
      provinceId: commune.provinceId, communeId: commune.id, problemGroupId: group.id, title: input.title, description: input.description,
      urgency: input.urgency, raisedById: ctx.user.id, raisedOn: today(),
    });
    await support.notifySupport(tx, 'raised', { id, provinceId: commune.provinceId, communeId: commune.id, title: input.title, communeName: commune.name, workingGroupId: null }, { actorId: ctx.user.id });
    return {
      value: id,
      audit: {
        action: 'support.raise', entityType: 'support_request', entityId: id,
        after: { to: 'open', commune: commune.code, problemGroup: group.code, title: input.title, urgency: input.urgency },
      },
    };
  });
  revalidateSupport({ id: requestId, commune });
  return ok({ requestId }, 'support.notices.raised');
}, { idempotent: true });
