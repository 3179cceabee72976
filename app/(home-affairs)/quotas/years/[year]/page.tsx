import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { listCommuneQuotas } from '@/lib/db/quota-queries';
import { findQuotaYear, listDepartmentQuotas } from '@/lib/db/quota-year-queries';
import { confirmYearProblem, isDraftYear } from '@/lib/domain/quota-years';
import { getFormatters } from '@/lib/i18n/server';
import { QuotaYearSchema } from '@/lib/validation/quota';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { DepartmentQuotaForm } from '@/components/quotas/department-quota-form';
import { QuotaTable } from '@/components/quotas/quota-table';
import { StateBadge } from '@/components/ui/state-badge';
import { Section } from '@/components/ui/section';
import { StatCard } from '@/components/ui/stat-card';
import { requirePermission } from '../../../../_lib/current-province';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ year: string }> };

/** A quota year of the user's province; a year it does not have is unknown (404). */
async function loadYear(yearText: string) {
  const user = await requirePermission('quota.edit');
  const parsed = QuotaYearSchema.safeParse(yearText);
  if (!parsed.success || !/^\d{4}$/.test(yearText)) notFound();
  const year = await findQuotaYear(db(), user.provinceId, parsed.data);
  if (!year) notFound();
  return { user, year };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ year }, t] = await Promise.all([loadYear((await params).year), getTranslations('quotaYears')]);
  return { title: t('year.title', { year: String(year.year) }) };
}

/**
 * One quota year: its communes' and departments' quotas. A draft is edited here (the communes with the quota form of
 * each commune's page, the departments inline) and confirmed on its own screen; a draft counts nowhere.
 */
export default async function QuotaYearPage({ params }: Props) {
  const { user, year } = await loadYear((await params).year);
  const [communes, departments, t, tNav, format] = await Promise.all([
    listCommuneQuotas(db(), user.provinceId, year.year),
    listDepartmentQuotas(db(), user.provinceId, year.year),
    getTranslations('quotaYears'),
    getTranslations('nav'),
    getFormatters(),
  ]);
  const isDraft = isDraftYear(year);
  const mayConfirm = confirmYearProblem(year) === null && can(user, 'quota.year', { provinceId: user.provinceId });
  const selfHref = `/quotas/years/${year.year}`;
  return (
    <>
      <Breadcrumbs items={[{ label: tNav('quotas'), href: '/quotas' }, { label: t('title'), href: '/quotas/years' }, { label: String(year.year) }]} />
      <PageHeader title={t('year.title', { year: String(year.year) })}>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <StateBadge machine="quotaYear" state={year.status} />
          <span className="text-stone-700">
            {isDraft
              ? year.copiedFrom === null
                ? t('year.draftLead')
                : t('year.draftLeadCopied', { from: String(year.copiedFrom) })
              : t('year.confirmedLead')}
          </span>
        </p>
      </PageHeader>
      {isDraft ? (
        <div role="note" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" data-testid="draft-banner">
          <p className="font-semibold">{t('year.draftBanner', { year: String(year.year) })}</p>
          {mayConfirm ? (
            <p className="mt-2">
              <Link prefetch={false}
                href={`${selfHref}/confirm`}
                className="inline-flex items-center rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-red-800"
                data-testid="to-confirm"
              >
                {t('confirm.submit', { year: String(year.year) })}
              </Link>
            </p>
          ) : (
            <p className="mt-1">{t('year.confirmHomeAffairsOnly')}</p>
          )}
        </div>
      ) : null}
      <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t('list.communes')} value={format.number(year.communes)} />
        <StatCard label={t('list.communeQuota')} value={format.number(year.partyFront + year.government)} />
        <StatCard label={t('list.departments')} value={format.number(year.departments)} />
        <StatCard label={t('list.departmentQuota')} value={format.number(year.departmentQuota)} />
      </dl>
      <Section id="communes" title={t('year.communesHeading', { year: String(year.year) })} description={t('year.communesDescription')}>
        <QuotaTable rows={communes} year={year.year} />
      </Section>
      <Section id="departments" title={t('year.departmentsHeading', { year: String(year.year) })} description={t('year.departmentsDescription')}>
        {departments.length === 0 ? (
          <p className="text-sm text-stone-700">{t('year.noDepartments')}</p>
        ) : (
          <ul className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-xs" data-testid="department-quotas">
            {departments.map((d) => (
              <li key={d.id} className="border-b border-stone-100 pb-3 last:border-b-0 last:pb-0">
                <DepartmentQuotaForm department={d} year={year.year} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
