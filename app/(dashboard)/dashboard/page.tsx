import type { Metadata } from 'next';
import Link from 'next/link';
import { after } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { loadDashboardCounts } from '@/lib/db/dashboard-queries';
import { listCampaignYears } from '@/lib/db/quota-year-queries';
import { ensureDailySnapshot } from '@/lib/db/snapshot-mutations';
import {
  COMMITTEES,
  compareCommune,
  computeDashboard,
  EDUCATION_LEVELS,
  hasDashboardFilter,
  parseDashboardFilter,
  SITUATION_CATEGORIES,
  type DashboardFilter,
  type SituationCategory,
  type UnitGroup,
} from '@/lib/domain/dashboard';
import { countVacantElectedPosts } from '@/lib/domain/elected-posts';
import { chooseCampaign, quotaYearCoverage, quotaYearNote, yearOf } from '@/lib/domain/quota-years';
import { compilationTotal } from '@/lib/domain/secondment';
import { DEFAULT_UNIT_QUERY, unitListParams, type SearchParams, type UnitListQuery } from '@/lib/domain/unit-list';
import { getFormatters, localizedTitle } from '@/lib/i18n/server';
import type { AppLocale } from '@/lib/i18n/config';
import { ChartCard, type ChartTable } from '@/components/dashboard/chart-card';
import { ColumnBars, HorizontalBars, TrendLines } from '@/components/dashboard/charts';
import { COLORS } from '@/components/dashboard/colors';
import { DashboardFilters } from '@/components/dashboard/dashboard-filters';
import { TakeSnapshotForm } from '@/components/dashboard/take-snapshot-form';
import { PageHeader } from '@/components/layout/page-header';
import { QuotaYearNote } from '@/components/staffing/quota-year-note';
import { VacantElectedPostsTable } from '@/components/staffing/vacant-elected-posts-table';
import { Section } from '@/components/ui/section';
import { StatCard } from '@/components/ui/stat-card';
import { getProvinceForRequest, requirePermission } from '../../_lib/current-province';
import { provinceTitle } from '../../_lib/province-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

/** The unit list (overview, or the old district's page) behind a figure, with the dashboard's filters carried over. */
function unitsHref(filter: DashboardFilter, changes: Partial<UnitListQuery> = {}): string {
  const query: UnitListQuery = {
    ...DEFAULT_UNIT_QUERY,
    block: filter.block,
    mountainous: filter.mountainous === 'yes',
    lowland: filter.mountainous === 'no',
    ...changes,
  };
  const district = changes.district ?? filter.district;
  const params = unitListParams({ ...query, district: '' }).toString();
  const base = district ? `/districts/${encodeURIComponent(district)}` : '/';
  return `${base}${params ? `?${params}` : ''}#units`;
}

/** The declared needs naming a field, in the overview's needs list, with the filters it supports. */
function needsHref(filter: DashboardFilter, field: string): string {
  const params = new URLSearchParams({ vwhat: `field:${field}` });
  if (filter.district) params.set('vdistrict', filter.district);
  if (filter.block) params.set('vblock', filter.block);
  if (filter.mountainous === 'yes') params.set('vmountainous', '1');
  return `/?${params}#needs`;
}

const GROUP_QUERY: Record<UnitGroup, Partial<UnitListQuery>> = {
  all: {},
  mountainous: { mountainous: true, lowland: false },
  disadvantaged: { disadvantaged: true },
  lowland: { lowland: true, mountainous: false },
};

function situationQuery(category: SituationCategory): Partial<UnitListQuery> {
  const gaps = category.endsWith('Gaps');
  const situation = category.replace('Gaps', '') as UnitListQuery['situation'];
  return { situation, keyGaps: gaps, noKeyGaps: !gaps };
}

/** The list of vacant elected posts starts open when it is short (an old district), folded for the province. */
const ELECTED_OPEN_UP_TO = 20;

