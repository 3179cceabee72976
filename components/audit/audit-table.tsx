import { getTranslations } from 'next-intl/server';
import type { AuditRow } from '@/lib/db/audit-queries';
import { ROLES, type Role } from '@/lib/auth/roles';
import { cellClass, headCellClass, TableContainer, tableClass } from '@/components/ui/table';
import { compactJson, formatAuditTime } from './format-audit';

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export async function AuditTable({ rows }: { rows: AuditRow[] }) {
  const t = await getTranslations();
  type Key = Parameters<typeof t>[0];
  // Actions and entity types are open-ended strings: label the known ones, show the rest as written.
  const label = (key: string, fallback: string) => (t.has(key as Key) ? t(key as Key) : fallback);
  if (rows.length === 0) return <p className="text-sm text-stone-600">{t('audit.empty')}</p>;
  return (
    <TableContainer label={t('audit.caption')}>
      <table className={tableClass}>
        <caption className="sr-only">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('audit.time')}</th>
            <th scope="col" className={headCellClass}>{t('audit.who')}</th>
            <th scope="col" className={`${headCellClass} min-w-32`}>{t('audit.role')}</th>
            <th scope="col" className={headCellClass}>{t('audit.action')}</th>
            <th scope="col" className={headCellClass}>{t('audit.entityAndId')}</th>
            <th scope="col" className={`${headCellClass} min-w-72`}>{t('audit.change')}</th>
            <th scope="col" className={headCellClass}>{t('audit.ip')}</th>
            <th scope="col" className={`${headCellClass} min-w-48`}>{t('audit.userAgent')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-stone-50">
              <td className={`${cellClass} numeric whitespace-nowrap`}>{formatAuditTime(row.at)}</td>
              <th scope="row" className={`${cellClass} text-left font-medium`}>{row.actorName}</th>
              <td className={cellClass}>{isRole(row.actorRole) ? t(`roles.${row.actorRole}`) : row.actorRole}</td>
              <td className={cellClass}>
                {label(`audit.actions.${row.action}`, row.action)}
                <span className="block font-mono text-xs text-stone-500">{row.action}</span>
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>
                {label(`audit.entities.${row.entityType}`, row.entityType)}
                {row.entityId ? <span className="numeric text-stone-600"> #{row.entityId}</span> : null}
              </td>
              <td className={`${cellClass} font-mono text-xs break-all`}>
                {row.before !== null && row.before !== undefined ? (
                  <span className="block">
                    <span className="font-sans font-semibold text-stone-600">{t('audit.before')}: </span>
                    {compactJson(row.before)}
                  </span>
                ) : null}
                {row.after !== null && row.after !== undefined ? (
                  <span className="block">
                    <span className="font-sans font-semibold text-stone-600">{t('audit.after')}: </span>
                    {compactJson(row.after)}
                  </span>
                ) : null}
              </td>
              <td className={`${cellClass} numeric whitespace-nowrap`}>{row.ipAddress ?? ''}</td>
              <td className={`${cellClass} text-xs text-stone-700 break-all`}>{row.userAgent ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
