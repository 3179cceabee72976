import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { currentYear } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { findCommuneForEdit, listCommuneHistory, listKeyPositionNorms, listOldDistrictOptions, listQuotaYears } from '@/lib/db/quota-queries';
import { listQuotaYearRows } from '@/lib/db/quota-year-queries';
import { isDraftYear } from '@/lib/domain/quota-years';
import { localizedTitle } from '@/lib/i18n/server';
import { QuotaYearSchema } from '@/lib/validation/quota';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { CommuneAttributesForm } from '@/components/quotas/commune-attributes-form';
import { CommuneHistory } from '@/components/quotas/commune-history';
import { KeyPositionNormsForm } from '@/components/quotas/key-position-norms-form';
import { QuotaForm } from '@/components/quotas/quota-form';
import { Field } from '@/components/forms/field';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { requirePermission } from '../../../_lib/current-province';
import { routeCode } from '@/lib/validation/route-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Looked up in the user's province only: another province's code reads as unknown (404). */
async function loadCommune(rawCode: string) {
  const user = await requirePermission('quota.edit');
  const code = routeCode(rawCode);
  const commune = code === null ? null : await findCommuneForEdit(db(), user.provinceId, code);
  if (!commune) notFound();
  return { user, commune };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ commune }, t] = await Promise.all([loadCommune((await params).code), getTranslations()]);
  return { title: t('quotas.editTitle', { kind: t(`unitKind.${commune.kind}`), name: commune.name }) };
}

export default async function CommuneQuotaPage({ params, searchParams }: Props) {
  const { user, commune } = await loadCommune((await params).code);
  const query = await searchParams;
  const [provinceYears, yearRows, districts, history, norms, t, locale] = await Promise.all([
    listQuotaYears(db(), user.provinceId),
    listQuotaYearRows(db(), user.provinceId),
    listOldDistrictOptions(db(), user.provinceId),
    listCommuneHistory(db(), user.provinceId, commune.id),
    listKeyPositionNorms(db(), user.provinceId, commune.id),
    getTranslations(),
    getLocale(),
  ]);
  const positionTitles = new Map(norms.map((norm) => [norm.code, localizedTitle(locale, norm)]));
  // The province's quota years (a new one is opened as a draft at /quotas/years, decision 027) and the commune's own;
  // with none at all, this year, so a first quota can be set. The default is the commune's latest year in force.
  const draftYears = yearRows.filter(isDraftYear).map((y) => y.year);
  const years = [...new Set([...yearRows.map((y) => y.year), ...provinceYears, ...commune.quotasByYear.map((q) => q.year)])].sort((a, b) => b - a);
  if (years.length === 0) years.push(currentYear());
  const asked = QuotaYearSchema.safeParse(Array.isArray(query.year) ? query.year[0] : query.year);
  const inForce = commune.quotasByYear.find((q) => !draftYears.includes(q.year))?.year ?? years.find((y) => !draftYears.includes(y)) ?? years[0];
  const year = asked.success && years.includes(asked.data) ? asked.data : inForce;
  const quota = commune.quotasByYear.find((q) => q.year === year)?.quota ?? { party_front: null, government: null };
  const title = t('quotas.editTitle', { kind: t(`unitKind.${commune.kind}`), name: commune.name });
  const shown = (value: number | null) => (value === null ? t('quotas.notSet') : String(value));

  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.quotas'), href: `/quotas?year=${year}` }, { label: commune.name }]} />
      <PageHeader eyebrow={t('quotas.eyebrow', { code: commune.code, district: commune.oldDistrict.name })} title={title}>
        <p className="mt-2 text-sm">
          <Link prefetch={false} href={`/communes/${encodeURIComponent(commune.code)}`} className="font-medium text-brand-800 underline hover:text-brand-900">
            {t('quotas.viewCommune')}
          </Link>
        </p>
      </PageHeader>
      <div className="max-w-3xl space-y-8">
        <Section
          id="quota"
          title={t('quotas.quotaHeading', { year: String(year) })}
          description={t('quotas.currentFigures', { partyFront: shown(quota.party_front), government: shown(quota.government) })}
        >
          <Card roomy className="space-y-4">
            <form method="get" className="flex flex-wrap items-end gap-3">
              <div className="w-40">
                <Field
                  id="quota-year-select"
                  name="year"
                  label={t('quotas.chooseYear')}
                  defaultValue={String(year)}
                  options={years.map((y) => ({
                    value: String(y),
                    label: draftYears.includes(y) ? t('quotaYears.draftOption', { year: String(y) }) : String(y),
                  }))}
                />
              </div>
              <button
                type="submit"
                className="inline-flex items-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-stone-800 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
              >
                {t('quotas.showYear')}
              </button>
            </form>
            <p className="text-sm text-stone-600">{t('quotas.quotaDescription')}</p>
            {draftYears.includes(year) ? (
              <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm font-medium text-amber-950" data-testid="viewing-draft">
                {t('quotaYears.summary.viewingDraft', { year: String(year) })}
              </p>
            ) : null}
            <QuotaForm
              key={year}
              initial={{
                communeId: commune.id,
                version: commune.version,
                year,
                partyFront: quota.party_front === null ? '' : String(quota.party_front),
                government: quota.government === null ? '' : String(quota.government),
              }}
            />
          </Card>
        </Section>
        <Section id="attributes" title={t('communeAttributes.heading')} description={t('communeAttributes.description')}>
          <Card roomy>
            <CommuneAttributesForm
              districts={districts}
              initial={{
                communeId: commune.id,
                version: commune.version,
                oldDistrictId: String(commune.oldDistrictId),
                mountainous: commune.mountainous,
                extremelyDisadvantaged: commune.extremelyDisadvantaged,
                border: commune.border,
              }}
            />
          </Card>
        </Section>
        <Section id="norms" title={t('quotas.norms.heading')} description={t('quotas.norms.description')}>
          <Card roomy>
            <KeyPositionNormsForm
              communeId={commune.id}
              version={commune.version}
              norms={norms.map((norm) => ({ positionId: norm.positionId, title: positionTitles.get(norm.code) ?? norm.code, required: norm.required }))}
            />
          </Card>
        </Section>
        <Section id="history" title={t('quotas.historyHeading')} description={t('quotas.historyDescription')}>
          <CommuneHistory entries={history} positionTitles={positionTitles} />
        </Section>
      </div>
    </>
  );
}
