import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { presentAuditRow, type AuditLookup, type AuditPresentation } from '@/lib/audit/present';
import { can } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import type { AuditEntityRef, AuditRow } from '@/lib/db/audit-queries';
import { formattersFor } from '@/lib/i18n/format';
import { isLocale } from '@/lib/i18n/config';
import { DataTable, cellClass, headCellClass } from '@/components/ui/table';
import { AuditChangeTable } from './audit-changes';
import { auditActionLabel, auditActorLabel, auditEntityLabel, auditRoleLabel, auditTranslator, renderAuditText, type AuditTranslator } from './audit-text';
import { formatAuditTime } from './format-audit';

type Entry = { row: AuditRow; presentation: AuditPresentation; action: string; href: string | null };

function Entity({ t, row, href }: { t: AuditTranslator; row: AuditRow; href: string | null }) {
  const name = row.entity.name ? renderAuditText(t, row.entity.name) : null;
  const type = auditEntityLabel(t, row.entityType);
  // An entity with no name of its own (the report draft) links by its kind.
  if (!name && href) return <Link prefetch={false} href={href} className="font-medium text-brand-800 underline hover:text-brand-900">{type}</Link>;
  return (
    <>
      <span className="block text-xs text-stone-600">{type}</span>
      {name && href ? (
        <Link prefetch={false} href={href} className="font-medium text-brand-800 underline hover:text-brand-900">{name}</Link>
      ) : name ? (
        <span className="font-medium text-stone-900">{name}</span>
      ) : null}
    </>
  );
}

function Actor({ t, row }: { t: AuditTranslator; row: AuditRow }) {
  const label = auditActorLabel(t, row);
  return (
    <>
      <span className="block font-medium text-stone-900">{label}</span>
      {/* The command line records the account of the machine it ran under. */}
      {row.actorRole === 'system' && row.actorName !== 'system' && row.actorName !== label ? <span className="block text-xs text-stone-600">{row.actorName}</span> : null}
    </>
  );
}

function Access({ t, row }: { t: AuditTranslator; row: AuditRow }) {
  if (!row.ipAddress && !row.userAgent) return null;
  return (
    <details className="mt-1 text-xs text-stone-600">
      <summary className="cursor-pointer text-brand-800 underline">{t('audit.accessDetails')}</summary>
      <dl className="mt-1 space-y-0.5 wrap-anywhere">
        {row.ipAddress ? (
          <div>
            <dt className="inline font-medium">{t('audit.ip')}:</dt> <dd className="numeric inline">{row.ipAddress}</dd>
          </div>
        ) : null}
        {row.userAgent ? (
          <div>
            <dt className="inline font-medium">{t('audit.userAgent')}:</dt> <dd className="inline">{row.userAgent}</dd>
          </div>
        ) : null}
      </dl>
    </details>
  );
}

/** The first page the entity opens on that the reader may see. */
function linkFor(entity: AuditEntityRef, user: SessionUser): string | null {
  return entity.links.find((link) => can(user, link.permission, { provinceId: user.provinceId }))?.href ?? null;
}

/**
 * The audit rows: a table from large screens up; cards (one per row) on phones and tablets, so the page never
 * scrolls sideways. Both read the same presentation; the one not shown is display:none, out of the
 * accessibility tree.
 */
export async function AuditTable({ rows, lookup, user }: { rows: AuditRow[]; lookup: AuditLookup; user: SessionUser }) {
  const [translations, locale] = await Promise.all([getTranslations(), getLocale()]);
  const t = auditTranslator(translations);
  if (rows.length === 0) return <p className="text-sm text-stone-600">{t('audit.empty')}</p>;
  const format = formattersFor(isLocale(locale) ? locale : 'vi');
  const entries: Entry[] = rows.map((row) => ({
    row,
    presentation: presentAuditRow(row, { lookup, format }),
    action: auditActionLabel(t, row.action),
    href: linkFor(row.entity, user),
  }));
  return (
    <>
      <div className="hidden lg:block">
        <DataTable caption={t('audit.caption')} className="table-fixed">
          <thead>
            <tr>
              <th scope="col" className={`${headCellClass} w-28`}>{t('audit.time')}</th>
              <th scope="col" className={`${headCellClass} w-36`}>{t('audit.who')}</th>
              <th scope="col" className={`${headCellClass} w-28`}>{t('audit.role')}</th>
              <th scope="col" className={`${headCellClass} w-36`}>{t('audit.action')}</th>
              <th scope="col" className={`${headCellClass} w-44`}>{t('audit.entityAndId')}</th>
              <th scope="col" className={headCellClass}>{t('audit.change')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(({ row, presentation, action, href }) => (
              <tr key={row.id}>
                <td className={`${cellClass} wrap-anywhere`}>
                  <time className="numeric" dateTime={row.at.toISOString()}>{formatAuditTime(row.at)}</time>
                  <Access t={t} row={row} />
                </td>
                <th scope="row" className={`${cellClass} text-left font-normal wrap-anywhere`}>
                  <Actor t={t} row={row} />
                </th>
                <td className={cellClass}>{auditRoleLabel(t, row.actorRole)}</td>
                <td className={`${cellClass} font-medium text-stone-900`}>{action}</td>
                <td className={`${cellClass} wrap-anywhere`}>
                  <Entity t={t} row={row} href={href} />
                </td>
                <td className={cellClass}>
                  <AuditChangeTable t={t} presentation={presentation} caption={t('audit.changesOf', { action })} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </div>
      <ol className="space-y-3 lg:hidden" aria-label={t('audit.caption')}>
        {entries.map(({ row, presentation, action, href }) => (
          <li key={row.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm shadow-xs">
            <p className="flex flex-wrap items-baseline justify-between gap-x-3 text-xs text-stone-600">
              <time className="numeric" dateTime={row.at.toISOString()}>{formatAuditTime(row.at)}</time>
              <span>{auditRoleLabel(t, row.actorRole)}</span>
            </p>
            <h3 className="mt-1 font-semibold text-stone-900">{action}</h3>
            <div className="mt-1 wrap-anywhere">
              <Entity t={t} row={row} href={href} />
            </div>
            <div className="mt-1 text-stone-800 wrap-anywhere">
              <span className="sr-only">{t('audit.who')}: </span>
              <Actor t={t} row={row} />
            </div>
            <div className="mt-2">
              <AuditChangeTable t={t} presentation={presentation} caption={t('audit.changesOf', { action })} />
            </div>
            <Access t={t} row={row} />
          </li>
        ))}
      </ol>
    </>
  );
}
