import { getTranslations } from 'next-intl/server';
import { BLOCKS } from '@/lib/domain/types';
import { SITUATIONS, UNIT_KINDS } from '@/lib/domain/unit-list';
import { vacancyListParams, type VacancyListQuery } from '@/lib/domain/vacancy-list';
import { DEFAULT_UNIT_QUERY } from '@/lib/domain/unit-list';
import { FilterForm } from './filter-form';
import { hasActiveFilters, unitListHref, type UnitListQuery } from './unit-list-query';

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
  const hidden: [string, string][] = [
    ...(query.sort !== 'code' ? [['sort', query.sort] as [string, string]] : []),
    ...(query.dir !== 'asc' ? [['dir', query.dir] as [string, string]] : []),
    ...(vacancyQuery ? [...vacancyListParams(vacancyQuery)] : []),
    // The dashboard's "not mountainous" and "without key gaps" links: kept until the filters are reset.
    ...(query.lowland && !query.mountainous ? [['mountainous', '0'] as [string, string]] : []),
    ...(query.noKeyGaps && !query.keyGaps ? [['gaps', '0'] as [string, string]] : []),
  ];
  return (
    <FilterForm
      action={basePath}
      label={t('overview.filters.heading')}
      search={{ id: 'unit-search', name: 'q', label: t('overview.filters.search'), value: query.q, placeholder: t('overview.filters.searchPlaceholder') }}
      selects={selects}
      checkboxes={checkboxes}
      applyLabel={t('overview.filters.apply')}
      reset={
        hasActiveFilters(query)
          ? { href: unitListHref(basePath, { ...DEFAULT_UNIT_QUERY, sort: query.sort, dir: query.dir }, {}, vacancyQuery), label: t('overview.filters.reset') }
          : null
      }
      hidden={hidden}
    />
  );
}
