import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { listAuditForExport } from '@/lib/db/audit-queries';
import { db } from '@/lib/db/client';
import { today } from '@/lib/clock';
import { toCsv } from '@/lib/exports/tabular';
import { parseAuditFilters } from '@/lib/validation/audit-filters';
import { compactJson, formatAuditTime } from '@/components/audit/format-audit';

export const dynamic = 'force-dynamic';

const COLUMNS = ['time', 'username', 'role', 'action', 'entity_type', 'entity_id', 'before', 'after', 'ip_address', 'user_agent'] as const;

// A cell a spreadsheet would read as a formula (a forged user agent "=HYPERLINK(…)") is prefixed with '.
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The audit page's rows under the same filters, as RFC 4180 CSV in UTF-8 (like the status export). */
export async function GET(request: Request) {
  const user = await requireUser();
  if (!can(user, 'audit.view', { provinceId: user.provinceId })) {
    return new Response('Không có quyền truy cập.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  const rows = await listAuditForExport(db(), user.provinceId, filters);
  const csv = toCsv({
    columns: COLUMNS,
    rows: rows.map((row) => ({
      time: formatAuditTime(row.at),
      username: inert(row.actorName),
      role: row.actorRole,
      action: row.action,
      entity_type: inert(row.entityType),
      entity_id: inert(row.entityId ?? ''),
      before: compactJson(row.before),
      after: compactJson(row.after),
      ip_address: inert(row.ipAddress ?? ''),
      user_agent: inert(row.userAgent ?? ''),
    })),
  });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="nhat-ky-${today()}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
