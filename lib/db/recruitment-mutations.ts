import type { Prisma } from '@/lib/generated/prisma/client';
import { unusedQuota } from '@/lib/domain/recruitment';
import type { Block } from '@/lib/domain/types';
import type { Db } from './prisma';
import { checkBlockQuota } from './quota-guard';
import { reservedByPlan } from './recruitment-queries';
import { bumpVersion } from './versions';

// The writes of the recruitment plan (docs/decisions/043-reception-and-recruitment.md), inside the caller's
// transaction, which records the audit event. The caller has checked the target against the unused quota under the
// commune's lock (lib/db/quota-guard.ts).

type Tx = Prisma.TransactionClient;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A year's plan (one per province and year: recruitment_plan_province_id_year_key). */
export function insertRecruitmentPlan(tx: Tx, input: { provinceId: number; year: number; note: string | null }, at?: Date) {
  return tx.recruitmentPlan.create({ data: { provinceId: input.provinceId, year: input.year, note: input.note, ...(at ? { createdAt: at } : {}) }, select: { id: true } });
}

/** A target of the plan, or its new count and date when the plan already has one for the commune and post. */
export async function saveRecruitmentTarget(
  tx: Tx,
  input: { planId: number; communeId: number; positionId: number; count: number; plannedDate: string },
  at?: Date,
): Promise<{ id: number; before: { count: number; plannedDate: string } | null }> {
  const existing = await tx.recruitmentTarget.findUnique({
    where: { planId_communeId_positionId: { planId: input.planId, communeId: input.communeId, positionId: input.positionId } },
    select: { id: true, version: true, count: true, plannedDate: true },
  });
  if (existing) {
    await bumpVersion(tx, 'recruitment_target', existing.id, existing.version);
    await tx.recruitmentTarget.update({ where: { id: existing.id }, data: { count: input.count, plannedDate: day(input.plannedDate) } });
    return { id: existing.id, before: { count: existing.count, plannedDate: existing.plannedDate.toISOString().slice(0, 10) } };
  }
  const created = await tx.recruitmentTarget.create({
    data: { planId: input.planId, communeId: input.communeId, positionId: input.positionId, count: input.count, plannedDate: day(input.plannedDate), ...(at ? { createdAt: at } : {}) },
    select: { id: true },
  });
  return { id: created.id, before: null };
}

/** A target removed from its plan (as the form rendered it). */
export async function removeRecruitmentTarget(tx: Tx, input: { id: number; version: number }): Promise<void> {
  await bumpVersion(tx, 'recruitment_target', input.id, input.version);
  await tx.recruitmentTarget.delete({ where: { id: input.id } });
}

export type TargetCheck =
  | { ok: true; quota: number; headcount: number; unused: number }
  | { ok: false; at: string; quota: number; headcount: number; unused: number };

/**
 * A target against its block's unused quota (domain rule 6) with the one quota guard (lib/db/quota-guard.ts: the
 * commune's row locked, the counting pipeline at the planned date and at every later date a scheduled change brings
 * someone into the block): the target's count plus what the plan's other targets there still hold must fit.
 * `unused` is the room at the date checked (the planned date, or the first date it fails on).
 */
export async function checkRecruitmentTarget(
  tx: Tx,
  db: Db,
  input: { planId: number; commune: { id: number; provinceId: number }; block: Block; positionId: number; plannedDate: string; count: number },
): Promise<TargetCheck> {
  const reserved = await reservedByPlan(db, input.planId, input.commune.id, input.block, input.positionId);
  const outcome = await checkBlockQuota(tx, db, input.commune, input.block, input.plannedDate, input.count + reserved);
  if (outcome.ok) return { ok: true, quota: outcome.figures.quota, headcount: outcome.figures.headcount, unused: unusedQuota({ ...outcome.figures, reserved }) };
  const { at, headcount, quota } = outcome.breach;
  return { ok: false, at, quota, headcount, unused: unusedQuota({ quota, headcount, reserved }) };
}
