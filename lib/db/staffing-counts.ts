import { COUNTED_EMPLOYMENT_TYPES } from '@/lib/domain/employment';
import type { Block, CommuneCounts, KeyPlaceCount, UnitKind } from '@/lib/domain/types';
import { poolOf, type Db } from './prisma';
import { isConfirmedQuotaYear } from './quota-year-queries';

// The counting half of the staffing pipeline (docs/decisions/005-counting-pipeline.md):
// one set-based statement returns counts per commune × block and per commune × key position; the pure
// functions in lib/domain turn them into differences, vacancies and flags. Every page, export and
// benchmark goes through loadCommuneCounts.

export type CountScope = {
  /** One province, or several (national roll-ups and benchmarks). */
  provinceId: number | number[];
  date: string;
  /** Use this quota year instead of each commune's latest year. */
  year?: number;
  oldDistrictId?: number;
  communeId?: number;
};

/**
 * Counted employment (lib/domain/employment.ts countsAsStaff) as a condition on the cadre row `alias`: cadres and
 * civil servants. tests/integration/derived-states-sql.test.ts checks it against the domain function.
 */
export const countedEmploymentSql = (alias: string) => `${alias}.employment_type IN (${COUNTED_EMPLOYMENT_TYPES.map((t) => `'${t}'`).join(', ')})`;

/**
 * Counted employment of a post (assignment `assignment` of cadre `cadre`): the type the post was held under when the
 * assignment records one (the earlier posts of a non-professional worker received into the civil service), else the
 * person's (docs/decisions/043-reception-and-recruitment.md).
 */
export const countedPostEmploymentSql = (cadre: string, assignment: string) =>
  `COALESCE(${assignment}.employment_type, ${cadre}.employment_type) IN (${COUNTED_EMPLOYMENT_TYPES.map((t) => `'${t}'`).join(', ')})`;

/** Who counts against the quota at a date: active cadres and civil servants (domain rule 1), by the post's type. */
export const COUNTED_AT_DATE = `${countedPostEmploymentSql('c', 'a')} AND (c.status = 'active' OR c.left_on > $2::date)`;
/** Assignments open at a date. */
export const OPEN_AT_DATE = `a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)`;

type CountRow = {
  id: number; province_id: number; code: string; name: string; kind: UnitKind; old_district_id: number; old_district_name: string;
  mountainous: boolean; extremely_disadvantaged: boolean; border: boolean;
  quota_year: number | null; quota_party_front: number | null; quota_government: number | null;
  headcount_party_front: number; headcount_government: number;
  key_ids: number[];
  required: number[]; holders: number[]; primary_holders: number[];
};

function scopeFilter(scope: CountScope) {
  if (scope.communeId !== undefined) return `AND cm.id = ${Number(scope.communeId)}`;
  if (scope.oldDistrictId !== undefined) return `AND cm.old_district_id = ${Number(scope.oldDistrictId)}`;
  return '';
}

/**
 * One statement, one round trip: per commune its quota of the chosen year, its headcount per block and,
 * as arrays aligned by key position, the norm, the holders and the primary holders. Holders are counted
 * per (commune, position, cadre) first, so a person holding a post twice still counts once.
 */
