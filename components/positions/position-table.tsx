import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { CataloguePositionRow } from '@/lib/db/position-queries';
import { getFormatters, localizedTitle } from '@/lib/i18n/server';
import { Badge } from '@/components/ui/badge';
import { cellClass, headCellClass, numericCellClass, numericHeadCellClass, TableContainer, tableClass } from '@/components/ui/table';

/** The province's positions catalogue; the code links to the position's edit page. */
export async function PositionTable({ rows }: { rows: CataloguePositionRow[] }) {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatters(), getLocale()]);
  const flag = (on: boolean, tone: 'amber' | 'violet' | 'blue') =>
    on ? <Badge tone={tone}>{t('positions.yes')}</Badge> : <span className="text-stone-500">{t('positions.no')}</span>;
  return (
    <TableContainer label={t('positions.caption')}>
      <table className={tableClass}>
        <caption className="sr-only">{t('positions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('positions.columns.code')}</th>
            <th scope="col" className={headCellClass}>{t('positions.columns.titleVi')}</th>
            <th scope="col" className={`${headCellClass} hidden md:table-cell`}>{t('positions.columns.titleEn')}</th>
            <th scope="col" className={headCellClass}>{t('positions.columns.block')}</th>
            <th scope="col" className={headCellClass}>{t('positions.columns.key')}</th>
            <th scope="col" className={headCellClass}>{t('positions.columns.elected')}</th>
            <th scope="col" className={`${headCellClass} min-w-28`}>{t('positions.columns.concurrentByDesign')}</th>
            <th scope="col" className={headCellClass}>{t('positions.columns.field')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('positions.columns.sortOrder')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('positions.columns.level')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('positions.columns.holders')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="position-row">
              <td className={`${cellClass} whitespace-nowrap font-mono text-xs`}>
                <Link prefetch={false}
                  href={`/positions/${encodeURIComponent(row.code)}`}
                  aria-label={t('positions.editFor', { title: localizedTitle(locale, row) })}
                  className="font-medium text-brand-800 underline hover:text-brand-900"
                >
                  {row.code}
                </Link>
              </td>
              <th scope="row" className={`${cellClass} min-w-48 text-left font-medium text-stone-900`}>{row.titleVi}</th>
              <td className={`${cellClass} hidden min-w-48 text-stone-700 md:table-cell`}>{row.titleEn}</td>
              <td className={`${cellClass} whitespace-nowrap`}>{row.block ? t(`blocks.${row.block}`) : t('positions.departmentPost')}</td>
              <td className={cellClass}>{flag(row.isKey, 'amber')}</td>
              <td className={cellClass}>{flag(row.isElected, 'blue')}</td>
              <td className={cellClass}>{flag(row.concurrentByDesign, 'violet')}</td>
              <td className={`${cellClass} min-w-36`}>
                {row.field ? t(`fields.${row.field}` as Parameters<typeof t>[0]) : <span className="text-stone-500">{t('positions.none')}</span>}
              </td>
              <td className={numericCellClass}>{format.number(row.sortOrder)}</td>
              <td className={numericCellClass}>{format.number(row.level)}</td>
              <td className={numericCellClass}>{format.number(row.holders)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
