import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ProgressGroup, ProgressRow } from '@/lib/db/rating-queries';
import { RATING_GROUPS } from '@/lib/domain/ratings';
import { getFormatters } from '@/lib/i18n/server';
import { Badge } from '@/components/ui/badge';
import { StateBadge } from '@/components/ui/state-badge';
import { DataTable, cellClass, headCellClass, numericCellClass, numericHeadCellClass } from '@/components/ui/table';

// Every commune's progress for a year, one row per commune and group: to rate, rated, the round's state, the
// excellent and good counts and the 20% rule (docs/decisions/040-annual-ratings.md).

export function progressTotals(rows: readonly ProgressRow[]) {
  const groups = rows.flatMap((r) => Object.values(r.groups));
  return {
    toRate: groups.reduce((s, g) => s + g.toRate, 0),
    rated: groups.reduce((s, g) => s + g.rated, 0),
    confirmed: groups.filter((g) => g.state === 'confirmed').length,
    draft: groups.filter((g) => g.state === 'draft').length,
    beyond: groups.filter((g) => g.breach !== null).length,
  };
}

export async function RatingProgressTable({ rows, year }: { rows: readonly ProgressRow[]; year: number }) {
  const [t, format] = await Promise.all([getTranslations('ratings'), getFormatters()]);
  const totals = progressTotals(rows);
  const check = (g: ProgressGroup) =>
    g.breach === null ? (
      <Badge tone="green">{t('progress.within')}</Badge>
    ) : g.overLimitReason ? (
      <Badge tone="amber">{t('progress.beyondWithReason')}</Badge>
    ) : (
      <Badge tone="red">{t('progress.beyond', { excellent: g.breach.excellent, good: g.breach.good })}</Badge>
    );
  return (
    <>
      <p className="mb-3 text-sm text-stone-800" data-testid="rating-progress-totals">
        {t('progress.totals', { rated: format.number(totals.rated), toRate: format.number(totals.toRate), confirmed: totals.confirmed, draft: totals.draft })}
      </p>
      <DataTable caption={t('progress.caption')} testId="rating-progress">
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('progress.commune')}</th>
            <th scope="col" className={headCellClass}>{t('progress.group')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('progress.toRate')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('progress.rated')}</th>
            <th scope="col" className={headCellClass}>{t('progress.state')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('progress.excellent')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('progress.good')}</th>
            <th scope="col" className={headCellClass}>{t('progress.check')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) =>
            RATING_GROUPS.map((group) => {
              const g = row.groups[group];
              return (
                <tr key={`${row.communeId}-${group}`} data-testid={`progress-${row.code}-${group}`}>
                  <th scope="row" className={`${cellClass} text-left font-medium`}>
                    <Link prefetch={false} href={`/ratings/communes/${encodeURIComponent(row.code)}?year=${year}&group=${group}`} className="text-brand-800 underline hover:text-brand-900">
                      {row.name}
                    </Link>
                  </th>
                  <td className={cellClass}>{t(`groups.${group}`)}</td>
                  <td className={numericCellClass}>{format.number(g.toRate)}</td>
                  <td className={numericCellClass}>{format.number(g.rated)}</td>
                  <td className={cellClass}>
                    {g.state === null ? <Badge tone="neutral">{t('roundStates.none')}</Badge> : <StateBadge machine="ratingRound" state={g.state} />}
                  </td>
                  <td className={numericCellClass}>{format.number(g.counts.excellent)}</td>
                  <td className={numericCellClass}>{format.number(g.counts.good)}</td>
                  <td className={cellClass}>{check(g)}</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </DataTable>
    </>
  );
}
