import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CommuneQuotaRow } from '@/lib/db/quota-queries';
import { getFormatters } from '@/lib/i18n/server';
import { Badge } from '@/components/ui/badge';
import { cellClass, headCellClass, numericCellClass, numericHeadCellClass, TableContainer, tableClass } from '@/components/ui/table';

export async function QuotaTable({ rows, year }: { rows: CommuneQuotaRow[]; year: number }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatters()]);
  const figure = (value: number | null) =>
    value === null ? <span className="text-amber-800">{t('quotas.missing')}</span> : format.number(value);
  return (
    <TableContainer label={t('quotas.caption', { year: String(year) })}>
      <table className={tableClass} data-testid="quota-table">
        <caption className="sr-only">{t('quotas.caption', { year: String(year) })}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${headCellClass} min-w-32`}>{t('quotas.commune')}</th>
            <th scope="col" className={headCellClass}>{t('quotas.code')}</th>
            <th scope="col" className={`${headCellClass} min-w-28`}>{t('quotas.district')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('blocks.party_front')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('blocks.government')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('quotas.total')}</th>
            <th scope="col" className={`${headCellClass} min-w-32`}>{t('quotas.attributes')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const total = row.quota.party_front === null && row.quota.government === null ? null : (row.quota.party_front ?? 0) + (row.quota.government ?? 0);
            return (
              <tr key={row.id} className="hover:bg-stone-50" data-commune={row.code}>
                <th scope="row" className={`${cellClass} text-left font-medium`}>
                  <Link prefetch={false}
                    href={`/quotas/${encodeURIComponent(row.code)}?year=${year}`}
                    aria-label={t('quotas.editLabel', { name: row.name })}
                    className="text-brand-800 underline hover:text-brand-900"
                  >
                    {row.name}
                  </Link>
                </th>
                <td className={`${cellClass} numeric`}>{row.code}</td>
                <td className={cellClass}>{row.oldDistrict.name}</td>
                <td className={numericCellClass}>{figure(row.quota.party_front)}</td>
                <td className={numericCellClass}>{figure(row.quota.government)}</td>
                <td className={`${numericCellClass} font-semibold`}>{figure(total)}</td>
                <td className={cellClass}>
                  <span className="flex flex-wrap gap-1">
                    {row.mountainous ? <Badge tone="neutral">{t('flags.mountainous')}</Badge> : null}
                    {row.extremelyDisadvantaged ? <Badge tone="amber">{t('flags.extremelyDisadvantaged')}</Badge> : null}
                    {row.border ? <Badge tone="neutral">{t('flags.border')}</Badge> : null}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableContainer>
  );
}
