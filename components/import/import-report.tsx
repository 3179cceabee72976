import { getTranslations } from 'next-intl/server';
import { getFormatters } from '@/lib/i18n/server';
import { SHEETS, type ImportReport } from '@/lib/import/types';
import { DataTable, cellClass, headCellClass, numericCellClass, numericHeadCellClass } from '@/components/ui/table';
import { Section } from '@/components/ui/section';

/** The dry run's (or the apply's) changes per sheet, its notes, its warnings (data to review) and every problem as sheet, row, column, message. */
export async function ImportReportView({ report }: { report: ImportReport }) {
  const [t, format] = await Promise.all([getTranslations('imports'), getFormatters()]);
  const sheets = SHEETS.filter((sheet) => report.counts[sheet]);
  const sheetLabel = (sheet: string | null) => (sheet && (SHEETS as readonly string[]).includes(sheet) ? `${t(`sheets.${sheet as (typeof SHEETS)[number]}`)} (${sheet})` : (sheet ?? t('report.wholeFile')));
  return (
    <>
      {sheets.length > 0 ? (
        <Section id="changes" title={report.applied ? t('report.changesMade') : t('report.changesPlanned')}>
          <DataTable caption={report.applied ? t('report.changesMade') : t('report.changesPlanned')}>
            <thead>
              <tr>
                <th scope="col" className={headCellClass}>{t('report.sheet')}</th>
                <th scope="col" className={numericHeadCellClass}>{t('report.created')}</th>
                <th scope="col" className={numericHeadCellClass}>{t('report.updated')}</th>
                <th scope="col" className={numericHeadCellClass}>{t('report.unchanged')}</th>
              </tr>
            </thead>
            <tbody>
              {sheets.map((sheet) => {
                const counts = report.counts[sheet]!;
                return (
                  <tr key={sheet} data-sheet={sheet}>
                    <th scope="row" className={`${cellClass} text-left font-medium`}>{sheetLabel(sheet)}</th>
                    <td className={numericCellClass}>{format.number(counts.created)}</td>
                    <td className={numericCellClass}>{format.number(counts.updated)}</td>
                    <td className={numericCellClass}>{format.number(counts.unchanged)}</td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        </Section>
      ) : null}

      {report.notes.length > 0 ? (
        <Section id="notes" title={t('report.notes')}>
          <ul className="list-disc space-y-1 pl-5 text-sm text-stone-800">
            {report.notes.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        </Section>
      ) : null}

      {(report.warnings ?? []).length > 0 ? (
        <Section id="warnings" title={t('report.warnings')}>
          <ul className="list-disc space-y-1 rounded-lg border-2 border-amber-400 bg-amber-50 py-3 pl-8 pr-3 text-sm text-amber-950" data-testid="import-warnings">
            {(report.warnings ?? []).map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </Section>
      ) : null}

      {report.problems.length > 0 ? (
        <Section
          id="problems"
          title={t('report.problems', { count: format.number(report.problemCount) })}
          description={report.problemsTruncated ? t('report.truncated', { shown: format.number(report.problems.length), total: format.number(report.problemCount) }) : t('report.problemsHint')}
        >
          <DataTable caption={t('report.problems', { count: format.number(report.problemCount) })} testId="problems">
            <thead>
              <tr>
                <th scope="col" className={headCellClass}>{t('report.sheet')}</th>
                <th scope="col" className={numericHeadCellClass}>{t('report.row')}</th>
                <th scope="col" className={headCellClass}>{t('report.column')}</th>
                <th scope="col" className={headCellClass}>{t('report.message')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem, index) => (
                <tr key={index}>
                  <td className={`${cellClass} min-w-36`}>{sheetLabel(problem.sheet)}</td>
                  <td className={numericCellClass}>{problem.row === null ? '–' : format.number(problem.row)}</td>
                  <td className={`${cellClass} whitespace-nowrap`}>{problem.column ?? '–'}</td>
                  <td className={`${cellClass} min-w-72 max-w-2xl`}>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Section>
      ) : null}
    </>
  );
}
