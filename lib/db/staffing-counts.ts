import type { Block, CommuneCounts, KeyPlaceCount, UnitKind } from '@/lib/domain/types';
import type { Db } from './prisma';

// The counting half of the staffing pipeline (rules.md "Architecture where performance meets purity"):
// three set-based queries return counts per commune × block and per commune × key position; the pure
// functions in lib/domain turn them into differences, vacancies and flags. Every page, export and
// benchmark goes through loadCommuneCounts.

export type CountScope = {
  provinceId: number;
  date: string;
  /** Use this quota year instead of each commune's latest year. */
  year?: number;
  oldDistrictId?: number;
  communeId?: number;
};

/** Who counts against the quota at a date: active cadres and civil servants (domain rule 1). */
export const COUNTED_AT_DATE = `c.employment_type IN ('cadre', 'civil_servant') AND (c.status = 'active' OR c.left_on > $2::date)`;
/** Assignments open at a date. */
export const OPEN_AT_DATE = `a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)`;

type CommuneRow = {
  id: number; code: string; name: string; kind: UnitKind; old_district_id: number; old_district_name: string;
  mountainous: boolean; extremely_disadvantaged: boolean; border: boolean;
};
type QuotaRow = { commune_id: number; block: Block; year: number; quota: number };
type HeadcountRow = { commune_id: number; block: Block; n: number };
type KeyRow = { commune_id: number; required: number[]; holders: number[]; primary_holders: number[] };
type KeyPositionRow = { id: number; code: string; block: Block; concurrent_by_design: boolean };

function communeFilter(scope: CountScope, alias: string) {
  if (scope.communeId !== undefined) return `AND ${alias}.id = ${Number(scope.communeId)}`;
  if (scope.oldDistrictId !== undefined) return `AND ${alias}.old_district_id = ${Number(scope.oldDistrictId)}`;
  return '';
}

