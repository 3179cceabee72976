import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { foldVietnamese } from '@/lib/domain/vietnamese';
import { checkReportCampaign, checkReportDate, getReport, renderReportPdf, renderReportXlsx, unknownCampaignMessage } from '@/lib/report';
import { textResponse } from '@/lib/routes/define-route';

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * The plan report of the user's province for `?date=` (YYYY-MM-DD or dd/MM/yyyy, default today) and the 5% campaign
 * of `?year=` (default the latest) as a PDF or an XLSX download, once defineRoute has checked `report.view` (403
 * otherwise). A bad, future or pre-reform date, or a year without a campaign: 400 with the reason; in both cases
 * nothing is generated.
 */
export async function reportResponse(user: SessionUser, searchParams: URLSearchParams, format: 'pdf' | 'xlsx'): Promise<Response> {
  const checked = checkReportDate(searchParams.get('date'), today());
  if (!checked.ok) return textResponse(checked.message, 400);
  const campaign = await checkReportCampaign(db(), user.provinceId, checked.date, searchParams.get('year'));
  if (!campaign.ok) return textResponse(unknownCampaignMessage(campaign, checked.date), 400);
  const model = await getReport(db(), user.provinceId, checked.date, campaign.year);
  const body = format === 'pdf' ? await renderReportPdf(model) : await renderReportXlsx(model);
  const slug = foldVietnamese(model.province.name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="bao-cao-phuong-an-${slug}-${checked.date}.${format}"`,
      'cache-control': 'no-store',
    },
  });
}
