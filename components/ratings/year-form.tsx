import { getTranslations } from 'next-intl/server';
import { FIRST_RATING_YEAR } from '@/lib/domain/ratings';

/** The year a ratings page shows: a GET form (works without JavaScript), from 2025 to the current year. */
export async function RatingYearForm({ action, year, currentYear, hidden = {} }: { action: string; year: number; currentYear: number; hidden?: Record<string, string> }) {
  const t = await getTranslations('ratings.progress');
  const years = Array.from({ length: Math.max(1, currentYear - FIRST_RATING_YEAR + 1) }, (_, i) => currentYear - i);
  return (
    <form method="get" action={action} className="mb-4 flex flex-wrap items-end gap-2" data-testid="rating-year-form">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="rating-year" className="text-sm font-medium text-stone-800">
        {t('year')}
      </label>
      <select id="rating-year" name="year" defaultValue={String(year)} className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm">
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-stone-800 ring-1 ring-inset ring-stone-300 hover:bg-stone-50">
        {t('show')}
      </button>
    </form>
  );
}
