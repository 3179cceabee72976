import { getTranslations } from 'next-intl/server';
import type { RoundView } from '@/lib/db/rating-queries';
import type { RatingGroup } from '@/lib/domain/ratings';
import { Badge } from '@/components/ui/badge';
import { DataTable, cellClass, headCellClass, numericCellClass, numericHeadCellClass } from '@/components/ui/table';
import { LEVEL_TONE } from './last-two-ratings';
import { RatingRowForm, RemoveRatingForm } from './rating-forms';

/** A round's people: post, months worked, the rating (with its score and reason) and, while the round takes ratings, a form per person. */
export async function RoundTable({ view, group, communeId, year, mayRate }: { view: RoundView; group: RatingGroup; communeId: number; year: number; mayRate: boolean }) {
  const t = await getTranslations('ratings');
  return (
    <DataTable caption={t('round.caption')} testId="rating-round">
      <thead>
        <tr>
          <th scope="col" className={headCellClass}>{t('round.person')}</th>
          <th scope="col" className={headCellClass}>{t('round.position')}</th>
          <th scope="col" className={numericHeadCellClass}>{t('round.months')}</th>
          <th scope="col" className={headCellClass}>{t('round.current')}</th>
          {mayRate ? <th scope="col" className={headCellClass}>{t('round.action')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {view.people.map((p) => (
          <tr key={p.cadreId} data-testid={`rating-row-${p.code}`}>
            <th scope="row" className={`${cellClass} text-left font-medium`}>
              {p.fullName}
              <span className="block text-xs font-normal text-stone-600">{p.code}</span>
            </th>
            <td className={cellClass}>{p.positionTitle}</td>
            <td className={numericCellClass}>{p.monthsWorked}</td>
            <td className={cellClass}>
              {!p.eligible ? (
                <span className="text-stone-600">{t('round.notEligible', { months: view.minMonths })}</span>
              ) : p.rating ? (
                <span className="space-y-1">
                  <Badge tone={LEVEL_TONE[p.rating.level]}>{t(`levels.${p.rating.level}`)}</Badge>
                  {p.rating.score !== null ? <span className="ml-1 text-xs text-stone-700">{p.rating.score}</span> : null}
                  {p.rating.belowBandReason ? <span className="block text-xs text-stone-700">{t('round.reason', { reason: p.rating.belowBandReason })}</span> : null}
                </span>
              ) : (
                <span className="text-amber-900">{t('round.notRated')}</span>
              )}
            </td>
            {mayRate ? (
              <td className={cellClass}>
                {p.eligible ? (
                  <div className="space-y-2">
                    <RatingRowForm
                      group={group}
                      communeId={communeId}
                      cadreId={p.cadreId}
                      year={year}
                      name={p.fullName}
                      saved={p.rating ? { ratingId: p.rating.id, version: p.rating.version, level: p.rating.level, score: p.rating.score, belowBandReason: p.rating.belowBandReason } : null}
                    />
                    {p.rating ? <RemoveRatingForm group={group} communeId={communeId} ratingId={p.rating.id} version={p.rating.version} /> : null}
                  </div>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
