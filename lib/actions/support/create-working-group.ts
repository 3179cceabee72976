'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { Refusal } from '@/lib/db/errors';
import { createWorkingGroup as insertWorkingGroup } from '@/lib/db/working-group-mutations';
import { CreateWorkingGroupSchema } from '@/lib/validation/support';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { checkWorkingGroupInput } from './working-group-input';

/** Home Affairs or the Organizing Committee sets up a working group: its kind, head, members, communes and problem groups. */
export const createWorkingGroup = defineAction('createWorkingGroup', 'workingGroup.manage', CreateWorkingGroupSchema, async (posted, ctx) => {
  if (!can(ctx.user, 'workingGroup.manage', { provinceId: ctx.user.provinceId })) return fail('errors.forbidden');
  const { input, snapshot } = await checkWorkingGroupInput(ctx.db, ctx.user.provinceId, posted);
  const taken = await ctx.db.workingGroup.findFirst({ where: { provinceId: ctx.user.provinceId, name: posted.name }, select: { id: true } });
  if (taken) throw new Refusal('errors.validation', { name: 'support.groups.errors.nameTaken' });
  const groupId = await ctx.write(async (tx) => {
    const id = await insertWorkingGroup(tx, input);
    return { value: id, audit: { action: 'workingGroup.create', entityType: 'working_group', entityId: id, after: snapshot } };
  });
  revalidatePath('/support/groups');
  return ok({ groupId }, 'support.groups.notices.created');
});
