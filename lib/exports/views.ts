import { can } from '@/lib/auth/policy';
import type { CommuneStaffing } from '@/lib/domain/types';
import {
  applyUnitListQuery,
  figuresOf,
  rowFlags,
  unitColumns,
  type FigureScope,
  type UnitColumn,
  type UnitListQuery,
  type UnitRow,
} from '@/lib/domain/unit-list';
import {
  applyVacancyListQuery,
  vacancyColumns,
  type DeclaredVacancy,
  type VacancyColumn,
  type VacancyListQuery,
} from '@/lib/domain/vacancy-list';
import { calendarDate, type Cell, type Table } from './tabular';

// What the overview and old-district pages show, built once for the page and for its download: the page
// renders these rows and columns, the export route writes them, so the file is exactly the table on screen
// (same rows, same order, same columns, headers in the reader's language).

/** A message lookup (next-intl's `t` on the page and in the route; createTranslator in tests). */
export type Translate = ((key: string) => string) & { has?: (key: string) => boolean };

export type UnitView = { rows: UnitRow[]; columns: UnitColumn[] };

export function buildUnitView(
  communes: CommuneStaffing[],
  query: UnitListQuery,
  options: { oldDistrictIdByCode: ReadonlyMap<string, number>; showOldDistrict: boolean },
): UnitView {
  return {
    rows: applyUnitListQuery(communes, query, options.oldDistrictIdByCode),
    columns: unitColumns(query, { showOldDistrict: options.showOldDistrict }),
  };
}

export function scopeLabel(t: Translate, scope: FigureScope): string {
  return scope === 'total' ? t('unitTable.total') : t(`blocks.${scope}`);
}

export function unitColumnHeader(t: Translate, column: UnitColumn): string {
  switch (column.kind) {
    case 'unit': return t('unitTable.unit');
    case 'oldDistrict': return t('unitTable.oldDistrict');
    case 'figure': return `${scopeLabel(t, column.scope)} – ${t(`figures.${column.figure}`)}`;
    case 'keyVacancies': return t('unitTable.keyVacanciesShort');
    case 'flags': return t('unitTable.flags');
  }
}

function unitCell(t: Translate, row: UnitRow, column: UnitColumn): Cell {
  switch (column.kind) {
    case 'unit': return row.unit.name;
    case 'oldDistrict': return row.unit.oldDistrictName;
    case 'figure': return figuresOf(row.unit, column.scope)[column.figure];
    case 'keyVacancies': return row.keyVacancies;
    case 'flags': return rowFlags(row).map((flag) => t(`flags.${flag}`)).join(', ');
  }
}

export function unitViewTable(t: Translate, view: UnitView): Table<string> {
  const headers = view.columns.map((column) => unitColumnHeader(t, column));
  return {
    columns: headers,
    rows: view.rows.map((row) => Object.fromEntries(view.columns.map((column, i) => [headers[i], unitCell(t, row, column)]))),
  };
}

export type VacancyView = { rows: DeclaredVacancy[]; columns: VacancyColumn[] };

export function buildVacancyView(
  vacancies: DeclaredVacancy[],
  query: VacancyListQuery,
  options: { showOldDistrict: boolean; showNotes: boolean },
): VacancyView {
  return { rows: applyVacancyListQuery(vacancies, query), columns: vacancyColumns(options) };
}

export function fieldLabel(t: Translate, field: string): string {
  const key = `fields.${field}`;
  return t.has && !t.has(key) ? field : t(key);
}

/** "Position · field", in the reader's language. */
export function vacancyWhat(t: Translate, locale: string, v: DeclaredVacancy): string {
  const title = locale === 'en' ? v.positionTitleEn : v.positionTitleVi;
  return [title, v.field ? fieldLabel(t, v.field) : null].filter(Boolean).join(' · ');
}

export function vacancyColumnHeader(t: Translate, column: VacancyColumn): string {
  switch (column) {
    case 'commune': return t('vacancyViews.commune');
    case 'oldDistrict': return t('unitTable.oldDistrict');
    case 'what': return t('vacancies.what');
    case 'count': return t('vacancies.count');
    case 'urgency': return t('vacancies.urgency');
    case 'declaredOn': return t('vacancies.declaredOn');
    case 'note': return t('vacancies.note');
  }
}

function vacancyCell(t: Translate, locale: string, v: DeclaredVacancy, column: VacancyColumn): Cell {
  switch (column) {
    case 'commune': return v.communeName;
    case 'oldDistrict': return v.oldDistrictName;
    case 'what': return vacancyWhat(t, locale, v);
    case 'count': return v.count;
    case 'urgency': return t(`vacancies.urgencies.${v.urgency}`);
    case 'declaredOn': return calendarDate(v.declaredOn);
    case 'note': return v.note ?? '';
  }
}

export function vacancyViewTable(t: Translate, locale: string, view: VacancyView): Table<string> {
  const headers = view.columns.map((column) => vacancyColumnHeader(t, column));
  return {
    columns: headers,
    rows: view.rows.map((v) => Object.fromEntries(view.columns.map((column, i) => [headers[i], vacancyCell(t, locale, v, column)]))),
  };
}

/** next-intl's typed `t` as a plain lookup (the keys here are built from column and flag names). */
export function loose(t: object): Translate {
  return t as unknown as Translate;
}

type Reader = Parameters<typeof can>[0];

/**
 * Notes of declared needs are free text and may name people, so they are shown (and exported) only to the
 * roles that may open every commune's page: not to department officers, nor to a commune chairman on the
 * province views (he reads his own commune's notes in his workspace). docs/decisions/009.
 */
export function vacancyNotesVisible(user: Reader): boolean {
  return can(user, 'commune.view', { provinceId: user.provinceId });
}

/** Whether the commune's name links to its page for this reader (else plain text, never a link to a 403). */
export function communePageVisible(user: Reader, communeId: number): boolean {
  return can(user, 'commune.view', { provinceId: user.provinceId, communeId });
}
