import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { BLOCKS } from '@/lib/domain/types';
import { unitListParams, type UnitListQuery } from '@/lib/domain/unit-list';
import {
  DEFAULT_VACANCY_QUERY,
  hasActiveVacancyFilters,
  URGENCIES,
  vacancyTotals,
  whatOptions,
  type DeclaredVacancy,
  type VacancyListQuery,
} from '@/lib/domain/vacancy-list';
import { fieldLabel, loose, vacancyColumnHeader, vacancyWhat, type VacancyView } from '@/lib/exports/views';
import { getFormatters } from '@/lib/i18n/server';
import { Badge } from '@/components/ui/badge';
import { cellClass, headCellClass, numericCellClass, numericHeadCellClass, rowHover, TableContainer, tableClass } from '@/components/ui/table';
import { FilterForm } from './filter-form';
import { vacancyListHref } from './unit-list-query';

const URGENCY_TONE = { normal: 'neutral', urgent: 'amber', critical: 'red' } as const;

/**
 * The filters of the declared vacancies list: a GET form under the `v…` parameter names, carrying the units
 * list's state as hidden inputs, so both lists keep theirs and everything works without JavaScript.
 */
export async function VacancyFilters({
  query,
  basePath,
  vacancies,
  oldDistricts,
  unitQuery,
}: {
  query: VacancyListQuery;
  basePath: string;
  /** Every open need in scope (unfiltered): the position and field options come from them. */
  vacancies: DeclaredVacancy[];
  oldDistricts?: { code: string; name: string }[];
  unitQuery?: UnitListQuery;
}) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const options = whatOptions(vacancies);
  const selects = [
    ...(oldDistricts
      ? [{ id: 'vacancy-district', name: 'vdistrict', label: t('overview.filters.oldDistrict'), value: query.district,
          options: oldDistricts.map((d) => ({ value: d.code, label: d.name })) }]
      : []),
    { id: 'vacancy-urgency', name: 'vurgency', label: t('vacancies.urgency'), value: query.urgency,
      options: URGENCIES.map((urgency) => ({ value: urgency, label: t(`vacancies.urgencies.${urgency}`) })) },
    { id: 'vacancy-block', name: 'vblock', label: t('overview.filters.block'), value: query.block,
      options: BLOCKS.map((block) => ({ value: block, label: t(`blocks.${block}`) })) },
    { id: 'vacancy-what', name: 'vwhat', label: t('vacancies.what'), value: query.what,
      options: options.map((option) => ({
        value: option.value,
        label: option.field
          ? `${t('vacancyViews.fieldPrefix')}: ${fieldLabel(loose(t), option.field)}`
          : (locale === 'en' ? option.positionTitleEn : option.positionTitleVi) ?? option.value,
      })) },
  ];
  const checkboxes = [
    { name: 'vmountainous', label: t('overview.filters.mountainous'), checked: query.mountainous },
    { name: 'vdisadvantaged', label: t('overview.filters.disadvantaged'), checked: query.disadvantaged },
  ];
  return (
    <FilterForm
      action={basePath}
      label={t('vacancyViews.filtersHeading')}
      search={{ id: 'vacancy-search', name: 'vq', label: t('vacancyViews.search'), value: query.q, placeholder: t('vacancyViews.searchPlaceholder') }}
      selects={selects}
      checkboxes={checkboxes}
      applyLabel={t('vacancyViews.apply')}
      reset={hasActiveVacancyFilters(query) ? { href: vacancyListHref(basePath, DEFAULT_VACANCY_QUERY, {}, unitQuery), label: t('vacancyViews.reset') } : null}
      hidden={unitQuery ? [...unitListParams(unitQuery)] : []}
    />
  );
}

/**
 * The open declared vacancies and needs as a table (the first column stays in view when it scrolls sideways
 * on a phone), with a total line. `linkable` says which communes' pages the reader may open.
 */
export async function DeclaredVacancyTable({
  view,
  total,
  caption,
  linkable,
}: {
  view: VacancyView;
  /** How many open needs there are before filtering (for the empty state). */
  total: number;
  caption: string;
  linkable: (communeId: number) => boolean;
}) {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatters(), getLocale()]);
  const totals = vacancyTotals(view.rows);
  if (view.rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 bg-white px-4 py-6 text-center text-sm text-stone-600" data-testid="declared-vacancies-empty">
        {total === 0 ? t('vacancyViews.emptyNone') : t('vacancyViews.emptyFiltered')}
      </p>
    );
  }
  const head = (column: (typeof view.columns)[number]) => vacancyColumnHeader(loose(t), column);
  const numeric = (column: string) => column === 'count';
  return (
    <>
      <TableContainer label={caption}>
        <table className={tableClass} data-testid="declared-vacancies">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {view.columns.map((column, index) => (
                <th
                  key={column}
                  scope="col"
                  className={`${numeric(column) ? numericHeadCellClass : headCellClass} ${index === 0 ? 'sticky-col min-w-32' : ''} ${column === 'what' ? 'min-w-48' : ''} ${column === 'note' ? 'min-w-56' : ''}`}
                >
                  {head(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((v) => (
              <tr key={v.id} className={rowHover}>
                {view.columns.map((column) => {
                  switch (column) {
                    case 'commune':
                      return (
                        <th key={column} scope="row" className={`${cellClass} sticky-col bg-white text-left font-normal`}>
                          {linkable(v.communeId) ? (
                            <Link prefetch={false} href={`/communes/${v.communeCode}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                              {v.communeName}
                            </Link>
                          ) : (
                            <span className="font-medium text-stone-900">{v.communeName}</span>
                          )}
                        </th>
                      );
                    case 'oldDistrict':
                      return <td key={column} className={`${cellClass} whitespace-nowrap`}>{v.oldDistrictName}</td>;
                    case 'what':
                      return <td key={column} className={`${cellClass}`}>{vacancyWhat(loose(t), locale, v)}</td>;
                    case 'count':
                      return <td key={column} className={`${numericCellClass} font-semibold`}>{format.number(v.count)}</td>;
                    case 'urgency':
                      return (
                        <td key={column} className={`${cellClass}`}>
                          <Badge tone={URGENCY_TONE[v.urgency]}>{t(`vacancies.urgencies.${v.urgency}`)}</Badge>
                        </td>
                      );
                    case 'declaredOn':
                      return <td key={column} className={`${cellClass} numeric whitespace-nowrap`}>{format.date(v.declaredOn)}</td>;
                    case 'note':
                      return <td key={column} className={`${cellClass} break-words`}>{v.note ?? ''}</td>;
                  }
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
      <p className="mt-2 text-sm font-medium text-stone-800" data-testid="declared-vacancies-total">
        {t('vacancyViews.total', {
          needs: totals.needs,
          places: totals.places,
          communes: totals.communes,
          needsText: format.number(totals.needs),
          placesText: format.number(totals.places),
          communesText: format.number(totals.communes),
        })}
      </p>
    </>
  );
}
