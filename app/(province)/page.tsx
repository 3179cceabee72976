import type { Metadata } from 'next';
import { after } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { can } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { listPendingMovements } from '@/lib/db/movement-queries';
import { ensureDailySnapshot } from '@/lib/db/snapshot-mutations';
import { getProvinceContext, getProvinceStaffing } from '@/lib/db/staffing-queries';
import { listDeclaredVacancies } from '@/lib/db/vacancy-queries';
import { pageOf, parsePageParam, UNIT_PAGE_SIZE } from '@/lib/domain/list-page';
import { parseUnitListQuery, unitListParams, type SearchParams } from '@/lib/domain/unit-list';
import { parseVacancyListQuery, vacancyListParams } from '@/lib/domain/vacancy-list';
import { compareVietnamese } from '@/lib/domain/vietnamese';
import { buildUnitView, buildVacancyView, communePageVisible, vacancyNotesVisible } from '@/lib/exports/views';
import { getFormatters } from '@/lib/i18n/server';
import { DistrictSummaryTable } from '@/components/staffing/district-summary-table';
import { ExportLinks, StatusReportLinks } from '@/components/staffing/export-links';
import { OverviewFigureSections, VacancyNeedsSection } from '@/components/staffing/overview-sections';
import { ProvinceContext } from '@/components/staffing/province-context';
import { UnitFilters } from '@/components/staffing/unit-filters';
import { unitListHref } from '@/components/staffing/unit-list-query';
import { UnitTable } from '@/components/staffing/unit-table';
import { ListPagination } from '@/components/ui/list-pagination';
import { PageHeader } from '@/components/layout/page-header';
import { Section } from '@/components/ui/section';
import { getProvinceForRequest, requirePermission } from '../_lib/current-province';
import { provinceTitle } from '../_lib/province-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('overview');
  return { title: t('title') };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('staffing.view');
  const province = await getProvinceForRequest();
  const date = today();
  // The lazy daily snapshot (docs/domain.md, Time and dates), after the response is sent: never delays the page.
  after(() => ensureDailySnapshot(db(), province.id, date).catch((error) => console.error('Không ghi được số liệu hằng ngày:', error)));
  const [staffing, context, vacancies, t, format, params, pending] = await Promise.all([
    getProvinceStaffing(db(), province.id, { date }),
    getProvinceContext(db(), province.id, date),
    listDeclaredVacancies(db(), province.id),
    getTranslations(),
    getFormatters(),
    searchParams,
    listPendingMovements(db(), province.id, date),
  ]);
  const query = parseUnitListQuery(params);
  const vacancyQuery = parseVacancyListQuery(params);
  const districts = [...staffing.oldDistricts].sort((a, b) => compareVietnamese(a.oldDistrictName, b.oldDistrictName));
  const districtOptions = districts.map((district) => ({ code: district.oldDistrictCode, name: district.oldDistrictName }));
  const unitView = buildUnitView(staffing.communes, query, {
    oldDistrictIdByCode: new Map(districts.map((district) => [district.oldDistrictCode, district.oldDistrictId])),
    showOldDistrict: true,
  });
  // One page of the units on screen (the download has them all): the page stays light on a phone's connection.
  const unitPage = pageOf(unitView.rows, parsePageParam(params), UNIT_PAGE_SIZE);
  const vacancyView = buildVacancyView(vacancies, vacancyQuery, { showOldDistrict: true, showNotes: vacancyNotesVisible(user) });
  const wards = staffing.communes.filter((unit) => unit.kind === 'ward').length;

  return (
    <>
      <PageHeader
        title={t('overview.title')}
        lead={t('overview.lead', {
          province: provinceTitle(province.name, (name) => t('app.province', { name })),
          units: format.number(staffing.total.units),
          communes: format.number(staffing.total.units - wards),
          wards: format.number(wards),
        })}
      />
      <OverviewFigureSections
        communes={staffing.communes}
        rollup={staffing.total}
        pending={pending}
        today={date}
        format={format}
        planHref={can(user, 'transfer.plan', { provinceId: province.id }) ? '/transfers/plan' : undefined}
      />
      <Section id="context" title={t('overview.context.heading')}>
        <ProvinceContext context={context} />
      </Section>
      <Section id="districts" title={t('overview.districts.heading')}>
        <DistrictSummaryTable districts={districts} total={staffing.total} />
      </Section>
      <VacancyNeedsSection
        vacancies={vacancies}
        view={vacancyView}
        query={vacancyQuery}
        unitQuery={query}
        basePath="/"
        exportSearch={vacancyListParams(vacancyQuery).toString()}
        scopeName={province.name}
        oldDistricts={districtOptions}
        linkable={(communeId) => communePageVisible(user, communeId)}
        format={format}
      />
      <Section
        id="units"
        title={t('overview.units.heading')}
        description={
          unitPage.pages > 1
            ? t('overview.units.showingPage', { from: format.number(unitPage.from), to: format.number(unitPage.to), shown: format.number(unitView.rows.length), total: format.number(staffing.communes.length) })
            : t('overview.units.showing', { shown: format.number(unitView.rows.length), total: format.number(staffing.communes.length) })
        }
        actions={<ExportLinks route="/api/exports/units" search={unitListParams(query).toString()} label={t('overview.export.table')} testId="unit-export" />}
      >
        <UnitFilters query={query} basePath="/" oldDistricts={districtOptions} vacancyQuery={vacancyQuery} />
        <UnitTable
          rows={unitPage.rows}
          query={query}
          basePath="/"
          caption={t('overview.units.caption')}
          vacancyQuery={vacancyQuery}
          linkable={(communeId) => communePageVisible(user, communeId)}
        />
        <ListPagination
          page={unitPage}
          anchor="units"
          href={(n) => {
            const base = unitListHref('/', query, {}, vacancyQuery);
            return n === 1 ? base : `${base}${base.includes('?') ? '&' : '?'}page=${n}`;
          }}
        />
        <StatusReportLinks />
      </Section>
    </>
  );
}
