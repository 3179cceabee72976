import { reportResponse } from '../_lib/report-response';

export const dynamic = 'force-dynamic';

/** GET /api/report/pdf?date=YYYY-MM-DD: the plan report as PDF (report.view). */
export async function GET(request: Request) {
  return reportResponse(request, 'pdf');
}
