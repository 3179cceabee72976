import { getTranslations } from 'next-intl/server';
import type { CommuneMovement } from '@/lib/domain/proposal-input';
import { quotaYearCoverage, quotaYearNote, yearOf } from '@/lib/domain/quota-years';
import type { CommuneStaffing, Rollup } from '@/lib/domain/types';
import type { UnitListQuery } from '@/lib/domain/unit-list';
import type { DeclaredVacancy, VacancyListQuery } from '@/lib/domain/vacancy-list';
import type { VacancyView } from '@/lib/exports/views';
import type { Formatters } from '@/lib/i18n/format';
import { ProjectedSummary } from '@/components/transfer-plan/projected-summary';
import { Section } from '@/components/ui/section';
import { DeclaredVacancyTable, VacancyFilters } from './declared-vacancies';
import { ExportLinks } from './export-links';
import { HeadlineFigures } from './headline-figures';

/**
 * The figures of an overview (the province's or one old district's): the headline figures of `rollup` over
 * `communes` as of `today`, with the quota year behind them, and what they become after the pending movements.
 */
export async function OverviewFigureSections({
  communes,
  rollup,
  pending,
  today,
  format,
  planHref,
}: {
  communes: readonly CommuneStaffing[];
  rollup: Rollup;
  pending: readonly CommuneMovement[];
  today: string;
  format: Formatters;
  /** The plan page for this scope, when the user may open it. */
  planHref?: string;
}) {
  const t = await getTranslations();
  return (
    <>
      <Section id="headline" title={t('overview.headline.heading')}>
        <HeadlineFigures rollup={rollup} quotaNote={quotaYearNote(quotaYearCoverage(communes.map((c) => c.quotaYear), yearOf(today)))} />
      </Section>
      <Section id="projected" title={t('transferPlan.projected.heading')}>
        <ProjectedSummary communes={communes} pending={pending} today={today} format={format} planHref={planHref} />
      </Section>
    </>
  );
}

/**
 * The declared vacancies of an overview: filters, export links (`exportSearch` is the export's query string)
 * and the filtered table, captioned with `scopeName`.
 */
export async function VacancyNeedsSection({
  vacancies,
  view,
  query,
  unitQuery,
  basePath,
  exportSearch,
  scopeName,
  oldDistricts,
  linkable,
  format,
}: {
  vacancies: DeclaredVacancy[];
  view: VacancyView;
  query: VacancyListQuery;
  unitQuery: UnitListQuery;
  basePath: string;
  exportSearch: string;
  scopeName: string;
  oldDistricts?: { code: string; name: string }[];
  linkable: (communeId: number) => boolean;
  format: Formatters;
}) {
  const t = await getTranslations();
  return (
    <Section
      id="needs"
      title={t('vacancyViews.heading')}
      description={t('vacancyViews.showing', { shown: format.number(view.rows.length), total: format.number(vacancies.length) })}
      actions={<ExportLinks route="/api/exports/vacancies" search={exportSearch} label={t('vacancyViews.export')} testId="vacancy-export" />}
    >
      <VacancyFilters query={query} basePath={basePath} vacancies={vacancies} oldDistricts={oldDistricts} unitQuery={unitQuery} />
      <DeclaredVacancyTable view={view} total={vacancies.length} caption={t('vacancyViews.caption', { scope: scopeName })} linkable={linkable} />
    </Section>
  );
}
