import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { BLOCKS } from '@/lib/domain/types';
import { SITUATIONS, UNIT_KINDS } from '@/lib/domain/unit-list';
import { vacancyListParams, type VacancyListQuery } from '@/lib/domain/vacancy-list';
import { DEFAULT_UNIT_QUERY } from '@/lib/domain/unit-list';
import { hasActiveFilters, unitListHref, type UnitListQuery } from './unit-list-query';

export const filterInputClass =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm text-stone-900 shadow-xs focus:border-brand-700';
export const filterLabelClass = 'text-sm font-medium text-stone-800';
export const filterButtonClass =
  'rounded-md bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white shadow-xs hover:bg-brand-800';

/**
 * A GET form: the filters end up in the URL, so it works without JavaScript and can be bookmarked. The
 * declared-vacancies list's filters on the same page travel along as hidden inputs.
 */
export async function UnitFilters({
  query,
  basePath,
  oldDistricts,
  vacancyQuery,
}: {
  query: UnitListQuery;
  basePath: string;
  /** The old-district select; left out on an old district's own page. */
  oldDistricts?: { code: string; name: string }[];
  vacancyQuery?: VacancyListQuery;
}) {
  const t = await getTranslations();
  const checkboxes = [
    { name: 'gaps', label: t('overview.filters.keyGaps'), checked: query.keyGaps },
    { name: 'mountainous', label: t('overview.filters.mountainous'), checked: query.mountainous },
    { name: 'disadvantaged', label: t('overview.filters.disadvantaged'), checked: query.disadvantaged },
    { name: 'border', label: t('overview.filters.border'), checked: query.border },
  ];
  const selects = [
    ...(oldDistricts
      ? [{ id: 'unit-district', name: 'district', label: t('overview.filters.oldDistrict'), value: query.district,
          options: oldDistricts.map((d) => ({ value: d.code, label: d.name })) }]
      : []),
    { id: 'unit-block', name: 'block', label: t('overview.filters.block'), value: query.block,
      options: BLOCKS.map((block) => ({ value: block, label: t(`blocks.${block}`) })) },
    { id: 'unit-situation', name: 'situation', label: t('overview.filters.situation'), value: query.situation,
      options: SITUATIONS.map((situation) => ({ value: situation, label: t(`overview.filters.situations.${situation}`) })) },
    { id: 'unit-kind', name: 'kind', label: t('overview.filters.kind'), value: query.kind,
      options: UNIT_KINDS.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) })) },
  ];
  return (
    <Form
      action={basePath}
      scroll={false}
      role="search"
      aria-label={t('overview.filters.heading')}
      className="mb-3 grid grid-cols-2 gap-x-3 gap-y-3 rounded-lg border border-stone-200 bg-white p-3 shadow-xs sm:gap-x-4 sm:p-4 lg:grid-cols-4"
    >
      <div className="col-span-2 lg:col-span-4">
        <label htmlFor="unit-search" className={filterLabelClass}>
          {t('overview.filters.search')}
        </label>
        <input
          id="unit-search"
          type="search"
          name="q"
          defaultValue={query.q}
          placeholder={t('overview.filters.searchPlaceholder')}
          maxLength={100}
          className={`${filterInputClass} lg:max-w-md`}
        />
      </div>
      {selects.map((select) => (
        <div key={select.id} className="min-w-0">
          <label htmlFor={select.id} className={filterLabelClass}>
            {select.label}
          </label>
          <select id={select.id} name={select.name} defaultValue={select.value} className={filterInputClass}>
            <option value="">{t('overview.filters.all')}</option>
            {select.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="col-span-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-3 lg:col-span-4">
        <div className="grid grid-cols-1 gap-x-5 gap-y-2 sm:flex sm:flex-wrap">
          {checkboxes.map((box) => (
            <label key={box.name} className="inline-flex items-center gap-2 text-sm text-stone-800">
              <input
                type="checkbox"
                name={box.name}
                value="1"
                defaultChecked={box.checked}
                className="size-4 rounded border-stone-400 accent-brand-700"
              />
              {box.label}
            </label>
          ))}
        </div>
        <div className="flex items-center gap-2">
          <button type="submit" className={filterButtonClass}>
            {t('overview.filters.apply')}
          </button>
          {hasActiveFilters(query) ? (
            <Link
              href={unitListHref(basePath, { ...DEFAULT_UNIT_QUERY, sort: query.sort, dir: query.dir }, {}, vacancyQuery)}
              scroll={false}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-800 underline hover:text-brand-900"
            >
              {t('overview.filters.reset')}
            </Link>
          ) : null}
        </div>
      </div>
      {query.sort !== 'code' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== 'asc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
      {vacancyQuery
        ? [...vacancyListParams(vacancyQuery)].map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
        : null}
    </Form>
  );
}
