import { getTranslations } from 'next-intl/server';
import type { CommuneProjection } from '@/lib/domain/projection';
import { BLOCKS, type CommuneStaffing } from '@/lib/domain/types';
import { getFormatters } from '@/lib/i18n/server';
import { Difference } from '@/components/staffing/difference';
import { DataTable, cellClass, headCellClass, numericCellClass, numericHeadCellClass } from '@/components/ui/table';

/**
 * Quota, headcount and difference per block and in total for one commune; with `projection` (the commune
 * workspace only) also the projected headcount and difference after approved movements.
 */
export async function BlockFiguresTable({ staffing, projection }: { staffing: CommuneStaffing; projection?: CommuneProjection }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatters()]);
  const rows = [
    ...BLOCKS.map((block) => ({ key: block, label: t(`blocks.${block}`), figures: staffing.blocks[block], projected: projection?.blocks[block], isTotal: false })),
    { key: 'total', label: t('blocks.total'), figures: staffing.total, projected: projection?.total, isTotal: true },
  ];
  return (
    <DataTable caption={t('commune.blocks.caption')}>
      <thead>
        <tr>
          <th scope="col" className={headCellClass}>{t('commune.blocks.block')}</th>
          <th scope="col" className={numericHeadCellClass}>{t('figures.quota')}</th>
          <th scope="col" className={numericHeadCellClass}>{t('figures.headcount')}</th>
          <th scope="col" className={numericHeadCellClass}>{t('figures.difference')}</th>
          {projection ? (
            <th scope="col" className={numericHeadCellClass} title={t('roster.projection.projectedDifference')}>
              {t('roster.projection.projected')}
              <span className="sr-only"> ({t('roster.projection.projectedDifference')})</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.isTotal ? 'bg-stone-50 font-semibold' : undefined}>
            <th scope="row" className={`${cellClass} text-left sm:whitespace-nowrap ${row.isTotal ? 'font-semibold' : 'font-normal'}`}>
              {row.label}
            </th>
            <td className={numericCellClass}>{format.number(row.figures.quota)}</td>
            <td className={numericCellClass}>{format.number(row.figures.headcount)}</td>
            <td className={numericCellClass}>
              <Difference value={row.figures.difference} format={format} />
            </td>
            {row.projected ? (
              // One narrow column (phones): the projected headcount, then its difference against the quota.
              <td className={numericCellClass} data-testid={`projected-${row.key}`}>
                {format.number(row.projected.projectedHeadcount)}{' '}
                <span className="text-xs">
                  (<Difference value={row.projected.projectedDifference} format={format} />)
                </span>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
