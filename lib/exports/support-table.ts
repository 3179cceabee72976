import type { SupportListRow } from '@/lib/db/support-queries';
type Translate = (key: string, values?: Record<string, string | number>) => string;
import { calendarDate, type Table } from './tabular';

// The support requests as the list page shows them, for its CSV and XLSX downloads (one row per request, the
// columns of the page, dates as dates, the age in days).

const COLUMNS = ['id', 'title', 'commune', 'oldDistrict', 'problemGroup', 'group', 'urgency', 'state', 'raisedOn', 'resolvedOn', 'age'] as const;

export function supportTable(t: Translate, locale: string, rows: readonly SupportListRow[]): Table<string> {
  const header = Object.fromEntries(COLUMNS.map((c) => [c, t(`support.list.columns.${c}`)])) as Record<(typeof COLUMNS)[number], string>;
  return {
    columns: COLUMNS.map((c) => header[c]),
    rows: rows.map((r) => ({
      [header.id]: r.id,
      [header.title]: r.title,
      [header.commune]: r.commune.name,
      [header.oldDistrict]: r.oldDistrict.name,
      [header.problemGroup]: locale === 'en' ? r.problemGroup.nameEn : r.problemGroup.nameVi,
      [header.group]: r.workingGroup?.name ?? t('support.list.unassigned'),
      [header.urgency]: t(`support.urgencies.${r.urgency}`),
      [header.state]: t(`support.states.${r.state}`),
      [header.raisedOn]: calendarDate(r.raisedOn),
      [header.resolvedOn]: r.resolvedOn ? calendarDate(r.resolvedOn) : '',
      [header.age]: r.ageDays,
    })),
  };
}
