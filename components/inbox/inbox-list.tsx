import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { markReadAndShow } from '@/app/(inbox)/inbox/actions';
import { ActionForm } from '@/components/forms/action-form';
import { Badge } from '@/components/ui/badge';
import type { InboxItem } from '@/lib/db/notification-queries';
import { getFormatters } from '@/lib/i18n/server';
import { untyped } from '@/lib/i18n/translator';

/**
 * The inbox's items, newest first: the sentence of each (`notifications.kinds.<kind>` with its parameters), its
 * date, a link to the page to act on, and for an unread one the form that marks it read (a POST, without JavaScript too).
 */
export async function InboxList({ items }: { items: InboxItem[] }) {
  const [t, all, format] = await Promise.all([getTranslations('inbox'), getTranslations(), getFormatters()]);
  const tr = untyped(all);
  const sentence = (item: InboxItem) => {
    const key = `notifications.kinds.${item.kind}`;
    return tr.has(key) ? tr(key, item.params) : tr('notifications.kinds.unknown');
  };
  if (items.length === 0) return <p className="text-sm text-stone-700">{t('empty')}</p>;
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="inbox-items">
      {items.map((item) => {
        const rowKey = item.id ?? `r-${item.key}`;
        return (
          <li key={rowKey} className={`flex flex-wrap items-start gap-3 px-4 py-3 ${item.read ? '' : 'bg-sky-50/60'}`} data-testid="inbox-item" data-read={item.read ? 'true' : 'false'}>
            <div className="min-w-0 flex-1 space-y-1">
              <p className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
                {item.read ? <Badge tone="neutral">{t('read')}</Badge> : <Badge tone="blue">{t('unread')}</Badge>}
                {item.key ? <Badge tone="amber">{t('reminder')}</Badge> : null}
                <span className="numeric">{format.date(item.at.toISOString())}</span>
              </p>
              <p className={`text-sm ${item.read ? 'text-stone-700' : 'font-semibold text-stone-900'}`}>{sentence(item)}</p>
              <p className="text-sm">
                <Link prefetch={false} href={item.link} className="font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900">
                  {t('open')}
                </Link>
              </p>
            </div>
            {item.read ? null : (
              <ActionForm
                namespace="inbox"
                id={`mark-read-${rowKey}`}
                testId="mark-read"
                action={markReadAndShow}
                hidden={item.id ? { id: item.id } : { key: item.key ?? '' }}
                submitLabel={t('markRead')}
                tone="secondary"
                statusAtEnd
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
