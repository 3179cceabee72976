import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { listProblemGroups } from '@/lib/db/support-queries';
import { SUPPORT_URGENCIES } from '@/lib/domain/support';
import { newFormToken } from '@/lib/validation/form-token';
import { raiseSupportRequest } from '@/lib/actions/support/raise-support-request';
import { RaiseSupportForm } from '@/components/support/raise-form';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { Card } from '@/components/ui/card';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('support.raise');
  return { title: t('title') };
}

/** A chairman asks for support for his commune: the problem group, a subject, the difficulty, the urgency. */
export default async function RaiseSupportPage() {
  const user = await requireUser();
  if (!can(user, 'support.raise', { provinceId: user.provinceId, communeId: user.communeId })) forbidden();
  const [groups, t, locale] = await Promise.all([listProblemGroups(db(), user.provinceId, { activeOnly: true }), getTranslations(), getLocale()]);
  return (
    <>
      <Breadcrumbs items={[{ label: t('support.list.title'), href: '/support' }, { label: t('support.raise.title') }]} />
      <PageHeader title={t('support.raise.title')} lead={t('support.raise.lead')} />
      {user.communeId === null ? (
        <p className="text-sm text-stone-700">{t('support.raise.noCommune')}</p>
      ) : (
        <Card roomy className="max-w-2xl">
          <RaiseSupportForm
            action={raiseSupportRequest}
            token={newFormToken()}
            communeId={user.communeId}
            fields={[
              {
                type: 'select', name: 'problemGroupId', label: t('support.raise.problemGroup'), required: true,
                options: [{ value: '', label: t('support.raise.choose') }, ...groups.map((g) => ({ value: String(g.id), label: locale === 'en' ? g.nameEn : g.nameVi }))],
              },
              { type: 'text', name: 'title', label: t('support.raise.titleField'), required: true, maxLength: 200, wide: true },
              { type: 'textarea', name: 'description', label: t('support.raise.description'), required: true, maxLength: 5000, rows: 6 },
              {
                type: 'radio', name: 'urgency', label: t('support.raise.urgency'), required: true, inline: true, defaultValue: 'normal',
                options: SUPPORT_URGENCIES.map((u) => ({ value: u, label: t(`support.urgencies.${u}`) })),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
