import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { currentYear } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listCommuneQuotas, listOldDistrictOptions, listQuotaYears } from '@/lib/db/quota-queries';
import { listQuotaYearRows } from '@/lib/db/quota-year-queries';
import { isDraftYear, latestConfirmedYear } from '@/lib/domain/quota-years';
import { matchesSearch } from '@/lib/domain/vietnamese';
import { getFormatters } from '@/lib/i18n/server';
import { QuotaFiltersSchema } from '@/lib/validation/quota';
import { PageHeader } from '@/components/layout/page-header';
import { QuotaFilters } from '@/components/quotas/quota-filters';
import { QuotaTable } from '@/components/quotas/quota-table';
import { Section } from '@/components/ui/section';
import { requirePermission } from '../../_lib/current-province';
import { firstParam, type SearchParams } from '@/lib/domain/unit-list';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('quotas');
  return { title: t('title') };
}

export default async function QuotasPage({ searchParams }: Props) {
  const user = await requirePermission('quota.edit');
  const params = await searchParams;
  const filters = QuotaFiltersSchema.parse({ year: firstParam(params.year), district: firstParam(params.district), q: firstParam(params.q) });
  const [years, yearRows, districts, t, tYears, format] = await Promise.all([
    listQuotaYears(db(), user.provinceId),
    listQuotaYearRows(db(), user.provinceId),
    listOldDistrictOptions(db(), user.provinceId),
    getTranslations('quotas'),
    getTranslations('quotaYears'),
    getFormatters(),
  ]);
  // Decision 027: a draft year is listed (to edit it) but is never the default, and counts nowhere.
  const draftYears = yearRows.filter(isDraftYear).map((y) => y.year);
  const inForce = latestConfirmedYear(yearRows, currentYear());
  // docs/domain.md, Counting: the latest year present is the default.
  const fallbackYear = inForce ?? years.find((y) => !draftYears.includes(y)) ?? years[0] ?? currentYear();
  const year = filters.year !== undefined && years.includes(filters.year) ? filters.year : fallbackYear;
  const district = districts.some((d) => d.code === filters.district) ? (filters.district ?? '') : '';
  const query = filters.q ?? '';
  const rows = (await listCommuneQuotas(db(), user.provinceId, year)).filter(
    (row) => (district === '' || row.oldDistrict.code === district) && (query === '' || matchesSearch(`${row.name} ${row.code}`, query)),
  );
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <div className="mb-6 rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-800 shadow-xs" data-testid="quota-year-summary">
        <p>{inForce === null ? tYears('summary.none') : tYears('summary.current', { year: String(inForce) })}</p>
        {draftYears.map((y) => (
          <p key={y} className="mt-1 text-amber-900">
            {tYears('summary.draft', { year: String(y) })}{' '}
            <Link prefetch={false} href={`/quotas/years/${y}`} className="font-semibold text-brand-800 underline hover:text-brand-900">
              {tYears('open.toDraft', { year: String(y) })}
            </Link>
          </p>
        ))}
        <p className="mt-2">
          <Link prefetch={false} href="/quotas/years" className="font-semibold text-brand-800 underline hover:text-brand-900">
            {tYears('summary.manage')}
          </Link>
        </p>
      </div>
      <QuotaFilters years={years.length > 0 ? years : [year]} draftYears={draftYears} districts={districts} values={{ year, district, q: query }} />
      {draftYears.includes(year) ? (
        <p role="note" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm font-medium text-amber-950" data-testid="viewing-draft">
          {tYears('summary.viewingDraft', { year: String(year) })}
        </p>
      ) : null}
      <Section id="quota-list" title={t('listHeading', { year: String(year) })} description={t('count', { count: format.number(rows.length) })}>
        {years.length === 0 ? <p className="mb-3 text-sm text-stone-700">{t('noYears')}</p> : null}
        {rows.length > 0 ? <QuotaTable rows={rows} year={year} /> : <p className="text-sm text-stone-700">{t('empty')}</p>}
      </Section>
    </>
  );
}
