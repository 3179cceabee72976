'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { findCommuneById, findPersonInCommune } from '@/lib/db/roster-queries';
import { checkConcurrentRemoval, endingOf } from '@/lib/domain/roster';
import { RemoveConcurrentPositionSchema } from '@/lib/validation/roster';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { StaleWrite, withStaleGuard } from './stale';

/**
 * Ends one concurrent position from a date: the assignment ends the day before (or, removed on its first
 * day, is withdrawn: it never took effect). Guarded by the cadre's version; the audit record keeps it all.
 */
export const removeConcurrentPosition = defineAction('removeConcurrentPosition', 'roster.edit', RemoveConcurrentPositionSchema, async (input, ctx) => {
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune) return fail('errors.notFound');
  if (!can(ctx.user, 'roster.edit', { provinceId: commune.provinceId, communeId: commune.id })) return fail('errors.forbidden');
  const person = await findPersonInCommune(ctx.db, commune.id, { cadreId: input.cadreId });
  if (!person || person.provinceId !== commune.provinceId) return fail('errors.notFound');
  if (person.version !== input.version || person.status !== 'active') return fail('roster.errors.stale');
  const assignment = person.openAssignments.find((a) => a.id === input.assignmentId && !a.isPrimary);
  if (!assignment) return fail('errors.notFound');
  const dateError = checkConcurrentRemoval(assignment.startDate, input.date, today());
  if (dateError) return fail('errors.validation', { fieldErrors: { date: dateError } });
  const ending = endingOf(assignment.startDate, input.date);

  const failed = await withStaleGuard(() => ctx.db.$transaction(async (tx) => {
    const bumped = await tx.cadre.updateMany({ where: { id: person.id, version: input.version, status: 'active' }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) return fail('roster.errors.stale');
    const where = { id: assignment.id, endDate: null };
    const done =
      ending.kind === 'withdraw'
        ? await tx.assignment.deleteMany({ where })
        : await tx.assignment.updateMany({ where, data: { endDate: new Date(`${ending.endDate}T00:00:00Z`) } });
    if (done.count !== 1) throw new StaleWrite();
    await ctx.audit(tx, {
      action: 'cadre.removeConcurrentPosition',
      entityType: 'cadre',
      entityId: person.id,
      before: { code: person.code, version: input.version, assignmentId: assignment.id, positionCode: assignment.positionCode, startDate: assignment.startDate },
      after: {
        code: person.code, version: input.version + 1, communeCode: commune.code, assignmentId: assignment.id, effectiveDate: input.date,
        ...(ending.kind === 'end' ? { endDate: ending.endDate } : { withdrawn: true }),
      },
    });
    return null;
  }));
  if (failed) return failed;
  revalidatePath('/', 'layout');
  return ok(undefined, 'roster.concurrentRemoved');
});
