'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { findCommuneById, findCommunePosition, findPersonInCommune, lastEndedHolding, openPrimary } from '@/lib/db/roster-queries';
import { checkConcurrentAddition } from '@/lib/domain/roster';
import { AddConcurrentPositionSchema } from '@/lib/validation/roster';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * A concurrent position (kiêm nhiệm) in the commune from a start date. It adds no headcount (domain rule 1)
 * but a key position held concurrently is filled (rules.md "Counting"). Guarded by the cadre's version.
 */
export const addConcurrentPosition = defineAction('addConcurrentPosition', 'roster.edit', AddConcurrentPositionSchema, async (input, ctx) => {
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune) return fail('errors.notFound');
  if (!can(ctx.user, 'roster.edit', { provinceId: commune.provinceId, communeId: commune.id })) return fail('errors.forbidden');
  const person = await findPersonInCommune(ctx.db, commune.id, { cadreId: input.cadreId });
  if (!person || person.provinceId !== commune.provinceId) return fail('errors.notFound');
  if (person.version !== input.version || person.status !== 'active') return fail('roster.errors.stale');
  const position = await findCommunePosition(ctx.db, commune.provinceId, input.positionId);
  if (!position) return fail('errors.validation', { fieldErrors: { positionId: 'roster.errors.position' } });
  const problem = checkConcurrentAddition({
    positionId: position.id,
    primaryPositionId: openPrimary(person)?.positionId ?? null,
    concurrentPositionIds: person.openAssignments.filter((a) => !a.isPrimary).map((a) => a.positionId),
    lastEnded: await lastEndedHolding(ctx.db, person.id, commune.id, position.id),
    startDate: input.startDate,
    today: today(),
  });
  if (problem) return fail('errors.validation', { fieldErrors: { [problem.field]: problem.error } });

  const failed = await ctx.db.$transaction(async (tx) => {
    const bumped = await tx.cadre.updateMany({ where: { id: person.id, version: input.version, status: 'active' }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) return fail('roster.errors.stale');
    const created = await tx.assignment.create({
      data: { cadreId: person.id, communeId: commune.id, positionId: position.id, isPrimary: false, startDate: new Date(`${input.startDate}T00:00:00Z`) },
      select: { id: true },
    });
    await ctx.audit(tx, {
      action: 'cadre.addConcurrentPosition',
      entityType: 'cadre',
      entityId: person.id,
      before: { code: person.code, version: input.version },
      after: { code: person.code, version: input.version + 1, communeCode: commune.code, assignmentId: created.id, positionCode: position.code, startDate: input.startDate },
    });
    return null;
  });
  if (failed) return failed;
  revalidatePath('/', 'layout');
  return ok(undefined, 'roster.concurrentAdded');
});
