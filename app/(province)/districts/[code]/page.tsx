import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { can } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { listPendingMovements } from '@/lib/db/movement-queries';
import { findOldDistrict, getProvinceStaffing } from '@/lib/db/staffing-queries';
import { listDeclaredVacancies } from '@/lib/db/vacancy-queries';
import { rollUp } from '@/lib/domain/staffing';
import { parseUnitListQuery, unitListParams, type SearchParams } from '@/lib/domain/unit-list';
import { parseVacancyListQuery, vacancyListParams } from '@/lib/domain/vacancy-list';
import { buildUnitView, buildVacancyView, communePageVisible, vacancyNotesVisible } from '@/lib/exports/views';
import { getFormatters } from '@/lib/i18n/server';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ExportLinks } from '@/components/staffing/export-links';
import { OverviewFigureSections, VacancyNeedsSection } from '@/components/staffing/overview-sections';
import { UnitFilters } from '@/components/staffing/unit-filters';
import { UnitTable } from '@/components/staffing/unit-table';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/section';
import { getProvinceForRequest, requirePermission } from '../../../_lib/current-province';
import { routeCode } from '@/lib/validation/route-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> };

// Aggregates only (no names): every role may see any old district of its province (docs/domain.md, Who sees what).
async function loadDistrict(rawCode: string) {
  const user = await requirePermission('staffing.view');
  const province = await getProvinceForRequest();
  const code = routeCode(rawCode);
  return { user, province, district: code === null ? null : await findOldDistrict(db(), province.id, code) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { district } = await loadDistrict((await params).code);
  return district ? { title: district.name } : {};
}

export default async function DistrictPage({ params, searchParams }: Props) {
  const { user, province, district } = await loadDistrict((await params).code);
  if (!district) notFound();
  const date = today();
  const [staffing, vacancies, t, format, search, pending] = await Promise.all([
    getProvinceStaffing(db(), province.id, { date }),
    listDeclaredVacancies(db(), province.id, { oldDistrictId: district.id }),
    getTranslations(),
    getFormatters(),
    searchParams,
    listPendingMovements(db(), province.id, date),
  ]);
  const communes = staffing.communes.filter((unit) => unit.oldDistrictId === district.id);
  // The page shows one district, so a district filter from the overview's URL does not apply here.
  const query = { ...parseUnitListQuery(search), district: '' };
  const vacancyQuery = { ...parseVacancyListQuery(search), district: '' };
  const unitView = buildUnitView(communes, query, { oldDistrictIdByCode: new Map(), showOldDistrict: false });
  const vacancyView = buildVacancyView(vacancies, vacancyQuery, { showOldDistrict: false, showNotes: vacancyNotesVisible(user) });
  const within = new URLSearchParams({ within: district.code });
  const wards = communes.filter((unit) => unit.kind === 'ward').length;
  const basePath = `/districts/${encodeURIComponent(district.code)}`;

  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.overview'), href: '/' }, { label: district.name }]} />
      <PageHeader
        eyebrow={t('district.eyebrow')}
        title={district.name}
        lead={t('district.lead', { units: communes.length, communes: communes.length - wards, wards })}
      >
        {district.mountainous ? (
          <p className="mt-2">
            <Badge tone="green">{t('district.mountainousDistrict')}</Badge>
          </p>
        ) : null}
      </PageHeader>
      <OverviewFigureSections
        communes={communes}
        rollup={rollUp(communes)}
        pending={pending}
        today={date}
        format={format}
        planHref={can(user, 'transfer.plan', { provinceId: province.id }) ? `/transfers/plan?od=${encodeURIComponent(district.code)}` : undefined}
      />
      <VacancyNeedsSection
        vacancies={vacancies}
        view={vacancyView}
        query={vacancyQuery}
        unitQuery={query}
        basePath={basePath}
        exportSearch={`${within}&${vacancyListParams(vacancyQuery)}`}
        scopeName={district.name}
        linkable={(communeId) => communePageVisible(user, communeId)}
        format={format}
      />
      <Section
        id="units"
        title={t('district.communesHeading')}
        description={t('overview.units.showing', { shown: format.number(unitView.rows.length), total: format.number(communes.length) })}
        actions={
          <ExportLinks route="/api/exports/units" search={`${within}&${unitListParams(query)}`} label={t('overview.export.table')} testId="unit-export" />
        }
      >
        <UnitFilters query={query} basePath={basePath} vacancyQuery={vacancyQuery} />
        <UnitTable
          rows={unitView.rows}
          query={query}
          basePath={basePath}
          caption={t('district.communesCaption', { name: district.name })}
          showOldDistrict={false}
          vacancyQuery={vacancyQuery}
          linkable={(communeId) => communePageVisible(user, communeId)}
        />
      </Section>
      <p className="mt-6">
        <Link prefetch={false} href="/" className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
          ← {t('district.back')}
        </Link>
      </p>
    </>
  );
}
