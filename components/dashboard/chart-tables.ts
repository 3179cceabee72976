import { COMMITTEES, EDUCATION_LEVELS, SITUATION_CATEGORIES, type UnitGroup } from '@/lib/domain/dashboard';
import { compilationTotal } from '@/lib/domain/secondment';
import { localizedTitle } from '@/lib/i18n/server';
import type { ChartTable, TableCell } from './chart-card';
import { GROUP_QUERY, needsHref, situationQuery, unitsHref } from './links';
import { fieldName, type DashboardView } from './view';

// The charts' tables (their accessible alternatives): every figure links to the communes behind it.

const link = (text: string, href: string, label?: string): TableCell => ({ text, href, label });
const plain = (text: string): TableCell => ({ text });

export const DEPARTMENT_FIGURES = ['required', 'listed', 'meets', 'approved', 'placed'] as const;

export function districtsTable({ data, t, format, scopeLabel }: DashboardView): ChartTable {
  const n = format.number;
  const { filter, headline } = data;
  return {
    caption: t('dashboard.districts.caption', { scope: scopeLabel }),
    columns: [t('dashboard.districts.name'), t('dashboard.figures.units'), t('dashboard.figures.quota'), t('dashboard.figures.headcount'), t('dashboard.figures.difference'), t('dashboard.figures.unitsShort')],
    rows: data.districts.map((d) => ({
      key: d.code,
      cells: [
        link(d.name, unitsHref(filter, { district: d.code })),
        plain(n(d.units)),
        plain(n(d.quota)),
        plain(n(d.headcount)),
        plain(format.signed(d.difference)),
        link(n(d.unitsShort), unitsHref(filter, { district: d.code, situation: 'short' }), t('dashboard.districts.shortLink', { name: d.name, count: n(d.unitsShort) })),
      ],
    })),
    footer: [plain(t('dashboard.table.total')), plain(n(headline.units)), plain(n(headline.quota)), plain(n(headline.headcount)), plain(format.signed(headline.difference)), plain(n(headline.unitsShort))],
  };
}

export const groupLabel = (t: DashboardView['t'], group: UnitGroup) => t(`dashboard.situations.groups.${group}`);

export function situationsTable({ data, t, format, scopeLabel }: DashboardView): ChartTable {
  const n = format.number;
  const { filter } = data;
  return {
    caption: t('dashboard.situations.caption', { scope: scopeLabel }),
    columns: [t('dashboard.situations.group'), ...SITUATION_CATEGORIES.map((c) => t(`dashboard.situations.categories.${c}`)), t('dashboard.figures.units')],
    rows: data.situations.map((row) => ({
      key: row.group,
      cells: [
        link(groupLabel(t, row.group), unitsHref(filter, GROUP_QUERY[row.group])),
        ...SITUATION_CATEGORIES.map((c) =>
          row[c] > 0
            ? link(n(row[c]), unitsHref(filter, { ...GROUP_QUERY[row.group], ...situationQuery(c) }), `${groupLabel(t, row.group)}: ${t(`dashboard.situations.categories.${c}`)} (${n(row[c])})`)
            : plain(n(0)),
        ),
        plain(n(row.units)),
      ],
    })),
  };
}

export function positionsTable({ data, t, format, locale, scopeLabel }: DashboardView): ChartTable {
  const n = format.number;
  return {
    caption: t('dashboard.positions.caption', { scope: scopeLabel }),
    columns: [t('dashboard.positions.position'), t('dashboard.positions.vacancies'), t('dashboard.positions.units')],
    rows: data.vacantPositions.map((p) => ({
      key: p.code,
      cells: [plain(localizedTitle(locale, p)), plain(n(p.vacancies)), link(n(p.units), unitsHref(data.filter, { keyGaps: true }), t('dashboard.positions.unitsLink'))],
    })),
  };
}

