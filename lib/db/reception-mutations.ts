import type { Prisma } from '@/lib/generated/prisma/client';
import { dayBefore, nextCadreCode } from '@/lib/domain/roster';
import type { ConditionCheck } from '@/lib/domain/reception';
import { expectWritten } from './errors';
import type { ExternalPerson } from './reception-queries';
import { insertRecruit } from './roster-mutations';
import { bumpVersion } from './versions';

// The writes of the reception workflow (docs/decisions/043-reception-and-recruitment.md), each inside the caller's
// transaction (an action's ctx.write, or a replayed demo step), which records the audit event. Every step on an
// existing proposal first bumps its version from the one the form was rendered with, in the state the step starts
// from, so of two concurrent steps exactly one is written. `at` is the instant a replayed story writes with.

type Tx = Prisma.TransactionClient;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export type ReceptionProposal = {
  provinceId: number; communeId: number; positionId: number; proposedById: number; proposedOn: string;
  person: { cadreId: number } | { external: ExternalPerson };
  insuranceMonths: number; degree: 'intermediate' | 'college' | 'university' | 'master' | 'doctorate' | null; degreeField: string | null;
  evidence: string | null; exceptionReason: string | null;
};

/** A new proposal (state proposed); the database refuses a second open one for a person (reception_one_open_per_person). */
export async function insertReception(tx: Tx, input: ReceptionProposal, at?: Date): Promise<{ id: number }> {
  return tx.reception.create({
    data: {
      provinceId: input.provinceId, communeId: input.communeId, positionId: input.positionId, proposedById: input.proposedById, proposedOn: day(input.proposedOn),
      ...('cadreId' in input.person ? { cadreId: input.person.cadreId } : { externalPerson: input.person.external }),
      insuranceMonths: input.insuranceMonths, degree: input.degree, degreeField: input.degreeField, evidence: input.evidence, exceptionReason: input.exceptionReason,
      ...(at ? { createdAt: at, updatedAt: at } : {}),
    },
    select: { id: true },
  });
}

/** Home Affairs' appraisal: its findings and the council's result; state appraised. */
export async function appraiseReception(
  tx: Tx,
  input: { id: number; version: number; findings: readonly ConditionCheck[]; councilResult: 'passed' | 'failed'; councilScore: number | null; note: string | null; on: string },
  at?: Date,
): Promise<void> {
  await bumpVersion(tx, 'reception', input.id, input.version, "state = 'proposed'", at);
  const met = (code: string) => input.findings.find((f) => f.code === code)?.met ?? false;
  await tx.reception.update({
    where: { id: input.id },
    data: {
      state: 'appraised', insuranceMet: met('insurance'), fieldMet: met('field') && met('degree'), councilResult: input.councilResult,
      councilScore: input.councilScore, appraisalNote: input.note, appraisedOn: day(input.on),
    },
  });
}

/** Refused by Home Affairs (with the reason) or withdrawn by the commune, while open. */
export async function closeReception(tx: Tx, input: { id: number; version: number; state: 'refused' | 'withdrawn'; reason: string | null }, at?: Date): Promise<void> {
  await bumpVersion(tx, 'reception', input.id, input.version, "state IN ('proposed', 'appraised')", at);
  await tx.reception.update({ where: { id: input.id }, data: { state: input.state, refusalReason: input.reason } });
}

export type ReceptionDecision = {
  id: number; version: number; provinceId: number; communeId: number; positionId: number; decisionId: number; effectiveDate: string;
  /** A person of the roster (his version as the page showed it) or someone from elsewhere. */
  person: { cadreId: number; cadreVersion: number } | { external: ExternalPerson; education: ReceptionProposal['degree']; field: string | null };
};

/**
 * The decision: the person becomes a civil servant in the post from the effective date. For a worker of the roster,
 * every post of his still open in the commune ends the day before (with the decision), his earlier posts keep the
 * employment type he held them under (so no count at an earlier date changes), and he becomes a civil servant; for
 * someone from elsewhere, his record is made under the province's next code. Either way a new primary post opens
 * on the effective date with the decision. The caller has taken the commune's lock and passed the quota guard.
 */
export async function decideReception(tx: Tx, input: ReceptionDecision, at?: Date): Promise<{ cadreId: number; cadreCode: string; assignmentId: number; closedAssignmentIds: number[] }> {
  await bumpVersion(tx, 'reception', input.id, input.version, "state = 'appraised'", at);
  let cadreId: number;
  let cadreCode: string;
  const closedAssignmentIds: number[] = [];
  if ('cadreId' in input.person) {
    cadreId = input.person.cadreId;
    const before = await tx.cadre.findUniqueOrThrow({ where: { id: cadreId }, select: { code: true, employmentType: true } });
    cadreCode = before.code;
    await bumpVersion(tx, 'cadre', cadreId, input.person.cadreVersion, "status = 'active'", at);
    // The history keeps the type each earlier post was held under (decision 043): counted at no date before the day.
    await tx.assignment.updateMany({ where: { cadreId, startDate: { lt: day(input.effectiveDate) }, employmentType: null }, data: { employmentType: before.employmentType } });
    const open = await tx.assignment.findMany({
      where: { cadreId, communeId: input.communeId, OR: [{ endDate: null }, { endDate: { gte: day(input.effectiveDate) } }] },
      select: { id: true },
    });
    for (const a of open) {
      const closed = await tx.assignment.updateMany({ where: { id: a.id }, data: { endDate: day(dayBefore(input.effectiveDate)), endDecisionId: input.decisionId } });
      expectWritten(closed.count, 'assignment');
      closedAssignmentIds.push(a.id);
    }
    await tx.cadre.update({ where: { id: cadreId }, data: { employmentType: 'civil_servant' } });
    const created = await tx.assignment.create({
      data: { cadreId, communeId: input.communeId, positionId: input.positionId, isPrimary: true, startDate: day(input.effectiveDate), decisionId: input.decisionId, ...(at ? { createdAt: at } : {}) },
      select: { id: true },
    });
    await tx.reception.update({ where: { id: input.id }, data: { state: 'decided', decisionId: input.decisionId, effectiveDate: day(input.effectiveDate) } });
    return { cadreId, cadreCode, assignmentId: created.id, closedAssignmentIds };
  }
  const { external } = input.person;
  const made = await insertRecruit(tx, {
    provinceId: input.provinceId, communeId: input.communeId, positionId: input.positionId, startDate: input.effectiveDate, decisionId: input.decisionId, nextCode: nextCadreCode,
    person: { fullName: external.fullName, gender: external.gender, birthDate: external.birthDate, education: input.person.education ?? 'university', field: input.person.field, employmentType: 'civil_servant' },
  });
  if (external.nationalId) await tx.cadre.update({ where: { id: made.id }, data: { nationalId: external.nationalId } });
  const assignment = await tx.assignment.findFirstOrThrow({ where: { cadreId: made.id }, select: { id: true } });
  await tx.reception.update({
    where: { id: input.id },
    data: { state: 'decided', decisionId: input.decisionId, effectiveDate: day(input.effectiveDate), externalPerson: { ...external, cadreCode: made.code } },
  });
  return { cadreId: made.id, cadreCode: made.code, assignmentId: assignment.id, closedAssignmentIds };
}
