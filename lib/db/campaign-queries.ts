import { poolOf, type Db } from './prisma';
import { YEAR_CONCLUSIONS_SQL, type YearConclusion } from './secondment-queries';

// A 5% campaign as a page or the report shows it at a date (decision 027: a campaign is the phases of one year):
// its phases opened by then with their lists, the Conclusions dated by then, and the secondments in force that day.
// One statement. No `server-only` guard: the report is also written by the command line.

/** SQL: secondment `s` in force on `date` (an SQL date expression): started, not past its end, not ended early. */
export const isSecondmentInForce = (date: string): string =>
  `s.start_date <= ${date} AND s.end_date >= ${date} AND (s.ended_on IS NULL OR s.ended_on > ${date})`;

export type CampaignPhase = { number: number; dueDate: string; lists: number };

export type CampaignSummary = {
  year: number;
  phases: CampaignPhase[];
  conclusions: YearConclusion[];
  /** Secondments of the province's departments in force in its communes on the date, whatever their campaign. */
  placementsInForce: number;
};

export async function getCampaignSummary(db: Db, provinceId: number, year: number, date: string): Promise<CampaignSummary> {
  const { rows } = await poolOf(db).query<{ phases: CampaignPhase[]; conclusions: YearConclusion[]; placements: number }>(
    `SELECT
       COALESCE((SELECT json_agg(json_build_object('number', p.number, 'dueDate', to_char(p.due_date, 'YYYY-MM-DD'),
                                                   'lists', (SELECT count(*)::int FROM secondment_list l WHERE l.phase_id = p.id)) ORDER BY p.number)
                   FROM secondment_phase p WHERE p.province_id = $1 AND p.year = $2 AND p.opened_on <= $3::date), '[]'::json) AS phases,
       COALESCE((SELECT json_agg(json_build_object('number', x.number, 'date', x.date, 'approved', x.approved) ORDER BY x.date, x.number COLLATE "C")
                   FROM (${YEAR_CONCLUSIONS_SQL}) x WHERE x.date <= to_char($3::date, 'YYYY-MM-DD')), '[]'::json) AS conclusions,
       (SELECT count(*)::int FROM secondment s JOIN commune cm ON cm.id = s.commune_id
         WHERE cm.province_id = $1 AND ${isSecondmentInForce('$3::date')}) AS placements`,
    [provinceId, year, date],
  );
  const r = rows[0];
  return { year, phases: r.phases, conclusions: r.conclusions, placementsInForce: r.placements };
}
