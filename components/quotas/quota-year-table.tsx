import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { QuotaYearRow } from '@/lib/db/quota-year-queries';
import { getFormatters } from '@/lib/i18n/server';
import { isDraftYear } from '@/lib/domain/quota-years';
import { StateBadge } from '@/components/ui/state-badge';
import { cellClass, headCellClass, numericCellClass, numericHeadCellClass, TableContainer, tableClass } from '@/components/ui/table';

/** The day a moment falls on in Asia/Ho_Chi_Minh (the application's business day). */
const localDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** The province's quota years, newest first: status, what each holds, who confirmed it and when. */
export async function QuotaYearTable({ years }: { years: QuotaYearRow[] }) {
  const [t, format] = await Promise.all([getTranslations('quotaYears'), getFormatters()]);
  return (
    <TableContainer label={t('list.caption')}>
      <table className={tableClass} data-testid="quota-year-table">
        <caption className="sr-only">{t('list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('list.year')}</th>
            <th scope="col" className={headCellClass}>{t('list.status')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('list.communes')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('list.communeQuota')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('list.departments')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('list.departmentQuota')}</th>
            <th scope="col" className={`${headCellClass} min-w-48`}>{t('list.confirmation')}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year} data-year={y.year}>
              <th scope="row" className={`${cellClass} text-left font-medium`}>
                <Link prefetch={false} href={`/quotas/years/${y.year}`} className="text-brand-800 underline hover:text-brand-900" aria-label={t('list.open', { year: String(y.year) })}>
                  {y.year}
                </Link>
              </th>
              <td className={cellClass}>
                <StateBadge machine="quotaYear" state={y.status} />
              </td>
              <td className={numericCellClass}>{format.number(y.communes)}</td>
              <td className={numericCellClass}>{format.number(y.partyFront + y.government)}</td>
              <td className={numericCellClass}>{format.number(y.departments)}</td>
              <td className={numericCellClass}>{format.number(y.departmentQuota)}</td>
              <td className={cellClass}>
                {isDraftYear(y)
                  ? y.copiedFrom === null
                    ? t('list.draftNote')
                    : t('list.copiedFrom', { year: String(y.copiedFrom) })
                  : y.confirmedBy
                    ? t('list.confirmedBy', { name: y.confirmedBy, date: format.date(localDay(y.confirmedAt!)) })
                    : t('list.inForce')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
