import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db/client';
import { countUnread } from '@/lib/db/notification-queries';

/** The header's link to the user's inbox with his unread count (one indexed count; docs/decisions/045-inbox-and-reminders.md). */
export async function InboxLink({ userId, current }: { userId: number; current: boolean }) {
  const [t, unread] = await Promise.all([getTranslations('inbox'), countUnread(db(), userId)]);
  return (
    <Link prefetch={false}
      href="/inbox"
      aria-current={current ? 'page' : undefined}
      className="inline-flex items-center gap-1.5 rounded px-2 py-1 text-sm font-semibold text-white hover:underline focus-visible:outline-white"
      data-testid="inbox-link"
    >
      {t('navLabel')}
      {unread > 0 ? (
        <span aria-hidden="true" className="rounded-full bg-white px-1.5 py-0.5 text-xs font-bold text-brand-800" data-testid="inbox-unread">
          {unread}
        </span>
      ) : null}
      <span className="sr-only"> ({t('navUnread', { count: unread })})</span>
    </Link>
  );
}
