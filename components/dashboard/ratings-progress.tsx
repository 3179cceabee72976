import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { getRatingProgress } from '@/lib/db/rating-queries';
import { getFormatters } from '@/lib/i18n/server';
import { progressTotals } from '@/components/ratings/progress-table';

/**
 * The dashboard's line on the year's ratings (docs/decisions/040-annual-ratings.md): people rated of those to rate,
 * the communes' rounds confirmed, in progress and not started, the rounds beyond the 20% rule; for the roles that
 * read every unit's progress.
 */
export async function RatingsProgress({ user, provinceId, date }: { user: SessionUser; provinceId: number; date: string }) {
  if (!can(user, 'rating.view', { provinceId })) return null;
  const year = Number(date.slice(0, 4));
  const [progress, t, format] = await Promise.all([getRatingProgress(db(), provinceId, year), getTranslations('ratings.dashboard'), getFormatters()]);
  const totals = progressTotals(progress.rows);
  const communes = progress.rows.length;
  const confirmed = progress.rows.filter((r) => Object.values(r.groups).every((g) => g.toRate === 0 || g.state === 'confirmed')).length;
  const started = progress.rows.filter((r) => Object.values(r.groups).some((g) => g.state !== null)).length;
  return (
    <p className="mb-6 rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm text-stone-800 shadow-xs" data-testid="dashboard-ratings">
      <span className="font-semibold text-stone-900">{t('title', { year })}</span>{' '}
      {t('rated', { rated: format.number(totals.rated), toRate: format.number(totals.toRate) })}
      {' · '}
      {t('rounds', { confirmed, draft: Math.max(0, started - confirmed), none: communes - started })}
      {totals.beyond > 0 ? <> · <span className="font-medium text-red-800">{t('beyond', { count: totals.beyond })}</span></> : null}{' '}
      <Link prefetch={false} href={`/ratings?year=${year}`} className="font-medium text-brand-800 underline hover:text-brand-900">{t('link')}</Link>
    </p>
  );
}
