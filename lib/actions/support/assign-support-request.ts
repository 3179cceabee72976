'use server';

import { today } from '@/lib/clock';
import * as support from '@/lib/db/support-mutations';
import { findWorkingGroup } from '@/lib/db/support-queries';
import { coverageWarnings } from '@/lib/domain/support';
import { AssignSupportSchema } from '@/lib/validation/support';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { loadRequestFor, revalidateSupport } from './load';

/**
 * Home Affairs or the Organizing Committee sends a request to a working group (again, to another one, while it is
 * assigned). A group that does not cover the request's commune or problem group is a warning, not a refusal: the
 * action answers with the warnings until the form's confirm box is ticked. The group's members and head, and the
 * commune's chairman, are told.
 */
export const assignSupportRequest = defineAction('assignSupportRequest', 'support.assign', AssignSupportSchema, async (input, ctx) => {
  const request = await loadRequestFor(ctx.db, ctx.user, input.requestId, 'assign');
  const group = await findWorkingGroup(ctx.db, ctx.user.provinceId, input.workingGroupId);
  if (!group) return fail('errors.validation', { fieldErrors: { workingGroupId: 'support.errors.workingGroup' } });
  if (request.version !== input.version) return fail('support.errors.stale');
  const warnings = coverageWarnings(
    { communeIds: group.communes.map((c) => c.id), problemGroupIds: group.problems.map((p) => p.id) },
    { communeId: request.commune.id, problemGroupId: request.problemGroup.id },
  );
  if (warnings.length > 0 && input.confirm !== 'on') {
    return fail('support.assign.warnings.confirm', {
      fieldErrors: { confirm: warnings.length === 2 ? 'support.assign.warnings.both' : warnings[0] },
      params: { group: group.name, commune: request.commune.name, problem: request.problemGroup.nameVi },
    });
  }
  const assignedOn = today();
  await ctx.write(async (tx) => {
    await support.assignSupportRequest(tx, { requestId: request.id, version: input.version, from: request.state, workingGroupId: group.id, assignedOn });
    await support.notifySupport(tx, 'assigned', { id: request.id, provinceId: request.provinceId, communeId: request.commune.id, title: request.title, communeName: request.commune.name, workingGroupId: group.id }, { actorId: ctx.user.id, groupName: group.name });
    return {
      audit: {
        action: 'support.assign', entityType: 'support_request', entityId: request.id,
        after: {
          from: request.state, to: 'assigned', workingGroup: group.name, previousGroup: request.workingGroup?.name ?? null,
          warnings: warnings.map((w) => (w === 'support.assign.warnings.commune' ? 'commune' : 'problem')),
        },
      },
    };
  });
  revalidateSupport(request);
  return ok(undefined, 'support.notices.assigned');
}, { stale: 'support.errors.stale' });
