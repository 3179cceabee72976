import Link from 'next/link';
import type { CommuneComparison } from '@/lib/domain/dashboard';
import { Section } from '@/components/ui/section';
import { cellClass, headCellClass, numericHeadCellClass, tableClass } from '@/components/ui/table';
import type { DashboardView } from './view';

/** A commune chairman's own commune beside the scope's figures. */
export function OwnCommune({ comparison, scopeName, view: { t, format } }: { comparison: CommuneComparison; scopeName: string; view: DashboardView }) {
  const n = format.number;
  const { commune, province } = comparison;
  const rows = [
    ['quota', n(commune.quota), n(province.quota)],
    ['headcount', n(commune.headcount), n(province.headcount)],
    ['difference', format.signed(commune.difference), format.signed(province.difference)],
    ['keyVacancies', n(commune.keyVacancies), n(province.keyVacancies)],
    [
      'situation',
      t(`dashboard.situations.categories.${commune.situation}`),
      t('dashboard.own.provinceSituation', { short: n(province.unitsShort), gaps: n(province.unitsKeyGaps), units: n(province.units) }),
    ],
  ] as const;
  return (
    <Section id="own-commune" title={t('dashboard.own.heading', { name: commune.name })}>
      <div role="region" aria-label={t('dashboard.own.caption', { name: commune.name })} tabIndex={0} className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-xs">
        <table className={tableClass} data-testid="own-commune-table">
          <caption className="sr-only">{t('dashboard.own.caption', { name: commune.name })}</caption>
          <thead>
            <tr>
              <th scope="col" className={headCellClass}>{t('dashboard.own.figure')}</th>
              <th scope="col" className={numericHeadCellClass}>{commune.name}</th>
              <th scope="col" className={numericHeadCellClass}>{scopeName}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([key, own, all]) => (
              <tr key={key}>
                <th scope="row" className={`${cellClass} text-left font-normal`}>{t(`dashboard.own.${key}`)}</th>
                <td className={`${cellClass} numeric text-right font-semibold`}>{own}</td>
                <td className={`${cellClass} numeric text-right`}>{all}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-sm">
        <Link prefetch={false} href={`/communes/${encodeURIComponent(commune.code)}`} className="font-medium text-brand-800 underline hover:text-brand-900">
          {t('dashboard.own.open', { name: commune.name })}
        </Link>
      </p>
    </Section>
  );
}
