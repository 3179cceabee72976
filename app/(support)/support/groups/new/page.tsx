import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { WorkingGroupForm } from '@/components/support/working-group-form';
import { Card } from '@/components/ui/card';
import { requirePermission } from '../../../../_lib/current-province';
import { createGroupAndShow } from '../../actions';
import { workingGroupChoices } from '../choices';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('support.groups');
  return { title: t('new') };
}

export default async function NewWorkingGroupPage() {
  const user = await requirePermission('workingGroup.manage');
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const choices = await workingGroupChoices(user.provinceId, locale);
  return (
    <>
      <Breadcrumbs items={[{ label: t('support.groups.title'), href: '/support/groups' }, { label: t('support.groups.new') }]} />
      <PageHeader title={t('support.groups.new')} lead={t('support.groups.lead')} />
      <Card roomy className="max-w-3xl">
        <WorkingGroupForm action={createGroupAndShow} group={null} choices={choices} submitLabel={t('support.groups.create')} />
      </Card>
    </>
  );
}
