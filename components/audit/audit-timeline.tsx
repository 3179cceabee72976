import { getLocale, getTranslations } from 'next-intl/server';
import { presentAuditRow } from '@/lib/audit/present';
import type { AuditNames, NameableAuditRow } from '@/lib/db/audit-queries';
import { formattersFor } from '@/lib/i18n/format';
import { isLocale } from '@/lib/i18n/config';
import { AuditChangeList } from './audit-changes';
import { auditActionLabel, auditActorLabel, auditTranslator, renderAuditText } from './audit-text';
import { formatAuditTime } from './format-audit';

export type TimelineRow = NameableAuditRow & { at: Date; actorName: string; actorRole: string };

/**
 * Who did what, when, with what comment, from a workflow's audit rows (decisions 011, 016 and 020), each read
 * from its event's schema like the audit page. Entries about another entity than the page's (a candidate of
 * a list) name it; fields the page already shows (`omit`, the person of a transfer) are left out.
 */
export async function AuditTimeline({
  entries, names, about, omit, empty, testId, derived,
}: {
  entries: readonly TimelineRow[];
  names: AuditNames;
  /** The page's own entity: its entries need no name. */
  about: { entityType: string; entityId: string };
  omit?: readonly string[];
  empty: string;
  testId: string;
  /**
   * A state the workflow reaches by date rather than by anyone's step (a transfer executed from its effective date:
   * docs/domain.md, Derived states), shown last; no audit row records it.
   */
  derived?: { date: string; text: string } | null;
}) {
  const [translations, locale] = await Promise.all([getTranslations(), getLocale()]);
  const t = auditTranslator(translations);
  const format = formattersFor(isLocale(locale) ? locale : 'vi');
  if (entries.length === 0 && !derived) return <p className="text-sm text-stone-700">{empty}</p>;
  return (
    <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white shadow-xs" data-testid={testId}>
      {entries.map((entry, index) => {
        const isAbout = entry.entityType === about.entityType && entry.entityId === about.entityId;
        const subject = isAbout ? null : names.entity(entry).name;
        const presentation = presentAuditRow(entry, { lookup: names.lookup, format, omit });
        return (
          <li key={index} className="grid gap-1 px-3 py-2.5 text-sm sm:grid-cols-[10rem_1fr] sm:gap-4">
            <div className="text-stone-600">
              <time className="numeric block" dateTime={entry.at.toISOString()}>{formatAuditTime(entry.at)}</time>
              <span className="block font-medium text-stone-800">{auditActorLabel(t, { ...entry, actorDisplayName: names.actor(entry) })}</span>
            </div>
            <div className="min-w-0">
              <p>
                <span className="font-semibold text-stone-900">{auditActionLabel(t, entry.action)}</span>
                {subject ? <span className="text-stone-800"> — {renderAuditText(t, subject)}</span> : null}
              </p>
              <AuditChangeList t={t} presentation={presentation} />
            </div>
          </li>
        );
      })}
      {derived ? (
        <li className="grid gap-1 px-3 py-2.5 text-sm sm:grid-cols-[10rem_1fr] sm:gap-4" data-testid={`${testId}-derived`}>
          <div className="text-stone-600">
            <time className="numeric block" dateTime={derived.date}>{format.date(derived.date)}</time>
          </div>
          <p className="min-w-0 font-semibold text-stone-900">{derived.text}</p>
        </li>
      ) : null}
    </ol>
  );
}
