import { listParams } from './list-params';
import { restrictToBlock } from './staffing';
import { BLOCKS, type Block, type BlockFigures, type CommuneStaffing, type UnitKind } from './types';
import { compareVietnamese, matchesSearch } from './vietnamese';
import { searchText } from './text';

// The units list of the overview and old-district pages: filters, sort and visible columns, all read from
// the URL (?sort=difference&dir=asc&situation=short), so every state is a link that works without
// JavaScript, can be bookmarked, and is handed unchanged to the export route, which shows the same rows
// and columns. Invalid values are ignored (the default applies), on the page and in the export alike.

export const FIGURES = ['quota', 'headcount', 'difference'] as const;
export type Figure = (typeof FIGURES)[number];
export type FigureScope = Block | 'total';
export const SITUATIONS = ['short', 'surplus', 'balanced'] as const;
export type Situation = (typeof SITUATIONS)[number];
export const UNIT_KINDS: readonly UnitKind[] = ['commune', 'ward'];

type Capitalized<S extends string> = S extends `${infer F}${infer R}` ? `${Uppercase<F>}${R}` : S;

export type UnitSortKey =
  | 'code'
  | 'name'
  | 'oldDistrict'
  | 'keyVacancies'
  | Figure
  | `${'partyFront' | 'government'}${Capitalized<Figure>}`;

export type SortDirection = 'asc' | 'desc';

export type UnitListQuery = {
  sort: UnitSortKey;
  dir: SortDirection;
  q: string;
  district: string;
  /** Only this block's figures are shown, and difference, situation and key gaps use this block only. */
  block: Block | '';
  situation: Situation | '';
  kind: UnitKind | '';
  mountainous: boolean;
  disadvantaged: boolean;
  border: boolean;
  keyGaps: boolean;
  /** `mountainous=0`: units that are not mountainous (the dashboard's "the rest" links). */
  lowland?: boolean;
  /** `gaps=0`: units without key gaps (the dashboard's situation links). */
  noKeyGaps?: boolean;
};

export type SearchParams = Record<string, string | string[] | undefined>;

export const DEFAULT_UNIT_QUERY: UnitListQuery = {
  sort: 'code', dir: 'asc', q: '', district: '', block: '', situation: '', kind: '',
  mountainous: false, disadvantaged: false, border: false, keyGaps: false,
};

const SCOPE_PREFIX: Record<Block, 'partyFront' | 'government'> = { party_front: 'partyFront', government: 'government' };

/** The sort key of one figure column: 'difference' for the total, 'governmentDifference' for a block. */
export function figureSortKey(scope: FigureScope, figure: Figure): UnitSortKey {
  if (scope === 'total') return figure;
  return `${SCOPE_PREFIX[scope]}${capitalize(figure)}`;
}

function capitalize<S extends string>(value: S): Capitalized<S> {
  return `${value.charAt(0).toUpperCase()}${value.slice(1)}` as Capitalized<S>;
}

/** One unit as the list shows it: with a block filter, key vacancies and the flags are that block's. */
export type UnitRow = {
  unit: CommuneStaffing;
  keyVacancies: number;
  difference: number;
  isShortStaffed: boolean;
  hasKeyGaps: boolean;
  missingQuota: boolean;
};

/** docs/domain.md, Counting (filters): with a block filter, difference, short-staffed and key gaps use that block only. */
export function unitRow(unit: CommuneStaffing, block: Block | ''): UnitRow {
  const scoped = block ? restrictToBlock(unit, block) : unit;
  return {
    unit,
    keyVacancies: scoped.keyVacancies,
    difference: scoped.total.difference,
    isShortStaffed: scoped.isShortStaffed,
    hasKeyGaps: scoped.hasKeyGaps,
    missingQuota: scoped.missingQuotaBlocks.length > 0,
  };
}

type Accessor = (row: UnitRow) => number | string;

const ACCESSORS: Record<UnitSortKey, Accessor> = {
  code: (r) => r.unit.code,
  name: (r) => r.unit.name,
  oldDistrict: (r) => r.unit.oldDistrictName,
  keyVacancies: (r) => r.keyVacancies,
  quota: (r) => r.unit.total.quota,
  headcount: (r) => r.unit.total.headcount,
  difference: (r) => r.unit.total.difference,
  partyFrontQuota: (r) => r.unit.blocks.party_front.quota,
  partyFrontHeadcount: (r) => r.unit.blocks.party_front.headcount,
  partyFrontDifference: (r) => r.unit.blocks.party_front.difference,
  governmentQuota: (r) => r.unit.blocks.government.quota,
  governmentHeadcount: (r) => r.unit.blocks.government.headcount,
  governmentDifference: (r) => r.unit.blocks.government.difference,
};

function isSortKey(value: string | undefined): value is UnitSortKey {
  return value !== undefined && Object.hasOwn(ACCESSORS, value);
}

export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | '' {
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : '';
}

export function parseUnitListQuery(params: SearchParams): UnitListQuery {
  const get = (name: string) => firstParam(params[name]);
  const sort = get('sort');
  // `short=1` is the older spelling of situation=short (bookmarks keep working).
  const situation = oneOf(SITUATIONS, get('situation')) || (get('short') === '1' ? 'short' : '');
  return {
    sort: isSortKey(sort) ? sort : 'code',
    dir: get('dir') === 'desc' ? 'desc' : 'asc',
    q: searchText(get('q')),
    district: (get('district') ?? '').trim().slice(0, 50),
    block: oneOf(BLOCKS, get('block')),
    situation,
    kind: oneOf(UNIT_KINDS, get('kind')),
    mountainous: get('mountainous') === '1',
    disadvantaged: get('disadvantaged') === '1',
    border: get('border') === '1',
    keyGaps: get('gaps') === '1',
    // Only present when set, so queries built without them compare equal.
    ...(get('mountainous') === '0' ? { lowland: true } : {}),
    ...(get('gaps') === '0' ? { noKeyGaps: true } : {}),
  };
}

