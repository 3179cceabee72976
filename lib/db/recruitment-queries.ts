import type { Block } from '@/lib/domain/types';
import { targetProgress, type TargetProgress } from '@/lib/domain/recruitment';
import type { Db } from './prisma';

// Reads of the recruitment plan (docs/decisions/043-reception-and-recruitment.md). A target's "filled" is derived,
// never stored: the primary posts in its commune and post that begin in the plan's year by a recruitment or a
// reception decision (a cancelled recruitment's post is removed, so it never counts).

export type PlanTarget = TargetProgress & {
  id: number; version: number; plannedDate: string;
  commune: { id: number; code: string; name: string };
  position: { id: number; code: string; titleVi: string; titleEn: string; block: Block };
};
export type RecruitmentPlanView = { id: number; year: number; state: 'draft' | 'approved'; note: string | null; targets: PlanTarget[] };

type TargetRow = {
  id: number; version: number; count: number; planned_date: Date; commune_id: number; commune_code: string; commune_name: string;
  position_id: number; position_code: string; title_vi: string; title_en: string; block: Block; filled: number;
};

/** Filled: posts begun in the year by a recruitment or a reception decision, in the target's commune and post. */
export const FILLED_SQL = `(SELECT count(*)::int FROM assignment a JOIN decision d ON d.id = a.decision_id
   WHERE a.commune_id = t.commune_id AND a.position_id = t.position_id AND a.is_primary AND d.kind IN ('recruitment', 'reception')
     AND a.start_date BETWEEN make_date(pl.year, 1, 1) AND make_date(pl.year, 12, 31))`;

/** The plan of a year, with its targets and their progress; null when the province has none for that year. */
export async function findRecruitmentPlan(db: Db, provinceId: number, year: number): Promise<RecruitmentPlanView | null> {
  const plan = await db.recruitmentPlan.findUnique({ where: { provinceId_year: { provinceId, year } }, select: { id: true, year: true, state: true, note: true } });
  if (!plan) return null;
  const rows = await db.$queryRawUnsafe<TargetRow[]>(
    `SELECT t.id, t.version, t.count, t.planned_date, cm.id AS commune_id, cm.code AS commune_code, cm.name AS commune_name,
            p.id AS position_id, p.code AS position_code, p.title_vi, p.title_en, p.block::text AS block, ${FILLED_SQL} AS filled
       FROM recruitment_target t JOIN recruitment_plan pl ON pl.id = t.plan_id
       JOIN commune cm ON cm.id = t.commune_id JOIN position p ON p.id = t.position_id
      WHERE t.plan_id = $1
      ORDER BY cm.code COLLATE "C", p.sort_order, p.code COLLATE "C"`,
    plan.id,
  );
  return {
    ...plan,
    targets: rows.map((r) => ({
      ...targetProgress(r.count, r.filled), id: r.id, version: r.version, plannedDate: r.planned_date.toISOString().slice(0, 10),
      commune: { id: r.commune_id, code: r.commune_code, name: r.commune_name },
      position: { id: r.position_id, code: r.position_code, titleVi: r.title_vi, titleEn: r.title_en, block: r.block },
    })),
  };
}

/** The years the province has a plan for, newest first. */
export async function listRecruitmentPlanYears(db: Db, provinceId: number): Promise<number[]> {
  const rows = await db.recruitmentPlan.findMany({ where: { provinceId }, select: { year: true }, orderBy: { year: 'desc' } });
  return rows.map((r) => r.year);
}

/**
 * What the plan's other targets in a commune block still hold (count less filled), leaving out the target of
 * `positionId` (the one being saved).
 */
export async function reservedByPlan(db: Db, planId: number, communeId: number, block: Block, positionId: number): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ reserved: number }[]>(
    `SELECT COALESCE(sum(GREATEST(t.count - ${FILLED_SQL}, 0)), 0)::int AS reserved
       FROM recruitment_target t JOIN recruitment_plan pl ON pl.id = t.plan_id JOIN position p ON p.id = t.position_id
      WHERE t.plan_id = $1 AND t.commune_id = $2 AND p.block = $3::"Block" AND t.position_id <> $4`,
    planId,
    communeId,
    block,
    positionId,
  );
  return rows[0]?.reserved ?? 0;
}
