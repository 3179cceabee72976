import { reportResponse } from '../_lib/report-response';

export const dynamic = 'force-dynamic';

/** GET /api/report/xlsx?date=YYYY-MM-DD: the plan report as XLSX (report.view). */
export async function GET(request: Request) {
  return reportResponse(request, 'xlsx');
}
