'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { findCommuneById } from '@/lib/db/roster-queries';
import { getCommuneStaffing } from '@/lib/db/staffing-queries';
import { checkRecruitmentDates, checkRecruitmentWithinQuota, nextCadreCode } from '@/lib/domain/roster';
import type { Block } from '@/lib/domain/types';
import { RecruitCadreSchema } from '@/lib/validation/roster';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

// Advisory-lock namespaces (first key of pg_advisory_xact_lock(int, int)).
const LOCK_RECRUIT_COMMUNE = 5101;
const LOCK_CADRE_CODE = 5102;

/**
 * New recruitment (rules.md "Workflows"): refused when the block's headcount, from the counting pipeline,
 * would pass its quota (domain rule 6). Recruitments in one commune are serialised by a transaction-scoped
 * lock, so two at once cannot both pass the check; the code is the province's next free one, under a lock too.
 */
export const recruitCadre = defineAction('recruitCadre', 'roster.edit', RecruitCadreSchema, async (input, ctx) => {
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune) return fail('errors.notFound');
  if (!can(ctx.user, 'roster.edit', { provinceId: commune.provinceId, communeId: commune.id })) return fail('errors.forbidden');
  const position = await ctx.db.position.findFirst({
    where: { id: input.positionId, provinceId: commune.provinceId, block: { not: null } },
    select: { id: true, code: true, block: true },
  });
  if (!position?.block) return fail('errors.validation', { fieldErrors: { positionId: 'roster.errors.position' } });
  const block = position.block as Block;
  const date = today();
  const dateProblem = checkRecruitmentDates(input.birthDate, input.startDate, date);
  if (dateProblem) return fail('errors.validation', { fieldErrors: { [dateProblem.field]: dateProblem.error } });

  type Outcome = { refused: 'roster.errors.overQuota' } | { id: number; code: string };
  const outcome = await ctx.db.$transaction(
    async (tx): Promise<Outcome> => {
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1::int, $2::int)', LOCK_RECRUIT_COMMUNE, commune.id);
      // Read after the lock: every earlier recruitment in this commune has committed.
      const staffing = await getCommuneStaffing(ctx.db, commune.provinceId, commune.id, { date });
      const figures = staffing.blocks[block];
      const rule = checkRecruitmentWithinQuota(figures);
      if (!rule.ok) return { refused: rule.error };
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1::int, $2::int)', LOCK_CADRE_CODE, commune.provinceId);
      const last = await tx.$queryRawUnsafe<{ code: string }[]>(
        `SELECT code FROM cadre WHERE province_id = $1 AND code ~ '^CB[0-9]+$' ORDER BY length(code) DESC, code DESC LIMIT 1`,
        commune.provinceId,
      );
      const code = nextCadreCode(last.map((r) => r.code));
      const cadre = await tx.cadre.create({
        data: {
          provinceId: commune.provinceId,
          code,
          fullName: input.fullName,
          gender: input.gender,
          birthDate: new Date(`${input.birthDate}T00:00:00Z`),
          education: input.education,
          field: input.field,
          employmentType: input.employmentType,
        },
        select: { id: true },
      });
      await tx.assignment.create({
        data: { cadreId: cadre.id, communeId: commune.id, positionId: position.id, isPrimary: true, startDate: new Date(`${input.startDate}T00:00:00Z`) },
      });
      await ctx.audit(tx, {
        action: 'cadre.recruit',
        entityType: 'cadre',
        entityId: cadre.id,
        after: {
          code, fullName: input.fullName, gender: input.gender, employmentType: input.employmentType, education: input.education, field: input.field,
          communeCode: commune.code, positionCode: position.code, startDate: input.startDate, block, headcountBefore: figures.headcount, quota: figures.quota,
        },
      });
      return { id: cadre.id, code };
    },
    { timeout: 15_000 },
  );
  if ('refused' in outcome) return fail(outcome.refused, { fieldErrors: { positionId: outcome.refused } });
  revalidatePath('/', 'layout');
  return ok({ id: outcome.id, code: outcome.code }, 'roster.recruited');
});
