import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db/client';
import { findQuotaYear } from '@/lib/db/quota-year-queries';
import { confirmYearProblem } from '@/lib/domain/quota-years';
import { getFormatters } from '@/lib/i18n/server';
import { QuotaYearSchema } from '@/lib/validation/quota';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ConfirmQuotaYearForm } from '@/components/quotas/confirm-quota-year-form';
import { cellClass, headCellClass, numericCellClass, numericHeadCellClass, TableContainer, tableClass } from '@/components/ui/table';
import { requirePermission } from '../../../../../_lib/current-province';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ year: string }> };

async function loadDraft(yearText: string) {
  const user = await requirePermission('quota.year');
  const parsed = QuotaYearSchema.safeParse(yearText);
  if (!parsed.success || !/^\d{4}$/.test(yearText)) notFound();
  const year = await findQuotaYear(db(), user.provinceId, parsed.data);
  if (!year) notFound();
  const previous = year.copiedFrom === null ? null : await findQuotaYear(db(), user.provinceId, year.copiedFrom);
  return { year, previous };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ year }, t] = await Promise.all([loadDraft((await params).year), getTranslations('quotaYears')]);
  return { title: t('confirm.title', { year: String(year.year) }) };
}

/**
 * The confirm screen (decision 027): what the draft holds beside the year it was copied from, what confirming does
 * (irreversible: every figure from that year on counts it) and one button, in a form of its own. Home Affairs only.
 */
export default async function ConfirmQuotaYearPage({ params }: Props) {
  const { year, previous } = await loadDraft((await params).year);
  const [t, tNav, format] = await Promise.all([getTranslations('quotaYears'), getTranslations('nav'), getFormatters()]);
  const y = String(year.year);
  const mayConfirm = confirmYearProblem(year) === null;
  const rows: [string, number, number | null][] = [
    [t('list.communes'), year.communes, previous?.communes ?? null],
    [t('confirm.partyFront'), year.partyFront, previous?.partyFront ?? null],
    [t('confirm.government'), year.government, previous?.government ?? null],
    [t('list.departments'), year.departments, previous?.departments ?? null],
    [t('list.departmentQuota'), year.departmentQuota, previous?.departmentQuota ?? null],
  ];
  return (
    <>
      <Breadcrumbs
        items={[{ label: tNav('quotas'), href: '/quotas' }, { label: t('title'), href: '/quotas/years' }, { label: y, href: `/quotas/years/${y}` }, { label: t('confirm.crumb') }]}
      />
      <PageHeader title={t('confirm.title', { year: y })} lead={mayConfirm ? t('confirm.lead', { year: y }) : t('confirm.alreadyLead', { year: y })} />
      <div className="max-w-3xl space-y-6">
        <TableContainer label={t('confirm.caption', { year: y })}>
          <table className={tableClass} data-testid="confirm-summary">
            <caption className="sr-only">{t('confirm.caption', { year: y })}</caption>
            <thead>
              <tr>
                <th scope="col" className={headCellClass}>{t('confirm.figure')}</th>
                <th scope="col" className={numericHeadCellClass}>{t('confirm.thisYear', { year: y })}</th>
                <th scope="col" className={numericHeadCellClass}>{previous ? t('confirm.previousYear', { year: String(previous.year) }) : t('confirm.noPrevious')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, value, before]) => (
                <tr key={label}>
                  <th scope="row" className={`${cellClass} text-left font-normal`}>{label}</th>
                  <td className={`${numericCellClass} font-semibold`}>{format.number(value)}</td>
                  <td className={numericCellClass}>{before === null ? '—' : format.number(before)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
        {mayConfirm ? (
          <div className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-950">
            <p className="font-semibold">{t('confirm.irreversible')}</p>
            <p>{t('confirm.effect', { year: y })}</p>
            <ConfirmQuotaYearForm year={year.year} version={year.version} />
          </div>
        ) : (
          <p className="text-sm text-stone-800" data-testid="already-confirmed">
            {t('confirm.alreadyConfirmed', { year: y })}{' '}
            <Link prefetch={false} href={`/quotas?year=${y}`} className="font-semibold text-brand-800 underline hover:text-brand-900">
              {t('confirm.done', { year: y })}
            </Link>
          </p>
        )}
        <p>
          <Link prefetch={false} href={`/quotas/years/${y}`} className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
            {t('confirm.back', { year: y })}
          </Link>
        </p>
      </div>
    </>
  );
}
