import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { createProblemGroup } from '@/lib/actions/support/create-problem-group';
import { updateProblemGroup } from '@/lib/actions/support/update-problem-group';
import { db } from '@/lib/db/client';
import { listProblemGroups } from '@/lib/db/support-queries';
import { ActionForm } from '@/components/forms/action-form';
import { PageHeader } from '@/components/layout/page-header';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { requirePermission } from '../../../_lib/current-province';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('support.problemGroups');
  return { title: t('title') };
}

/** The administrator's catalogue of problem groups: add, rename, reorder, deactivate (never delete: requests keep theirs). */
export default async function ProblemGroupsPage() {
  const user = await requirePermission('problemGroup.manage');
  const [groups, t] = await Promise.all([listProblemGroups(db(), user.provinceId), getTranslations('support.problemGroups')]);
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      {groups.length === 0 ? <p className="text-sm text-stone-700">{t('empty')}</p> : null}
      <ul className="grid gap-3 lg:grid-cols-2" aria-label={t('caption')}>
        {groups.map((g) => (
          <Card as="li" key={g.id} data-testid="problem-group">
            <p className="mb-2 text-xs font-medium text-stone-600">{t('code')}: <code>{g.code}</code></p>
            <ActionForm
              id={`problem-group-${g.id}`}
              namespace="support"
              action={updateProblemGroup}
              stale={['support.problemGroups.errors.stale']}
              hidden={{ problemGroupId: g.id, version: g.version }}
              layout="grid"
              submitLabel={t('save')}
              tone="secondary"
              initial={{ nameVi: g.nameVi, nameEn: g.nameEn, sortOrder: String(g.sortOrder), isActive: g.isActive ? 'active' : 'inactive' }}
              fields={[
                { type: 'text', name: 'nameVi', label: t('nameVi'), required: true, maxLength: 200 },
                { type: 'text', name: 'nameEn', label: t('nameEn'), required: true, maxLength: 200 },
                { type: 'text', name: 'sortOrder', label: t('sortOrder'), required: true, maxLength: 6 },
                { type: 'radio', name: 'isActive', label: t('status'), inline: true, options: [{ value: 'active', label: t('active') }, { value: 'inactive', label: t('inactive') }] },
              ]}
            />
          </Card>
        ))}
      </ul>
      <Section id="add" title={t('add')}>
        <Card roomy className="max-w-2xl">
          <ActionForm
            id="problem-group-new"
            namespace="support"
            action={createProblemGroup}
            stale={['support.problemGroups.errors.stale']}
            layout="grid"
            submitLabel={t('create')}
            initial={{ sortOrder: String((groups.at(-1)?.sortOrder ?? 0) + 10) }}
            fields={[
              { type: 'text', name: 'code', label: t('code'), hint: t('codeHint'), required: true, maxLength: 40 },
              { type: 'text', name: 'sortOrder', label: t('sortOrder'), required: true, maxLength: 6 },
              { type: 'text', name: 'nameVi', label: t('nameVi'), required: true, maxLength: 200 },
              { type: 'text', name: 'nameEn', label: t('nameEn'), required: true, maxLength: 200 },
            ]}
          />
        </Card>
      </Section>
    </>
  );
}
