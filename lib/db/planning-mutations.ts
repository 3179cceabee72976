import type { Prisma } from '@/lib/generated/prisma/client';
import { checkPlanningEntry, type PlanningLimits } from '@/lib/domain/planning';
import { expectWritten, Refusal } from './errors';
import { currentPrimaryLevel, placesOf, planningCounts } from './planning-queries';

// The planning register's writes (docs/decisions/041-structure-and-planning.md): functions of a transaction, no
// audit (the action records it). An entry is added under a lock on its term, so two entries recorded at once are
// checked one after the other and the limits hold.

type Tx = Prisma.TransactionClient;

export async function createPlanningTerm(tx: Tx, input: { provinceId: number; name: string; startYear: number; endYear: number }, at?: Date) {
  const exists = await tx.planningTerm.findFirst({ where: { provinceId: input.provinceId, startYear: input.startYear, endYear: input.endYear }, select: { id: true } });
  if (exists) throw new Refusal('errors.validation', { startYear: 'planning.errors.termExists' });
  return tx.planningTerm.create({ data: { ...input, ...(at ? { createdAt: at } : {}) }, select: { id: true, name: true, startYear: true, endYear: true } });
}

export type NewPlanningEntry = {
  termId: number;
  positionId: number;
  communeId: number | null;
  departmentId: number | null;
  cadreId: number;
  decisionId: number;
  /** The post: its rank, whether it may be planned for (a commune's key post, a department's ranked post). */
  post: { level: number; plannable: boolean };
};

/**
 * Adds a person to the plan of a post after the limits of lib/domain/planning.ts, counted under the term's lock: the
 * refusal names the rule (and its numbers). `today` is the day his current post is read at.
 */
export async function addPlanningEntry(tx: Tx, input: NewPlanningEntry, limits: PlanningLimits, today: string, at?: Date) {
  await tx.$queryRaw`SELECT id FROM planning_term WHERE id = ${input.termId} FOR UPDATE`;
  const unit = { termId: input.termId, positionId: input.positionId, communeId: input.communeId, departmentId: input.departmentId, cadreId: input.cadreId };
  const [current, counts, places] = await Promise.all([
    currentPrimaryLevel(tx, input.cadreId, today),
    planningCounts(tx, unit),
    input.communeId !== null ? placesOf(tx, input.communeId, input.positionId) : Promise.resolve(1),
  ]);
  const problem = checkPlanningEntry({ limits, post: { ...input.post, places }, currentLevel: current?.level ?? null, ...counts });
  if (problem) throw new Refusal('errors.validation', { [problem.field]: problem.error }, 'params' in problem ? problem.params : undefined);
  const entry = await tx.planningEntry.create({
    data: { ...unit, decisionId: input.decisionId, ...(at ? { createdAt: at } : {}) },
    select: { id: true },
  });
  return { id: entry.id, places, currentLevel: current!.level };
}

/** Takes a person out of the plan of a post from `date` by a decision; the row stays (StaleWrite if it moved on). */
export async function removePlanningEntry(tx: Tx, input: { entryId: number; version: number; date: string; decisionId: number }) {
  const result = await tx.planningEntry.updateMany({
    where: { id: input.entryId, version: input.version, removedOn: null },
    data: { removedOn: new Date(`${input.date}T00:00:00Z`), removalDecisionId: input.decisionId, version: { increment: 1 } },
  });
  expectWritten(result.count, 'planning_entry');
}
