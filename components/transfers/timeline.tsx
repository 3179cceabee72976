import { getTranslations } from 'next-intl/server';
import { formatAuditTime } from '@/components/audit/format-audit';
import type { TransferTimelineEntry } from '@/lib/db/transfer-queries';
import { TRANSFER_STATES, type TransferState } from '@/lib/domain/transfer';

// Who did what, when, with what comment, from the transfer's audit rows (the actions', the bookkeeping's and
// the demo's: after.{from, to, comment, opinion, decisionNumber, decisionDate, executedOn}).

type After = { to?: string; comment?: string | null; opinion?: string; side?: string; decisionNumber?: string; decisionDate?: string; executedOn?: string; justification?: string };

const KNOWN = ['propose', 'opinion', 'approve', 'decline', 'cancel', 'execute'] as const;
const ddmmyyyy = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);

export async function TransferTimeline({ entries, sideNames }: { entries: TransferTimelineEntry[]; sideNames: { from: string; to: string } }) {
  const t = await getTranslations('transfer');
  if (entries.length === 0) return <p className="text-sm text-stone-700">{t('detail.noTimeline')}</p>;
  return (
    <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white shadow-xs" data-testid="transfer-timeline">
      {entries.map((entry, index) => {
        const key = KNOWN.find((k) => entry.action === `transfer.${k}`);
        const after = (entry.after ?? {}) as After;
        const to = TRANSFER_STATES.find((s) => s === after.to) as TransferState | undefined;
        const opinion = after.opinion === 'agree' || after.opinion === 'disagree' ? t(`opinions.${after.opinion}`) : null;
        const side = after.side === 'from' ? sideNames.from : after.side === 'to' ? sideNames.to : null;
        return (
          <li key={index} className="grid gap-1 px-3 py-2.5 text-sm sm:grid-cols-[10rem_1fr] sm:gap-4">
            <div className="text-stone-600">
              <time className="numeric block" dateTime={entry.at.toISOString()}>{formatAuditTime(entry.at)}</time>
              <span className="block font-medium text-stone-800">{entry.actorRole === 'system' ? t('timeline.system') : entry.actorName}</span>
            </div>
            <div>
              <p>
                <span className="font-semibold text-stone-900">{key ? t(`timeline.${key}`) : entry.action}</span>
                {side ? <span className="text-stone-800"> — {side}</span> : null}
                {opinion ? <span className="text-stone-800">: {opinion}</span> : null}
              </p>
              {to ? <p className="text-stone-700">{t(`states.${to}`)}</p> : null}
              {after.decisionNumber && after.decisionDate ? (
                <p className="text-stone-700">{t('detail.decision', { number: after.decisionNumber, date: ddmmyyyy(after.decisionDate) })}</p>
              ) : null}
              {after.executedOn ? <p className="text-stone-700">{t('detail.executedOn', { date: ddmmyyyy(after.executedOn) })}</p> : null}
              {after.comment ? <p className="mt-0.5 whitespace-pre-line rounded bg-stone-50 px-2 py-1 text-stone-800">{after.comment}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
