import {
  joinParams,
  unitListParams,
  type UnitListQuery,
} from '@/lib/domain/unit-list';
import { vacancyListParams, type VacancyListQuery } from '@/lib/domain/vacancy-list';

// The pure list logic lives in lib/domain/unit-list.ts (shared with the export routes); this module adds
// the page's links, which carry the state of both lists on the page (units and declared vacancies).
export {
  applyUnitListQuery,
  figureSortKey,
  hasActiveFilters,
  parseUnitListQuery,
  type SearchParams,
  type SortDirection,
  type UnitListQuery,
  type UnitSortKey,
} from '@/lib/domain/unit-list';

/** The URL of the same page with some unit-list settings changed; the vacancy list's filters are kept. */
export function unitListHref(
  basePath: string,
  query: UnitListQuery,
  changes: Partial<UnitListQuery> = {},
  vacancyQuery?: VacancyListQuery,
): string {
  const sets = [unitListParams({ ...query, ...changes })];
  if (vacancyQuery) sets.push(vacancyListParams(vacancyQuery));
  return `${basePath}${joinParams(...sets)}`;
}

/** The URL of the same page with the vacancy list's settings changed; the unit list's are kept. */
export function vacancyListHref(
  basePath: string,
  vacancyQuery: VacancyListQuery,
  changes: Partial<VacancyListQuery> = {},
  unitQuery?: UnitListQuery,
): string {
  const sets = [...(unitQuery ? [unitListParams(unitQuery)] : []), vacancyListParams({ ...vacancyQuery, ...changes })];
  return `${basePath}${joinParams(...sets)}`;
}

/** Hidden inputs that carry a set of parameters through a GET form of the other list. */
export function hiddenEntries(params: URLSearchParams): [string, string][] {
  return [...params];
}