export async function loadCommuneCounts(db: Db, scope: CountScope): Promise<CommuneCounts[]> {
  const filter = communeFilter(scope, 'cm');
  const params = [scope.provinceId, scope.date] as const;
  const yearClause =
    scope.year !== undefined
      ? `SELECT cm.id AS commune_id, ${Number(scope.year)} AS y FROM commune cm WHERE cm.province_id = $1 ${filter}`
      : `SELECT q.commune_id, max(q.year) AS y FROM quota q JOIN commune cm ON cm.id = q.commune_id
           WHERE cm.province_id = $1 ${filter} GROUP BY q.commune_id`;

  const [communes, quotas, headcounts, keyPositions, keyRows] = await Promise.all([
    db.$queryRawUnsafe<CommuneRow[]>(
      `SELECT cm.id, cm.code, cm.name, cm.kind::text AS kind, cm.old_district_id, od.name AS old_district_name,
              cm.mountainous, cm.extremely_disadvantaged, cm.border
         FROM commune cm JOIN old_district od ON od.id = cm.old_district_id
        WHERE cm.province_id = $1 ${filter} AND $2::date IS NOT NULL
        ORDER BY cm.code COLLATE "C"`,
      ...params,
    ),
    db.$queryRawUnsafe<QuotaRow[]>(
      `WITH y AS (${yearClause})
       SELECT q.commune_id, q.block::text AS block, q.year, q.quota
         FROM y JOIN quota q ON q.commune_id = y.commune_id AND q.year = y.y
        WHERE $2::date IS NOT NULL`,
      ...params,
    ),
    db.$queryRawUnsafe<HeadcountRow[]>(
      `SELECT a.commune_id, p.block::text AS block, count(*)::int AS n
         FROM assignment a
         JOIN commune cm ON cm.id = a.commune_id
         JOIN cadre c ON c.id = a.cadre_id
         JOIN position p ON p.id = a.position_id
        WHERE cm.province_id = $1 ${filter} AND a.is_primary AND p.block IS NOT NULL
          AND ${OPEN_AT_DATE} AND ${COUNTED_AT_DATE}
        GROUP BY a.commune_id, p.block`,
      ...params,
    ),
    db.$queryRawUnsafe<KeyPositionRow[]>(
      `SELECT p.id, p.code, p.block::text AS block, p.concurrent_by_design
         FROM position p
        WHERE p.province_id = $1 AND p.is_key AND p.block IS NOT NULL AND $2::date IS NOT NULL
        ORDER BY p.sort_order, p.code COLLATE "C"`,
      ...params,
    ),
    // One row per commune with arrays aligned to the key positions' order above: compact on the wire.
    db.$queryRawUnsafe<KeyRow[]>(
      `WITH kp AS (
         SELECT p.id, p.sort_order, p.code FROM position p
          WHERE p.province_id = $1 AND p.is_key AND p.block IS NOT NULL),
       h AS (
         SELECT a.commune_id, a.position_id,
                count(DISTINCT a.cadre_id)::int AS holders,
                count(DISTINCT a.cadre_id) FILTER (WHERE a.is_primary)::int AS primary_holders
           FROM assignment a
           JOIN commune cm ON cm.id = a.commune_id
           JOIN cadre c ON c.id = a.cadre_id
          WHERE cm.province_id = $1 ${filter} AND a.position_id IN (SELECT id FROM kp)
            AND ${OPEN_AT_DATE} AND ${COUNTED_AT_DATE}
          GROUP BY a.commune_id, a.position_id)
       SELECT cm.id AS commune_id,
              array_agg(COALESCE(n.required, 1) ORDER BY kp.sort_order, kp.code COLLATE "C") AS required,
              array_agg(COALESCE(h.holders, 0) ORDER BY kp.sort_order, kp.code COLLATE "C") AS holders,
              array_agg(COALESCE(h.primary_holders, 0) ORDER BY kp.sort_order, kp.code COLLATE "C") AS primary_holders
         FROM commune cm
         CROSS JOIN kp
         LEFT JOIN key_position_norm n ON n.commune_id = cm.id AND n.position_id = kp.id
         LEFT JOIN h ON h.commune_id = cm.id AND h.position_id = kp.id
        WHERE cm.province_id = $1 ${filter}
        GROUP BY cm.id`,
      ...params,
    ),
  ]);

  const quotaByCommune = new Map<number, { year: number; quota: Record<Block, number | null> }>();
  for (const q of quotas) {
    const entry = quotaByCommune.get(q.commune_id) ?? { year: q.year, quota: { party_front: null, government: null } };
    entry.quota[q.block] = q.quota;
    quotaByCommune.set(q.commune_id, entry);
  }
  const headcountByCommune = new Map<number, Record<Block, number>>();
  for (const h of headcounts) {
    const entry = headcountByCommune.get(h.commune_id) ?? { party_front: 0, government: 0 };
    entry[h.block] = h.n;
    headcountByCommune.set(h.commune_id, entry);
  }
  const keyByCommune = new Map(keyRows.map((k) => [k.commune_id, k]));

  return communes.map((cm) => {
    const quota = quotaByCommune.get(cm.id);
    const keys = keyByCommune.get(cm.id);
    const keyPlaces: KeyPlaceCount[] = keyPositions.map((p, i) => ({
      positionId: p.id,
      positionCode: p.code,
      block: p.block,
      required: Number(keys?.required[i] ?? 1),
      holders: Number(keys?.holders[i] ?? 0),
      primaryHolders: Number(keys?.primary_holders[i] ?? 0),
      concurrentByDesign: p.concurrent_by_design,
    }));
    return {
      communeId: cm.id,
      code: cm.code,
      name: cm.name,
      kind: cm.kind,
      oldDistrictId: cm.old_district_id,
      oldDistrictName: cm.old_district_name,
      mountainous: cm.mountainous,
      extremelyDisadvantaged: cm.extremely_disadvantaged,
      border: cm.border,
      quotaYear: quota?.year ?? scope.year ?? null,
      quota: quota?.quota ?? { party_front: null, government: null },
      headcount: headcountByCommune.get(cm.id) ?? { party_front: 0, government: 0 },
      keyPlaces,
    };
  });
}

/** Communes of the scope with no quota row at all in `year` (for `--year` validation). */
export async function listCommunesWithoutQuotaYear(db: Db, provinceId: number, year: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ code: string }[]>(
    `SELECT cm.code FROM commune cm
      WHERE cm.province_id = $1 AND NOT EXISTS (SELECT 1 FROM quota q WHERE q.commune_id = cm.id AND q.year = $2)
      ORDER BY cm.code COLLATE "C"`,
    provinceId,
    year,
  );
  return rows.map((r) => r.code);
}
