import { COMMITTEES, EDUCATION_LEVELS, hasDashboardFilter, SITUATION_CATEGORIES } from '@/lib/domain/dashboard';
import { yearOf, type QuotaYearNote as QuotaYearNoteValue } from '@/lib/domain/quota-years';
import { localizedTitle } from '@/lib/i18n/server';
import { QuotaYearNote } from '@/components/staffing/quota-year-note';
import { Section } from '@/components/ui/section';
import { ChartCard } from './chart-card';
import { EmptyChart, Legend } from './chart-parts';
import {
  DEPARTMENT_FIGURES,
  departmentsTable,
  districtsTable,
  educationTable,
  fieldsTable,
  groupLabel,
  positionsTable,
  seatsTable,
  situationsTable,
  trendTable,
} from './chart-tables';
import { ColumnBars, HorizontalBars, TrendLines } from './lazy-charts';
import { COLORS } from './colors';
import { TakeSnapshotForm } from './take-snapshot-form';
import { fieldName, shorten, type DashboardView } from './view';

type Props = {
  view: DashboardView;
  canSeeSecondments: boolean;
  /** The snapshot form under the trend, when the user may take one, and whether today's is taken. */
  snapshot: { takenToday: boolean } | null;
  /** The campaign year was asked for (`?year=`), not the latest by default. */
  campaignRequested: boolean;
  departmentQuotaNote: QuotaYearNoteValue | null;
};

/** The dashboard's charts, each with its table (the accessible alternative) and notes. */
export function DashboardCharts({ view, canSeeSecondments, snapshot, campaignRequested, departmentQuotaNote }: Props) {
  const { data, t, format, locale } = view;
  const n = format.number;
  const tableLabel = t('dashboard.table.show');
  const secondment = data.headline.secondment;
  const departments = departmentsTable(view, canSeeSecondments);
  const trend = data.trend;
  return (
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
          table={districtsTable(view)}
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
              rows={data.situations.map((row) => ({ label: groupLabel(t, row.group), ...Object.fromEntries(SITUATION_CATEGORIES.map((c) => [c, row[c]])) }))}
              series={SITUATION_CATEGORIES.map((c) => ({ key: c, label: t(`dashboard.situations.categories.${c}`), color: COLORS.situation[c], stack: 'units' }))}
            />
          }
          table={situationsTable(view)}
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
              <EmptyChart text={t('dashboard.positions.empty')} />
            )
          }
          table={data.vacantPositions.length ? positionsTable(view) : null}
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
                rows={data.fields.map((f) => ({ label: shorten(fieldName(t, f.field), 28), needs: f.needs, keyVacancies: f.keyVacancies }))}
                series={[
                  { key: 'needs', label: t('dashboard.fields.needs'), color: COLORS.series[1], stack: 'field' },
                  { key: 'keyVacancies', label: t('dashboard.fields.keyVacancies'), color: COLORS.shortage, stack: 'field' },
                ]}
              />
            ) : (
              <EmptyChart text={t('dashboard.fields.empty')} />
            )
          }
          table={data.fields.length ? fieldsTable(view) : null}
          tableLabel={tableLabel}
        />
        <div className="lg:col-span-2">
          <ChartCard
            id="departments"
            title={secondment ? t('dashboard.departments.title', { year: secondment.year }) : t('dashboard.departments.titleNone')}
            description={t('dashboard.departments.description')}
            chart={
              departments ? (
                <HorizontalBars
                  locale={locale}
                  labelWidth={170}
                  perRow={52}
                  rows={data.departments.map((d) => ({ label: shorten(d.name, 28), required: d.required, listed: d.listed, meets: d.meets, approved: d.approved, placed: d.placed }))}
                  series={DEPARTMENT_FIGURES.map((k, i) => ({ key: k, label: t(`dashboard.departments.${k}`), color: COLORS.series[i] }))}
                />
              ) : (
                <EmptyChart text={t('dashboard.departments.noCampaign')} testId="departments-no-campaign" />
              )
            }
            note={
              <>
                <CampaignNote view={view} campaignRequested={campaignRequested} />
                <QuotaYearNote note={departmentQuotaNote} units="departments" testId="dashboard-department-quota-year" className="mt-1" />
                {hasDashboardFilter(data.filter) ? <p className="mt-1">{t('dashboard.departments.filterNote')}</p> : null}
              </>
            }
            table={departments}
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
              <EmptyChart text={t('dashboard.seats.notApplicable')} />
            )
          }
          table={seatsTable(view)}
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
          table={educationTable(view)}
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
                  <EmptyChart text={t('dashboard.trend.empty')} />
                )
              ) : (
                <EmptyChart text={t(`dashboard.trend.unavailable.${trend.reason}`)} testId="trend-unavailable" />
              )
            }
            note={<TrendNote view={view} />}
            table={trendTable(view)}
            tableLabel={tableLabel}
            links={
              snapshot ? (
                <div className="mt-2 border-t border-stone-100 pt-3">
                  <TakeSnapshotForm takenToday={snapshot.takenToday} />
                </div>
              ) : undefined
            }
          />
        </div>
      </div>
    </Section>
  );
}

/** The campaign shown, said when it is not this year's, with its phases, Conclusions and placements in force. */
function CampaignNote({ view, campaignRequested }: { view: DashboardView; campaignRequested: boolean }) {
  const { data, counts, t, format, date } = view;
  const n = format.number;
  const secondment = data.headline.secondment;
  if (!secondment) return null;
  const dateYear = yearOf(date);
  return (
    <>
      {secondment.year < dateYear ? (
        <p data-testid="dashboard-campaign-note">
          {campaignRequested
            ? t('dashboard.departments.earlierChosen', { year: secondment.year })
            : t('dashboard.departments.latestCampaign', { year: secondment.year, dateYear })}
        </p>
      ) : null}
      {counts.campaign ? (
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
    </>
  );
}

/** What the trend covers (one block only), and the recorded figures that explain a step in it. */
function TrendNote({ view }: { view: DashboardView }) {
  const { data, t, format } = view;
  const n = format.number;
  return (
    <>
      {data.trend.available && data.trend.scope === 'block' ? <p>{t('dashboard.trend.blockNote')}</p> : null}
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
  );
}
