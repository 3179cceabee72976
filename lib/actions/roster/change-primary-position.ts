'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { findCommuneById, findCommunePosition, findPersonInCommune, openPrimary } from '@/lib/db/roster-queries';
import { checkPrimaryChange, dayBefore, endingOf } from '@/lib/domain/roster';
import { ChangePrimaryPositionSchema } from '@/lib/validation/roster';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { StaleWrite, withStaleGuard } from './stale';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * A person's primary position changes from a date: the open primary assignment ends the day before and a new
 * one opens that day (the database refuses two open primaries and overlapping primary ranges). If he held the
 * new position concurrently, that concurrent assignment stops too: a person holds a position once. One
 * transaction guarded by the cadre's version, with its audit record.
 */
export const changePrimaryPosition = defineAction('changePrimaryPosition', 'roster.edit', ChangePrimaryPositionSchema, async (input, ctx) => {
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune) return fail('errors.notFound');
  if (!can(ctx.user, 'roster.edit', { provinceId: commune.provinceId, communeId: commune.id })) return fail('errors.forbidden');
  const person = await findPersonInCommune(ctx.db, commune.id, { cadreId: input.cadreId });
  if (!person || person.provinceId !== commune.provinceId) return fail('errors.notFound');
  if (person.version !== input.version || person.status !== 'active') return fail('roster.errors.stale');
  const current = openPrimary(person);
  if (!current) return fail('roster.errors.noPrimaryHere');
  const position = await findCommunePosition(ctx.db, commune.provinceId, input.positionId);
  if (!position) return fail('errors.validation', { fieldErrors: { positionId: 'roster.errors.position' } });
  const problem = checkPrimaryChange({
    currentPositionId: current.positionId, currentStart: current.startDate, newPositionId: position.id, effectiveDate: input.effectiveDate, today: today(),
  });
  if (problem) return fail('errors.validation', { fieldErrors: { [problem.field]: problem.error } });
  const absorbed = person.openAssignments.find((a) => !a.isPrimary && a.positionId === position.id) ?? null;
  const absorbedEnding = absorbed ? endingOf(absorbed.startDate, input.effectiveDate) : null;

  const failed = await withStaleGuard(() => ctx.db.$transaction(async (tx) => {
    const bumped = await tx.cadre.updateMany({ where: { id: person.id, version: input.version, status: 'active' }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) return fail('roster.errors.stale');
    const closed = await tx.assignment.updateMany({ where: { id: current.id, endDate: null }, data: { endDate: day(dayBefore(input.effectiveDate)) } });
    if (closed.count !== 1) throw new StaleWrite();
    if (absorbed && absorbedEnding) {
      const where = { id: absorbed.id, endDate: null };
      const done =
        absorbedEnding.kind === 'withdraw'
          ? await tx.assignment.deleteMany({ where })
          : await tx.assignment.updateMany({ where, data: { endDate: day(absorbedEnding.endDate) } });
      if (done.count !== 1) throw new StaleWrite();
    }
    const created = await tx.assignment.create({
      data: { cadreId: person.id, communeId: commune.id, positionId: position.id, isPrimary: true, startDate: day(input.effectiveDate) },
      select: { id: true },
    });
    await ctx.audit(tx, {
      action: 'cadre.changePrimaryPosition',
      entityType: 'cadre',
      entityId: person.id,
      before: { code: person.code, version: input.version, primary: { assignmentId: current.id, positionCode: current.positionCode, startDate: current.startDate } },
      after: {
        code: person.code,
        version: input.version + 1,
        communeCode: commune.code,
        closedPrimary: { assignmentId: current.id, endDate: dayBefore(input.effectiveDate) },
        primary: { assignmentId: created.id, positionCode: position.code, startDate: input.effectiveDate },
        ...(absorbed && absorbedEnding
          ? { absorbedConcurrent: { assignmentId: absorbed.id, positionCode: absorbed.positionCode, ...(absorbedEnding.kind === 'end' ? { endDate: absorbedEnding.endDate } : { withdrawn: true }) } }
          : {}),
      },
    });
    return null;
  }));
  if (failed) return failed;
  revalidatePath('/', 'layout');
  return ok(undefined, 'roster.primaryChanged');
});
