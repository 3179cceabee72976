import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InboxList } from '@/components/inbox/inbox-list';
import { PageHeader } from '@/components/layout/page-header';
import { ActionForm } from '@/components/forms/action-form';
import { Section } from '@/components/ui/section';
import { inboxUserOf } from '@/lib/actions/inbox/load';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listInbox } from '@/lib/db/notification-queries';
import { requirePermission } from '../../_lib/current-province';
import { markAllReadAndShow } from './actions';
import { PageNotice } from '@/components/ui/page-notice';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES = ['read', 'allRead'] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inbox');
  return { title: t('title') };
}

/**
 * The user's own inbox (docs/decisions/045-inbox-and-reminders.md): the reminders due today, then the stored items,
 * newest first, unread ones marked. Reading it writes nothing; marking read is a POST.
 */
export default async function InboxPage({ searchParams }: Props) {
  const user = await requirePermission('inbox.read');
  const query = await searchParams;
  const [items, t] = await Promise.all([listInbox(db(), inboxUserOf(user), today(), new Date()), getTranslations('inbox')]);
  const unread = items.filter((item) => !item.read).length;
  const notice = NOTICES.find((n) => n === query.notice);
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <PageNotice message={notice ? t(`notices.${notice}`) : null} />
      <Section
        id="items"
        title={t('caption')}
        description={t('unreadCount', { count: unread })}
        actions={
          unread > 0 ? <ActionForm namespace="inbox" id="mark-all-read" action={markAllReadAndShow} submitLabel={t('markAllRead')} tone="secondary" statusAtEnd /> : null
        }
      >
        <InboxList items={items} />
        <p className="mt-4 text-sm text-stone-600">{t('emailNote')}</p>
      </Section>
    </>
  );
}
