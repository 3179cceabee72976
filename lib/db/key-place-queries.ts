import type pg from 'pg';
import { COUNTED_AT_DATE, OPEN_AT_DATE } from './staffing-counts';

// Data problems of the key places (decision 024; docs/domain.md, How posts are filled): a key post with norm N takes at most N
// distinct holders, primary and concurrent together. The forms refuse more; old records and a province workbook
// may still hold more, and are not refused: they are listed here, derived at read time (never stored), for the
// commune page's notice and the import report's warnings. The counting pipeline counts such a place as filled up
// to its norm, never twice (lib/domain/staffing.ts#computeKeyPositionStatus). No `server-only` guard: the import
// engine reads it with its own client, inside its transaction, after applying the workbook.

/** A client that runs one query: a pool, a pool's client, or a transaction's client. */
type Queryable = Pick<pg.ClientBase, 'query'>;

export type OverfilledKeyPlace = {
  communeId: number;
  communeCode: string;
  communeName: string;
  communeKind: 'commune' | 'ward';
  positionId: number;
  positionCode: string;
  positionTitleVi: string;
  positionTitleEn: string;
  /** The key places: the commune's norm for the post (1 when it has none, as the counting pipeline reads it). */
  norm: number;
  /** The distinct holders at the date, by name (Vietnamese order). */
  holders: string[];
};

/**
 * Key posts of the province's communes (or of `communeIds`) held at `date` by more distinct active cadres and
 * civil servants than their norm, by commune code then the catalogue's order.
 */
export async function listOverfilledKeyPlaces(client: Queryable, scope: { provinceId: number; date: string; communeIds?: readonly number[] }): Promise<OverfilledKeyPlace[]> {
  const { rows } = await client.query<{
    commune_id: number; commune_code: string; commune_name: string; commune_kind: 'commune' | 'ward';
    position_id: number; position_code: string; title_vi: string; title_en: string; norm: number; holders: string[];
  }>(
    `WITH held AS (
       SELECT DISTINCT a.commune_id, a.position_id, c.id AS cadre_id, c.code, c.full_name
         FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN commune cm ON cm.id = a.commune_id JOIN position p ON p.id = a.position_id
        WHERE cm.province_id = $1 AND p.is_key AND p.block IS NOT NULL AND ${OPEN_AT_DATE} AND ${COUNTED_AT_DATE}
          AND ($3::int[] IS NULL OR a.commune_id = ANY($3::int[])))
     SELECT cm.id AS commune_id, cm.code AS commune_code, cm.name AS commune_name, cm.kind::text AS commune_kind,
            p.id AS position_id, p.code AS position_code, p.title_vi, p.title_en,
            COALESCE(n.required, 1)::int AS norm,
            array_agg(h.full_name ORDER BY h.full_name COLLATE "vi-x-icu", h.code COLLATE "C") AS holders
       FROM held h JOIN commune cm ON cm.id = h.commune_id JOIN position p ON p.id = h.position_id
       LEFT JOIN key_position_norm n ON n.commune_id = h.commune_id AND n.position_id = h.position_id
      GROUP BY cm.id, p.id, n.required
     HAVING count(*) > COALESCE(n.required, 1)
      ORDER BY cm.code COLLATE "C", p.sort_order, p.code COLLATE "C"`,
    [scope.provinceId, scope.date, scope.communeIds ? [...scope.communeIds] : null],
  );
  return rows.map((r) => ({
    communeId: r.commune_id, communeCode: r.commune_code, communeName: r.commune_name, communeKind: r.commune_kind,
    positionId: r.position_id, positionCode: r.position_code, positionTitleVi: r.title_vi, positionTitleEn: r.title_en,
    norm: r.norm, holders: r.holders,
  }));
}
