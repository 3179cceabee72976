import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listIncompleteRecords } from '@/lib/db/completeness-queries';
import { getFormatters, localizedTitle } from '@/lib/i18n/server';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { DataTable, cellClass, headCellClass } from '@/components/ui/table';
import { loadManagedCommune } from '../load';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('completeness');
  return { title: t('incomplete.title') };
}

/**
 * The commune's incomplete records, for its chairman (or Home Affairs) to fix: each counted person whose record lacks
 * the personal ID, the ethnicity, the rank or the salary coefficient, with the fields missing and a link to his page
 * (docs/decisions/039-completeness-search-personal-history.md).
 */
export default async function IncompleteRecordsPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const { commune, mayEditRoster } = await loadManagedCommune(code);
  if (!mayEditRoster) notFound();
  const date = today();
  const [records, t, tNav, tRoster, format, locale] = await Promise.all([
    listIncompleteRecords(db(), commune.id, date),
    getTranslations('completeness'),
    getTranslations('nav'),
    getTranslations('roster'),
    getFormatters(),
    getLocale(),
  ]);
  const communeHref = `/communes/${encodeURIComponent(commune.code)}`;
  const manageHref = `${communeHref}/manage`;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: tNav('overview'), href: '/' },
          { label: commune.name, href: communeHref },
          { label: tRoster('manageLink'), href: manageHref },
          { label: t('incomplete.title') },
        ]}
      />
      <PageHeader eyebrow={commune.name} title={t('incomplete.title')} lead={t('incomplete.lead', { date: format.date(date) })} />
      <p className="mb-4 text-sm text-stone-800" data-testid="incomplete-count">
        {t('incomplete.count', { count: records.length })}
      </p>
      {records.length === 0 ? (
        <p role="status" className="max-w-2xl rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t('incomplete.none')}
        </p>
      ) : (
        <DataTable caption={t('incomplete.caption', { commune: commune.name })} testId="incomplete-records">
          <thead>
            <tr>
              <th scope="col" className={headCellClass}>{t('incomplete.person')}</th>
              <th scope="col" className={headCellClass}>{t('incomplete.position')}</th>
              <th scope="col" className={headCellClass}>{t('incomplete.missing')}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id}>
                <th scope="row" className={`${cellClass} text-left font-medium`}>
                  <Link prefetch={false} href={`${manageHref}/person/${encodeURIComponent(r.code)}`} className="text-brand-800 underline hover:text-brand-900">
                    {r.fullName}
                  </Link>
                  <span className="block text-xs font-normal text-stone-600">{r.code}</span>
                </th>
                <td className={cellClass}>{localizedTitle(locale, { titleVi: r.positionTitle, titleEn: r.positionTitleEn })}</td>
                <td className={cellClass}>
                  <span className="flex flex-wrap gap-1">
                    {r.missing.map((field) => (
                      <Badge key={field} tone="amber">{t(`fields.${field}`)}</Badge>
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p className="mt-6">
        <Link prefetch={false} href={manageHref} className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
          ← {tRoster('manageLink')}
        </Link>
      </p>
    </>
  );
}
