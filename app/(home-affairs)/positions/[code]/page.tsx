import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db/client';
import { findPositionForEdit, isUnused } from '@/lib/db/position-queries';
import { getFormatters, localizedTitle } from '@/lib/i18n/server';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { DeletePositionForm } from '@/components/positions/delete-position-form';
import { EditPositionForm } from '@/components/positions/edit-position-form';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { requirePermission } from '../../../_lib/current-province';
import { fieldOptions } from '../field-options';
import { routeCode } from '@/lib/validation/route-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requirePermission('quota.edit');
  const code = routeCode((await params).code);
  const [position, t, locale] = await Promise.all([
    code === null ? null : findPositionForEdit(db(), user.provinceId, code),
    getTranslations('positions'),
    getLocale(),
  ]);
  return { title: position ? t('editTitle', { title: localizedTitle(locale, position) }) : t('title') };
}

/** One position of the catalogue: edit it (not its code), or delete it when it was never used. */
export default async function PositionPage({ params }: Props) {
  const user = await requirePermission('quota.edit');
  const code = routeCode((await params).code);
  if (code === null) notFound();
  const [position, fields, t, format, locale] = await Promise.all([
    findPositionForEdit(db(), user.provinceId, code),
    fieldOptions(),
    getTranslations(),
    getFormatters(),
    getLocale(),
  ]);
  const back = (
    <p className="mt-6">
      <Link prefetch={false} href="/positions" className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
        ← {t('positions.back')}
      </Link>
    </p>
  );
  if (!position) {
    // Deleted a moment ago (this is the page the delete form posted to) or earlier: say so; else unknown.
    const deleted = await db().auditLog.findFirst({
      where: { provinceId: user.provinceId, action: 'position.delete', before: { path: ['code'], equals: code } },
      select: { id: true },
    });
    if (!deleted) notFound();
    return (
      <>
        <Breadcrumbs items={[{ label: t('nav.positions'), href: '/positions' }, { label: code }]} />
        <PageHeader title={t('positions.title')} />
        <p role="status" className="max-w-2xl rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">
          {t('positions.deletedNotice', { code })}
        </p>
        {back}
      </>
    );
  }
  const title = localizedTitle(locale, position);
  const usage = {
    assignments: format.number(position.usage.assignments),
    vacancies: format.number(position.usage.vacancies),
    norms: format.number(position.usage.norms),
  };
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.positions'), href: '/positions' }, { label: title }]} />
      <PageHeader eyebrow={t('positions.eyebrow', { code: position.code })} title={t('positions.editTitle', { title })} />
      <div className="max-w-3xl space-y-8">
        <Section id="position-details" title={t('positions.editHeading')} description={t('positions.codeFixed', { code: position.code })}>
          <Card roomy>
            <EditPositionForm
              fields={fields}
              initial={{
                positionId: position.id,
                version: position.version,
                titleVi: position.titleVi,
                titleEn: position.titleEn,
                block: position.block ?? '',
                field: position.field ?? '',
                sortOrder: String(position.sortOrder),
                level: String(position.level),
                isKey: position.isKey,
                isElected: position.isElected,
                concurrentByDesign: position.concurrentByDesign,
              }}
            />
          </Card>
        </Section>
        <Section id="position-delete" title={t('positions.deleteHeading')} description={t('positions.deleteHint')}>
          <Card roomy>
            {isUnused(position.usage) ? (
              <DeletePositionForm positionId={position.id} version={position.version} />
            ) : (
              <p className="text-sm text-stone-800" data-testid="cannot-delete">
                {t('positions.cannotDelete', usage)}
              </p>
            )}
          </Card>
        </Section>
      </div>
      {back}
    </>
  );
}
