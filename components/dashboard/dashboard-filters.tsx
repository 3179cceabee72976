import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MOUNTAINOUS_VALUES, type DashboardFilter } from '@/lib/domain/dashboard';
import { BLOCKS } from '@/lib/domain/types';
import { filterButtonClass, FilterSelectField } from '@/components/staffing/filter-form';

/**
 * The dashboard's filters as a plain GET form: they live in the URL (a view can be shared) and work without
 * JavaScript. Unknown values in the URL are shown as "all" here; the page says which one was refused.
 */
export async function DashboardFilters({
  filter,
  oldDistricts,
  campaign,
  active,
}: {
  filter: DashboardFilter;
  oldDistricts: { code: string; name: string }[];
  /** The 5% campaign's years (newest first) and the `year` asked in the URL ('' for the latest). */
  campaign: { years: number[]; value: string };
  active: boolean;
}) {
  const t = await getTranslations('dashboard.filters');
  const all = t('all');
  const mountainousLabel = { yes: t('mountainousValues.yes'), no: t('mountainousValues.no') };
  const blockLabel = { party_front: t('blocks.party_front'), government: t('blocks.government') };
  const selects = [
    { id: 'dashboard-district', name: 'district', label: t('district'), value: filter.district, options: oldDistricts.map((d) => ({ value: d.code, label: d.name })) },
    { id: 'dashboard-mountainous', name: 'mountainous', label: t('mountainous'), value: filter.mountainous, options: MOUNTAINOUS_VALUES.map((v) => ({ value: v, label: mountainousLabel[v] })) },
    { id: 'dashboard-block', name: 'block', label: t('block'), value: filter.block, options: BLOCKS.map((b) => ({ value: b, label: blockLabel[b] })) },
  ];
  // The year of the 5% campaign shown (docs/domain.md, Quota years and campaigns); a year in the URL that has none is kept so the page can say so.
  const years = campaign.years.map((y) => ({ value: String(y), label: t('yearOption', { year: String(y) }) }));
  if (campaign.value && !years.some((y) => y.value === campaign.value)) years.push({ value: campaign.value, label: campaign.value });
  return (
    <form
      method="get"
      action="/dashboard"
      role="search"
      aria-label={t('label')}
      className="mb-6 grid grid-cols-1 gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-xs sm:grid-cols-2 sm:p-4 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
    >
      {selects.map((select) => (
        <FilterSelectField key={select.id} select={select} emptyLabel={all} />
      ))}
      <FilterSelectField select={{ id: 'dashboard-year', name: 'year', label: t('year'), value: campaign.value, options: years }} emptyLabel={t('yearLatest')} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
        <button type="submit" className={filterButtonClass}>
          {t('apply')}
        </button>
        {active ? (
          <Link prefetch={false} href="/dashboard" className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-800 underline hover:text-brand-900">
            {t('reset')}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
