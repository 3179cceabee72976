// The plan report (decision 019): data → pure model → PDF / XLSX. A plain module shared by the
// route handlers, the screen and `npm run data -- export report`.
import type { Db } from '@/lib/db/prisma';
import { listCampaignYears } from '@/lib/db/quota-year-queries';
import { chooseCampaign, type CampaignChoice } from '@/lib/domain/quota-years';
import { loadReportData } from './data';
import type { ReportModel } from './model';
import { buildReport } from './sections';

export { getReportDraft, loadReportData } from './data';
export * from './model';
export { buildReport, checkReportDate, defaultRecommendations, reportTables, SECTION_HEADINGS, REPORT_DOCUMENT_TYPE, REPORT_SUMMARY, unknownCampaignMessage } from './sections';
export { renderReportPdf } from './pdf';
export { renderReportXlsx } from './xlsx';

/**
 * The report's model for the province at `date` (checked first with checkReportDate), its 5% section showing the
 * campaign of `campaignYear` (checked first with checkReportCampaign) or, by default, the latest one.
 */
export async function getReport(db: Db, provinceId: number, date: string, campaignYear?: number | null): Promise<ReportModel> {
  return buildReport(await loadReportData(db, provinceId, date, campaignYear));
}

/** The campaign a report asks for with `?year=` (or `--year`): the latest when not given; refused when it has none. */
export async function checkReportCampaign(db: Db, provinceId: number, date: string, requested: string | null | undefined): Promise<CampaignChoice> {
  return chooseCampaign(await listCampaignYears(db, provinceId), date, requested);
}
