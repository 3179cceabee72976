import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { currentYear } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listQuotaYearRows } from '@/lib/db/quota-year-queries';
import { copySourceYear, isDraftYear, nextYearToOpen } from '@/lib/domain/quota-years';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { OpenQuotaYearForm } from '@/components/quotas/open-quota-year-form';
import { QuotaYearTable } from '@/components/quotas/quota-year-table';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { requirePermission } from '../../../_lib/current-province';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('quotaYears');
  return { title: t('title') };
}

/**
 * The province's quota years (decision 027): each draft or confirmed, with what it holds; Home Affairs opens the next
 * one here ("Mở năm biên chế mới"), a draft copied from the latest confirmed year.
 */
export default async function QuotaYearsPage() {
  const user = await requirePermission('quota.edit');
  const [years, t, tNav] = await Promise.all([listQuotaYearRows(db(), user.provinceId), getTranslations('quotaYears'), getTranslations('nav')]);
  const draft = years.find(isDraftYear) ?? null;
  const next = nextYearToOpen(years, currentYear());
  const mayOpen = can(user, 'quota.year', { provinceId: user.provinceId });
  return (
    <>
      <Breadcrumbs items={[{ label: tNav('quotas'), href: '/quotas' }, { label: t('title') }]} />
      <PageHeader title={t('title')} lead={t('lead')} />
      <Section id="years" title={t('list.heading')} description={t('list.description')}>
        {years.length ? <QuotaYearTable years={years} /> : <p className="text-sm text-stone-700">{t('list.empty')}</p>}
      </Section>
      <Section id="open" title={t('open.heading')} description={t('open.description')}>
        <Card roomy className="max-w-2xl">
          {draft ? (
            <p className="text-sm text-stone-800" data-testid="draft-open">
              {t('open.draftPending', { year: String(draft.year) })}{' '}
              <Link prefetch={false} href={`/quotas/years/${draft.year}`} className="font-semibold text-brand-800 underline hover:text-brand-900">
                {t('open.toDraft', { year: String(draft.year) })}
              </Link>
            </p>
          ) : mayOpen ? (
            <OpenQuotaYearForm nextYear={next} copiedFrom={copySourceYear(years, next)} />
          ) : (
            <p className="text-sm text-stone-700" data-testid="open-not-allowed">{t('open.homeAffairsOnly')}</p>
          )}
        </Card>
      </Section>
    </>
  );
}
