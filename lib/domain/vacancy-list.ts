import { listParams } from './list-params';
import { BLOCKS, type Block } from './types';
import { firstParam, type SearchParams } from './unit-list';
import { compareVietnamese, matchesSearch } from './vietnamese';
import { searchText } from './text';

// The declared vacancies and needs of the overview and old-district pages: filters in the URL under their
// own `v…` names (so the units list's filters on the same page keep theirs), no client JavaScript, and the
// export route reads the same parameters to write the same rows and columns. Invalid values are ignored.

export const URGENCIES = ['critical', 'urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** One open declared vacancy or need with what the list shows and filters on. */
export type DeclaredVacancy = {
  id: number;
  communeId: number;
  communeCode: string;
  communeName: string;
  oldDistrictId: number;
  oldDistrictCode: string;
  oldDistrictName: string;
  mountainous: boolean;
  extremelyDisadvantaged: boolean;
  positionCode: string | null;
  positionTitleVi: string | null;
  positionTitleEn: string | null;
  /** The position's block; a need naming only a field of expertise has none. */
  block: Block | null;
  field: string | null;
  count: number;
  urgency: Urgency;
  note: string | null;
  /** YYYY-MM-DD */
  declaredOn: string;
};

export type VacancyListQuery = {
  q: string;
  district: string;
  urgency: Urgency | '';
  block: Block | '';
  /** 'position:CODE' or 'field:KEY'. */
  what: string;
  mountainous: boolean;
  disadvantaged: boolean;
};

export const DEFAULT_VACANCY_QUERY: VacancyListQuery = {
  q: '', district: '', urgency: '', block: '', what: '', mountainous: false, disadvantaged: false,
};

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | '' {
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : '';
}

export function parseVacancyListQuery(params: SearchParams): VacancyListQuery {
  const get = (name: string) => firstParam(params[name]);
  const what = (get('vwhat') ?? '').trim().slice(0, 80);
  return {
    q: searchText(get('vq')),
    district: (get('vdistrict') ?? '').trim().slice(0, 50),
    urgency: oneOf(URGENCIES, get('vurgency')),
    block: oneOf(BLOCKS, get('vblock')),
    what: /^(position|field):[\w.-]+$/.test(what) ? what : '',
    mountainous: get('vmountainous') === '1',
    disadvantaged: get('vdisadvantaged') === '1',
  };
}

export function hasActiveVacancyFilters(query: VacancyListQuery): boolean {
  return Object.entries(query).some(([key, value]) => value !== DEFAULT_VACANCY_QUERY[key as keyof VacancyListQuery]);
}

export function vacancyListParams(query: VacancyListQuery): URLSearchParams {
  return listParams(query, {
    q: 'vq', district: 'vdistrict', urgency: 'vurgency', block: 'vblock', what: 'vwhat', mountainous: 'vmountainous', disadvantaged: 'vdisadvantaged',
  });
}

export function whatKey(vacancy: Pick<DeclaredVacancy, 'positionCode' | 'field'>): string[] {
  return [
    ...(vacancy.positionCode ? [`position:${vacancy.positionCode}`] : []),
    ...(vacancy.field ? [`field:${vacancy.field}`] : []),
  ];
}

const URGENCY_RANK: Record<Urgency, number> = { critical: 0, urgent: 1, normal: 2 };

/** Most urgent first, then oldest declaration, then commune name and id (a reproducible order). */
export function compareVacancies(a: DeclaredVacancy, b: DeclaredVacancy): number {
  return (
    URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
    (a.declaredOn < b.declaredOn ? -1 : a.declaredOn > b.declaredOn ? 1 : 0) ||
    compareVietnamese(a.communeName, b.communeName) ||
    a.id - b.id
  );
}

/**
 * Filters and sorts. The search matches the commune's name (and code) without tones or diacritics:
 * "hoa quan" finds "Hoa Quân". A block filter keeps needs for a position of that block; a need naming only
 * a field has no block and is left out. An unknown old-district code matches nothing.
 */
export function applyVacancyListQuery(vacancies: DeclaredVacancy[], query: VacancyListQuery): DeclaredVacancy[] {
  return vacancies
    .filter(
      (v) =>
        (!query.district || v.oldDistrictCode === query.district) &&
        (!query.urgency || v.urgency === query.urgency) &&
        (!query.block || v.block === query.block) &&
        (!query.what || whatKey(v).includes(query.what)) &&
        (!query.mountainous || v.mountainous) &&
        (!query.disadvantaged || v.extremelyDisadvantaged) &&
        (!query.q || matchesSearch(`${v.communeName} ${v.communeCode}`, query.q)),
    )
    .sort(compareVacancies);
}

/** Totals for the list's summary line: needs, places asked for, communes. */
export function vacancyTotals(vacancies: DeclaredVacancy[]): { needs: number; places: number; communes: number } {
  return {
    needs: vacancies.length,
    places: vacancies.reduce((sum, v) => sum + v.count, 0),
    communes: new Set(vacancies.map((v) => v.communeId)).size,
  };
}

/** The position and field options of the filter: those named by the listed needs, positions first. */
export function whatOptions(vacancies: DeclaredVacancy[]): { value: string; positionTitleVi?: string; positionTitleEn?: string; field?: string }[] {
  const positions = new Map<string, { vi: string; en: string }>();
  const fields = new Set<string>();
  for (const v of vacancies) {
    if (v.positionCode) positions.set(v.positionCode, { vi: v.positionTitleVi ?? v.positionCode, en: v.positionTitleEn ?? v.positionCode });
    if (v.field) fields.add(v.field);
  }
  return [
    ...[...positions].sort((a, b) => compareVietnamese(a[1].vi, b[1].vi))
      .map(([code, title]) => ({ value: `position:${code}`, positionTitleVi: title.vi, positionTitleEn: title.en })),
    ...[...fields].sort().map((field) => ({ value: `field:${field}`, field })),
  ];
}

export type VacancyColumn = 'commune' | 'oldDistrict' | 'what' | 'count' | 'urgency' | 'declaredOn' | 'note';

/** The list's columns, left to right; the export writes the same. */
export function vacancyColumns(options: { showOldDistrict: boolean; showNotes: boolean }): VacancyColumn[] {
  return [
    'commune',
    ...(options.showOldDistrict ? (['oldDistrict'] as const) : []),
    'what', 'count', 'urgency', 'declaredOn',
    ...(options.showNotes ? (['note'] as const) : []),
  ];
}