export function hasActiveFilters(query: UnitListQuery): boolean {
  return (
    query.q !== '' || query.district !== '' || query.block !== '' || query.situation !== '' || query.kind !== '' ||
    query.mountainous || query.disadvantaged || query.border || query.keyGaps || Boolean(query.lowland) || Boolean(query.noKeyGaps)
  );
}

function matchesSituation(difference: number, situation: Situation | ''): boolean {
  if (situation === 'short') return difference < 0;
  if (situation === 'surplus') return difference > 0;
  if (situation === 'balanced') return difference === 0;
  return true;
}

/**
 * Filters, then sorts with the unit code as the tie-breaker (a stable, reproducible order). An unknown
 * old-district code matches no unit (the page offers only real ones; a stale link shows the empty state).
 */
export function applyUnitListQuery(
  units: CommuneStaffing[],
  query: UnitListQuery,
  oldDistrictIdByCode: ReadonlyMap<string, number>,
): UnitRow[] {
  const districtId = query.district ? oldDistrictIdByCode.get(query.district) : undefined;
  const rows = units
    .filter(
      (unit) =>
        (!query.district || unit.oldDistrictId === districtId) &&
        (!query.kind || unit.kind === query.kind) &&
        (!query.mountainous || unit.mountainous) &&
        (!query.lowland || !unit.mountainous) &&
        (!query.disadvantaged || unit.extremelyDisadvantaged) &&
        (!query.border || unit.border) &&
        (!query.q || matchesSearch(`${unit.name} ${unit.code}`, query.q)),
    )
    .map((unit) => unitRow(unit, query.block))
    .filter(
      (row) => matchesSituation(row.difference, query.situation) && (!query.keyGaps || row.hasKeyGaps) && (!query.noKeyGaps || !row.hasKeyGaps),
    );
  const accessor = ACCESSORS[query.sort];
  const sign = query.dir === 'asc' ? 1 : -1;
  return rows.sort((a, b) => sign * compareValues(accessor(a), accessor(b)) || compareValues(a.unit.code, b.unit.code));
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number' || typeof b === 'number') return String(a) < String(b) ? -1 : 1;
  return compareVietnamese(a, b);
}

/** The figure scopes shown: both blocks and the total, or only the filtered block. */
export function visibleScopes(query: Pick<UnitListQuery, 'block'>): FigureScope[] {
  return query.block ? [query.block] : [...BLOCKS, 'total'];
}

export type UnitColumn =
  | { kind: 'unit' }
  | { kind: 'oldDistrict' }
  | { kind: 'figure'; scope: FigureScope; figure: Figure }
  | { kind: 'keyVacancies' }
  | { kind: 'flags' };

/** The table's columns, left to right, exactly as the page shows them and the export writes them. */
export function unitColumns(query: Pick<UnitListQuery, 'block'>, options: { showOldDistrict: boolean }): UnitColumn[] {
  return [
    { kind: 'unit' },
    ...(options.showOldDistrict ? [{ kind: 'oldDistrict' } as const] : []),
    ...visibleScopes(query).flatMap((scope) => FIGURES.map((figure) => ({ kind: 'figure', scope, figure }) as const)),
    { kind: 'keyVacancies' },
    { kind: 'flags' },
  ];
}

export function figuresOf(unit: CommuneStaffing, scope: FigureScope): BlockFigures {
  return scope === 'total' ? unit.total : unit.blocks[scope];
}

export const FLAG_KEYS = ['shortStaffed', 'keyGaps', 'missingQuota', 'mountainous', 'extremelyDisadvantaged', 'border'] as const;
export type FlagKey = (typeof FLAG_KEYS)[number];

/** The flags shown for a row, in display order. */
export function rowFlags(row: UnitRow): FlagKey[] {
  const on: Record<FlagKey, boolean> = {
    shortStaffed: row.isShortStaffed,
    keyGaps: row.hasKeyGaps,
    missingQuota: row.missingQuota,
    mountainous: row.unit.mountainous,
    extremelyDisadvantaged: row.unit.extremelyDisadvantaged,
    border: row.unit.border,
  };
  return FLAG_KEYS.filter((key) => on[key]);
}

/** The query as URL parameters; defaults are left out to keep links short. */
export function unitListParams(query: UnitListQuery): URLSearchParams {
  const params = listParams(query, {
    q: 'q', district: 'district', block: 'block', situation: 'situation', kind: 'kind',
    mountainous: 'mountainous', disadvantaged: 'disadvantaged', border: 'border',
  });
  if (query.keyGaps) params.set('gaps', '1');
  else if (query.noKeyGaps) params.set('gaps', '0');
  if (query.lowland && !query.mountainous) params.set('mountainous', '0');
  if (query.sort !== 'code') params.set('sort', query.sort);
  if (query.dir !== 'asc') params.set('dir', query.dir);
  return params;
}

/** Joins parameter sets into one query string ('' when empty, else with a leading '?'). */
export function joinParams(...sets: URLSearchParams[]): string {
  const all = new URLSearchParams();
  for (const set of sets) for (const [key, value] of set) all.append(key, value);
  const search = all.toString();
  return search ? `?${search}` : '';
}
