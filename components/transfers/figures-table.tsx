import { getTranslations } from 'next-intl/server';
import type { TransferFigures } from '@/lib/db/transfer-queries';
import { getFormatters } from '@/lib/i18n/server';
import { TableContainer, cellClass, headCellClass, numericCellClass, numericHeadCellClass, tableClass } from '@/components/ui/table';

// The block figures of both communes of a transfer: quota, current, projected (approved transfers not yet
// effective) and after this transfer, with the difference after.
export async function TransferFiguresTable({ rows, caption }: { rows: TransferFigures[]; caption: string }) {
  const [t, tBlocks, format] = await Promise.all([getTranslations('transfer.detail'), getTranslations('blocks'), getFormatters()]);
  return (
    <TableContainer label={caption}>
      <table className={tableClass} data-testid="transfer-figures">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('commune')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('quota')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('current')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('projected')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('after')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('difference')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.communeName}>
              <th scope="row" className={`${cellClass} text-left font-medium`}>
                {r.communeName}
                <span className="block text-xs font-normal text-stone-600">{tBlocks(r.block)}</span>
              </th>
              <td className={numericCellClass}>{format.number(r.quota)}</td>
              <td className={numericCellClass}>{format.number(r.current)}</td>
              <td className={numericCellClass}>{format.number(r.projected)}</td>
              <td className={`${numericCellClass} font-semibold`}>{format.number(r.after)}</td>
              <td className={`${numericCellClass} ${r.after - r.quota < 0 ? 'text-red-800' : 'text-stone-900'}`}>{format.signed(r.after - r.quota)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
