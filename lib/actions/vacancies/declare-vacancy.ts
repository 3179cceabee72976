'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { findCommuneById } from '@/lib/db/roster-queries';
import * as vacancies from '@/lib/db/vacancy-mutations';
import { DeclareVacancySchema } from '@/lib/validation/vacancy';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * A need of the commune: a position of the catalogue and/or a field of expertise, how many, how urgent. Idempotent:
 * the same form posted twice declares one need (docs/decisions/036-one-time-form-tokens.md).
 */
export const declareVacancy = defineAction('declareVacancy', 'vacancy.declare', DeclareVacancySchema, async (input, ctx) => {
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune) return fail('errors.notFound');
  if (!can(ctx.user, 'vacancy.declare', { provinceId: commune.provinceId, communeId: commune.id })) return fail('errors.forbidden');
  if (input.positionId !== null) {
    const position = await ctx.db.position.findFirst({ where: { id: input.positionId, provinceId: commune.provinceId, block: { not: null } }, select: { id: true } });
    if (!position) return fail('errors.validation', { fieldErrors: { positionId: 'vacancies.errors.position' } });
  }
  const id = await ctx.write(async (tx) => {
    const vacancyId = await vacancies.insertVacancy(tx, {
      communeId: commune.id, positionId: input.positionId, field: input.field, count: input.count, urgency: input.urgency, note: input.note,
      declaredById: ctx.user.id, declaredOn: today(),
    });
    return {
      value: vacancyId,
      audit: {
        action: 'vacancy.declare',
        entityType: 'vacancy',
        entityId: vacancyId,
        after: { communeCode: commune.code, positionId: input.positionId, field: input.field, count: input.count, urgency: input.urgency, note: input.note },
      },
    };
  });
  revalidatePath('/', 'layout');
  return ok({ id }, 'vacancies.declared');
}, { idempotent: true });
