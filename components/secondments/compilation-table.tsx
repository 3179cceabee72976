import { getTranslations } from 'next-intl/server';
import type { CompilationRow } from '@/lib/db/secondment-queries';
import { compilationTotal } from '@/lib/db/secondment-queries';
import { getFormatters } from '@/lib/i18n/server';
import { Badge } from '@/components/ui/badge';
import { TableContainer, cellClass, headCellClass, numericCellClass, numericHeadCellClass, tableClass } from '@/components/ui/table';

/** The province-wide compilation: per department and in total, required (5%), listed, meeting, approved, placed. */
export async function CompilationTable({ rows, year, showTotal = true }: { rows: CompilationRow[]; year: number; showTotal?: boolean }) {
  const t = await getTranslations('secondment');
  const format = await getFormatters();
  const total = compilationTotal(rows);
  const numbers = (r: Pick<CompilationRow, 'quota' | 'required' | 'listed' | 'meets' | 'approved' | 'placed'>) => [r.quota, r.required, r.listed, r.meets, r.approved, r.placed];
  return (
    <TableContainer label={t('compilation.tableLabel', { year: String(year) })}>
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('table.department')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('compilation.quota', { year: String(year) })}</th>
            <th scope="col" className={numericHeadCellClass}>{t('compilation.required')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('compilation.listed')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('compilation.meets')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('compilation.approved')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('compilation.placed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.departmentId}>
              <th scope="row" className={`${cellClass} min-w-48 text-left font-medium`}>
                {row.name}
                {row.belowMinimum ? (
                  <span className="ml-1.5">
                    <Badge tone="red">{t('flags.belowMinimum')}</Badge>
                  </span>
                ) : null}
              </th>
              {numbers(row).map((value, index) => (
                <td key={index} className={`${numericCellClass} ${index === 2 && row.belowMinimum ? 'font-semibold text-red-700' : ''}`}>
                  {format.number(value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {showTotal ? (
          <tfoot>
            <tr className="bg-stone-50 font-semibold">
              <th scope="row" className={`${cellClass} text-left`}>
                {t('compilation.total')}
                {total.belowMinimum ? (
                  <span className="ml-1.5">
                    <Badge tone="red">{t('flags.belowMinimum')}</Badge>
                  </span>
                ) : null}
              </th>
              {numbers(total).map((value, index) => (
                <td key={index} className={numericCellClass}>
                  {format.number(value)}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableContainer>
  );
}
