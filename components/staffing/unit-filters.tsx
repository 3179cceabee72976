import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { hasActiveFilters, unitListHref, type UnitListQuery } from './unit-list-query';

const inputClass =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm text-stone-900 shadow-xs focus:border-brand-700';

/** A GET form: the filters end up in the URL, so it works without JavaScript and can be bookmarked. */
export async function UnitFilters({
  query,
  basePath,
  oldDistricts,
}: {
  query: UnitListQuery;
  basePath: string;
  oldDistricts: { code: string; name: string }[];
}) {
  const t = await getTranslations('overview.filters');
  const checkboxes = [
    { name: 'mountainous', label: t('mountainous'), checked: query.mountainous },
    { name: 'short', label: t('shortStaffed'), checked: query.shortStaffed },
    { name: 'gaps', label: t('keyGaps'), checked: query.keyGaps },
  ];
  return (
    <Form
      action={basePath}
      scroll={false}
      role="search"
      aria-label={t('heading')}
      className="mb-3 grid gap-x-4 gap-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-xs md:grid-cols-2"
    >
      <div>
        <label htmlFor="unit-search" className="text-sm font-medium text-stone-800">
          {t('search')}
        </label>
        <input
          id="unit-search"
          type="search"
          name="q"
          defaultValue={query.q}
          placeholder={t('searchPlaceholder')}
          maxLength={100}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="unit-district" className="text-sm font-medium text-stone-800">
          {t('oldDistrict')}
        </label>
        <select id="unit-district" name="district" defaultValue={query.district} className={inputClass}>
          <option value="">{t('allOldDistricts')}</option>
          {oldDistricts.map((district) => (
            <option key={district.code} value={district.code}>
              {district.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-3 md:col-span-2">
        <div className="flex flex-wrap gap-x-5 gap-y-2">
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
          <button
            type="submit"
            className="rounded-md bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white shadow-xs hover:bg-brand-800"
          >
            {t('apply')}
          </button>
          {hasActiveFilters(query) ? (
            <Link
              href={unitListHref(basePath, query, { q: '', district: '', mountainous: false, shortStaffed: false, keyGaps: false })}
              scroll={false}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-800 underline hover:text-brand-900"
            >
              {t('reset')}
            </Link>
          ) : null}
        </div>
      </div>
      {query.sort !== 'code' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== 'asc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
    </Form>
  );
}
