// The plan report (issue 7, item 3; decision 019): data → pure model → PDF / XLSX. A plain module shared by the
// route handlers, the screen and `npm run data -- export report`.
import type { Db } from '@/lib/db/prisma';
import { loadReportData } from './data';
import type { ReportModel } from './model';
import { buildReport } from './sections';

export { getReportDraft, loadReportData } from './data';
export * from './model';
export { buildReport, checkReportDate, defaultRecommendations, reportTables, SECTION_HEADINGS, REPORT_DOCUMENT_TYPE, REPORT_SUMMARY } from './sections';
export { renderReportPdf } from './pdf';
export { renderReportXlsx } from './xlsx';

/** The report's model for the province at `date` (checked first with checkReportDate). */
export async function getReport(db: Db, provinceId: number, date: string): Promise<ReportModel> {
  return buildReport(await loadReportData(db, provinceId, date));
}
