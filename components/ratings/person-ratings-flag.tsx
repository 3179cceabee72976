import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { lastTwoRatings } from '@/lib/db/rating-queries';
import { lastTwoYears, streamliningYear } from '@/lib/domain/ratings';
import { Section } from '@/components/ui/section';
import { Badge } from '@/components/ui/badge';
import { LEVEL_TONE } from './last-two-ratings';

/**
 * The person page's ratings: the last two years' results and, for a person rated "not completed" in the previous or
 * the current year, the flag of Decree 154/2025's streamlining scope (docs/decisions/040-annual-ratings.md).
 */
export async function PersonRatingsFlag({ cadreId }: { cadreId: number }) {
  const date = today();
  const [ratings, t] = await Promise.all([lastTwoRatings(db(), [cadreId], date), getTranslations('ratings')]);
  const list = ratings.get(cadreId) ?? [];
  const [previous, current] = lastTwoYears(date);
  const flagged = streamliningYear(list, date);
  return (
    <Section id="ratings" title={t('flag.title')}>
      {flagged !== null ? (
        <p role="status" data-testid="streamlining-flag" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-900">
          {t('flag.streamlining', { year: flagged })}
        </p>
      ) : null}
      {list.length === 0 ? (
        <p className="text-sm text-stone-700">{t('flag.none', { previous, current })}</p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="person-ratings">
          {list.map((r) => (
            <li key={r.year} className="flex flex-wrap items-center gap-2">
              <Badge tone={LEVEL_TONE[r.level]}>{r.year}</Badge>
              {r.score === null ? t(`levels.${r.level}`) : t('flag.score', { level: t(`levels.${r.level}`), score: r.score })}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
