import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db/client';
import { listScopeOptions, listUsers } from '@/lib/db/user-queries';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UserTable } from '@/components/admin/user-table';
import { PageHeader } from '@/components/layout/page-header';
import { Section } from '@/components/ui/section';
import { requirePermission } from '../../../_lib/current-province';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.users');
  return { title: t('title') };
}

export default async function UsersPage() {
  const user = await requirePermission('user.manage');
  const [users, options, t] = await Promise.all([listUsers(db(), user.provinceId), listScopeOptions(db(), user.provinceId), getTranslations('admin.users')]);
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <Section id="users" title={t('listHeading')} description={t('count', { count: users.length })}>
        <UserTable users={users} />
      </Section>
      <Section id="create" title={t('createHeading')}>
        <div className="max-w-3xl rounded-lg border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
          <CreateUserForm options={options} />
        </div>
      </Section>
    </>
  );
}
