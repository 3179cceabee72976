import { defineRoute } from '@/lib/routes/define-route';
import { reportResponse } from '../_lib/report-response';

export const dynamic = 'force-dynamic';

/** GET /api/report/pdf?date=YYYY-MM-DD: the plan report as PDF. */
export const GET = defineRoute('report.view', async (_request, { user, searchParams }) => reportResponse(user, searchParams, 'pdf'), {
  forbidden: 'routes.reportForbidden',
});
