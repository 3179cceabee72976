'use server';

import { revalidatePath } from 'next/cache';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import * as receptions from '@/lib/db/reception-mutations';
import { findCommuneById, findPersonInCommune } from '@/lib/db/roster-queries';
import { settingAt } from '@/lib/db/setting-queries';
import { checkWorkingAge, isActiveCadre } from '@/lib/domain/people';
import { checkProposalConditions, checkReceptionConditions, isReceptionPost } from '@/lib/domain/reception';
import { ProposeReceptionSchema } from '@/lib/validation/reception';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';

/**
 * The commune's chairman proposes a person for a civil-servant post of his commune
 * (docs/decisions/043-reception-and-recruitment.md): a non-professional worker of his roster, or someone from elsewhere, with the
 * evidence of Decree 170/2025's conditions. A condition not met is refused, beside its evidence and naming the rule,
 * unless the proposal records the reason for the exception. A person already in an open proposal is refused by the
 * database (reception_one_open_per_person). Idempotent: the same form posted twice proposes once.
 */
export const proposeReception = defineAction('proposeReception', 'reception.propose', ProposeReceptionSchema, async (input, ctx) => {
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune) return fail('errors.notFound');
  if (!can(ctx.user, 'reception.propose', { provinceId: commune.provinceId, communeId: commune.id })) return fail('errors.forbidden');
  const position = await ctx.db.position.findFirst({
    where: { id: input.positionId, provinceId: commune.provinceId },
    select: { id: true, code: true, block: true, isElected: true, field: true },
  });
  if (!position || !isReceptionPost(position)) return fail('reception.errors.positionOutside', { fieldErrors: { positionId: 'reception.errors.positionOutside' } });
  const day = today();

  let person: receptions.ReceptionProposal['person'];
  let fullName: string;
  let cadreCode: string | null = null;
  if (input.cadreId !== null) {
    const worker = await findPersonInCommune(ctx.db, commune.id, { cadreId: input.cadreId });
    const primary = worker?.openAssignments.find((a) => a.isPrimary);
    // The roster's worker: active here, non-professional (the employment type his post is held under).
    const roster = worker && isActiveCadre(worker) && primary ? await ctx.db.assignment.findUnique({ where: { id: primary.id }, select: { employmentType: true } }) : null;
    if (!worker || !roster || (roster.employmentType ?? worker.employmentType) !== 'non_professional') {
      return fail('reception.errors.notNonProfessional', { fieldErrors: { cadreId: 'reception.errors.notNonProfessional' } });
    }
    person = { cadreId: worker.id };
    fullName = worker.fullName;
    cadreCode = worker.code;
  } else {
    const missing = (['fullName', 'gender', 'birthDate'] as const).filter((field) => input[field] === null);
    if (missing.length > 0) return fail('reception.errors.personRequired', { fieldErrors: Object.fromEntries(missing.map((f) => [f, 'reception.errors.personRequired'])) });
    const age = checkWorkingAge(input.birthDate!, input.gender!, day);
    if (age) return fail(`reception.errors.${age}`, { fieldErrors: { birthDate: `reception.errors.${age}` } });
    person = { external: { fullName: input.fullName!, gender: input.gender!, birthDate: input.birthDate!, nationalId: input.nationalId, workplace: input.workplace } };
    fullName = input.fullName!;
  }

  const minimum = await settingAt(ctx.db, commune.provinceId, 'reception.minInsuranceYears', day);
  const checks = checkReceptionConditions({ insuranceMonths: input.insuranceMonths, degree: input.degree, degreeField: input.degreeField }, position, minimum.value);
  const problems = checkProposalConditions(checks, input.exceptionReason);
  if (problems.length > 0) {
    return fail(problems[0].error, {
      fieldErrors: Object.fromEntries(problems.map((p) => [p.field, p.error])),
      params: { months: input.insuranceMonths, minimum: minimum.value * 12, years: minimum.value },
    });
  }
  const met = (code: string) => checks.find((c) => c.code === code)!.met;

  const created = await ctx.write(async (tx) => {
    const row = await receptions.insertReception(tx, {
      provinceId: commune.provinceId, communeId: commune.id, positionId: position.id, proposedById: ctx.user.id, proposedOn: day, person,
      insuranceMonths: input.insuranceMonths, degree: input.degree, degreeField: input.degreeField, evidence: input.evidence, exceptionReason: input.exceptionReason,
    });
    return {
      value: row,
      audit: {
        action: 'reception.propose',
        entityId: row.id,
        after: {
          to: 'proposed', commune: commune.code, position: position.code, cadre: cadreCode, fullName, external: input.cadreId === null,
          insuranceMonths: input.insuranceMonths, degree: input.degree, degreeField: input.degreeField,
          insuranceMet: met('insurance'), degreeMet: met('degree'), fieldMet: met('field'), exceptionReason: input.exceptionReason, evidence: input.evidence,
        },
      },
    };
  });
  revalidatePath('/', 'layout');
  return ok({ receptionId: created.id }, 'reception.notices.proposed');
}, { idempotent: true, stale: 'reception.errors.stale' });
