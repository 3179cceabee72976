import { getTranslations } from 'next-intl/server';
import { crossingYears, sumForecast, trendOf, type ForecastRow, type ForecastTotals } from '@/lib/domain/forecast';
import type { Block } from '@/lib/domain/types';
import type { Formatters } from '@/lib/i18n/format';
import { DataTable, cellClass, headCellClass, numericCellClass, numericHeadCellClass } from '@/components/ui/table';
import { ForecastChart } from './forecast-chart';

// The forecast screen's tables (docs/decisions/042-retirement-and-forecast.md): totals per year for the province and
// each old district, and per commune and block the years, over the quota ("vượt") or short ("thiếu") highlighted,
// with the first year each turns. Shared by the forecast page and the transfer plan's what-if.

const TREND_CLASS = { over: 'bg-sky-50 text-sky-900', short: 'bg-red-50 text-red-900', balanced: '' } as const;

export type ForecastUnit = { id: number; code: string; name: string; oldDistrictName: string; headcountAtStart: Record<Block, number> };

export async function ForecastTotalsTable({ caption, groups, years, format, testId }: {
  caption: string; groups: { label: string; totals: ForecastTotals[] }[]; years: readonly number[]; format: Formatters; testId: string;
}) {
  const t = await getTranslations('forecast');
  return (
    <DataTable caption={caption} testId={testId}>
      <thead>
        <tr>
          <th scope="col" className={headCellClass}>{t('unit')}</th>
          {years.map((y) => <th key={y} scope="col" className={numericHeadCellClass}>{t('endOf', { year: String(y) })}</th>)}
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.label}>
            <th scope="row" className={`${cellClass} text-left font-medium`}>{g.label}</th>
            {years.map((y) => {
              const total = g.totals.find((x) => x.year === y && x.block === 'total')!;
              return (
                <td key={y} className={`${numericCellClass} ${TREND_CLASS[trendOf(total.difference)]}`}>
                  {t('cell', { headcount: format.number(total.headcount), quota: format.number(total.quota), difference: format.signed(total.difference) })}
                  {total.retirements ? <span className="block text-xs text-stone-600">{t('retiring', { count: total.retirements })}</span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/**
 * Per commune and block, the years; with `charts`, a chart per commune under its rows. With `baseline` (the transfer
 * plan's what-if), each block has two rows: the forecast without the ticked moves (`baseline`), then with them (`rows`).
 */
export async function ForecastCommuneTable({ units, rows, years, format, charts, baseline }: {
  units: ForecastUnit[]; rows: ForecastRow[]; years: readonly number[]; format: Formatters; charts: boolean;
  baseline?: { rows: ForecastRow[]; label: string; currentLabel: string };
}) {
  const t = await getTranslations('forecast');
  const tBlocks = await getTranslations('blocks');
  const seriesOf = (list: readonly ForecastRow[], unitId: number, block: Block) =>
    list.filter((r) => r.communeId === unitId && r.block === block).sort((a, b) => a.year - b.year);
  /** One row of a block: its cells per year and the first year it turns over or short. */
  const blockRow = (unit: ForecastUnit, block: Block, series: ForecastRow[], variant: { label: string; testId: string } | null, first: boolean) => {
    const start = unit.headcountAtStart[block] - (series[0]?.quota ?? 0);
    const turns = crossingYears(series, start);
    return (
      <tr key={`${block}-${variant?.testId ?? 'only'}`} data-testid={variant?.testId}>
        {first ? (
          <th scope="row" rowSpan={variant ? 2 : 1} className={`${cellClass} text-left font-medium`}>{tBlocks(block)}</th>
        ) : null}
        {variant ? <td className={`${cellClass} text-sm`}>{variant.label}</td> : null}
        {series.map((r) => (
          <td key={r.year} className={`${numericCellClass} ${TREND_CLASS[trendOf(r.difference)]}`} data-trend={trendOf(r.difference)}>
            {t('cell', { headcount: format.number(r.headcount), quota: format.number(r.quota), difference: format.signed(r.difference) })}
            {r.retirements ? <span className="block text-xs text-stone-600">{t('retiring', { count: r.retirements })}</span> : null}
            {r.quotaYear === null || r.missingQuota ? <span className="block text-xs text-amber-900">{t('noQuota')}</span> : null}
          </td>
        ))}
        <td className={cellClass}>
          {turns.over !== null ? <span className="block font-semibold text-sky-900">{t('overYear', { year: String(turns.over) })}</span> : null}
          {turns.short !== null ? <span className="block font-semibold text-red-900">{t('shortYear', { year: String(turns.short) })}</span> : null}
          {turns.over === null && turns.short === null ? '—' : null}
        </td>
      </tr>
    );
  };
  return (
    <div className="space-y-6">
      {units.map((unit) => {
        const own = rows.filter((r) => r.communeId === unit.id);
        const totals = sumForecast(own, years);
        return (
          <div key={unit.id} data-testid="forecast-commune">
            <DataTable caption={t('communeCaption', { name: unit.name, code: unit.code, district: unit.oldDistrictName })}>
              <thead>
                <tr>
                  <th scope="col" className={headCellClass}>{t('block')}</th>
                  {baseline ? <th scope="col" className={headCellClass}>{t('case')}</th> : null}
                  {years.map((y) => <th key={y} scope="col" className={numericHeadCellClass}>{t('endOf', { year: String(y) })}</th>)}
                  <th scope="col" className={headCellClass}>{t('turns')}</th>
                </tr>
              </thead>
              <tbody>
                {(['party_front', 'government'] as const).flatMap((block) =>
                  baseline
                    ? [
                        blockRow(unit, block, seriesOf(baseline.rows, unit.id, block), { label: baseline.label, testId: 'forecast-without' }, true),
                        blockRow(unit, block, seriesOf(own, unit.id, block), { label: baseline.currentLabel, testId: 'forecast-with' }, false),
                      ]
                    : [blockRow(unit, block, seriesOf(own, unit.id, block), null, true)],
                )}
              </tbody>
            </DataTable>
            {charts ? (
              <ForecastChart
                rows={years.map((y) => {
                  const total = totals.find((x) => x.year === y && x.block === 'total')!;
                  return { year: String(y), headcount: total.headcount, quota: total.quota };
                })}
                labels={{ headcount: t('headcount'), quota: t('quota') }}
              />
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
