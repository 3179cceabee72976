'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { Refusal } from '@/lib/db/errors';
import { findWorkingGroup } from '@/lib/db/support-queries';
import { updateWorkingGroup as writeWorkingGroup } from '@/lib/db/working-group-mutations';
import { UpdateWorkingGroupSchema } from '@/lib/validation/support';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { checkWorkingGroupInput } from './working-group-input';

/** A group's name, kind, head, members, communes and problem groups, from the version the form was rendered with. */
export const updateWorkingGroup = defineAction('updateWorkingGroup', 'workingGroup.manage', UpdateWorkingGroupSchema, async (posted, ctx) => {
  const group = await findWorkingGroup(ctx.db, ctx.user.provinceId, posted.groupId);
  if (!group) return fail('errors.notFound');
  if (!can(ctx.user, 'workingGroup.manage', { provinceId: ctx.user.provinceId })) return fail('errors.forbidden');
  if (group.version !== posted.version) return fail('support.groups.errors.stale');
  const { groupId, version, ...fields } = posted;
  const { input, snapshot } = await checkWorkingGroupInput(ctx.db, ctx.user.provinceId, fields);
  const taken = await ctx.db.workingGroup.findFirst({ where: { provinceId: ctx.user.provinceId, name: fields.name, id: { not: groupId } }, select: { id: true } });
  if (taken) throw new Refusal('errors.validation', { name: 'support.groups.errors.nameTaken' });
  const before = {
    name: group.name, kind: group.kind, department: group.department?.code ?? null, headUserId: group.head?.id ?? null, headName: group.headName,
    memberNames: group.members.map((m) => m.username), communeCodes: group.communes.map((c) => c.code), problemGroups: group.problems.map((p) => p.code),
  };
  await ctx.write(async (tx) => {
    await writeWorkingGroup(tx, groupId, version, input);
    return { audit: { action: 'workingGroup.update', entityType: 'working_group', entityId: groupId, before, after: snapshot } };
  });
  revalidatePath('/support/groups');
  revalidatePath(`/support/groups/${groupId}`);
  return ok(undefined, 'support.groups.notices.updated');
}, { stale: 'support.groups.errors.stale' });
