import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { getSupportSummary, listWorkingGroups } from '@/lib/db/support-queries';
import { getFormatters } from '@/lib/i18n/server';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { Card } from '@/components/ui/card';
import { requirePermission } from '../../../_lib/current-province';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('support.groups');
  return { title: t('title') };
}

/** The province's working groups: who heads them, who is in them, what they cover, how many requests they hold open. */
export default async function WorkingGroupsPage() {
  const user = await requirePermission('support.view');
  const [groups, summary, t, format, locale] = await Promise.all([listWorkingGroups(db(), user.provinceId), getSupportSummary(db(), user.provinceId), getTranslations(), getFormatters(), getLocale()]);
  const mayManage = can(user, 'workingGroup.manage', { provinceId: user.provinceId });
  const open = new Map(summary.perGroup.map((g) => [g.id, g.open]));
  const link = 'font-medium text-brand-800 underline hover:text-brand-900';
  return (
    <>
      <Breadcrumbs items={[{ label: t('support.list.title'), href: '/support' }, { label: t('support.groups.title') }]} />
      <PageHeader title={t('support.groups.title')} lead={t('support.groups.lead')}>
        {mayManage ? (
          <p className="mt-3">
            <Link prefetch={false} href="/support/groups/new" className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800">{t('support.groups.new')}</Link>
          </p>
        ) : null}
      </PageHeader>
      {groups.length === 0 ? <p className="text-sm text-stone-700">{t('support.groups.empty')}</p> : null}
      <ul className="grid gap-4 lg:grid-cols-2" aria-label={t('support.groups.caption')}>
        {groups.map((g) => (
          <Card as="li" key={g.id} roomy data-testid="working-group">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 className="text-base font-semibold text-stone-900">{g.name}</h2>
              {mayManage ? <Link prefetch={false} href={`/support/groups/${g.id}`} className={`text-sm ${link}`}>{t('support.groups.editLink')}</Link> : null}
            </div>
            <p className="text-sm text-stone-600">{t(`support.groups.kinds.${g.kind}`)}{g.department ? ` · ${g.department.name}` : ''}</p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-stone-600">{t('support.detail.head')}</dt>
              <dd>{g.head?.displayName ?? g.headName ?? '—'}</dd>
              <dt className="text-stone-600">{t('support.groups.members')}</dt>
              <dd>{g.members.map((m) => m.displayName).join(', ') || '—'}</dd>
              <dt className="text-stone-600">{t('support.groups.problems')}</dt>
              <dd>{g.problems.map((p) => (locale === 'en' ? p.nameEn : p.nameVi)).join(', ') || '—'}</dd>
              <dt className="text-stone-600">{t('support.groups.communes')}</dt>
              <dd>{g.communes.map((c) => c.name).join(', ') || '—'}</dd>
              <dt className="text-stone-600">{t('support.groups.openRequests')}</dt>
              <dd><Link prefetch={false} href={`/support?group=${g.id}`} className={link}>{format.number(open.get(g.id) ?? 0)}</Link></dd>
            </dl>
          </Card>
        ))}
      </ul>
    </>
  );
}
