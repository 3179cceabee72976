import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listCommuneQuotas, listOldDistrictOptions, listQuotaYears } from '@/lib/db/quota-queries';
import { matchesSearch } from '@/lib/domain/vietnamese';
import { getFormatters } from '@/lib/i18n/server';
import { QuotaFiltersSchema } from '@/lib/validation/quota';
import { PageHeader } from '@/components/layout/page-header';
import { QuotaFilters } from '@/components/quotas/quota-filters';
import { QuotaTable } from '@/components/quotas/quota-table';
import { Section } from '@/components/ui/section';
import { requirePermission } from '../../_lib/current-province';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('quotas');
  return { title: t('title') };
}

export default async function QuotasPage({ searchParams }: Props) {
  const user = await requirePermission('quota.edit');
  const params = await searchParams;
  const filters = QuotaFiltersSchema.parse({ year: first(params.year), district: first(params.district), q: first(params.q) });
  const [years, districts, t, format] = await Promise.all([
    listQuotaYears(db(), user.provinceId),
    listOldDistrictOptions(db(), user.provinceId),
    getTranslations('quotas'),
    getFormatters(),
  ]);
  // rules.md "Counting": the latest year present is the default.
  const fallbackYear = years[0] ?? Number(today().slice(0, 4));
  const year = filters.year !== undefined && years.includes(filters.year) ? filters.year : fallbackYear;
  const district = districts.some((d) => d.code === filters.district) ? (filters.district ?? '') : '';
  const query = filters.q ?? '';
  const rows = (await listCommuneQuotas(db(), user.provinceId, year)).filter(
    (row) => (district === '' || row.oldDistrict.code === district) && (query === '' || matchesSearch(`${row.name} ${row.code}`, query)),
  );
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <QuotaFilters years={years.length > 0 ? years : [year]} districts={districts} values={{ year, district, q: query }} />
      <Section id="quota-list" title={t('listHeading', { year: String(year) })} description={t('count', { count: format.number(rows.length) })}>
        {years.length === 0 ? <p className="mb-3 text-sm text-stone-700">{t('noYears')}</p> : null}
        {rows.length > 0 ? <QuotaTable rows={rows} year={year} /> : <p className="text-sm text-stone-700">{t('empty')}</p>}
      </Section>
    </>
  );
}
