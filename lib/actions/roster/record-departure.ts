'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { findCommuneById, findPersonInCommune, latestStart } from '@/lib/db/roster-queries';
import { checkDepartureDate } from '@/lib/domain/roster';
import { RecordDepartureSchema } from '@/lib/validation/roster';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * A person leaves: status 'left' with the date and reason, and every assignment of his still open in the
 * commune ends that day, in one transaction guarded by the cadre's version.
 */
export const recordDeparture = defineAction('recordDeparture', 'roster.edit', RecordDepartureSchema, async (input, ctx) => {
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune) return fail('errors.notFound');
  if (!can(ctx.user, 'roster.edit', { provinceId: commune.provinceId, communeId: commune.id })) return fail('errors.forbidden');
  const person = await findPersonInCommune(ctx.db, commune.id, { cadreId: input.cadreId });
  if (!person || person.provinceId !== commune.provinceId) return fail('errors.notFound');
  if (person.version !== input.version || person.status !== 'active') return fail('roster.errors.stale');
  const dateError = checkDepartureDate(input.date, today(), latestStart(person));
  if (dateError) return fail('errors.validation', { fieldErrors: { date: dateError } });
  const day = new Date(`${input.date}T00:00:00Z`);
  const failed = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.cadre.updateMany({
      where: { id: person.id, version: input.version, status: 'active' },
      data: { status: 'left', leftOn: day, leftReason: input.reason, version: { increment: 1 } },
    });
    if (updated.count !== 1) return fail('roster.errors.stale');
    const closed = await tx.assignment.updateMany({ where: { cadreId: person.id, communeId: commune.id, endDate: null }, data: { endDate: day } });
    await ctx.audit(tx, {
      action: 'cadre.depart',
      entityType: 'cadre',
      entityId: person.id,
      before: { code: person.code, status: 'active', version: input.version, openAssignments: person.openAssignments.map((a) => a.id) },
      after: { code: person.code, status: 'left', leftOn: input.date, leftReason: input.reason, version: input.version + 1, closedAssignments: closed.count, communeCode: commune.code },
    });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/', 'layout');
  return ok(undefined, 'roster.departureRecorded');
});
