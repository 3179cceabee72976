import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { PageHeader } from '@/components/layout/page-header';
import { changePassword } from '@/lib/actions/auth/change-password';
import { requireUser } from '@/lib/auth/current-user';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.password');
  return { title: t('metaTitle') };
}

export default async function ChangePasswordPage() {
  const user = await requireUser();
  const t = await getTranslations('auth.password');
  return (
    <div className="mx-auto w-full max-w-md">
      <PageHeader title={t('title')} lead={t('lead')} />
      {user.mustChangePassword ? (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900">
          {t('mustChange')}
        </p>
      ) : null}
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <ChangePasswordForm action={changePassword} />
      </div>
    </div>
  );
}
