import type { Block } from '@/lib/domain/types';
import type { Committee, DashboardCounts, EducationLevel, TrendSnapshot } from '@/lib/domain/dashboard';
import { poolOf, type Db } from './prisma';
import { latestCampaignYear, yearOf } from '@/lib/domain/quota-years';
import { getCampaignSummary } from './campaign-queries';
import { listCampaignYears } from './quota-year-queries';
import { getCompilation } from './secondment-queries';
import { listSnapshots } from './snapshot-queries';
import { COUNTED_AT_DATE, OPEN_AT_DATE } from './staffing-counts';
import { getProvinceStaffing } from './staffing-queries';

// The dashboard's counts (decision 018: "a handful of aggregate queries, whatever the number of
// communes"): the staffing pipeline (getProvinceStaffing: its counting statement and key positions, the province
// and its old districts), then one statement each for the key positions' fields, open needs by field, education,
// Party committee seats, the 5% compilation, its campaign (phases, Conclusions, secondments in force) and the
// snapshots, and the campaign years when the caller has not chosen one. At most twelve statements for any province;
// the filters are applied by the pure rules in lib/domain/dashboard.ts. No `server-only` guard: the bench imports it.

const NEEDS_SQL = `SELECT v.commune_id, v.field, p.block::text AS block, sum(v.count)::int AS count
  FROM vacancy v JOIN commune cm ON cm.id = v.commune_id LEFT JOIN position p ON p.id = v.position_id
 WHERE cm.province_id = $1 AND v.status = 'open' AND v.field IS NOT NULL
 GROUP BY v.commune_id, v.field, p.block`;

// Highest degree of counted commune staff by the block of their primary post (the overview's education figure, per commune).
const EDUCATION_SQL = `SELECT a.commune_id, p.block::text AS block, c.education::text AS education, count(DISTINCT c.id)::int AS count
  FROM assignment a JOIN commune cm ON cm.id = a.commune_id JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
 WHERE cm.province_id = $1 AND a.is_primary AND p.block IS NOT NULL AND ${OPEN_AT_DATE} AND ${COUNTED_AT_DATE}
 GROUP BY a.commune_id, p.block, c.education`;

const SEATS_SQL = `SELECT s.commune_id, s.committee::text AS committee, s.planned, s.appointed
  FROM party_committee_seat s JOIN commune cm ON cm.id = s.commune_id WHERE cm.province_id = $1`;

const KEY_POSITIONS_SQL = `SELECT id, code, title_vi, title_en, field, is_elected FROM position WHERE province_id = $1 AND is_key`;

/**
 * Everything the dashboard shows for a province at `date`, as counts (lib/domain/dashboard.ts computes the figures).
 * The 5% section shows the campaign of `campaignYear` (the page checks `?year=` with chooseCampaign), by default the
 * latest campaign not after the date's year; null: the province has none, and no department figure is shown.
 */
export async function loadDashboardCounts(db: Db, provinceId: number, date: string, campaignYear?: number | null): Promise<DashboardCounts> {
  const pool = poolOf(db);
  const year = campaignYear !== undefined ? campaignYear : latestCampaignYear(await listCampaignYears(db, provinceId), date);
  // The compilation's and the campaign's statements run even without a campaign (their rows are then dropped): the
  // same statements for every province, whatever its data (decision 018).
  const [staffing, positions, needs, education, seats, compilation, campaign, snapshots] = await Promise.all([
    getProvinceStaffing(db, provinceId, { date }),
    pool.query<{ id: number; code: string; title_vi: string; title_en: string; field: string | null; is_elected: boolean }>(KEY_POSITIONS_SQL, [provinceId]),
    pool.query<{ commune_id: number; field: string; block: Block | null; count: number }>(NEEDS_SQL, [provinceId]),
    pool.query<{ commune_id: number; block: Block; education: EducationLevel; count: number }>(EDUCATION_SQL, [provinceId, date]),
    pool.query<{ commune_id: number; committee: Committee; planned: number; appointed: number }>(SEATS_SQL, [provinceId]),
    getCompilation(db, provinceId, year ?? yearOf(date)),
    getCampaignSummary(db, provinceId, year ?? yearOf(date), date),
    listSnapshots(db, provinceId, undefined, date),
  ]);
  return {
    communes: staffing.communes,
    oldDistricts: staffing.oldDistricts.map((d) => ({ id: d.oldDistrictId, code: d.oldDistrictCode, name: d.oldDistrictName })),
    keyPositions: positions.rows.map((p) => ({ id: p.id, code: p.code, titleVi: p.title_vi, titleEn: p.title_en, field: p.field, isElected: p.is_elected })),
    needs: needs.rows.map((n) => ({ communeId: n.commune_id, field: n.field, block: n.block, count: n.count })),
    education: education.rows.map((e) => ({ communeId: e.commune_id, block: e.block, education: e.education, count: e.count })),
    seats: seats.rows.map((s) => ({ communeId: s.commune_id, committee: s.committee, planned: s.planned, appointed: s.appointed })),
    secondmentYear: year,
    campaign: year === null ? null : { phases: campaign.phases, conclusions: campaign.conclusions, placementsInForce: campaign.placementsInForce },
    departments:
      year === null
        ? []
        : compilation.map((r) => ({
            code: r.code, name: r.name, required: r.required, listed: r.listed, meets: r.meets, approved: r.approved, placed: r.placed, quotaYear: r.quotaYear,
          })),
    snapshots: snapshots.map(
      (s): TrendSnapshot => ({
        takenOn: s.takenOn,
        headcount: s.headcount,
        difference: s.difference,
        keyVacancies: s.keyVacancies,
        partyFrontQuota: s.partyFrontQuota,
        partyFrontHeadcount: s.partyFrontHeadcount,
        governmentQuota: s.governmentQuota,
        governmentHeadcount: s.governmentHeadcount,
        oldDistricts: (s.detail.oldDistricts ?? []).map((d) => ({ code: d.code, headcount: d.headcount, difference: d.difference, keyVacancies: d.keyVacancies })),
        context: s.detail.context ?? [],
      }),
    ),
  };
}
