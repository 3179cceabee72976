import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db/client';
import { findRetirement } from '@/lib/db/retirement-queries';
import { pensionStart } from '@/lib/domain/retirement';
import { getFormatters } from '@/lib/i18n/server';
import { Badge } from '@/components/ui/badge';

/**
 * A person's retirement date under Decree 135/2020 (the last day of the month the age is reached) and, once it has
 * passed, the flag that nobody has recorded the departure yet (docs/domain.md, Departures and retirement).
 */
export async function RetirementNotice({ cadreId, today }: { cadreId: number; today: string }) {
  const [facts, t, format] = await Promise.all([findRetirement(db(), cadreId, today), getTranslations('retirement'), getFormatters()]);
  if (!facts) return null;
  return (
    <p
      data-testid="retirement-date"
      className={`mb-4 flex flex-wrap items-center gap-2 rounded-md border px-3 py-2 text-sm ${facts.isPast ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-stone-200 bg-stone-50 text-stone-800'}`}
    >
      <span>{t('date', { date: format.date(facts.retirementDate), pension: format.date(pensionStart(facts.birthDate, facts.gender)) })}</span>
      {facts.isPast ? <Badge tone="amber">{t('past')}</Badge> : null}
    </p>
  );
}
