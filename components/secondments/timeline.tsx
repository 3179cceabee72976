import { getTranslations } from 'next-intl/server';
import type { TimelineEntry } from '@/lib/db/secondment-queries';
import { formatAuditTime } from '@/components/audit/format-audit';
import { LIST_STATES, type ListState } from '@/lib/domain/secondment';

// Who did what, when, with what comment (issue 6 item 5), from the audit rows: the actions' and the demo's
// shapes (after.{from, to, comment}, plus the Conclusion on decisions, the commune on placements).

type After = { from?: string | null; to?: string | null; comment?: string | null; justification?: string | null; conclusion?: unknown; conclusionDate?: string; commune?: string; startDate?: string; endDate?: string; date?: string };

const KNOWN = new Set([
  'phase_create', 'phase_extend', 'list_create', 'list_submit', 'list_return', 'list_forward', 'list_decide', 'list_approve', 'list_decline',
  'candidate_propose', 'candidate_remove', 'candidate_assess', 'candidate_forward', 'candidate_approve', 'candidate_decline', 'candidate_place', 'candidate_end',
]);

const ddmmyyyy = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);

export async function Timeline({
  entries, candidateNames, communeNames, actorNames,
}: {
  entries: TimelineEntry[];
  candidateNames: Map<string, string>;
  communeNames: Map<string, string>;
  /** Display names of the accounts (the actions record the username). */
  actorNames: Map<number, string>;
}) {
  const t = await getTranslations('secondment');
  // Keys built from stored audit rows: checked with `has` before use.
  const dynamic = t as unknown as ((key: string) => string) & { has: (key: string) => boolean };
  const stateLabel = (entityType: string, state: string | null | undefined) => {
    if (!state) return null;
    if (entityType === 'secondment_list' && (LIST_STATES as readonly string[]).includes(state)) return t(`states.list.${state as ListState}`);
    if (entityType === 'secondment_candidate') {
      const key = `states.candidate.${state}`;
      return dynamic.has(key) ? dynamic(key) : state;
    }
    return state;
  };
  if (entries.length === 0) return <p className="text-sm text-stone-700">{t('timeline.empty')}</p>;
  return (
    <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white shadow-xs" data-testid="timeline">
      {entries.map((entry, index) => {
        const key = entry.action.replace(/^secondment\./, '').replace('.', '_');
        const after = (entry.after ?? {}) as After;
        const what = KNOWN.has(key) ? dynamic(`timeline.actions.${key}`) : entry.action;
        const who = entry.entityType === 'secondment_candidate' && entry.entityId ? candidateNames.get(entry.entityId) : undefined;
        const from = stateLabel(entry.entityType, after.from);
        const to = stateLabel(entry.entityType, after.to);
        const conclusion = typeof after.conclusion === 'string' ? after.conclusion : (after.conclusion as { number?: string } | null | undefined)?.number;
        const rawComment = after.comment ?? after.justification ?? null;
        // A decision's comment repeats the Conclusion ("612-KL/TU (2025-11-10)"), shown on its own line already.
        const comment = conclusion && rawComment?.startsWith(conclusion) ? null : rawComment;
        return (
          <li key={index} className="grid gap-1 px-3 py-2.5 text-sm sm:grid-cols-[10rem_1fr] sm:gap-4">
            <div className="text-stone-600">
              <time className="numeric block" dateTime={entry.at.toISOString()}>
                {formatAuditTime(entry.at)}
              </time>
              <span className="block font-medium text-stone-800">{(entry.actorId !== null ? actorNames.get(entry.actorId) : undefined) ?? entry.actorName}</span>
            </div>
            <div>
              <p>
                <span className="font-semibold text-stone-900">{what}</span>
                {who ? <span className="text-stone-800"> — {who}</span> : null}
              </p>
              {from || to ? (
                <p className="text-stone-700">
                  {from ? <span>{from}</span> : null}
                  {from && to ? <span aria-hidden="true"> → </span> : null}
                  {from && to ? <span className="sr-only"> {t('timeline.to')} </span> : null}
                  {to ? <span className="font-medium">{to}</span> : null}
                </p>
              ) : null}
              {conclusion ? <p className="text-stone-700">{t('timeline.conclusion', { number: conclusion })}</p> : null}
              {after.commune && after.startDate ? (
                <p className="text-stone-700">{t('timeline.placement', { commune: communeNames.get(after.commune) ?? after.commune, start: ddmmyyyy(after.startDate), end: ddmmyyyy(after.endDate ?? '') })}</p>
              ) : null}
              {comment ? <p className="mt-0.5 whitespace-pre-line rounded bg-stone-50 px-2 py-1 text-stone-800">{comment}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
