import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/domain/format';
import type { FieldChange, WorkbookReport } from '@/lib/commune-workbook/types';
import { cellClass, DataTable, headCellClass } from '@/components/ui/table';

type Translate = Awaited<ReturnType<typeof getTranslations>>;

const CATALOGUES: Record<string, string> = {
  gender: 'gender', employment_type: 'employmentType', education: 'education', field: 'fields', political_theory: 'dossier.politicalTheory',
  state_management: 'dossier.stateManagement', departure_reason: 'roster.departure.reasons',
};
const DATES = new Set(['birth_date', 'party_join_date']);

/** A value of the diff as the reader reads it: dates dd/MM/yyyy, enumerations by name, posts by title. */
function display(t: Translate, titles: Map<string, string>, column: string, value: string | null): string {
  if (value === null || value === '') return '—';
  if (DATES.has(column)) return formatDate(value);
  const catalogue = CATALOGUES[column];
  if (catalogue) {
    const key = `${catalogue}.${value}`;
    return t.has(key as never) ? t(key as never) : value;
  }
  if (column === 'position_code' || column === 'concurrent_position_codes') {
    return value.split(';').map((code) => code.trim()).map((code) => (titles.has(code) ? `${titles.get(code)} (${code})` : code)).join('; ');
  }
  return value;
}

/**
 * The dry run of a commune workbook (docs/decisions/047-commune-workbook.md): the conflicts and problems first (row,
 * column, rule), then the diff per person (new, changed field by field, left) and the needs declared or closed.
 */
export async function WorkbookReportView({ report, titles }: { report: WorkbookReport; titles: Map<string, string> }) {
  const t = await getTranslations();
  const change = (c: FieldChange, i: number) => (
    <tr key={i}>
      <th scope="row" className="py-1 pr-3 text-left font-normal text-stone-600">{t(`communeWorkbook.columns.${c.column}` as never)}</th>
      <td className="py-1 pr-3 text-stone-500 line-through decoration-stone-400">{display(t, titles, c.column, c.before)}</td>
      <td className="py-1 font-medium text-stone-900">{display(t, titles, c.column, c.after)}</td>
    </tr>
  );
  return (
    <div className="space-y-8">
      {report.conflicts.length > 0 ? (
        <section aria-labelledby="workbook-conflicts" data-testid="workbook-conflicts">
          <h2 id="workbook-conflicts" className="mb-2 text-lg font-semibold text-red-900">{t('communeWorkbook.page.conflicts', { count: report.conflicts.length })}</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm text-red-900">
            {report.conflicts.map((c) => (
              <li key={c.row}>
                {t('communeWorkbook.page.conflict', { row: c.row, name: c.fullName, code: c.code, downloaded: c.downloadedVersion ?? '—', current: c.currentVersion })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.problems.length > 0 ? (
        <section aria-labelledby="workbook-problems" data-testid="workbook-problems">
          <h2 id="workbook-problems" className="mb-2 text-lg font-semibold text-red-900">{t('communeWorkbook.page.problems', { count: report.problems.length })}</h2>
          <DataTable caption={t('communeWorkbook.page.problems', { count: report.problems.length })}>
            <thead>
              <tr>
                <th scope="col" className={headCellClass}>{t('communeWorkbook.page.sheet')}</th>
                <th scope="col" className={headCellClass}>{t('communeWorkbook.page.row')}</th>
                <th scope="col" className={headCellClass}>{t('communeWorkbook.page.column')}</th>
                <th scope="col" className={headCellClass}>{t('communeWorkbook.page.rule')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={i}>
                  <td className={cellClass}>{p.sheet ?? '—'}</td>
                  <td className={cellClass}>{p.row ?? '—'}</td>
                  <td className={cellClass}>{p.column ?? '—'}</td>
                  <td className={cellClass}>{t.has(p.key as never) ? t(p.key as never, p.params as never) : p.key}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}
      <section aria-labelledby="workbook-people" data-testid="workbook-people">
        <h2 id="workbook-people" className="mb-2 text-lg font-semibold text-stone-900">{t('communeWorkbook.page.people')}</h2>
        {report.people.length === 0 && report.needs.length === 0 ? <p className="text-sm text-stone-600">{t('communeWorkbook.page.nothing')}</p> : null}
        <ul className="space-y-3">
          {report.people.map((person) => (
            <li key={person.row} className="rounded-lg border border-stone-200 bg-white p-3 shadow-xs" data-testid="workbook-person" data-kind={person.kind}>
              <p className="font-medium text-stone-900">
                <span className="mr-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs font-semibold text-stone-700">{t(`communeWorkbook.page.kinds.${person.kind}`)}</span>
                {person.fullName} {person.code ? <span className="text-stone-600">({person.code})</span> : <span className="text-stone-600">{t('communeWorkbook.page.newPerson')}</span>}
                <span className="ml-2 text-xs text-stone-500">{t('communeWorkbook.page.row')} {person.row}</span>
              </p>
              {person.effectiveDate ? (
                <p className="text-sm text-stone-700">
                  {t('communeWorkbook.page.effective', { date: formatDate(person.effectiveDate) })}
                  {person.decision ? ` · ${t('communeWorkbook.page.decision', { number: person.decision.number, date: formatDate(person.decision.date), body: person.decision.issuingBody })}` : null}
                </p>
              ) : null}
              <div className="mt-2 overflow-x-auto">
                <table className="text-sm">
                  <thead className="sr-only">
                    <tr>
                      <th scope="col">{t('communeWorkbook.page.field')}</th>
                      <th scope="col">{t('communeWorkbook.page.before')}</th>
                      <th scope="col">{t('communeWorkbook.page.after')}</th>
                    </tr>
                  </thead>
                  <tbody>{person.changes.map(change)}</tbody>
                </table>
              </div>
            </li>
          ))}
        </ul>
      </section>
      {report.needs.length > 0 ? (
        <section aria-labelledby="workbook-needs" data-testid="workbook-needs">
          <h2 id="workbook-needs" className="mb-2 text-lg font-semibold text-stone-900">{t('communeWorkbook.page.needs')}</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {report.needs.map((need) => (
              <li key={need.row}>
                {need.kind === 'new' ? t('communeWorkbook.page.needNew') : t('communeWorkbook.page.kinds.closed')}
                {': '}
                {t('communeWorkbook.page.needSummary', {
                  what: [need.positionCode ? display(t, titles, 'position_code', need.positionCode) : null, need.field ? display(t, titles, 'field', need.field) : null].filter(Boolean).join(', '),
                  count: need.count,
                  urgency: t(`vacancies.urgencies.${need.urgency}` as never),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.unchanged > 0 ? <p className="text-sm text-stone-600">{t('communeWorkbook.page.unchanged', { count: report.unchanged })}</p> : null}
    </div>
  );
}
