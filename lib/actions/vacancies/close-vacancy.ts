'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { findVacancy } from '@/lib/db/vacancy-queries';
import { CloseVacancySchema } from '@/lib/validation/vacancy';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/** Closes an open need once filled; the version the form was rendered with guards against a concurrent change. */
export const closeVacancy = defineAction('closeVacancy', 'vacancy.declare', CloseVacancySchema, async (input, ctx) => {
  const vacancy = await findVacancy(ctx.db, input.vacancyId);
  if (!vacancy) return fail('errors.notFound');
  if (!can(ctx.user, 'vacancy.declare', { provinceId: vacancy.provinceId, communeId: vacancy.communeId })) return fail('errors.forbidden');
  if (vacancy.version !== input.version) return fail('vacancies.errors.stale');
  if (vacancy.status !== 'open') return fail('vacancies.errors.alreadyClosed');
  const closedOn = today();
  const failed = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.vacancy.updateMany({
      where: { id: vacancy.id, version: input.version, status: 'open' },
      data: { status: 'closed', closedOn: new Date(`${closedOn}T00:00:00Z`), closedById: ctx.user.id, closeNote: input.closeNote, version: { increment: 1 } },
    });
    if (updated.count !== 1) return fail('vacancies.errors.stale');
    await ctx.audit(tx, {
      action: 'vacancy.close',
      entityType: 'vacancy',
      entityId: vacancy.id,
      before: { status: 'open', version: input.version },
      after: { status: 'closed', closedOn, closeNote: input.closeNote, version: input.version + 1 },
    });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/', 'layout');
  return ok(undefined, 'vacancies.closed');
});
