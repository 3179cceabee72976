import 'server-only';
import type { Block, PositionAttributes } from '@/lib/domain/types';
import type { Db } from './prisma';
import { OPEN_AT_DATE } from './staffing-counts';

export type CataloguePositionRow = PositionAttributes & {
  id: number;
  /** The rank planning compares (docs/decisions/041-structure-and-planning.md): larger is higher, 0 unranked. */
  level: number;
  code: string;
  version: number;
  /** Distinct people still active who hold it (primary or concurrent) at the date, in communes and departments. */
  holders: number;
};

/** The province's positions catalogue in its order (sort order, then code), with the current holders of each. */
export async function listCataloguePositions(db: Db, provinceId: number, date: string): Promise<CataloguePositionRow[]> {
  const rows = await db.$queryRawUnsafe<
    {
      id: number; code: string; title_vi: string; title_en: string; block: Block | null; is_key: boolean; is_elected: boolean;
      concurrent_by_design: boolean; field: string | null; sort_order: number; level: number; version: number; holders: number;
    }[]
  >(
    `SELECT p.id, p.code, p.title_vi, p.title_en, p.block::text AS block, p.is_key, p.is_elected, p.concurrent_by_design, p.field,
            p.sort_order, p.level, p.version, COALESCE(h.holders, 0)::int AS holders
       FROM position p
       LEFT JOIN (SELECT a.position_id, count(DISTINCT a.cadre_id) AS holders
                    FROM assignment a JOIN cadre c ON c.id = a.cadre_id
                   WHERE c.province_id = $1 AND ${OPEN_AT_DATE} AND (c.status = 'active' OR c.left_on > $2::date)
                   GROUP BY a.position_id) h ON h.position_id = p.id
      WHERE p.province_id = $1
      ORDER BY p.sort_order, p.code COLLATE "C"`,
    provinceId,
    date,
  );
  return rows.map((r) => ({
    id: r.id, code: r.code, titleVi: r.title_vi, titleEn: r.title_en, block: r.block, isKey: r.is_key, isElected: r.is_elected,
    concurrentByDesign: r.concurrent_by_design, field: r.field, sortOrder: r.sort_order, level: r.level, version: r.version, holders: r.holders,
  }));
}

export type PositionUsage = { assignments: number; vacancies: number; norms: number };

/** How often a position is referred to: any assignment (past ones too), declared vacancy or key-position norm. */
export async function positionUsage(db: Pick<Db, 'assignment' | 'vacancy' | 'keyPositionNorm'>, positionId: number): Promise<PositionUsage> {
  const [assignments, vacancies, norms] = await Promise.all([
    db.assignment.count({ where: { positionId } }),
    db.vacancy.count({ where: { positionId } }),
    db.keyPositionNorm.count({ where: { positionId } }),
  ]);
  return { assignments, vacancies, norms };
}

export const isUnused = (usage: PositionUsage) => usage.assignments === 0 && usage.vacancies === 0 && usage.norms === 0;

export type PositionForEdit = Omit<CataloguePositionRow, 'holders'> & { usage: PositionUsage };

/** One position of the user's province by code (another province's reads as unknown), with its usage. */
export async function findPositionForEdit(db: Db, provinceId: number, code: string): Promise<PositionForEdit | null> {
  const row = await db.position.findUnique({
    where: { provinceId_code: { provinceId, code } },
    select: {
      id: true, code: true, titleVi: true, titleEn: true, block: true, isKey: true, isElected: true, concurrentByDesign: true, field: true,
      sortOrder: true, level: true, version: true,
    },
  });
  if (!row) return null;
  return { ...row, block: row.block as Block | null, usage: await positionUsage(db, row.id) };
}

/** The snapshot an audit record keeps of a position (before and after a change). */
export type PositionSnapshot = Omit<CataloguePositionRow, 'id' | 'holders' | 'version'>;
export const POSITION_SNAPSHOT_SELECT = {
  code: true, titleVi: true, titleEn: true, block: true, isKey: true, isElected: true, concurrentByDesign: true, field: true, sortOrder: true, level: true,
} as const;
