import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { COMPLETENESS_FIELDS, type CompletenessCounts } from '@/lib/domain/completeness';
import { getFormatters } from '@/lib/i18n/server';
import { DataTable, cellClass, headCellClass, numericCellClass, numericHeadCellClass } from '@/components/ui/table';

export type CompletenessRow = { key: string | number; label: ReactNode; detail?: ReactNode; counts: CompletenessCounts };

/**
 * One table of completeness figures (a commune, an old district per row): the people counted, the complete records
 * and their share, and the records missing each field; the same columns as `export completeness`.
 */
export async function CompletenessTable({ caption, unitHeading, rows, total, testId }: {
  caption: string; unitHeading: string; rows: CompletenessRow[]; total?: CompletenessCounts; testId?: string;
}) {
  const [t, format] = await Promise.all([getTranslations('completeness'), getFormatters()]);
  const cells = (counts: CompletenessCounts) => (
    <>
      <td className={numericCellClass}>{format.number(counts.people)}</td>
      <td className={numericCellClass}>{format.number(counts.complete)}</td>
      <td className={numericCellClass}>{counts.people ? format.percent(counts.complete, counts.people) : '—'}</td>
      {COMPLETENESS_FIELDS.map((field) => (
        <td key={field} className={numericCellClass}>{format.number(counts.missing[field])}</td>
      ))}
    </>
  );
  return (
    <DataTable caption={caption} testId={testId}>
      <thead>
        <tr>
          <th scope="col" className={headCellClass}>{unitHeading}</th>
          <th scope="col" className={numericHeadCellClass}>{t('columns.people')}</th>
          <th scope="col" className={numericHeadCellClass}>{t('columns.complete')}</th>
          <th scope="col" className={numericHeadCellClass}>{t('columns.share')}</th>
          {COMPLETENESS_FIELDS.map((field) => (
            <th key={field} scope="col" className={numericHeadCellClass}>{t(`missing.${field}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className={`${cellClass} text-left font-medium`}>
              {row.label}
              {row.detail ? <span className="block text-xs font-normal text-stone-600">{row.detail}</span> : null}
            </th>
            {cells(row.counts)}
          </tr>
        ))}
      </tbody>
      {total ? (
        <tfoot>
          <tr className="font-semibold">
            <th scope="row" className={`${cellClass} text-left`}>{t('total')}</th>
            {cells(total)}
          </tr>
        </tfoot>
      ) : null}
    </DataTable>
  );
}
