import type { Metadata } from 'next';
import { after } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { loadDashboardCounts } from '@/lib/db/dashboard-queries';
import { listCampaignYears } from '@/lib/db/quota-year-queries';
import { ensureDailySnapshot } from '@/lib/db/snapshot-mutations';
import { compareCommune, computeDashboard, hasDashboardFilter, parseDashboardFilter } from '@/lib/domain/dashboard';
import { chooseCampaign, quotaYearCoverage, quotaYearNote, yearOf } from '@/lib/domain/quota-years';
import type { SearchParams } from '@/lib/domain/unit-list';
import { getFormatters } from '@/lib/i18n/server';
import type { AppLocale } from '@/lib/i18n/config';
import { DashboardAlert } from '@/components/dashboard/dashboard-alert';
import { DashboardCharts } from '@/components/dashboard/dashboard-charts';
import { StructureSection } from '@/components/dashboard/structure-section';
import { DashboardFilters } from '@/components/dashboard/dashboard-filters';
import { ElectedVacancies } from '@/components/dashboard/elected-vacancies';
import { HeadlineSection } from '@/components/dashboard/headline-section';
import { CompletenessHeadline } from '@/components/dashboard/completeness-headline';
import { ForecastLink } from '@/components/dashboard/forecast-link';
import { RatingsProgress } from '@/components/dashboard/ratings-progress';
import { RecruitmentProgress } from '@/components/dashboard/recruitment-progress';
import { OwnCommune } from '@/components/dashboard/own-commune';
import { SupportSummarySection } from '@/components/dashboard/support-summary';
import type { DashboardView } from '@/components/dashboard/view';
import { PageHeader } from '@/components/layout/page-header';
import { getProvinceForRequest, requirePermission } from '../../_lib/current-province';
import { provinceTitle } from '../../_lib/province-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('staffing.view');
  const province = await getProvinceForRequest();
  const date = today();
  after(() => ensureDailySnapshot(db(), province.id, date).catch((error) => console.error('Không ghi được số liệu hằng ngày:', error)));
  const [params, campaignYears] = await Promise.all([searchParams, listCampaignYears(db(), province.id)]);
  // The 5% campaign (docs/domain.md, Quota years and campaigns): `?year=` one of the years with phases up to today's, default the latest.
  const askedYear = Array.isArray(params.year) ? params.year[0] : params.year;
  const campaign = chooseCampaign(campaignYears, date, askedYear);
  const [counts, t, format, locale] = await Promise.all([
    loadDashboardCounts(db(), province.id, date, campaign.ok ? campaign.year : null),
    getTranslations(),
    getFormatters(),
    getLocale() as Promise<AppLocale>,
  ]);
  const districtOptions = counts.oldDistricts.map((d) => ({ code: d.code, name: d.name }));
  const parsed = parseDashboardFilter(params, new Set(districtOptions.map((d) => d.code)));
  const scopeName = provinceTitle(province.name, (name) => t('app.province', { name }));
  const yearChoice = { years: campaign.years, value: askedYear ?? '' };

  const header = (
    <PageHeader
      title={t('dashboard.title')}
      lead={t('dashboard.lead', { province: scopeName, date: format.date(date) })}
    />
  );

  if (!campaign.ok) {
    return (
      <>
        {header}
        <DashboardFilters filter={parsed.filter} oldDistricts={districtOptions} campaign={yearChoice} active />
        <DashboardAlert title={t('dashboard.badYear.title', { year: campaign.requested })} testId="dashboard-bad-year" resetLabel={t('dashboard.badFilter.reset')}>
          <p className="mt-1 text-sm">
            {campaign.years.length ? t('dashboard.badYear.years', { years: campaign.years.join(', ') }) : t('dashboard.badYear.none')}
          </p>
        </DashboardAlert>
      </>
    );
  }

  if (!parsed.ok) {
    return (
      <>
        {header}
        <DashboardFilters filter={parsed.filter} oldDistricts={districtOptions} campaign={yearChoice} active />
        <DashboardAlert title={t('dashboard.badFilter.title')} testId="dashboard-bad-filter" resetLabel={t('dashboard.badFilter.reset')}>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {parsed.invalid.map((field) => (
              <li key={field}>{t(`dashboard.badFilter.${field}`)}</li>
            ))}
          </ul>
        </DashboardAlert>
      </>
    );
  }

  const filter = parsed.filter;
  const data = computeDashboard(counts, filter);
  const comparison = user.role === 'commune_chairman' && user.communeId ? compareCommune(counts, user.communeId, filter.block) : null;
  const districtName = filter.district ? districtOptions.find((d) => d.code === filter.district)?.name : undefined;
  const scopeLabel = [
    districtName ?? scopeName,
    filter.mountainous ? t(`dashboard.filters.mountainousValues.${filter.mountainous}`) : null,
    filter.block ? t(`dashboard.filters.blocks.${filter.block}`) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const view: DashboardView = { counts, data, t, format, locale, scopeLabel, date };
  const secondment = data.headline.secondment;
  const communeQuotaNote = quotaYearNote(quotaYearCoverage(counts.communes.map((c) => c.quotaYear), yearOf(date)));
  const departmentQuotaNote = secondment ? quotaYearNote(quotaYearCoverage(data.departments.map((d) => d.quotaYear ?? null), secondment.year)) : null;

  return (
    <>
      {header}
      <DashboardFilters filter={filter} oldDistricts={districtOptions} campaign={yearChoice} active={hasDashboardFilter(filter) || campaign.requested} />
      <p className="-mt-3 mb-6 text-sm text-stone-700" data-testid="dashboard-scope">
        {t('dashboard.scope', { scope: scopeLabel, units: format.number(data.headline.units) })}
      </p>
      {comparison ? <OwnCommune comparison={comparison} scopeName={scopeName} view={view} /> : null}
      <HeadlineSection view={view} communeQuotaNote={communeQuotaNote} />
      <CompletenessHeadline user={user} provinceId={province.id} date={date} />
      <ForecastLink user={user} />
      <RatingsProgress user={user} provinceId={province.id} date={date} />
      <RecruitmentProgress user={user} provinceId={province.id} date={date} />
      <ElectedVacancies view={view} />
      <StructureSection provinceId={province.id} date={date} />
      <SupportSummarySection user={user} provinceId={province.id} />
      <DashboardCharts
        view={view}
        canSeeSecondments={can(user, 'secondment.view')}
        snapshot={can(user, 'snapshot.take') ? { takenToday: counts.snapshots.at(-1)?.takenOn === date } : null}
        campaignRequested={campaign.requested}
        departmentQuotaNote={departmentQuotaNote}
      />
    </>
  );
}