export function fieldsTable({ data, t, format, scopeLabel }: DashboardView): ChartTable {
  const n = format.number;
  const { filter } = data;
  return {
    caption: t('dashboard.fields.caption', { scope: scopeLabel }),
    columns: [t('dashboard.fields.field'), t('dashboard.fields.needs'), t('dashboard.fields.keyVacancies'), t('dashboard.fields.total')],
    rows: data.fields.map((f) => ({
      key: f.field,
      cells: [
        plain(fieldName(t, f.field)),
        f.needs > 0 ? link(n(f.needs), needsHref(filter, f.field), t('dashboard.fields.needsLink', { field: fieldName(t, f.field) })) : plain(n(0)),
        f.keyVacancies > 0 ? link(n(f.keyVacancies), unitsHref(filter, { keyGaps: true }), t('dashboard.positions.unitsLink')) : plain(n(0)),
        plain(n(f.total)),
      ],
    })),
  };
}

/** The 5% campaign shown, per department; null without a campaign or without departments. */
export function departmentsTable({ data, t, format }: DashboardView, canSeeSecondments: boolean): ChartTable | null {
  const n = format.number;
  const secondment = data.headline.secondment;
  if (!secondment || !data.departments.length) return null;
  return {
    caption: t('dashboard.departments.caption', { year: secondment.year }),
    columns: [t('dashboard.departments.department'), ...DEPARTMENT_FIGURES.map((k) => t(`dashboard.departments.${k}`))],
    rows: data.departments.map((d) => ({
      key: d.code,
      cells: [
        canSeeSecondments ? link(d.name, '/secondments') : plain(d.name),
        plain(n(d.required)), plain(n(d.listed)), plain(n(d.meets)), plain(n(d.approved)), plain(n(d.placed)),
      ],
    })),
    footer: [
      plain(t('dashboard.table.total')),
      plain(n(secondment.required)),
      plain(n(secondment.listed)),
      plain(n(compilationTotal(data.departments).meets)),
      plain(n(secondment.approved)),
      plain(n(secondment.placed)),
    ],
  };
}

/** The seats of the commune Party committees; null when the block filter leaves them out. */
export function seatsTable({ data, t, format, scopeLabel }: DashboardView): ChartTable | null {
  const n = format.number;
  const seats = data.seats;
  if (!seats) return null;
  return {
    caption: t('dashboard.seats.caption', { scope: scopeLabel }),
    columns: [t('dashboard.seats.committee'), t('dashboard.seats.planned'), t('dashboard.seats.appointed'), t('dashboard.seats.share')],
    rows: COMMITTEES.map((c) => ({
      key: c,
      cells: [
        link(t(`dashboard.seats.${c}`), unitsHref(data.filter)),
        plain(n(seats[c].planned)),
        plain(n(seats[c].appointed)),
        plain(format.percent(seats[c].appointed, seats[c].planned)),
      ],
    })),
  };
}

export function educationTable({ data, t, format, scopeLabel }: DashboardView): ChartTable {
  const n = format.number;
  const { education } = data;
  return {
    caption: t('dashboard.education.caption', { scope: scopeLabel }),
    columns: [t('dashboard.education.level'), t('dashboard.education.people'), t('dashboard.education.share')],
    rows: EDUCATION_LEVELS.map((level) => ({
      key: level,
      cells: [link(t(`education.${level}`), unitsHref(data.filter)), plain(n(education[level])), plain(format.percent(education[level], education.total))],
    })),
    footer: [plain(t('dashboard.table.total')), plain(n(education.total)), plain(format.percent(education.total, education.total))],
  };
}

/** The figures over time from the snapshots; null when the scope has no trend. */
export function trendTable({ data, t, format, scopeLabel }: DashboardView): ChartTable | null {
  const n = format.number;
  const { trend, filter } = data;
  if (!trend.available) return null;
  const trendHref = filter.district ? unitsHref(filter) : unitsHref({ ...filter, mountainous: '' });
  return {
    caption: t(`dashboard.trend.caption.${trend.scope}`, { scope: scopeLabel }),
    columns: [t('dashboard.trend.date'), t('dashboard.figures.headcount'), t('dashboard.figures.difference'), t('dashboard.figures.keyVacancies')],
    rows: trend.points.map((p) => ({
      key: p.date,
      cells: [link(format.date(p.date), trendHref), plain(n(p.headcount)), plain(format.signed(p.difference)), plain(p.keyVacancies === null ? '–' : n(p.keyVacancies))],
    })),
  };
}
