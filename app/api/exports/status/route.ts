import { today } from '@/lib/clock';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { getProvinceStaffing } from '@/lib/db/staffing-queries';
import { buildStatusTable } from '@/lib/exports/status';
import { toCsv, toXlsx } from '@/lib/exports/tabular';

export const dynamic = 'force-dynamic';

/** The overview's download: the same file as `npm run data -- export status`. */
// Per-commune aggregates without names: every role of the province may download it (rules.md "Sign-in").
export async function GET(request: Request) {
  const user = await requireUser();
  if (!can(user, 'staffing.export', { provinceId: user.provinceId })) {
    return new Response('Không có quyền truy cập.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const format = new URL(request.url).searchParams.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') {
    return new Response('Định dạng không hỗ trợ: chỉ csv hoặc xlsx.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const province = await db().province.findUniqueOrThrow({ where: { id: user.provinceId }, select: { id: true, code: true } });
  const date = today();
  const staffing = await getProvinceStaffing(db(), province.id, { date });
  const table = buildStatusTable(staffing.communes);
  const filename = `tinh-hinh-bien-che-${province.code}-${date}.${format}`;
  const body = format === 'csv' ? toCsv(table) : await toXlsx(table, 'status');
  return new Response(new Uint8Array(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')), {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}