const shorten = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

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
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900" data-testid="dashboard-bad-year">
          <p className="font-semibold">{t('dashboard.badYear.title', { year: campaign.requested })}</p>
          <p className="mt-1 text-sm">
            {campaign.years.length ? t('dashboard.badYear.years', { years: campaign.years.join(', ') }) : t('dashboard.badYear.none')}
          </p>
          <p className="mt-2 text-sm">
            <Link href="/dashboard" className="font-medium underline">
              {t('dashboard.badFilter.reset')}
            </Link>
          </p>
        </div>
      </>
    );
  }

  if (!parsed.ok) {
    return (
      <>
        {header}
        <DashboardFilters filter={parsed.filter} oldDistricts={districtOptions} campaign={yearChoice} active />
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900" data-testid="dashboard-bad-filter">
          <p className="font-semibold">{t('dashboard.badFilter.title')}</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {parsed.invalid.map((field) => (
              <li key={field}>{t(`dashboard.badFilter.${field}`)}</li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <Link href="/dashboard" className="font-medium underline">
              {t('dashboard.badFilter.reset')}
            </Link>
          </p>
        </div>
      </>
    );
  }

  const filter = parsed.filter;
  const data = computeDashboard(counts, filter);
  const { headline } = data;
  const comparison = user.role === 'commune_chairman' && user.communeId ? compareCommune(counts, user.communeId, filter.block) : null;
  const canTakeSnapshot = can(user, 'snapshot.take');
  const canSeeSecondments = can(user, 'secondment.view');
  const takenToday = counts.snapshots.at(-1)?.takenOn === date;
  const n = format.number;
  const link = (text: string, href: string, label?: string) => ({ text, href, label });
  const plain = (text: string) => ({ text });

  const districtName = filter.district ? districtOptions.find((d) => d.code === filter.district)?.name : undefined;
  const scopeParts = [
    districtName ?? scopeName,
    filter.mountainous ? t(`dashboard.filters.mountainousValues.${filter.mountainous}`) : null,
    filter.block ? t(`dashboard.filters.blocks.${filter.block}`) : null,
  ].filter(Boolean);
  const scopeLabel = scopeParts.join(' · ');
  const tableLabel = t('dashboard.table.show');

  // ---- tables (the charts' alternatives; every figure links to the communes behind it) ----
  const districtsTable: ChartTable = {
    caption: t('dashboard.districts.caption', { scope: scopeLabel }),
    columns: [t('dashboard.districts.name'), t('dashboard.figures.units'), t('dashboard.figures.quota'), t('dashboard.figures.headcount'), t('dashboard.figures.difference'), t('dashboard.figures.unitsShort')],
    rows: data.districts.map((d) => ({
      key: d.code,
      cells: [
        link(d.name, unitsHref(filter, { district: d.code })),
        plain(n(d.units)),
        plain(n(d.quota)),
        plain(n(d.headcount)),
        plain(format.signed(d.difference)),
        link(n(d.unitsShort), unitsHref(filter, { district: d.code, situation: 'short' }), t('dashboard.districts.shortLink', { name: d.name, count: n(d.unitsShort) })),
      ],
    })),
    footer: [plain(t('dashboard.table.total')), plain(n(headline.units)), plain(n(headline.quota)), plain(n(headline.headcount)), plain(format.signed(headline.difference)), plain(n(headline.unitsShort))],
  };

  const groupLabel = (group: UnitGroup) => t(`dashboard.situations.groups.${group}`);
  const situationsTable: ChartTable = {
    caption: t('dashboard.situations.caption', { scope: scopeLabel }),
    columns: [t('dashboard.situations.group'), ...SITUATION_CATEGORIES.map((c) => t(`dashboard.situations.categories.${c}`)), t('dashboard.figures.units')],
    rows: data.situations.map((row) => ({
      key: row.group,
      cells: [
        link(groupLabel(row.group), unitsHref(filter, GROUP_QUERY[row.group])),
        ...SITUATION_CATEGORIES.map((c) =>
          row[c] > 0
            ? link(n(row[c]), unitsHref(filter, { ...GROUP_QUERY[row.group], ...situationQuery(c) }), `${groupLabel(row.group)}: ${t(`dashboard.situations.categories.${c}`)} (${n(row[c])})`)
            : plain(n(0)),
        ),
        plain(n(row.units)),
      ],
    })),
  };

  const positionsTable: ChartTable = {
    caption: t('dashboard.positions.caption', { scope: scopeLabel }),
    columns: [t('dashboard.positions.position'), t('dashboard.positions.vacancies'), t('dashboard.positions.units')],
    rows: data.vacantPositions.map((p) => ({
      key: p.code,
      cells: [plain(localizedTitle(locale, p)), plain(n(p.vacancies)), link(n(p.units), unitsHref(filter, { keyGaps: true }), t('dashboard.positions.unitsLink'))],
    })),
  };

  const fieldName = (field: string) => (t.has(`fields.${field}` as never) ? t(`fields.${field}` as never) : field);
  const fieldsTable: ChartTable = {
    caption: t('dashboard.fields.caption', { scope: scopeLabel }),
    columns: [t('dashboard.fields.field'), t('dashboard.fields.needs'), t('dashboard.fields.keyVacancies'), t('dashboard.fields.total')],
    rows: data.fields.map((f) => ({
      key: f.field,
      cells: [
        plain(fieldName(f.field)),
        f.needs > 0 ? link(n(f.needs), needsHref(filter, f.field), t('dashboard.fields.needsLink', { field: fieldName(f.field) })) : plain(n(0)),
        f.keyVacancies > 0 ? link(n(f.keyVacancies), unitsHref(filter, { keyGaps: true }), t('dashboard.positions.unitsLink')) : plain(n(0)),
        plain(n(f.total)),
      ],
    })),
  };

  // The 5% section: the campaign shown, said when it is not this year's; no figure at all without a campaign.
  const secondment = headline.secondment;
  const dateYear = yearOf(date);
  const communeQuotaNote = quotaYearNote(quotaYearCoverage(counts.communes.map((c) => c.quotaYear), dateYear));
  const departmentQuotaNote = secondment ? quotaYearNote(quotaYearCoverage(data.departments.map((d) => d.quotaYear ?? null), secondment.year)) : null;
  const departmentsTable: ChartTable | null = secondment && data.departments.length ? {
    caption: t('dashboard.departments.caption', { year: secondment.year }),
    columns: [t('dashboard.departments.department'), ...(['required', 'listed', 'meets', 'approved', 'placed'] as const).map((k) => t(`dashboard.departments.${k}`))],
    rows: data.departments.map((d) => ({
      key: d.code,
      cells: [
        canSeeSecondments ? link(d.name, '/secondments') : plain(d.name),
        plain(n(d.required)), plain(n(d.listed)), plain(n(d.meets)), plain(n(d.approved)), plain(n(d.placed)),
      ],
    })),
    footer: [
      plain(t('dashboard.table.total')),
      plain(n(secondment.required)),
      plain(n(secondment.listed)),
      plain(n(compilationTotal(data.departments).meets)),
      plain(n(secondment.approved)),
      plain(n(secondment.placed)),
    ],
  } : null;

  const seatsTable: ChartTable | null = data.seats
    ? {
        caption: t('dashboard.seats.caption', { scope: scopeLabel }),
        columns: [t('dashboard.seats.committee'), t('dashboard.seats.planned'), t('dashboard.seats.appointed'), t('dashboard.seats.share')],
        rows: COMMITTEES.map((c) => ({
          key: c,
          cells: [
            link(t(`dashboard.seats.${c}`), unitsHref(filter)),
            plain(n(data.seats![c].planned)),
            plain(n(data.seats![c].appointed)),
            plain(format.percent(data.seats![c].appointed, data.seats![c].planned)),
          ],
        })),
      }
    : null;

  const educationTable: ChartTable = {
    caption: t('dashboard.education.caption', { scope: scopeLabel }),
    columns: [t('dashboard.education.level'), t('dashboard.education.people'), t('dashboard.education.share')],
    rows: EDUCATION_LEVELS.map((level) => ({
      key: level,
      cells: [link(t(`education.${level}`), unitsHref(filter)), plain(n(data.education[level])), plain(format.percent(data.education[level], data.education.total))],
    })),
    footer: [plain(t('dashboard.table.total')), plain(n(data.education.total)), plain(format.percent(data.education.total, data.education.total))],
  };

  const trend = data.trend;
  const trendHref = filter.district ? unitsHref(filter) : unitsHref({ ...filter, mountainous: '' });
  const trendTable: ChartTable | null = trend.available
    ? {
        caption: t(`dashboard.trend.caption.${trend.scope}`, { scope: scopeLabel }),
        columns: [t('dashboard.trend.date'), t('dashboard.figures.headcount'), t('dashboard.figures.difference'), t('dashboard.figures.keyVacancies')],
        rows: trend.points.map((p) => ({
          key: p.date,
          cells: [link(format.date(p.date), trendHref), plain(n(p.headcount)), plain(format.signed(p.difference)), plain(p.keyVacancies === null ? '–' : n(p.keyVacancies))],
        })),
      }
    : null;

  const differenceNote =
    headline.difference > 0
      ? t('dashboard.headline.surplus', { count: n(headline.difference) })
      : headline.difference < 0
        ? t('dashboard.headline.shortage', { count: n(-headline.difference) })
        : t('dashboard.headline.balanced');
  const ofUnits = (count: number) => `${n(count)}/${n(headline.units)}`;
  const elected = countVacantElectedPosts(data.vacantElectedPosts);
  const positionTitles = new Map(counts.keyPositions.map((p) => [p.id, localizedTitle(locale, p)]));

  return (
    <>
      {header}
      <DashboardFilters filter={filter} oldDistricts={districtOptions} campaign={yearChoice} active={hasDashboardFilter(filter) || campaign.requested} />
      <p className="-mt-3 mb-6 text-sm text-stone-700" data-testid="dashboard-scope">
        {t('dashboard.scope', { scope: scopeLabel, units: n(headline.units) })}
      </p>

      {comparison ? (
        <Section id="own-commune" title={t('dashboard.own.heading', { name: comparison.commune.name })}>
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-xs">
            <table className="data-table w-full border-collapse text-sm" data-testid="own-commune-table">
              <caption className="sr-only">{t('dashboard.own.caption', { name: comparison.commune.name })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="border-b border-stone-200 bg-stone-100 px-2.5 py-2 text-left text-xs font-semibold text-stone-700">{t('dashboard.own.figure')}</th>
                  <th scope="col" className="border-b border-stone-200 bg-stone-100 px-2.5 py-2 text-right text-xs font-semibold text-stone-700">{comparison.commune.name}</th>
                  <th scope="col" className="border-b border-stone-200 bg-stone-100 px-2.5 py-2 text-right text-xs font-semibold text-stone-700">{scopeName}</th>
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ['quota', n(comparison.commune.quota), n(comparison.province.quota)],
                    ['headcount', n(comparison.commune.headcount), n(comparison.province.headcount)],
                    ['difference', format.signed(comparison.commune.difference), format.signed(comparison.province.difference)],
                    ['keyVacancies', n(comparison.commune.keyVacancies), n(comparison.province.keyVacancies)],
                    [
                      'situation',
                      t(`dashboard.situations.categories.${comparison.commune.situation}`),
                      t('dashboard.own.provinceSituation', { short: n(comparison.province.unitsShort), gaps: n(comparison.province.unitsKeyGaps), units: n(comparison.province.units) }),
                    ],
                  ] as const
                ).map(([key, own, all]) => (
                  <tr key={key}>
                    <th scope="row" className="border-b border-stone-100 px-2.5 py-1.5 text-left font-normal">{t(`dashboard.own.${key}`)}</th>
                    <td className="numeric border-b border-stone-100 px-2.5 py-1.5 text-right font-semibold">{own}</td>
                    <td className="numeric border-b border-stone-100 px-2.5 py-1.5 text-right">{all}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-2 text-sm">
            <Link href={`/communes/${encodeURIComponent(comparison.commune.code)}`} className="font-medium text-brand-800 underline hover:text-brand-900">
              {t('dashboard.own.open', { name: comparison.commune.name })}
            </Link>
          </p>
        </Section>
      ) : null}

      <Section id="headline" title={t('dashboard.headline.heading')} description={scopeLabel}>
        <QuotaYearNote note={communeQuotaNote} units="communes" testId="dashboard-quota-year" className="-mt-1 mb-3 text-sm text-amber-900" />
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="dashboard-headline">
          <StatCard label={t('dashboard.figures.quota')} value={n(headline.quota)} />
          <StatCard label={t('dashboard.figures.headcount')} value={n(headline.headcount)} />
          <StatCard
            label={t('dashboard.figures.difference')}
            value={format.signed(headline.difference)}
            note={differenceNote}
            emphasis={headline.difference < 0 ? 'alert' : headline.difference > 0 ? 'surplus' : 'default'}
          />
          <StatCard label={t('dashboard.figures.keyVacancies')} value={n(headline.keyVacancies)} emphasis={headline.keyVacancies > 0 ? 'alert' : 'default'} />
          <StatCard
            label={t('dashboard.figures.unitsShort')}
            value={<Link className="underline decoration-stone-300 underline-offset-4 hover:decoration-current" href={unitsHref(filter, { situation: 'short' })}>{ofUnits(headline.unitsShort)}</Link>}
          />
          <StatCard
            label={t('dashboard.figures.unitsKeyGaps')}
            value={<Link className="underline decoration-stone-300 underline-offset-4 hover:decoration-current" href={unitsHref(filter, { keyGaps: true })}>{ofUnits(headline.unitsKeyGaps)}</Link>}
          />
          <StatCard
            label={t('dashboard.figures.unitsBoth')}
            value={<Link className="underline decoration-stone-300 underline-offset-4 hover:decoration-current" href={unitsHref(filter, { situation: 'short', keyGaps: true })}>{ofUnits(headline.shortStaffedWithKeyGapsUnits)}</Link>}
            emphasis={headline.shortStaffedWithKeyGapsUnits > 0 ? 'alert' : 'default'}
          />
          {secondment ? (
            <StatCard
              label={t('dashboard.figures.secondment', { year: secondment.year })}
              value={secondment.required > 0 ? `${n(secondment.listed)}/${n(secondment.required)}` : n(secondment.listed)}
              note={
                (secondment.required > 0 ? '' : `${t('dashboard.headline.noMinimum')} `) +
                t('dashboard.headline.secondmentNote', { approved: n(secondment.approved), placed: n(secondment.placed) })
              }
            />
          ) : (
            <StatCard label={t('dashboard.figures.secondmentNone')} value="—" note={t('dashboard.headline.noCampaign')} />
          )}
        </dl>
      </Section>

      <Section
        id="elected-vacancies"
        title={t('electedPosts.heading')}
        description={
          elected.places > 0
            ? t('electedPosts.dashboardDescription', { places: elected.places, units: elected.units, scope: scopeLabel })
            : t('electedPosts.none', { scope: scopeLabel })
        }
      >
        <p className="mb-3 text-sm text-stone-800" data-testid="dashboard-elected-count">
          {t('electedPosts.count', { places: elected.places, units: elected.units })}
        </p>
        {data.vacantElectedPosts.length > 0 ? (
          <details className="rounded-lg border border-stone-200 bg-white p-3 shadow-xs" open={data.vacantElectedPosts.length <= ELECTED_OPEN_UP_TO}>
            <summary className="cursor-pointer text-sm font-medium text-stone-800">{t('electedPosts.show', { count: data.vacantElectedPosts.length })}</summary>
            <div className="mt-3">
              <VacantElectedPostsTable posts={data.vacantElectedPosts} titles={positionTitles} caption={t('electedPosts.caption', { scope: scopeLabel })} />
            </div>
          </details>
        ) : null}
      </Section>

      <Section id="charts" title={t('dashboard.charts.heading')} description={t('dashboard.charts.description')}>
        <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
          <ChartCard
            id="districts"
            title={t('dashboard.districts.title')}
            description={t('dashboard.districts.description')}
            chart={
              <HorizontalBars
                locale={locale}
                signed
                rows={data.districts.map((d) => ({ label: shorten(d.name), difference: d.difference }))}
                series={[{ key: 'difference', label: t('dashboard.figures.difference'), color: COLORS.surplus }]}
              />
            }
            note={<Legend items={[[COLORS.surplus, t('dashboard.legend.surplus')], [COLORS.shortage, t('dashboard.legend.shortage')]]} />}
            table={districtsTable}
            tableLabel={tableLabel}
          />
          <ChartCard
            id="situations"
            title={t('dashboard.situations.title')}
            description={t('dashboard.situations.description')}
            chart={
              <HorizontalBars
                locale={locale}
                labelWidth={130}
                perRow={44}
                rows={data.situations.map((row) => ({ label: groupLabel(row.group), ...Object.fromEntries(SITUATION_CATEGORIES.map((c) => [c, row[c]])) }))}
                series={SITUATION_CATEGORIES.map((c) => ({ key: c, label: t(`dashboard.situations.categories.${c}`), color: COLORS.situation[c], stack: 'units' }))}
              />
            }
            table={situationsTable}
            tableLabel={tableLabel}
          />
          <ChartCard
            id="positions"
            title={t('dashboard.positions.title')}
            description={t('dashboard.positions.description')}
            chart={
              data.vacantPositions.length ? (
                <HorizontalBars
                  locale={locale}
                  labelWidth={170}
                  rows={data.vacantPositions.map((p) => ({ label: shorten(localizedTitle(locale, p), 28), vacancies: p.vacancies }))}
                  series={[{ key: 'vacancies', label: t('dashboard.positions.vacancies'), color: COLORS.shortage }]}
                />
              ) : (
                <Empty text={t('dashboard.positions.empty')} />
              )
            }
            table={data.vacantPositions.length ? positionsTable : null}
            tableLabel={tableLabel}
          />
          <ChartCard
            id="fields"
            title={t('dashboard.fields.title')}
            description={t('dashboard.fields.description')}
            chart={
              data.fields.length ? (
                <HorizontalBars
                  locale={locale}
                  labelWidth={170}
                  rows={data.fields.map((f) => ({ label: shorten(fieldName(f.field), 28), needs: f.needs, keyVacancies: f.keyVacancies }))}
                  series={[
                    { key: 'needs', label: t('dashboard.fields.needs'), color: COLORS.series[1], stack: 'field' },
                    { key: 'keyVacancies', label: t('dashboard.fields.keyVacancies'), color: COLORS.shortage, stack: 'field' },
                  ]}
                />
              ) : (
                <Empty text={t('dashboard.fields.empty')} />
              )
            }
            table={data.fields.length ? fieldsTable : null}
            tableLabel={tableLabel}
          />
          <div className="lg:col-span-2">
            <ChartCard
              id="departments"
              title={secondment ? t('dashboard.departments.title', { year: secondment.year }) : t('dashboard.departments.titleNone')}
              description={t('dashboard.departments.description')}
              chart={
                departmentsTable ? (
                  <HorizontalBars
                    locale={locale}
                    labelWidth={170}
                    perRow={52}
                    rows={data.departments.map((d) => ({ label: shorten(d.name, 28), required: d.required, listed: d.listed, meets: d.meets, approved: d.approved, placed: d.placed }))}
                    series={(['required', 'listed', 'meets', 'approved', 'placed'] as const).map((k, i) => ({ key: k, label: t(`dashboard.departments.${k}`), color: COLORS.series[i] }))}
                  />
                ) : (
                  <Empty text={t('dashboard.departments.noCampaign')} testId="departments-no-campaign" />
                )
              }
              note={
                <>
                  {secondment && secondment.year < dateYear ? (
                    <p data-testid="dashboard-campaign-note">
                      {campaign.requested
                        ? t('dashboard.departments.earlierChosen', { year: secondment.year })
                        : t('dashboard.departments.latestCampaign', { year: secondment.year, dateYear })}
                    </p>
                  ) : null}
                  {secondment && counts.campaign ? (
                    <p className="mt-1" data-testid="dashboard-campaign">
                      {[
                        counts.campaign.phases.length
                          ? t('dashboard.campaign.phases', {
                              year: secondment.year,
                              phases: counts.campaign.phases
                                .map((p) => t('dashboard.campaign.phase', { number: p.number, dueDate: format.date(p.dueDate), lists: n(p.lists) }))
                                .join('; '),
                            })
                          : null,
                        counts.campaign.conclusions.length
                          ? t('dashboard.campaign.conclusions', {
                              conclusions: counts.campaign.conclusions
                                .map((c) => t('dashboard.campaign.conclusion', { number: c.number, date: format.date(c.date), approved: n(c.approved) }))
                                .join('; '),
                            })
                          : t('dashboard.campaign.noConclusion', { year: secondment.year }),
                        t('dashboard.campaign.placements', { count: n(counts.campaign.placementsInForce) }),
                      ]
                        .filter(Boolean)
                        .join(' ')}
                    </p>
                  ) : null}
                  <QuotaYearNote note={departmentQuotaNote} units="departments" testId="dashboard-department-quota-year" className="mt-1" />
                  {hasDashboardFilter(filter) ? <p className="mt-1">{t('dashboard.departments.filterNote')}</p> : null}
                </>
              }
              table={departmentsTable}
              tableLabel={tableLabel}
            />
          </div>
          <ChartCard
            id="seats"
            title={t('dashboard.seats.title')}
            description={t('dashboard.seats.description')}
            chart={
              data.seats ? (
                <ColumnBars
                  locale={locale}
                  height={240}
                  rows={COMMITTEES.map((c) => ({ label: t(`dashboard.seats.${c}`), planned: data.seats![c].planned, appointed: data.seats![c].appointed }))}
                  series={[
                    { key: 'planned', label: t('dashboard.seats.planned'), color: COLORS.neutral },
                    { key: 'appointed', label: t('dashboard.seats.appointed'), color: COLORS.series[0] },
                  ]}
                />
              ) : (
                <Empty text={t('dashboard.seats.notApplicable')} />
              )
            }
            table={seatsTable}
            tableLabel={tableLabel}
          />
          <ChartCard
            id="education"
            title={t('dashboard.education.title')}
            description={t('dashboard.education.description', { total: n(data.education.total) })}
            chart={
              <ColumnBars
                locale={locale}
                height={240}
                rows={EDUCATION_LEVELS.map((level) => ({ label: t(`education.${level}`), people: data.education[level] }))}
                series={[{ key: 'people', label: t('dashboard.education.people'), color: COLORS.series[0] }]}
              />
            }
            table={educationTable}
            tableLabel={tableLabel}
          />
          <div className="lg:col-span-2">
            <ChartCard
              id="trend"
              title={t('dashboard.trend.title')}
              description={t('dashboard.trend.description')}
              chart={
                trend.available ? (
                  trend.points.length ? (
                    <TrendLines
                      locale={locale}
                      rows={trend.points.map((p) => ({ label: format.date(p.date), headcount: p.headcount, difference: p.difference, keyVacancies: p.keyVacancies }))}
                      series={[
                        { key: 'headcount', label: t('dashboard.figures.headcount'), color: COLORS.series[0], axis: 'left' },
                        { key: 'difference', label: t('dashboard.figures.difference'), color: COLORS.series[1], axis: 'right' },
                        ...(trend.scope === 'block' ? [] : [{ key: 'keyVacancies', label: t('dashboard.figures.keyVacancies'), color: COLORS.shortage, axis: 'right' as const }]),
                      ]}
                    />
                  ) : (
                    <Empty text={t('dashboard.trend.empty')} />
                  )
                ) : (
                  <Empty text={t(`dashboard.trend.unavailable.${trend.reason}`)} testId="trend-unavailable" />
                )
              }
              note={
                <>
                  {trend.available && trend.scope === 'block' ? <p>{t('dashboard.trend.blockNote')}</p> : null}
                  {data.context.map((c) => (
                    <p key={`${c.date}-${c.key}`} className="mt-1" data-testid="trend-context">
                      {c.key === 'positions_handed_over'
                        ? t('dashboard.context.positions_handed_over', {
                            date: format.date(c.date),
                            value: n(c.value),
                            partyFront: n(c.parts?.party_front ?? 0),
                            government: n(c.parts?.government ?? 0),
                          })
                        : t('dashboard.context.other', { date: format.date(c.date), value: n(c.value), key: c.key })}{' '}
                      <span className="text-stone-600">{t('dashboard.context.source', { source: c.source })}</span>
                    </p>
                  ))}
                </>
              }
              table={trendTable}
              tableLabel={tableLabel}
              links={
                canTakeSnapshot ? (
                  <div className="mt-2 border-t border-stone-100 pt-3">
                    <TakeSnapshotForm takenToday={takenToday} />
                  </div>
                ) : undefined
              }
            />
          </div>
        </div>
      </Section>
    </>
  );
}

function Legend({ items }: { items: [string, string][] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700">
      {items.map(([color, label]) => (
        <li key={label} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ backgroundColor: color }} />
          {label}
        </li>
      ))}
    </ul>
  );
}

function Empty({ text, testId }: { text: string; testId?: string }) {
  return (
    <p className="rounded-md border border-dashed border-stone-300 bg-stone-50 px-3 py-6 text-center text-sm text-stone-700" data-testid={testId}>
      {text}
    </p>
  );
}
