import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { getProvinceContext, getProvinceStaffing } from '@/lib/db/staffing-queries';
import { compareVietnamese } from '@/lib/domain/vietnamese';
import { getFormatters } from '@/lib/i18n/server';
import { DistrictSummaryTable } from '@/components/staffing/district-summary-table';
import { ExportLinks } from '@/components/staffing/export-links';
import { HeadlineFigures } from '@/components/staffing/headline-figures';
import { ProvinceContext } from '@/components/staffing/province-context';
import { UnitFilters } from '@/components/staffing/unit-filters';
import { applyUnitListQuery, parseUnitListQuery, type SearchParams } from '@/components/staffing/unit-list-query';
import { UnitTable } from '@/components/staffing/unit-table';
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
  await requirePermission('staffing.view');
  const province = await getProvinceForRequest();
  const date = today();
  const [staffing, context, t, format, params] = await Promise.all([
    getProvinceStaffing(db(), province.id, { date }),
    getProvinceContext(db(), province.id, date),
    getTranslations(),
    getFormatters(),
    searchParams,
  ]);
  const query = parseUnitListQuery(params);
  const districts = [...staffing.oldDistricts].sort((a, b) => compareVietnamese(a.oldDistrictName, b.oldDistrictName));
  const units = applyUnitListQuery(
    staffing.communes,
    query,
    new Map(districts.map((district) => [district.oldDistrictCode, district.oldDistrictId])),
  );
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
      <Section id="headline" title={t('overview.headline.heading')}>
        <HeadlineFigures rollup={staffing.total} />
      </Section>
      <Section id="context" title={t('overview.context.heading')}>
        <ProvinceContext context={context} />
      </Section>
      <Section id="districts" title={t('overview.districts.heading')}>
        <DistrictSummaryTable districts={districts} total={staffing.total} />
      </Section>
      <Section
        id="units"
        title={t('overview.units.heading')}
        description={t('overview.units.showing', { shown: format.number(units.length), total: format.number(staffing.communes.length) })}
        actions={<ExportLinks />}
      >
        <UnitFilters
          query={query}
          basePath="/"
          oldDistricts={districts.map((district) => ({ code: district.oldDistrictCode, name: district.oldDistrictName }))}
        />
        <UnitTable units={units} query={query} basePath="/" caption={t('overview.units.caption')} />
      </Section>
    </>
  );
}
