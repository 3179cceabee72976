import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { findOldDistrict, getProvinceStaffing } from '@/lib/db/staffing-queries';
import { rollUp } from '@/lib/domain/staffing';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { HeadlineFigures } from '@/components/staffing/headline-figures';
import { applyUnitListQuery, parseUnitListQuery, type SearchParams } from '@/components/staffing/unit-list-query';
import { UnitTable } from '@/components/staffing/unit-table';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/section';
import { getProvinceForRequest, requirePermission } from '../../../_lib/current-province';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> };

// Aggregates only (no names): every role may see any old district of its province (rules.md "Sign-in").
async function loadDistrict(code: string) {
  await requirePermission('staffing.view');
  const province = await getProvinceForRequest();
  return { province, district: await findOldDistrict(db(), province.id, code) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { district } = await loadDistrict((await params).code);
  return district ? { title: district.name } : {};
}

export default async function DistrictPage({ params, searchParams }: Props) {
  const { province, district } = await loadDistrict((await params).code);
  if (!district) notFound();
  const [staffing, t, search] = await Promise.all([
    getProvinceStaffing(db(), province.id, { date: today() }),
    getTranslations(),
    searchParams,
  ]);
  const communes = staffing.communes.filter((unit) => unit.oldDistrictId === district.id);
  // The page shows one district, so a district filter from the overview's URL does not apply here.
  const query = { ...parseUnitListQuery(search), district: '' };
  const units = applyUnitListQuery(communes, query, new Map());
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
      <Section id="headline" title={t('overview.headline.heading')}>
        <HeadlineFigures rollup={rollUp(communes)} />
      </Section>
      <Section id="units" title={t('district.communesHeading')}>
        <UnitTable
          units={units}
          query={query}
          basePath={basePath}
          caption={t('district.communesCaption', { name: district.name })}
          showOldDistrict={false}
        />
      </Section>
      <p className="mt-6">
        <Link href="/" className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
          ← {t('district.back')}
        </Link>
      </p>
    </>
  );
}
