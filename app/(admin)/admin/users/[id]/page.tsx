import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { findUser, listScopeOptions } from '@/lib/db/user-queries';
import { EditUserForm } from '@/components/admin/edit-user-form';
import { ResetPasswordForm } from '@/components/admin/reset-password-form';
import { UserStatusForm } from '@/components/admin/user-status-form';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { requirePermission } from '../../../../_lib/current-province';
import { routeId } from '@/lib/validation/route-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** Unknown id → 404; another province's user → 403 (docs/domain.md, Who sees what). */
async function loadTarget(idText: string) {
  const user = await requirePermission('user.manage');
  const id = routeId(idText);
  const target = id === null ? null : await findUser(db(), id);
  if (!target) notFound();
  if (!can(user, 'user.manage', { provinceId: target.provinceId })) forbidden();
  return { user, target };
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.users');
  return { title: t('title') };
}

export default async function EditUserPage({ params }: Props) {
  const { target } = await loadTarget((await params).id);
  const [options, t] = await Promise.all([listScopeOptions(db(), target.provinceId), getTranslations('admin.users')]);
  return (
    <>
      <p className="mb-3">
        <Link prefetch={false} href="/admin/users" className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
          {t('back')}
        </Link>
      </p>
      <PageHeader title={t('editTitle', { username: target.username })}>
        <p className="mt-2 flex flex-wrap gap-1">
          {target.isActive ? <Badge tone="green">{t('active')}</Badge> : <Badge tone="neutral">{t('inactive')}</Badge>}
          {target.mustChangePassword ? <Badge tone="amber">{t('mustChange')}</Badge> : null}
        </p>
      </PageHeader>
      <div className="max-w-3xl space-y-8">
        <Section id="edit" title={t('editHeading')}>
          <Card roomy>
            <EditUserForm
              options={options}
              user={{
                userId: target.id,
                version: target.version,
                displayName: target.displayName,
                role: target.role,
                communeId: target.communeId === null ? '' : String(target.communeId),
                departmentId: target.departmentId === null ? '' : String(target.departmentId),
              }}
            />
          </Card>
        </Section>
        <Section id="status" title={t('statusHeading')}>
          <Card roomy>
            <UserStatusForm userId={target.id} version={target.version} isActive={target.isActive} />
          </Card>
        </Section>
        <Section id="reset" title={t('resetHeading')}>
          <Card roomy>
            <ResetPasswordForm userId={target.id} version={target.version} />
          </Card>
        </Section>
      </div>
    </>
  );
}
