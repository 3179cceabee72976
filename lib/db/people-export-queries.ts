import type { PeopleExportRow } from '@/lib/exports/people';
import type { Db } from './prisma';
import { COUNTED_EMPLOYMENT_TYPES } from '@/lib/domain/employment';

// The people exchange file's rows (docs/decisions/038-people-exchange-file.md), set-based: active cadres and civil
// servants of a province at a date, with the open primary post and the codes of the open concurrent ones. The
// employment type is the primary post's when the post records one, else the person's, as the headcount counts it
// (lib/db/staffing-counts.ts, countedPostEmploymentSql).

export type PeopleExportScope = {
  provinceId: number;
  /** The day the file describes (today): who is active, which posts are open. */
  date: string;
  /** Only the people whose open primary post is in this commune or department (by code). */
  unitCode?: string;
  /** Only the people whose record or posts changed on or after this day (CHANGED_SINCE). Departures are not in the file. */
  changedSince?: string;
};

/**
 * The condition "changed on or after $3" on the cadre row `c`: an audit event about the person (every change of the
 * record is one: the roster, the dossier, the import) recorded on or after the day (its business day in
 * Asia/Ho_Chi_Minh) or effective on or after it, or a post of his starting or ending (the day after its last day)
 * on or after it, as a scheduled change or an approved transfer does.
 */
const CHANGED_SINCE = `(
  EXISTS (SELECT 1 FROM audit_log l WHERE l.entity_type = 'cadre' AND l.entity_id = c.id::text
            AND (COALESCE(l.recorded_on, (l.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) >= $3::date OR l.effective_on >= $3::date))
  OR EXISTS (SELECT 1 FROM assignment h WHERE h.cadre_id = c.id AND (h.start_date >= $3::date OR h.end_date >= $3::date - 1)))`;

export async function listPeopleForExport(db: Db, scope: PeopleExportScope): Promise<PeopleExportRow[]> {
  const rows = await db.$queryRawUnsafe<{
    national_id: string | null; code: string; full_name: string; gender: 'male' | 'female'; birth_date: string; ethnicity: string | null;
    employment_type: string; education: string; political_theory: string | null; is_party_member: boolean;
    rank_code: string | null; salary_step: number | null; salary_coefficient: string | null;
    unit_code: string | null; position_code: string | null; post_start: string | null; concurrent: string[];
  }[]>(
    `SELECT c.national_id, c.code, c.full_name, c.gender::text AS gender, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.ethnicity,
            COALESCE(p.post_employment, c.employment_type)::text AS employment_type, c.education::text AS education, c.political_theory::text AS political_theory, c.is_party_member,
            c.rank_code, c.salary_step, c.salary_coefficient::text AS salary_coefficient,
            p.unit_code, p.position_code, to_char(p.start_date, 'YYYY-MM-DD') AS post_start,
            COALESCE((SELECT array_agg(DISTINCT cp.code) FROM assignment ca JOIN position cp ON cp.id = ca.position_id
                       WHERE ca.cadre_id = c.id AND NOT ca.is_primary AND ca.start_date <= $2::date AND (ca.end_date IS NULL OR ca.end_date >= $2::date)), '{}') AS concurrent
       FROM cadre c
       LEFT JOIN LATERAL (
         SELECT COALESCE(cm.code, d.code) AS unit_code, pp.code AS position_code, a.start_date, a.employment_type AS post_employment
           FROM assignment a JOIN position pp ON pp.id = a.position_id
           LEFT JOIN commune cm ON cm.id = a.commune_id LEFT JOIN department d ON d.id = a.department_id
          WHERE a.cadre_id = c.id AND a.is_primary AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
          ORDER BY a.start_date DESC, a.id DESC LIMIT 1) p ON true
      WHERE c.province_id = $1 AND COALESCE(p.post_employment, c.employment_type) IN (${COUNTED_EMPLOYMENT_TYPES.map((t) => `'${t}'`).join(', ')})
        AND (c.status = 'active' OR c.left_on > $2::date)
        ${scope.unitCode !== undefined ? 'AND p.unit_code = $4' : ''}
        ${scope.changedSince !== undefined ? `AND ${CHANGED_SINCE}` : 'AND $3::date IS NULL'}`,
    scope.provinceId, scope.date, scope.changedSince ?? null, ...(scope.unitCode !== undefined ? [scope.unitCode] : []),
  );
  return rows.map((r) => ({
    nationalId: r.national_id, code: r.code, fullName: r.full_name, gender: r.gender, birthDate: r.birth_date, ethnicity: r.ethnicity,
    employmentType: r.employment_type, education: r.education, politicalTheory: r.political_theory, isPartyMember: r.is_party_member,
    rankCode: r.rank_code, salaryStep: r.salary_step, salaryCoefficient: r.salary_coefficient === null ? null : Number(r.salary_coefficient),
    unitCode: r.unit_code, positionCode: r.position_code, postStartDate: r.post_start, concurrentPositionCodes: r.concurrent,
  }));
}

/** Whether a commune or department of the province bears this code. */
export async function isUnitCode(db: Db, provinceId: number, code: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT (SELECT count(*) FROM commune WHERE province_id = ${provinceId} AND code = ${code})::int
         + (SELECT count(*) FROM department WHERE province_id = ${provinceId} AND code = ${code})::int AS n`;
  return rows[0].n > 0;
}
