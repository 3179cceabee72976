import { getLocale, getTranslations } from 'next-intl/server';
import type { PlanFor } from '@/lib/db/planning-queries';
import { localizedTitle } from '@/lib/i18n/server';
import { Badge } from '@/components/ui/badge';

// "Planned for a post in this commune" beside a person on the transfer and secondment screens
// (docs/decisions/041-structure-and-planning.md): the planning register's open entries of the person in the commune.

/** `cadreId` / `communeId` null: every plan given (of one person, in any commune). */
export async function PlannedInCommune({ plans, cadreId, communeId }: { plans: readonly PlanFor[]; cadreId: number | null; communeId: number | null }) {
  const own = plans.filter((p) => (cadreId === null || p.cadreId === cadreId) && (communeId === null || p.communeId === communeId));
  if (own.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations('planning'), getLocale()]);
  return (
    <span className="mt-0.5 flex flex-wrap gap-1" data-testid="planned-in-commune">
      {own.map((p, i) => (
        <Badge key={i} tone="violet">{t('plannedHere', { post: localizedTitle(locale, p), term: p.termName })}</Badge>
      ))}
    </span>
  );
}
