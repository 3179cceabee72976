import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { getProvinceStaffing } from '@/lib/db/staffing-queries';
import { buildStatusTable } from '@/lib/exports/status';
import { toCsv, toXlsx } from '@/lib/exports/tabular';
import { defineRoute, refuse } from '@/lib/routes/define-route';

export const dynamic = 'force-dynamic';

/** The overview's download: the same file as `npm run data -- export status`. */
// Per-commune aggregates without names: every role of the province may download it (docs/domain.md, Who sees what).
export const GET = defineRoute('staffing.export', async (_request, { user, searchParams }) => {
  const format = searchParams.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') refuse(400, 'routes.badTableFormat');
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
});
