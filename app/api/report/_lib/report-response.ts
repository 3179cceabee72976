import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { foldVietnamese } from '@/lib/domain/vietnamese';
import { textResponse } from '@/lib/exports/download';
import { checkReportDate, getReport, renderReportPdf, renderReportXlsx } from '@/lib/report';

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * The plan report of the user's province for `?date=` (YYYY-MM-DD or dd/MM/yyyy, default today) as a PDF or an
 * XLSX download. A role without report.view: 403; a bad, future or pre-reform date: 400 with the reason; in both
 * cases nothing is generated.
 */
export async function reportResponse(request: Request, format: 'pdf' | 'xlsx'): Promise<Response> {
  const user = await requireUser();
  if (!can(user, 'report.view', { provinceId: user.provinceId })) return textResponse('Không có quyền xem báo cáo.', 403);
  const checked = checkReportDate(new URL(request.url).searchParams.get('date'), today());
  if (!checked.ok) return textResponse(checked.message, 400);
  const model = await getReport(db(), user.provinceId, checked.date);
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