function countsSql(scope: CountScope) {
  const filter = scopeFilter(scope);
  // docs/domain.md, Counting: the year asked, or each commune's latest confirmed quota year not after the date's year; a
  // draft year never counts (lib/domain/quota-years.ts latestConfirmedYear).
  const quotaYear =
    scope.year !== undefined
      ? `SELECT cm.id AS commune_id, ${Number(scope.year)} AS y FROM cm WHERE ${isConfirmedQuotaYear('cm.province_id', String(Number(scope.year)))}`
      : `SELECT q.commune_id, max(q.year) AS y FROM quota q JOIN cm ON cm.id = q.commune_id
          WHERE q.year <= extract(year FROM $2::date)::int AND ${isConfirmedQuotaYear('cm.province_id', 'q.year')}
          GROUP BY q.commune_id`;
  return `
WITH cm AS (SELECT * FROM commune cm WHERE cm.province_id = ANY($1::int[]) ${filter}),
kp AS (SELECT p.id, p.province_id,
              row_number() OVER (PARTITION BY p.province_id ORDER BY p.sort_order, p.code COLLATE "C") AS ord
         FROM position p WHERE p.province_id = ANY($1::int[]) AND p.is_key AND p.block IS NOT NULL),
y AS (${quotaYear}),
qt AS (SELECT q.commune_id, y.y,
              max(q.quota) FILTER (WHERE q.block = 'party_front') AS q_pf,
              max(q.quota) FILTER (WHERE q.block = 'government') AS q_gov
         FROM y JOIN quota q ON q.commune_id = y.commune_id AND q.year = y.y GROUP BY q.commune_id, y.y),
open_a AS MATERIALIZED (
       SELECT a.commune_id, a.position_id, a.cadre_id, a.is_primary, p.block, (kp.id IS NOT NULL) AS is_key
         FROM assignment a JOIN cm ON cm.id = a.commune_id JOIN cadre c ON c.id = a.cadre_id
         JOIN position p ON p.id = a.position_id LEFT JOIN kp ON kp.id = a.position_id
        WHERE p.block IS NOT NULL AND (a.is_primary OR kp.id IS NOT NULL) AND ${OPEN_AT_DATE} AND ${COUNTED_AT_DATE}),
hc AS (SELECT commune_id,
              count(*) FILTER (WHERE block = 'party_front')::int AS h_pf,
              count(*) FILTER (WHERE block = 'government')::int AS h_gov
         FROM open_a WHERE is_primary GROUP BY commune_id),
per_cadre AS (SELECT commune_id, position_id, bool_or(is_primary) AS is_primary
         FROM open_a WHERE is_key GROUP BY commune_id, position_id, cadre_id),
h AS (SELECT commune_id, position_id, count(*)::int AS holders, count(*) FILTER (WHERE is_primary)::int AS primary_holders
         FROM per_cadre GROUP BY commune_id, position_id),
k AS (SELECT cm.id AS commune_id,
              array_agg(kp.id ORDER BY kp.ord) AS key_ids,
              array_agg(COALESCE(n.required, 1) ORDER BY kp.ord) AS required,
              array_agg(COALESCE(h.holders, 0) ORDER BY kp.ord) AS holders,
              array_agg(COALESCE(h.primary_holders, 0) ORDER BY kp.ord) AS primary_holders
         FROM cm JOIN kp ON kp.province_id = cm.province_id
         LEFT JOIN key_position_norm n ON n.commune_id = cm.id AND n.position_id = kp.id
         LEFT JOIN h ON h.commune_id = cm.id AND h.position_id = kp.id
        GROUP BY cm.id)
SELECT cm.id, cm.province_id, cm.code, cm.name, cm.kind::text AS kind, cm.old_district_id, od.name AS old_district_name,
       cm.mountainous, cm.extremely_disadvantaged, cm.border,
       ${scope.year !== undefined ? `${Number(scope.year)}` : 'qt.y'} AS quota_year,
       qt.q_pf AS quota_party_front, qt.q_gov AS quota_government,
       COALESCE(hc.h_pf, 0) AS headcount_party_front, COALESCE(hc.h_gov, 0) AS headcount_government,
       COALESCE(k.key_ids, '{}') AS key_ids, COALESCE(k.required, '{}') AS required,
       COALESCE(k.holders, '{}') AS holders, COALESCE(k.primary_holders, '{}') AS primary_holders
  FROM cm JOIN old_district od ON od.id = cm.old_district_id
  LEFT JOIN qt ON qt.commune_id = cm.id LEFT JOIN hc ON hc.commune_id = cm.id LEFT JOIN k ON k.commune_id = cm.id
 ORDER BY cm.code COLLATE "C"`;
}

type KeyPositionRow = { id: number; code: string; block: Block; concurrent_by_design: boolean };

const KEY_POSITIONS_SQL = `SELECT p.id, p.code, p.block::text AS block, p.concurrent_by_design
  FROM position p WHERE p.province_id = ANY($1::int[]) AND p.is_key AND p.block IS NOT NULL`;

function toCommuneCounts(row: CountRow, keyPositions: Map<number, KeyPositionRow>): CommuneCounts {
  const keyPlaces: KeyPlaceCount[] = row.key_ids.map((positionId, i) => {
    const position = keyPositions.get(positionId)!;
    return {
      positionId,
      positionCode: position.code,
      block: position.block,
      required: row.required[i],
      holders: row.holders[i],
      primaryHolders: row.primary_holders[i],
      concurrentByDesign: position.concurrent_by_design,
    };
  });
  return {
    communeId: row.id,
    provinceId: row.province_id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    oldDistrictId: row.old_district_id,
    oldDistrictName: row.old_district_name,
    mountainous: row.mountainous,
    extremelyDisadvantaged: row.extremely_disadvantaged,
    border: row.border,
    quotaYear: row.quota_year,
    quota: { party_front: row.quota_party_front, government: row.quota_government },
    headcount: { party_front: row.headcount_party_front, government: row.headcount_government },
    keyPlaces,
  };
}

export async function loadCommuneCounts(db: Db, scope: CountScope): Promise<CommuneCounts[]> {
  const provinceIds = Array.isArray(scope.provinceId) ? scope.provinceId : [scope.provinceId];
  const pool = poolOf(db);
  const [counts, positions] = await Promise.all([
    pool.query<CountRow>(countsSql(scope), [provinceIds, scope.date]),
    pool.query<KeyPositionRow>(KEY_POSITIONS_SQL, [provinceIds]),
  ]);
  const keyPositions = new Map(positions.rows.map((p) => [p.id, p]));
  return counts.rows.map((row) => toCommuneCounts(row, keyPositions));
}

/** Communes of the scope with no quota row at all in `year`, or every commune when `year` is not confirmed (for `--year` validation). */
export async function listCommunesWithoutQuotaYear(db: Db, provinceId: number, year: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ code: string }[]>(
    `SELECT cm.code FROM commune cm
      WHERE cm.province_id = $1
        AND (NOT EXISTS (SELECT 1 FROM quota q WHERE q.commune_id = cm.id AND q.year = $2) OR NOT ${isConfirmedQuotaYear('cm.province_id', '$2')})
      ORDER BY cm.code COLLATE "C"`,
    provinceId,
    year,
  );
  return rows.map((r) => r.code);
}
