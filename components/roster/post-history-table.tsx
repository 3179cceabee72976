import { getLocale, getTranslations } from 'next-intl/server';
import type { PostHistoryEntry } from '@/lib/db/roster-queries';
import { getFormatters, localizedTitle } from '@/lib/i18n/server';
import { Badge } from '@/components/ui/badge';

/**
 * A person's posts, newest first, each with the decision that gave it and the one that ended it: a list of
 * cards, readable on a phone, that the personnel dossier will reuse.
 */
export async function PostHistoryTable({ entries }: { entries: PostHistoryEntry[] }) {
  const [t, format, locale] = await Promise.all([getTranslations('roster'), getFormatters(), getLocale()]);
  const decision = (d: PostHistoryEntry['decision']) =>
    d ? t('person.historyDecisionText', { number: d.number, date: format.date(d.date), body: d.issuingBody }) : t('person.historyNoDecision');
  return (
    <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white shadow-xs" data-testid="post-history">
      {entries.map((entry) => (
        <li key={entry.assignmentId} className="grid gap-1 px-3 py-2.5 text-sm sm:grid-cols-[11rem_1fr] sm:gap-4">
          <p className="numeric text-stone-700">
            {format.date(entry.startDate)} – {entry.endDate ? format.date(entry.endDate) : t('person.historyOngoing')}
          </p>
          <div>
            <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
              {localizedTitle(locale, { titleVi: entry.positionTitle, titleEn: entry.positionTitleEn })}
              <Badge tone={entry.isPrimary ? 'blue' : 'violet'}>{entry.isPrimary ? t('person.primary') : t('concurrent.title')}</Badge>
            </p>
            <p className="text-stone-700">{entry.unitName}</p>
            <dl className="mt-1 grid gap-x-2 text-xs text-stone-600 sm:grid-cols-[auto_1fr]">
              <dt className="font-medium">{t('person.historyDecision')}:</dt>
              <dd>{decision(entry.decision)}</dd>
              {entry.endDate ? (
                <>
                  <dt className="font-medium">{t('person.historyEndDecision')}:</dt>
                  <dd>{decision(entry.endDecision)}</dd>
                </>
              ) : null}
            </dl>
          </div>
        </li>
      ))}
    </ol>
  );
}
