import { countedPostEmploymentSql } from '@/lib/db/staffing-counts';

// The fastest single SQL statement we know that computes the same per-commune numbers as the staffing
// pipeline (quota per block of the latest confirmed year not after the date's, headcount per block, key
// vacancies). The benchmark holds the pipeline to within 1.5× of it and checks that both agree. $1 = province
// ids, $2 = date.
export const PLAIN_SQL_STATUS = `
WITH cm AS (SELECT id, province_id FROM commune WHERE province_id = ANY($1::int[])),
y AS (SELECT q.commune_id, max(q.year) AS y FROM quota q JOIN cm ON cm.id = q.commune_id
       JOIN quota_year qy ON qy.province_id = cm.province_id AND qy.year = q.year AND qy.status = 'confirmed'
      WHERE q.year <= extract(year FROM $2::date)::int GROUP BY q.commune_id),
qt AS (
  SELECT q.commune_id,
         sum(q.quota) FILTER (WHERE q.block = 'party_front') AS q_pf,
         sum(q.quota) FILTER (WHERE q.block = 'government') AS q_gov
    FROM quota q JOIN y ON y.commune_id = q.commune_id AND q.year = y.y GROUP BY q.commune_id),
hc AS (
  SELECT a.commune_id,
         count(*) FILTER (WHERE p.block = 'party_front') AS h_pf,
         count(*) FILTER (WHERE p.block = 'government') AS h_gov
    FROM assignment a JOIN cm ON cm.id = a.commune_id JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
   WHERE a.is_primary AND p.block IS NOT NULL AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
     AND ${countedPostEmploymentSql('c', 'a')} AND (c.status = 'active' OR c.left_on > $2::date)
   GROUP BY a.commune_id),
h AS (
  SELECT a.commune_id, a.position_id, count(DISTINCT a.cadre_id) AS holders
    FROM assignment a JOIN cm ON cm.id = a.commune_id JOIN cadre c ON c.id = a.cadre_id
    JOIN position p ON p.id = a.position_id AND p.is_key AND p.block IS NOT NULL
   WHERE a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
     AND ${countedPostEmploymentSql('c', 'a')} AND (c.status = 'active' OR c.left_on > $2::date)
   GROUP BY a.commune_id, a.position_id),
kv AS (
  SELECT cm.id AS commune_id, sum(greatest(COALESCE(n.required, 1) - COALESCE(h.holders, 0), 0)) AS key_vacancies
    FROM cm JOIN position p ON p.province_id = cm.province_id AND p.is_key AND p.block IS NOT NULL
    LEFT JOIN key_position_norm n ON n.commune_id = cm.id AND n.position_id = p.id
    LEFT JOIN h ON h.commune_id = cm.id AND h.position_id = p.id
   GROUP BY cm.id)
SELECT cm.id AS commune_id,
       (COALESCE(qt.q_pf, 0) + COALESCE(qt.q_gov, 0))::int AS quota_total,
       (COALESCE(hc.h_pf, 0) + COALESCE(hc.h_gov, 0))::int AS headcount_total,
       (COALESCE(hc.h_pf, 0) + COALESCE(hc.h_gov, 0) - COALESCE(qt.q_pf, 0) - COALESCE(qt.q_gov, 0))::int AS difference_total,
       COALESCE(kv.key_vacancies, 0)::int AS key_vacancies
  FROM cm LEFT JOIN qt ON qt.commune_id = cm.id LEFT JOIN hc ON hc.commune_id = cm.id LEFT JOIN kv ON kv.commune_id = cm.id`;
