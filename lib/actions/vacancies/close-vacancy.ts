'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import * as vacancies from '@/lib/db/vacancy-mutations';
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
  await ctx.write(async (tx) => {
    await vacancies.closeVacancy(tx, { vacancyId: vacancy.id, version: input.version, closedOn, closedById: ctx.user.id, closeNote: input.closeNote });
    return {
      audit: {
        action: 'vacancy.close',
        entityType: 'vacancy',
        entityId: vacancy.id,
        before: { status: 'open', version: input.version },
        after: { status: 'closed', closedOn, closeNote: input.closeNote, version: input.version + 1 },
      },
    };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, 'vacancies.closed');
}, { stale: 'vacancies.errors.stale' });
