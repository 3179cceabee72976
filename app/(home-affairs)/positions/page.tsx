import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listCataloguePositions } from '@/lib/db/position-queries';
import { getFormatters } from '@/lib/i18n/server';
import { PageHeader } from '@/components/layout/page-header';
import { CreatePositionForm } from '@/components/positions/create-position-form';
import { PositionTable } from '@/components/positions/position-table';
import { Section } from '@/components/ui/section';
import { requirePermission } from '../../_lib/current-province';
import { fieldOptions } from './field-options';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('positions');
  return { title: t('title') };
}

/** The positions catalogue of the user's province (Home Affairs): the list, and a form to add one. */
export default async function PositionsPage() {
  const user = await requirePermission('quota.edit');
  const [rows, fields, t, format] = await Promise.all([
    listCataloguePositions(db(), user.provinceId, today()),
    fieldOptions(),
    getTranslations('positions'),
    getFormatters(),
  ]);
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <Section id="position-list" title={t('listHeading')} description={t('count', { count: format.number(rows.length) })}>
        <PositionTable rows={rows} />
      </Section>
      <Section id="create-position" title={t('createTitle')}>
        <div className="max-w-3xl rounded-lg border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
          <CreatePositionForm fields={fields} />
        </div>
      </Section>
    </>
  );
}
