import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { OldDistrictOption } from '@/lib/db/quota-queries';
import { Field } from '@/components/forms/field';

/** A GET form: the filters live in the address, so they work without script and can be shared. */
export async function QuotaFilters({
  years,
  draftYears = [],
  districts,
  values,
}: {
  years: number[];
  /** Years that are drafts (decision 027): labelled as such. */
  draftYears?: number[];
  districts: OldDistrictOption[];
  values: { year: number; district: string; q: string };
}) {
  const [t, tYears] = await Promise.all([getTranslations('quotas'), getTranslations('quotaYears')]);
  return (
    <form method="get" action="/quotas" role="search" aria-label={t('filterLabel')} className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-xs sm:grid-cols-4 sm:items-end">
      <Field id="filter-year" name="year" label={t('year')} defaultValue={String(values.year)} options={years.map((y) => ({ value: String(y), label: draftYears.includes(y) ? tYears('draftOption', { year: String(y) }) : String(y) }))} />
      <Field
        id="filter-district"
        name="district"
        label={t('district')}
        defaultValue={values.district}
        options={[{ value: '', label: t('allDistricts') }, ...districts.map((d) => ({ value: d.code, label: d.name }))]}
      />
      <Field id="filter-q" name="q" label={t('search')} type="search" defaultValue={values.q} maxLength={100} hint={t('searchHint')} spellCheck={false} />
      <div className="flex flex-wrap items-center gap-3 sm:pb-6">
        <button
          type="submit"
          className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {t('apply')}
        </button>
        <Link prefetch={false} href="/quotas" className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
          {t('reset')}
        </Link>
      </div>
    </form>
  );
}
