import { compareVietnamese, matchesSearch } from '@/lib/domain/vietnamese';
import type { Block, CommuneStaffing } from '@/lib/domain/types';

// The units table is sorted and filtered on the server from the URL (?sort=difference&dir=asc&short=1),
// so every state is a link that works without JavaScript and can be bookmarked.

const FIGURES = ['quota', 'headcount', 'difference'] as const;
type Figure = (typeof FIGURES)[number];
type FigureScope = Block | 'total';

export type UnitSortKey =
  | 'code'
  | 'name'
  | 'oldDistrict'
  | 'keyVacancies'
  | Figure
  | `${'partyFront' | 'government'}${Capitalized<Figure>}`;
type Capitalized<S extends string> = S extends `${infer F}${infer R}` ? `${Uppercase<F>}${R}` : S;

export type SortDirection = 'asc' | 'desc';

export type UnitListQuery = {
  sort: UnitSortKey;
  dir: SortDirection;
  q: string;
  district: string;
  mountainous: boolean;
  shortStaffed: boolean;
  keyGaps: boolean;
};

export type SearchParams = Record<string, string | string[] | undefined>;

const SCOPE_PREFIX: Record<Block, 'partyFront' | 'government'> = { party_front: 'partyFront', government: 'government' };

/** The sort key of one figure column: 'difference' for the total, 'governmentDifference' for a block. */
export function figureSortKey(scope: FigureScope, figure: Figure): UnitSortKey {
  if (scope === 'total') return figure;
  return `${SCOPE_PREFIX[scope]}${capitalize(figure)}`;
}

function capitalize<S extends string>(value: S): Capitalized<S> {
  return `${value.charAt(0).toUpperCase()}${value.slice(1)}` as Capitalized<S>;
}

type Accessor = (unit: CommuneStaffing) => number | string;

const ACCESSORS: Record<UnitSortKey, Accessor> = {
  code: (u) => u.code,
  name: (u) => u.name,
  oldDistrict: (u) => u.oldDistrictName,
  keyVacancies: (u) => u.keyVacancies,
  quota: (u) => u.total.quota,
  headcount: (u) => u.total.headcount,
  difference: (u) => u.total.difference,
  partyFrontQuota: (u) => u.blocks.party_front.quota,
  partyFrontHeadcount: (u) => u.blocks.party_front.headcount,
  partyFrontDifference: (u) => u.blocks.party_front.difference,
  governmentQuota: (u) => u.blocks.government.quota,
  governmentHeadcount: (u) => u.blocks.government.headcount,
  governmentDifference: (u) => u.blocks.government.difference,
};

function isSortKey(value: string | undefined): value is UnitSortKey {
  return value !== undefined && Object.hasOwn(ACCESSORS, value);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseUnitListQuery(params: SearchParams): UnitListQuery {
  const sort = first(params.sort);
  return {
    sort: isSortKey(sort) ? sort : 'code',
    dir: first(params.dir) === 'desc' ? 'desc' : 'asc',
    q: (first(params.q) ?? '').trim().slice(0, 100),
    district: (first(params.district) ?? '').slice(0, 50),
    mountainous: first(params.mountainous) === '1',
    shortStaffed: first(params.short) === '1',
    keyGaps: first(params.gaps) === '1',
  };
}

export function hasActiveFilters(query: UnitListQuery): boolean {
  return query.q !== '' || query.district !== '' || query.mountainous || query.shortStaffed || query.keyGaps;
}

/** Filters, then sorts with the unit code as the tie-breaker (a stable, reproducible order). */
export function applyUnitListQuery(
  units: CommuneStaffing[],
  query: UnitListQuery,
  oldDistrictIdByCode: ReadonlyMap<string, number>,
): CommuneStaffing[] {
  const districtId = query.district ? oldDistrictIdByCode.get(query.district) : undefined;
  const filtered = units.filter(
    (unit) =>
      (!query.district || unit.oldDistrictId === districtId) &&
      (!query.mountainous || unit.mountainous) &&
      (!query.shortStaffed || unit.isShortStaffed) &&
      (!query.keyGaps || unit.hasKeyGaps) &&
      (!query.q || matchesSearch(`${unit.name} ${unit.code}`, query.q)),
  );
  const accessor = ACCESSORS[query.sort];
  const sign = query.dir === 'asc' ? 1 : -1;
  return filtered.sort((a, b) => sign * compareValues(accessor(a), accessor(b)) || compareValues(a.code, b.code));
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareVietnamese(String(a), String(b));
}

/** The URL of the same list with some settings changed; defaults are left out to keep links short. */
export function unitListHref(basePath: string, query: UnitListQuery, changes: Partial<UnitListQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.district) params.set('district', next.district);
  if (next.mountainous) params.set('mountainous', '1');
  if (next.shortStaffed) params.set('short', '1');
  if (next.keyGaps) params.set('gaps', '1');
  if (next.sort !== 'code') params.set('sort', next.sort);
  if (next.dir !== 'asc') params.set('dir', next.dir);
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}
