import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { getForecast } from '@/lib/db/forecast-queries';
import { listPastRetirement } from '@/lib/db/retirement-queries';
import { DEFAULT_FORECAST_YEARS, MAX_FORECAST_YEARS, sumForecast } from '@/lib/domain/forecast';
import { firstParam, type SearchParams } from '@/lib/domain/unit-list';
import { matchesSearch } from '@/lib/domain/vietnamese';
import { getFormatters } from '@/lib/i18n/server';
import { PageHeader } from '@/components/layout/page-header';
import { ForecastCommuneTable, ForecastTotalsTable } from '@/components/forecast/forecast-tables';
import { PastRetirementList } from '@/components/retirement/past-retirement-list';
import { FilterForm } from '@/components/staffing/filter-form';
import { Section } from '@/components/ui/section';
import { requirePermission } from '../../_lib/current-province';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('forecast');
  return { title: t('title') };
}

/**
 * The staffing forecast (docs/decisions/042-retirement-and-forecast.md) for the province's bodies: per year, the
 * province and each old district, then each commune and block with its chart (charts once the list is narrowed to
 * an old district or a search), and the people past their retirement date. Filters live in the URL.
 */
export default async function ForecastPage({ searchParams }: Props) {
  const user = await requirePermission('report.view');
  const params = await searchParams;
  const yearsParam = Number(firstParam(params.years));
  const years = Number.isInteger(yearsParam) && yearsParam >= 1 && yearsParam <= MAX_FORECAST_YEARS ? yearsParam : DEFAULT_FORECAST_YEARS;
  const query = (firstParam(params.q) ?? '').trim().slice(0, 100);
  const date = today();
  const [{ input, result }, past, t, format] = await Promise.all([
    getForecast(db(), user.provinceId, date, years),
    listPastRetirement(db(), user.provinceId, date),
    getTranslations('forecast'),
    getFormatters(),
  ]);
  const districts = [...new Map(input.communes.map((c) => [c.oldDistrictId, c.oldDistrictName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  const districtParam = Number(firstParam(params.district));
  const district = districts.some(([id]) => id === districtParam) ? districtParam : null;
  const units = input.communes
    .filter((c) => (district === null || c.oldDistrictId === district) && (query === '' || matchesSearch(`${c.name} ${c.code}`, query)))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const inDistrict = (id: number) => result.rows.filter((r) => input.communes.find((c) => c.communeId === r.communeId)?.oldDistrictId === id);
  const filtered = district !== null || query !== '';
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead', { date: format.date(date), years })} />
      <FilterForm
        action="/forecast"
        label={t('filters')}
        search={{ id: 'forecast-q', name: 'q', label: t('search'), value: query, placeholder: t('searchPlaceholder') }}
        selects={[
          { id: 'forecast-district', name: 'district', label: t('district'), value: district === null ? '' : String(district), options: districts.map(([id, name]) => ({ value: String(id), label: name })) },
          { id: 'forecast-years', name: 'years', label: t('years'), value: params.years ? String(years) : '', options: Array.from({ length: MAX_FORECAST_YEARS }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })) },
        ]}
        checkboxes={[]}
        applyLabel={t('apply')}
        reset={filtered || params.years ? { href: '/forecast', label: t('reset') } : null}
        hidden={[]}
      />
      <p className="mb-4 text-sm text-stone-700">{t('legend')}</p>
      <div className="space-y-8">
        <Section id="totals" title={t('totalsHeading')}>
          <ForecastTotalsTable
            caption={t('totalsCaption')}
            testId="forecast-totals"
            years={result.years}
            format={format}
            groups={[
              { label: t('province'), totals: sumForecast(result.rows, result.years) },
              ...districts.map(([id, name]) => ({ label: name, totals: sumForecast(inDistrict(id), result.years) })),
            ]}
          />
        </Section>
        <Section id="communes" title={t('communesHeading')} description={filtered ? undefined : t('chartsHint')}>
          <ForecastCommuneTable
            units={units.map((c) => ({ id: c.communeId, code: c.code, name: c.name, oldDistrictName: c.oldDistrictName, headcountAtStart: c.headcount }))}
            rows={result.rows}
            years={result.years}
            format={format}
            charts={filtered}
          />
        </Section>
        <Section id="past-retirement" title={t('pastHeading')} description={t('pastLead')}>
          <PastRetirementList rows={past} format={format} showCommune manageHref={(row) => `/communes/${encodeURIComponent(row.communeCode)}/manage/person/${encodeURIComponent(row.code)}`} />
        </Section>
      </div>
    </>
  );
}
