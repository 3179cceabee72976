import { poolOf, type Db } from '@/lib/db/prisma';
import { listCampaignYears } from '@/lib/db/quota-year-queries';
import { getCampaignSummary, isSecondmentInForce } from '@/lib/db/campaign-queries';
import { getCompilation } from '@/lib/db/secondment-queries';
import { getForecast } from '@/lib/db/forecast-queries';
import { getReportSupport } from '@/lib/db/support-report-queries';
import { loadReportStructure, loadReportSuccession } from './structure-data';
import { DEFAULT_FORECAST_YEARS } from '@/lib/domain/forecast';
import { listSnapshots, type SnapshotDetail } from '@/lib/db/snapshot-queries';
import { getProvinceContext, getProvinceStaffing, listPositions } from '@/lib/db/staffing-queries';
import { transferStatusSql } from '@/lib/db/transfer-status';
import { chooseCampaign } from '@/lib/domain/quota-years';
import type { ReportData, ReportDraftData, ReportPlacement, ReportTransfer } from './model';

// Reads everything the plan report needs for a province at a date: the one staffing pipeline (as of the date),
// the education and Party committee seats, the 5% compilation as known on the date, the secondments in place on
// the date, the transfers proposed by the date, the published context figures recorded with the snapshots, the
// author's draft, and the staffing forecast from the date. No `server-only`: the route handler and the command line
// share it.

/** Secondments in place on `date`: started by then and neither ended nor past their end date. */
async function listPlacements(db: Db, provinceId: number, date: string): Promise<ReportPlacement[]> {
  const { rows } = await poolOf(db).query<ReportPlacement>(
    `SELECT ca.full_name AS "cadreName", d.name AS "departmentName", cm.name AS "communeName", p.title_vi AS "positionTitle",
            to_char(s.start_date, 'YYYY-MM-DD') AS "startDate", to_char(s.end_date, 'YYYY-MM-DD') AS "endDate"
       FROM secondment s
       JOIN cadre ca ON ca.id = s.cadre_id
       JOIN department d ON d.id = s.department_id
       JOIN commune cm ON cm.id = s.commune_id
       JOIN position p ON p.id = s.position_id
      WHERE cm.province_id = $1 AND ${isSecondmentInForce('$2::date')}
      ORDER BY cm.name, ca.full_name`,
    [provinceId, date],
  );
  return rows;
}

/**
 * Transfers between the province's communes proposed by `date` (recorded on or before it, Asia/Ho_Chi_Minh), in
 * their status at `date` (executed once an approved transfer's effective date has come: lib/db/transfer-status.ts).
 * Read here with its own query: the transfer workflow (decision 016) owns the table's writes.
 */
async function listTransfers(db: Db, provinceId: number, date: string): Promise<ReportTransfer[]> {
  const { rows } = await poolOf(db).query<ReportTransfer>(
    `SELECT ca.full_name AS "cadreName", f.name AS "fromCommune", fd.name AS "fromDistrict", tc.name AS "toCommune", td.name AS "toDistrict",
            p.title_vi AS "positionTitle", t.cross_district AS "crossDistrict", to_char(t.effective_date, 'YYYY-MM-DD') AS "effectiveDate",
            ${transferStatusSql('t', '$2::date')} AS state, t.decision_number AS "decisionNumber"
       FROM transfer t
       JOIN cadre ca ON ca.id = t.cadre_id
       JOIN commune f ON f.id = t.from_commune_id JOIN old_district fd ON fd.id = f.old_district_id
       JOIN commune tc ON tc.id = t.to_commune_id JOIN old_district td ON td.id = tc.old_district_id
       JOIN position p ON p.id = t.position_id
      WHERE t.province_id = $1 AND (t.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $2::date
      ORDER BY t.effective_date, t.id`,
    [provinceId, date],
  );
  return rows;
}

export async function getReportDraft(db: Db, provinceId: number): Promise<ReportDraftData | null> {
  return db.reportDraft.findUnique({
    where: { provinceId },
    select: { documentNumber: true, recommendations: true, signerTitle: true, signerName: true, version: true },
  });
}

/**
 * The plan report's data for the province at `date` ('YYYY-MM-DD', already checked by checkReportDate). The 5% section
 * shows the campaign of `campaignYear` when given (checked by the caller with chooseCampaign), else the latest
 * campaign not after the date's year (docs/domain.md, Quota years and campaigns: the latest campaign until one of the new year starts); none when
 * the province has had none.
 */
export async function loadReportData(db: Db, provinceId: number, date: string, campaignYear?: number | null): Promise<ReportData> {
  const years = chooseCampaign(await listCampaignYears(db, provinceId), date).years;
  const year = campaignYear !== undefined ? campaignYear : (years[0] ?? null);
  const [staffing, context, positions, compilation, campaign, placements, transfers, snapshots, draft, forecast, support] = await Promise.all([
    getProvinceStaffing(db, provinceId, { date }),
    getProvinceContext(db, provinceId, date),
    listPositions(db, provinceId),
    year === null ? Promise.resolve([]) : getCompilation(db, provinceId, year, undefined, date),
    year === null ? Promise.resolve(null) : getCampaignSummary(db, provinceId, year, date),
    listPlacements(db, provinceId, date),
    listTransfers(db, provinceId, date),
    listSnapshots(db, provinceId, undefined, date),
    getReportDraft(db, provinceId),
    // The forecast from the report's date: the changes decided to take effect after it and the retirements (decision 042).
    getForecast(db, provinceId, date, DEFAULT_FORECAST_YEARS),
    getReportSupport(db, provinceId, date),
  ]);
  // Published context figures (never computed) travel with the snapshots that recorded them; each key once, latest first.
  const seen = new Set<string>();
  const contextFigures: NonNullable<SnapshotDetail['context']> = [];
  for (const s of [...snapshots].reverse()) {
    for (const c of s.detail.context ?? []) {
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      contextFigures.push(c);
    }
  }
  const { total: educationTotal, ...levels } = context.education;
  const [structure, succession] = await Promise.all([loadReportStructure(db, provinceId, date), loadReportSuccession(db, provinceId, date)]);
  return {
    province: staffing.province,
    date,
    staffing: { total: staffing.total, oldDistricts: staffing.oldDistricts, communes: staffing.communes },
    positionTitles: Object.fromEntries(positions.map((p) => [p.id, p.titleVi])),
    electedPositionIds: positions.filter((p) => p.isElected).map((p) => p.id),
    education: { ...levels, total: educationTotal },
    partySeats: context.partySeats,
    context: contextFigures,
    compilation: {
      year,
      years,
      phases: campaign?.phases ?? [],
      rows: compilation.map(({ name, quota, quotaYear, required, listed, meets, approved, placed, belowMinimum }) => ({
        name, quota, quotaYear, required, listed, meets, approved, placed, belowMinimum,
      })),
      conclusions: campaign?.conclusions ?? [],
    },
    placements,
    transfers,
    draft,
    forecast: { years: forecast.result.years, communes: forecast.input.communes, rows: forecast.result.rows, pastRetirement: forecast.result.pastRetirement.length },
    support,
    structure,
    succession,
  };
}
