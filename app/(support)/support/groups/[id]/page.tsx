import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { updateWorkingGroup } from '@/lib/actions/support/update-working-group';
import { db } from '@/lib/db/client';
import { findWorkingGroup } from '@/lib/db/support-queries';
import { routeId } from '@/lib/validation/route-params';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { SupportNotice } from '@/components/support/support-notice';
import { WorkingGroupForm } from '@/components/support/working-group-form';
import { Card } from '@/components/ui/card';
import { requirePermission } from '../../../../_lib/current-province';
import { workingGroupChoices } from '../choices';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('support.groups');
  return { title: t('edit') };
}

export default async function EditWorkingGroupPage({ params, searchParams }: Props) {
  const user = await requirePermission('workingGroup.manage');
  const id = routeId((await params).id);
  const group = id === null ? null : await findWorkingGroup(db(), user.provinceId, id);
  if (!group) notFound();
  const [t, locale, query] = await Promise.all([getTranslations(), getLocale(), searchParams]);
  const choices = await workingGroupChoices(user.provinceId, locale);
  return (
    <>
      <Breadcrumbs items={[{ label: t('support.groups.title'), href: '/support/groups' }, { label: group.name }]} />
      <PageHeader eyebrow={t('support.groups.edit')} title={group.name} />
      <SupportNotice notice={query.notice} />
      <Card roomy className="max-w-3xl">
        <WorkingGroupForm action={updateWorkingGroup} group={group} choices={choices} submitLabel={t('support.groups.save')} />
      </Card>
    </>
  );
}
