import { getTranslations } from 'next-intl/server';
import type { ForecastCommune, ForecastResult } from '@/lib/domain/forecast';
import type { Formatters } from '@/lib/i18n/format';
import { ForecastCommuneTable } from '@/components/forecast/forecast-tables';

// The forecast part of the plan's what-if (docs/decisions/042-retirement-and-forecast.md): for each commune the
// ticked moves touch, the forecast years without the moves and with them, counted from their planned date, on the
// forecast's one reading of the scheduled changes and retirements.

export async function WhatIfForecast({ communes, communeIds, without, withMoves, date, format }: {
  communes: readonly ForecastCommune[];
  communeIds: readonly number[];
  without: ForecastResult;
  withMoves: ForecastResult;
  /** The day the ticked moves count from. */
  date: string;
  format: Formatters;
}) {
  const t = await getTranslations('forecast');
  const touched = new Set(communeIds);
  const units = communes
    .filter((c) => touched.has(c.communeId))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((c) => ({ id: c.communeId, code: c.code, name: c.name, oldDistrictName: c.oldDistrictName, headcountAtStart: c.headcount }));
  return (
    <div className="mt-6" data-testid="what-if-forecast">
      <h3 className="text-base font-semibold text-stone-900">{t('whatIfHeading')}</h3>
      <p className="mb-1 mt-0.5 text-sm text-stone-600">{t('whatIfLead')}</p>
      <p className="mb-2 text-sm text-stone-600">{t('whatIfDate', { date: format.date(date) })}</p>
      <ForecastCommuneTable
        units={units}
        rows={withMoves.rows}
        years={withMoves.years}
        format={format}
        charts={false}
        baseline={{ rows: without.rows, label: t('whatIfWithout'), currentLabel: t('whatIfWith') }}
      />
    </div>
  );
}
