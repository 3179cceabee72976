import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FIGURES, figuresOf, visibleScopes, type UnitRow } from '@/lib/domain/unit-list';
import type { VacancyListQuery } from '@/lib/domain/vacancy-list';
import { loose, scopeLabel as scopeLabelOf } from '@/lib/exports/views';
import { getFormatters } from '@/lib/i18n/server';
import { DataTable, cellClass, headCellClass, numericCellClass, numericHeadCellClass, phoneHidden, rowHover } from '@/components/ui/table';
import { Difference } from './difference';
import { UnitFlags } from './unit-flags';
import { figureSortKey, unitListHref, type UnitListQuery, type UnitSortKey } from './unit-list-query';

const groupStart = 'border-l border-stone-200';

/**
 * Quota, headcount and difference per block and in total for each unit (or only the filtered block's), with
 * key vacancies and flags. The columns are those of unitColumns(), which the export writes too.
 */
export async function UnitTable({
  rows,
  query,
  basePath,
  caption,
  showOldDistrict = true,
  vacancyQuery,
  linkable = () => true,
}: {
  rows: UnitRow[];
  query: UnitListQuery;
  basePath: string;
  caption: string;
  showOldDistrict?: boolean;
  vacancyQuery?: VacancyListQuery;
  /** Whether the reader may open a unit's page: a unit he may not open is named, not linked. */
  linkable?: (communeId: number) => boolean;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatters()]);
  const SCOPES = visibleScopes(query);
  const scopeLabel = (scope: (typeof SCOPES)[number]) => scopeLabelOf(loose(t), scope);
  const columnCount = 3 + SCOPES.length * FIGURES.length + (showOldDistrict ? 1 : 0);

  const sortable = (key: UnitSortKey, label: string) => (
    <SortLink
      sortKey={key}
      label={label}
      href={unitListHref(basePath, query, { sort: key, dir: query.sort === key && query.dir === 'asc' ? 'desc' : 'asc' }, vacancyQuery)}
      query={query}
      labels={{ asc: t('table.sortAscending'), desc: t('table.sortDescending') }}
    />
  );
  const ariaSort = (key: UnitSortKey) =>
    query.sort === key ? (query.dir === 'asc' ? ('ascending' as const) : ('descending' as const)) : undefined;

  return (
    <DataTable caption={caption}>
      <colgroup span={1} />
      {showOldDistrict ? <colgroup span={1} className={phoneHidden} /> : null}
      {SCOPES.map((scope) => (
        <colgroup key={scope} span={FIGURES.length} />
      ))}
      <colgroup span={1} />
      <colgroup span={1} className={phoneHidden} />
      <thead>
        <tr>
          <th scope="col" rowSpan={2} aria-sort={ariaSort('name')} className={`${headCellClass} sticky-col min-w-36`}>
            {sortable('name', t('unitTable.unit'))}
          </th>
          {showOldDistrict ? (
            <th scope="col" rowSpan={2} aria-sort={ariaSort('oldDistrict')} className={`${headCellClass} ${phoneHidden} min-w-32`}>
              {sortable('oldDistrict', t('unitTable.oldDistrict'))}
            </th>
          ) : null}
          {SCOPES.map((scope) => (
            <th
              key={scope}
              scope="colgroup"
              colSpan={FIGURES.length}
              className={`${headCellClass} ${groupStart} border-b-stone-300 pb-1 text-center`}
            >
              {scopeLabel(scope)}
            </th>
          ))}
          <th scope="col" rowSpan={2} aria-sort={ariaSort('keyVacancies')} className={`${numericHeadCellClass} ${groupStart} min-w-24`}>
            {sortable('keyVacancies', t('unitTable.keyVacanciesShort'))}
          </th>
          <th scope="col" rowSpan={2} className={`${headCellClass} ${phoneHidden} min-w-56`}>
            {t('unitTable.flags')}
          </th>
        </tr>
        <tr>
          {SCOPES.flatMap((scope) =>
            FIGURES.map((figure, index) => {
              const key = figureSortKey(scope, figure);
              return (
                <th
                  key={key}
                  scope="col"
                  aria-sort={ariaSort(key)}
                  className={`${numericHeadCellClass} font-medium ${index === 0 ? groupStart : ''}`}
                >
                  {sortable(key, t(`figures.${figure}`))}
                </th>
              );
            }),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columnCount} className="px-3 py-6 text-center text-stone-600">
              {t('table.empty')}
            </td>
          </tr>
        ) : null}
        {rows.map((row) => {
          const unit = row.unit;
          return (
          <tr key={unit.communeId} className={rowHover}>
            <th scope="row" className={`${cellClass} sticky-col bg-white text-left font-normal`}>
              {linkable(unit.communeId) ? (
                <Link prefetch={false} href={`/communes/${unit.code}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                  {unit.name}
                </Link>
              ) : (
                <span className="font-medium">{unit.name}</span>
              )}
              <span className="sub">
                {t(`unitKind.${unit.kind}`)} · {unit.code}
              </span>
            </th>
            {showOldDistrict ? <td className={`${cellClass} ${phoneHidden} whitespace-nowrap`}>{unit.oldDistrictName}</td> : null}
            {SCOPES.flatMap((scope) => {
              const figures = figuresOf(unit, scope);
              const strong = scope === 'total' ? 'font-semibold' : '';
              return [
                <td key={`${scope}-quota`} className={`${numericCellClass} ${groupStart} ${strong}`}>
                  {format.number(figures.quota)}
                </td>,
                <td key={`${scope}-headcount`} className={`${numericCellClass} ${strong}`}>
                  {format.number(figures.headcount)}
                </td>,
                <td key={`${scope}-difference`} className={`${numericCellClass}`}>
                  <Difference value={figures.difference} format={format} />
                </td>,
              ];
            })}
            <td className={`${numericCellClass} ${groupStart}`}>
              <span className={row.keyVacancies > 0 ? 'font-semibold text-amber-900' : 'text-stone-600'}>
                {format.number(row.keyVacancies)}
              </span>
            </td>
            <td className={`${cellClass} ${phoneHidden}`}>
              <UnitFlags
                unit={{ ...unit, isShortStaffed: row.isShortStaffed, hasKeyGaps: row.hasKeyGaps, missingQuota: row.missingQuota }}
              />
            </td>
          </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}

function SortLink({
  sortKey,
  label,
  href,
  query,
  labels,
}: {
  sortKey: UnitSortKey;
  label: string;
  href: string;
  query: UnitListQuery;
  labels: { asc: string; desc: string };
}) {
  const isActive = query.sort === sortKey;
  const nextDir = isActive && query.dir === 'asc' ? 'desc' : 'asc';
  const indicator = isActive ? (query.dir === 'asc' ? '▲' : '▼') : '↕';
  return (
    <Link
      prefetch={false}
      scroll={false}
      href={href}
      className={`inline-flex items-baseline gap-1 hover:text-brand-800 hover:underline ${isActive ? 'text-brand-800' : ''}`}
    >
      <span>{label}</span>
      <span aria-hidden="true" className={`text-[0.65rem] ${isActive ? '' : 'text-stone-400'}`}>
        {indicator}
      </span>
      <span className="sr-only">({nextDir === 'asc' ? labels.asc : labels.desc})</span>
    </Link>
  );
}
