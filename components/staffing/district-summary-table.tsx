import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { OldDistrictRollup, Rollup } from '@/lib/domain/types';
import { getFormatters } from '@/lib/i18n/server';
import { DataTable, cellClass, headCellClass, numericCellClass, numericHeadCellClass, phoneHidden } from '@/components/ui/table';
import { Difference } from './difference';

type DistrictRow = OldDistrictRollup & { oldDistrictCode: string };

/** One row per old district (the natural grouping for moving staff), linking to its page. */
export async function DistrictSummaryTable({ districts, total }: { districts: DistrictRow[]; total: Rollup }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatters()]);
  const figureCells = (rollup: Rollup) => (
    <>
      <td className={`${numericCellClass} ${phoneHidden}`}>{format.number(rollup.units)}</td>
      <td className={numericCellClass}>{format.number(rollup.total.quota)}</td>
      <td className={numericCellClass}>{format.number(rollup.total.headcount)}</td>
      <td className={numericCellClass}>
        <Difference value={rollup.total.difference} format={format} />
      </td>
      <td className={`${numericCellClass} ${phoneHidden}`}>{format.number(rollup.shortStaffedUnits)}</td>
      <td className={`${numericCellClass} ${phoneHidden}`}>{format.number(rollup.keyGapUnits)}</td>
      <td className={`${numericCellClass} ${phoneHidden}`}>{format.number(rollup.keyVacancies)}</td>
    </>
  );
  return (
    <DataTable caption={t('overview.districts.caption')}>
      <thead>
        <tr>
          <th scope="col" className={`${headCellClass} sticky-col min-w-32 sm:min-w-40`}>
            {t('overview.districts.name')}
          </th>
          <th scope="col" className={`${numericHeadCellClass} ${phoneHidden}`}>{t('overview.districts.units')}</th>
          <th scope="col" className={numericHeadCellClass}>{t('figures.quota')}</th>
          <th scope="col" className={numericHeadCellClass}>{t('figures.headcount')}</th>
          <th scope="col" className={numericHeadCellClass}>{t('figures.difference')}</th>
          <th scope="col" className={`${numericHeadCellClass} ${phoneHidden}`}>{t('overview.districts.shortStaffedUnits')}</th>
          <th scope="col" className={`${numericHeadCellClass} ${phoneHidden}`}>{t('overview.districts.keyGapUnits')}</th>
          <th scope="col" className={`${numericHeadCellClass} ${phoneHidden}`}>{t('overview.districts.keyVacancies')}</th>
        </tr>
      </thead>
      <tbody>
        {districts.map((district) => (
          <tr key={district.oldDistrictId} className="hover:bg-stone-50">
            <th scope="row" className={`${cellClass} sticky-col bg-white text-left font-normal`}>
              <Link
                prefetch={false}
                href={`/districts/${district.oldDistrictCode}`}
                className="font-medium text-brand-800 hover:underline"
              >
                {district.oldDistrictName}
              </Link>
            </th>
            {figureCells(district)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="bg-stone-50 font-semibold">
          <th scope="row" className={`${cellClass} sticky-col border-t border-stone-300 bg-stone-50 text-left`}>
            {t('blocks.total')}
          </th>
          {figureCells(total)}
        </tr>
      </tfoot>
    </DataTable>
  );
}
