import { getTranslations } from 'next-intl/server';
import type { ShortRating } from '@/lib/db/rating-queries';
import { Badge, type BadgeTone } from '@/components/ui/badge';

// A person's ratings of the previous and the current year, as the 5% candidates, the transfer plan and the person
// page show them (docs/decisions/040-annual-ratings.md).

export const LEVEL_TONE: Record<ShortRating['level'], BadgeTone> = { excellent: 'green', good: 'blue', completed: 'neutral', not_completed: 'red' };

export async function LastTwoRatings({ ratings }: { ratings: readonly ShortRating[] | undefined }) {
  const t = await getTranslations('ratings');
  if (!ratings || ratings.length === 0) return <span className="text-xs text-stone-600" data-testid="last-two-ratings">{t('lastTwo.label')}: {t('lastTwo.none')}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1 text-xs" data-testid="last-two-ratings">
      <span className="text-stone-600">{t('lastTwo.label')}:</span>
      {ratings.map((r) => (
        <Badge key={r.year} tone={LEVEL_TONE[r.level]}>
          {t('lastTwo.entry', { year: r.year, level: t(`levelsShort.${r.level}`) })}
        </Badge>
      ))}
    </span>
  );
}
