import { getLocale, getTranslations } from 'next-intl/server';
import { presentAuditRow } from '@/lib/audit/present';
import { listAuditForExport } from '@/lib/db/audit-queries';
import { db } from '@/lib/db/client';
import { today } from '@/lib/clock';
import { toCsv } from '@/lib/exports/tabular';
import { formattersFor } from '@/lib/i18n/format';
import { isLocale } from '@/lib/i18n/config';
import { defineRoute } from '@/lib/routes/define-route';
import { parseAuditFilters } from '@/lib/validation/audit-filters';
import {
  auditActionLabel, auditActorLabel, auditEntityLabel, auditRoleLabel, auditTranslator, renderAuditChanges, renderAuditText,
} from '@/components/audit/audit-text';
import { formatAuditTime } from '@/components/audit/format-audit';

export const dynamic = 'force-dynamic';

/**
 * The audit page's rows under the same filters, as RFC 4180 CSV in UTF-8 with a byte order mark (Excel), in
 * the reader's language: headers, roles, actions and entities translated, the changes as "Trường: trước → sau; …".
 * A cell a spreadsheet would read as a formula (a forged user agent "=HYPERLINK(…)") is neutralised by the writer.
 */
export const GET = defineRoute('audit.view', async (_request, { user, searchParams }) => {
  const filters = parseAuditFilters(searchParams);
  const [locale, translations] = await Promise.all([getLocale(), getTranslations()]);
  const t = auditTranslator(translations);
  const format = formattersFor(isLocale(locale) ? locale : 'vi');
  const { rows, lookup } = await listAuditForExport(db(), user.provinceId, filters, locale);
  const columns = [t('audit.time'), t('audit.who'), t('audit.role'), t('audit.action'), t('audit.entityAndId'), t('audit.changes'), t('audit.ip'), t('audit.userAgent')];
  const [time, who, role, action, entity, changes, ip, userAgent] = columns;
  const csv = toCsv(
    {
      columns,
      rows: rows.map((row) => {
        const name = row.entity.name ? renderAuditText(t, row.entity.name) : '';
        return {
          [time]: formatAuditTime(row.at),
          [who]: auditActorLabel(t, row),
          [role]: auditRoleLabel(t, row.actorRole),
          [action]: auditActionLabel(t, row.action),
          [entity]: name ? `${auditEntityLabel(t, row.entityType)}: ${name}` : auditEntityLabel(t, row.entityType),
          [changes]: renderAuditChanges(t, presentAuditRow(row, { lookup, format })),
          [ip]: row.ipAddress ?? '',
          [userAgent]: row.userAgent ?? '',
        };
      }),
    },
    { bom: true },
  );
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="nhat-ky-${today()}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
