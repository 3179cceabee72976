'use server';

import { revalidatePath } from 'next/cache';
import { updateProblemGroup as writeProblemGroup } from '@/lib/db/problem-group-mutations';
import { findProblemGroup } from '@/lib/db/support-queries';
import { UpdateProblemGroupSchema } from '@/lib/validation/support';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/** Renames, reorders, deactivates or reactivates a problem group; a deactivated one is no longer offered to new requests. */
export const updateProblemGroup = defineAction('updateProblemGroup', 'problemGroup.manage', UpdateProblemGroupSchema, async (input, ctx) => {
  const group = await findProblemGroup(ctx.db, ctx.user.provinceId, input.problemGroupId);
  if (!group) return fail('errors.notFound');
  if (group.version !== input.version) return fail('support.problemGroups.errors.stale');
  const isActive = input.isActive === 'active';
  const snapshot = (g: { code: string; nameVi: string; nameEn: string; isActive: boolean; sortOrder: number }) => ({ code: g.code, nameVi: g.nameVi, nameEn: g.nameEn, isActive: g.isActive, sortOrder: g.sortOrder });
  await ctx.write(async (tx) => {
    await writeProblemGroup(tx, { id: group.id, version: input.version, nameVi: input.nameVi, nameEn: input.nameEn, sortOrder: input.sortOrder, isActive });
    return {
      audit: {
        action: 'problemGroup.update', entityType: 'problem_group', entityId: group.id,
        before: snapshot(group), after: snapshot({ code: group.code, nameVi: input.nameVi, nameEn: input.nameEn, isActive, sortOrder: input.sortOrder }),
      },
    };
  });
  revalidatePath('/admin/problem-groups');
  return ok(undefined, 'support.problemGroups.notices.updated');
}, { stale: 'support.problemGroups.errors.stale' });
