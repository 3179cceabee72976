import { missingFields, type CommuneCompleteness, type CompletenessField } from '@/lib/domain/completeness';
import { poolOf, type Db } from './prisma';
import { COUNTED_AT_DATE, OPEN_AT_DATE } from './staffing-counts';

// The completeness of the personnel records (docs/decisions/039-completeness-search-personal-history.md). The people
// are those the headcount counts (lib/db/staffing-counts.ts: an active cadre or civil servant whose primary post,
// of a block, is open in the commune at the date), so a commune's `people` equals its `headcount_total` in
// `export status`. No 'server-only': the command line uses it too.

/** A record is present when not null and not blank (the rule is lib/domain/completeness.ts missingFields). */
const present = (column: string) => `NULLIF(btrim(${column}::text), '') IS NOT NULL`;

const COUNTED_PEOPLE = `
  SELECT DISTINCT ON (c.id) a.commune_id, c.id, c.code, c.full_name, c.national_id, c.ethnicity, c.rank_code, c.salary_coefficient, a.position_id
    FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
   WHERE a.is_primary AND a.commune_id IS NOT NULL AND p.block IS NOT NULL AND ${OPEN_AT_DATE} AND ${COUNTED_AT_DATE}
   ORDER BY c.id, a.start_date DESC, a.id DESC`;

type Row = {
  commune_id: number; code: string; name: string; old_district_id: number; old_district_code: string; old_district_name: string;
  people: number; complete: number; missing_national_id: number; missing_ethnicity: number; missing_rank: number; missing_salary: number;
};

/** Every commune of the province with its figures at `date` (zero for a commune nobody counts in), sorted by code. */
export async function listCommuneCompleteness(db: Db, provinceId: number, date: string): Promise<CommuneCompleteness[]> {
  const { rows } = await poolOf(db).query<Row>(
    `WITH counted AS (${COUNTED_PEOPLE.replace('WHERE a.is_primary', 'WHERE c.province_id = $1 AND a.is_primary')}),
          per_commune AS (
            SELECT commune_id, count(*)::int AS people,
                   count(*) FILTER (WHERE ${present('national_id')} AND ${present('ethnicity')} AND ${present('rank_code')} AND salary_coefficient IS NOT NULL)::int AS complete,
                   count(*) FILTER (WHERE NOT ${present('national_id')})::int AS missing_national_id,
                   count(*) FILTER (WHERE NOT ${present('ethnicity')})::int AS missing_ethnicity,
                   count(*) FILTER (WHERE NOT ${present('rank_code')})::int AS missing_rank,
                   count(*) FILTER (WHERE salary_coefficient IS NULL)::int AS missing_salary
              FROM counted GROUP BY commune_id)
     SELECT cm.id AS commune_id, cm.code, cm.name, od.id AS old_district_id, od.code AS old_district_code, od.name AS old_district_name,
            COALESCE(pc.people, 0) AS people, COALESCE(pc.complete, 0) AS complete,
            COALESCE(pc.missing_national_id, 0) AS missing_national_id, COALESCE(pc.missing_ethnicity, 0) AS missing_ethnicity,
            COALESCE(pc.missing_rank, 0) AS missing_rank, COALESCE(pc.missing_salary, 0) AS missing_salary
       FROM commune cm JOIN old_district od ON od.id = cm.old_district_id
       LEFT JOIN per_commune pc ON pc.commune_id = cm.id
      WHERE cm.province_id = $1
      ORDER BY cm.code COLLATE "C"`,
    [provinceId, date],
  );
  return rows.map((r) => ({
    communeId: r.commune_id,
    code: r.code,
    name: r.name,
    oldDistrictId: r.old_district_id,
    oldDistrictCode: r.old_district_code,
    oldDistrictName: r.old_district_name,
    people: r.people,
    complete: r.complete,
    missing: { nationalId: r.missing_national_id, ethnicity: r.missing_ethnicity, rank: r.missing_rank, salary: r.missing_salary },
  }));
}

export type IncompleteRecord = {
  id: number;
  code: string;
  fullName: string;
  positionTitle: string;
  positionTitleEn: string;
  missing: CompletenessField[];
};

/** The commune's counted people whose record lacks a field, by name then code: the chairman's list to fix. */
export async function listIncompleteRecords(db: Db, communeId: number, date: string): Promise<IncompleteRecord[]> {
  const { rows } = await poolOf(db).query<{
    id: number; code: string; full_name: string; national_id: string | null; ethnicity: string | null; rank_code: string | null;
    salary_coefficient: string | null; title_vi: string; title_en: string;
  }>(
    `WITH counted AS (${COUNTED_PEOPLE.replace('WHERE a.is_primary', 'WHERE a.commune_id = $1 AND a.is_primary')})
     SELECT k.id, k.code, k.full_name, k.national_id, k.ethnicity, k.rank_code, k.salary_coefficient::text AS salary_coefficient,
            p.title_vi, p.title_en
       FROM counted k JOIN position p ON p.id = k.position_id
      WHERE NOT (${present('k.national_id')} AND ${present('k.ethnicity')} AND ${present('k.rank_code')} AND k.salary_coefficient IS NOT NULL)`,
    [communeId, date],
  );
  const collator = new Intl.Collator('vi');
  return rows
    .map((r) => ({
      id: r.id,
      code: r.code,
      fullName: r.full_name,
      positionTitle: r.title_vi,
      positionTitleEn: r.title_en,
      missing: missingFields({ nationalId: r.national_id, ethnicity: r.ethnicity, rankCode: r.rank_code, salaryCoefficient: r.salary_coefficient }),
    }))
    .sort((a, b) => collator.compare(a.fullName, b.fullName) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
