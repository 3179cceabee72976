import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PastRetirementRow } from '@/lib/db/retirement-queries';
import type { Formatters } from '@/lib/i18n/format';
import { DataTable, cellClass, headCellClass } from '@/components/ui/table';

/**
 * People past their retirement date with no departure recorded (nobody is ended automatically): the commune page and
 * Home Affairs' list. `showCommune` adds the commune column (the province-wide list); `manageHref` links each person
 * to his page when the reader may edit the roster.
 */
export async function PastRetirementList({
  rows, format, showCommune = false, manageHref,
}: { rows: PastRetirementRow[]; format: Formatters; showCommune?: boolean; manageHref?: (row: PastRetirementRow) => string }) {
  const t = await getTranslations('retirement');
  if (rows.length === 0) return <p className="text-sm text-stone-700" data-testid="past-retirement-none">{t('none')}</p>;
  return (
    <DataTable caption={t('caption', { count: rows.length })} testId="past-retirement">
      <thead>
        <tr>
          <th scope="col" className={headCellClass}>{t('person')}</th>
          {showCommune ? <th scope="col" className={headCellClass}>{t('commune')}</th> : null}
          <th scope="col" className={headCellClass}>{t('block')}</th>
          <th scope="col" className={headCellClass}>{t('retiredOn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.cadreId} data-testid="past-retirement-row">
            <th scope="row" className={`${cellClass} text-left font-medium`}>
              {manageHref ? (
                <Link prefetch={false} href={manageHref(row)} className="text-brand-800 underline hover:text-brand-900">{row.fullName}</Link>
              ) : (
                row.fullName
              )}{' '}
              <span className="text-xs font-normal text-stone-600">({row.code})</span>
            </th>
            {showCommune ? <td className={cellClass}>{row.communeName}</td> : null}
            <td className={cellClass}>{row.block ? t(`blocks.${row.block}`) : '—'}</td>
            <td className={cellClass}>{format.date(row.retirementDate)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
