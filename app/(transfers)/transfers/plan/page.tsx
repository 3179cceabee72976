import type { Metadata } from 'next';
import { lastTwoRatings } from '@/lib/db/rating-queries';
import { listPlansInCommunes } from '@/lib/db/planning-queries';
import { PlannedInCommune } from '@/components/planning/planned-in-commune';
import { LastTwoRatings } from '@/components/ratings/last-two-ratings';
import { listShortProfiles } from '@/lib/db/people-profile-queries';
import { ShortProfile } from '@/components/people/short-profile';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { acceptProposals } from '@/lib/actions/transfers/accept-proposals';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { runPlan } from '@/lib/db/proposal-queries';
import { countVacantElectedPosts, electedPositionIds } from '@/lib/domain/elected-posts';
import { MAX_SELECTED_MOVES, matchSelection, moveFieldName, moveFieldValue, parseSelection, plannedMoveDate, toForecastMoves, toWhatIfMoves } from '@/lib/domain/plan-selection';
import { getForecastWithMoves } from '@/lib/db/forecast-queries';
import { DEFAULT_FORECAST_YEARS } from '@/lib/domain/forecast';
import { buildWhatIf, electedVacanciesAfter, movesToMovements } from '@/lib/domain/proposal-input';
import type { ProposalSummary, ProposedMove } from '@/lib/domain/proposals';
import { renderMoveReason, renderPlanExplanation } from '@/lib/i18n/plan-messages';
import { getFormatters } from '@/lib/i18n/server';
import { untyped } from '@/lib/i18n/translator';
import { PageHeader } from '@/components/layout/page-header';
import { PlanMovesForm } from '@/components/transfer-plan/plan-moves-form';
import { WhatIfTables } from '@/components/transfer-plan/what-if-tables';
import { WhatIfForecast } from '@/components/transfer-plan/what-if-forecast';
import { VacantElectedPostsTable } from '@/components/staffing/vacant-elected-posts-table';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/section';
import { TableContainer, cellClass, headCellClass, numericCellClass, numericHeadCellClass, tableClass } from '@/components/ui/table';
import { requirePermission } from '../../../_lib/current-province';
import { firstParam, type SearchParams } from '@/lib/domain/unit-list';

// The proposal engine in the app (decision 017): choose the province or an old
// district (GET), see the engine's plan beside the greedy baseline on the same data, the solver's diagnostics and
// the moves grouped by source commune; tick moves and either see the what-if (GET, the ticks in the address) or
// turn them into transfer proposals in one step (the accept action).

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('transferPlan');
  return { title: t('title') };
}

/** The first day of the month after `date` (YYYY-MM-DD): the accept form's default effective date. */
function firstOfNextMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

const linkClass = 'font-semibold text-brand-800 underline hover:text-brand-900';

export default async function TransferPlanPage({ searchParams }: Props) {
  const user = await requirePermission('transfer.plan');
  const params = await searchParams;
  const date = today();
  const province = await db().province.findUniqueOrThrow({ where: { id: user.provinceId }, select: { id: true, code: true, name: true } });
  // Nothing is computed until a scope is chosen (the form sends `od`, empty for the whole province).
  const requested = params.od !== undefined;
  const askedDistrict = (firstParam(params.od) ?? '').trim();
  const [t, te, messages, format, oldDistricts, run] = await Promise.all([
    getTranslations('transferPlan'),
    getTranslations('electedPosts'),
    getTranslations().then(untyped),
    getFormatters(),
    db().oldDistrict.findMany({ where: { provinceId: province.id }, select: { code: true, name: true } }),
    requested ? runPlan(db(), province, date, askedDistrict || null).then((r) => r ?? runPlan(db(), province, date, null)) : Promise.resolve(null),
  ]);
  oldDistricts.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const scopeForm = (
    <form method="get" action="/transfers/plan" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-xs" data-testid="plan-scope-form">
      <div>
        <label htmlFor="plan-scope" className="block text-sm font-medium text-stone-800">
          {t('scope.label')}
        </label>
        <select
          id="plan-scope"
          name="od"
          defaultValue={run?.oldDistrict?.code ?? ''}
          className="mt-1 block w-full min-w-64 rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-xs focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-700"
        >
          <option value="">{t('scope.province', { name: province.name })}</option>
          {oldDistricts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {t('scope.submit')}
      </button>
      <p className="w-full text-xs text-stone-600">{t('scope.hint', { date: format.date(date) })}</p>
    </form>
  );
  if (!run) {
    return (
      <>
        <PageHeader eyebrow={t('eyebrow')} title={t('title')} lead={t('lead')} />
        {scopeForm}
        <p className="mt-4 text-sm text-stone-700" data-testid="plan-choose">
          {t('scope.choose')}
        </p>
      </>
    );
  }
  const { data, oldDistrict, plan, greedy, vacantElectedPosts } = run;
  const unknownDistrict = askedDistrict !== '' && oldDistrict === null;
  const scopeName = oldDistrict ? oldDistrict.name : province.name;
  const selection = firstParam(params.all) === '1' ? plan.moves.map((m) => ({ cadreCode: m.cadreCode, toCommuneCode: m.toCommuneCode, positionCode: m.positionCode })) : parseSelection(Object.entries(params));
  const { moves: selected, missing } = matchSelection(plan.moves, selection ?? []);
  const selectedCodes = new Set(selected.map((m) => m.cadreCode));
  const communeIds = new Map(data.communes.map((c) => [c.code, c.communeId]));
  const whatIf = selected.length > 0 ? buildWhatIf(data.communes, data.pending, movesToMovements(toWhatIfMoves(selected, data.input), communeIds), date) : null;
  // The forecast after the ticked moves, counted from the effective date in the form (docs/decisions/042-retirement-and-forecast.md).
  const plannedDate = plannedMoveDate(firstParam(params.effectiveDate), date, firstOfNextMonth(date));
  const forecast = selected.length > 0 ? await getForecastWithMoves(db(), province.id, date, DEFAULT_FORECAST_YEARS, toForecastMoves(selected, data.input, plannedDate)) : null;
  const communes = new Map(data.input.communes.map((c) => [c.code, c]));
  const titles = new Map(data.input.positions.map((p) => [p.code, p.title]));
  const titlesById = new Map(data.input.positions.map((p) => [p.id, p.title]));
  const electedCount = countVacantElectedPosts(vacantElectedPosts);
  const electedAfterMoves = whatIf ? electedVacanciesAfter(whatIf, electedPositionIds(data.input.positions)) : [];
  const currentPosition = new Map(data.input.candidates.map((c) => [c.cadreId, c.positionCode]));
  const groups = groupBySource(plan.moves);
  // The last two years' ratings of the people the plan moves (docs/decisions/040-annual-ratings.md).
  const ratings = await lastTwoRatings(db(), plan.moves.map((m) => m.cadreId), date);
  // Whether each person moved is planned for a post in the target commune (docs/decisions/041-structure-and-planning.md).
  const plans = await listPlansInCommunes(db(), plan.moves.map((m) => m.cadreId), plan.moves.flatMap((m) => communes.get(m.toCommuneCode)?.id ?? []));
  // Each person's short profile instead of a bare code (docs/decisions/039-completeness-search-personal-history.md).
  const profiles = await listShortProfiles(db(), plan.moves.map((m) => m.cadreId), date);
  const canAccept = can(user, 'transfer.propose', { provinceId: province.id });
  const summaryRows: { label: string; engine: string; greedy: string }[] = [
    { label: t('summary.keyPlacesFilled'), engine: format.number(plan.summary.keyPlacesFilled), greedy: format.number(greedy.summary.keyPlacesFilled) },
    { label: t('summary.shortageCovered'), engine: format.number(plan.summary.shortageCovered), greedy: format.number(greedy.summary.shortageCovered) },
    { label: t('summary.shortageWeighted'), engine: format.number(plan.summary.shortageCoveredWeighted), greedy: format.number(greedy.summary.shortageCoveredWeighted) },
    { label: t('summary.moves'), engine: format.number(plan.summary.moves), greedy: format.number(greedy.summary.moves) },
    { label: t('summary.crossDistrictMoves'), engine: format.number(plan.summary.crossDistrictMoves), greedy: format.number(greedy.summary.crossDistrictMoves) },
    { label: t('summary.fieldNeedsMet'), engine: format.number(plan.summary.fieldNeedsMet), greedy: format.number(greedy.summary.fieldNeedsMet) },
  ];
  const solverText = (s: ProposalSummary) =>
    s.solverStatus === 'optimal' ? t('summary.optimal') : s.solverStatus === 'time_limit' ? t('summary.timeLimit', { gap: formatGap(s.optimalityGap) }) : s.solverStatus === 'not_needed' ? t('summary.notNeeded') : t('summary.greedy');

  return (
    <>
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} lead={t('lead')} />

      {scopeForm}
      {unknownDistrict ? (
        <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-900">
          {t('scope.unknown', { code: askedDistrict })}
        </p>
      ) : null}

      <Section id="summary" title={t('summary.heading', { scope: scopeName })} description={t('summary.description')}>
        {plan.summary.explanation ? (
          <p className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="plan-explanation">
            {renderPlanExplanation(messages, plan.summary.explanation)}
          </p>
        ) : null}
        <TableContainer label={t('summary.caption')}>
          <table className={tableClass} data-testid="plan-summary">
            <caption className="sr-only">{t('summary.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className={headCellClass}>
                  {t('summary.measure')}
                </th>
                <th scope="col" className={numericHeadCellClass}>
                  {t('summary.engine')}
                </th>
                <th scope="col" className={numericHeadCellClass}>
                  {t('summary.greedyPlan')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summaryRows.map((row) => (
                <tr key={row.label}>
                  <th scope="row" className={`${cellClass} text-left font-medium`}>
                    {row.label}
                  </th>
                  <td className={numericCellClass}>{row.engine}</td>
                  <td className={numericCellClass}>{row.greedy}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" className={`${cellClass} text-left font-medium`}>
                  {t('summary.solver')}
                </th>
                <td className={`${cellClass} text-right`}>{solverText(plan.summary)}</td>
                <td className={`${cellClass} text-right`}>{solverText(greedy.summary)}</td>
              </tr>
              <tr>
                <th scope="row" className={`${cellClass} text-left font-medium`}>
                  {t('summary.gap')}
                </th>
                <td className={numericCellClass}>{formatGap(plan.summary.optimalityGap)}</td>
                <td className={numericCellClass}>—</td>
              </tr>
            </tbody>
          </table>
        </TableContainer>
        <p className="mt-2 text-xs text-stone-600">{t('summary.objective')}</p>
        {electedCount.places > 0 ? (
          <p className="mt-2 text-sm text-stone-800" data-testid="plan-elected-note">
            {te('summaryNote', { places: electedCount.places, units: electedCount.units })}{' '}
            <a href="#elected-vacancies" className={linkClass}>
              {te('seeList')}
            </a>
          </p>
        ) : null}
        <details className="mt-3 rounded-md border border-stone-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer font-medium text-stone-800">{t('diagnostics.heading')}</summary>
          <p className="mt-2 text-stone-700">
            {t('diagnostics.size', { columns: format.number(plan.diagnostics.columns), rows: format.number(plan.diagnostics.rows), ms: format.number(Math.round(plan.diagnostics.ms)) })}
          </p>
          {plan.diagnostics.stages.length > 0 ? (
            <ul className="mt-1 list-disc pl-5 text-stone-700">
              {plan.diagnostics.stages.map((s, i) => (
                <li key={`${s.stage}-${i}`}>
                  {t('diagnostics.stage', {
                    stage: t(`diagnostics.stages.${s.stage}`),
                    method: s.method,
                    status: s.status,
                    objective: format.number(Math.round(s.objective)),
                    ms: format.number(Math.round(s.ms)),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </details>
      </Section>

      {whatIf ? (
        <Section id="what-if" title={t('whatIf.heading', { count: format.number(selected.length) })} description={t('whatIf.description')}>
          <WhatIfTables whatIf={whatIf} format={format} />
          <div className="mt-6" data-testid="what-if-people">
            <h3 className="text-base font-semibold text-stone-900">{messages('people.profile.selected')}</h3>
            <ul className="mt-2 grid gap-2 sm:grid-cols-2">
              {selected.map((m) => (
                <li key={m.cadreCode} className="rounded-md border border-stone-200 bg-white px-3 py-2 text-sm">
                  <ShortProfile profile={profiles.get(m.cadreId)} />
                  <span className="mt-0.5 block text-xs text-stone-700">{messages('people.profile.movesTo', { commune: communes.get(m.toCommuneCode)?.name ?? m.toCommuneCode })}</span>
                </li>
              ))}
            </ul>
          </div>
          {forecast ? <WhatIfForecast communes={forecast.input.communes} communeIds={forecast.communeIds} without={forecast.without} withMoves={forecast.with} date={plannedDate} format={format} /> : null}
          {electedAfterMoves.length > 0 ? (
            <div className="mt-6" data-testid="what-if-elected">
              <h3 className="text-base font-semibold text-stone-900">{te('whatIfHeading')}</h3>
              <p className="mb-2 mt-0.5 text-sm text-stone-600">{te('whatIfDescription')}</p>
              <VacantElectedPostsTable posts={electedAfterMoves} titles={titlesById} caption={te('whatIfHeading')} testId="what-if-elected-table" />
            </div>
          ) : null}
        </Section>
      ) : null}
      {selection === null || missing.length > 0 ? (
        <p role="status" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {selection === null ? t('whatIf.tooMany', { max: MAX_SELECTED_MOVES }) : t('whatIf.missing', { count: missing.length, moves: missing.map((m) => m.cadreCode).join(', ') })}
        </p>
      ) : null}

      <Section
        id="moves"
        title={t('moves.heading', { count: format.number(plan.moves.length) })}
        description={t('moves.description')}
        actions={
          plan.moves.length > 0 ? (
            <Link prefetch={false} href={`/transfers/plan?${new URLSearchParams({ od: oldDistrict?.code ?? '', all: '1' })}#what-if`} className={`text-sm ${linkClass}`}>
              {t('moves.whatIfAll')}
            </Link>
          ) : null
        }
      >
        {plan.moves.length === 0 ? (
          <p className="text-sm text-stone-700">{t('moves.none')}</p>
        ) : (
          <PlanMovesForm action={acceptProposals} oldDistrict={oldDistrict?.code ?? ''} canAccept={canAccept} defaultEffectiveDate={plannedDate}>
            <TableContainer label={t('moves.caption', { scope: scopeName })}>
              <table className={tableClass} data-testid="plan-moves">
                <caption className="sr-only">{t('moves.caption', { scope: scopeName })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={headCellClass}>
                      <span className="sr-only">{t('moves.select')}</span>
                    </th>
                    <th scope="col" className={headCellClass}>
                      {t('moves.cadre')}
                    </th>
                    <th scope="col" className={headCellClass}>
                      {t('moves.to')}
                    </th>
                    <th scope="col" className={headCellClass}>
                      {t('moves.position')}
                    </th>
                    <th scope="col" className={headCellClass}>
                      {t('moves.reason')}
                    </th>
                  </tr>
                </thead>
                {groups.map(([from, moves]) => {
                  const source = communes.get(from);
                  return (
                    <tbody key={from}>
                      <tr>
                        <th scope="rowgroup" colSpan={5} className="border-b border-stone-200 bg-stone-50 px-2.5 py-1.5 text-left text-sm font-semibold text-stone-900">
                          {source ? `${source.name} (${from})` : from}
                          <span className="ml-2 text-xs font-normal text-stone-600">
                            {source ? source.oldDistrict.name : ''} · {t('moves.fromCount', { count: moves.length })}
                          </span>
                        </th>
                      </tr>
                      {moves.map((m) => {
                        const id = `move-${m.cadreCode}`;
                        const target = communes.get(m.toCommuneCode);
                        return (
                          <tr key={m.cadreCode} data-testid="plan-move">
                            <td className={cellClass}>
                              <input
                                id={id}
                                type="checkbox"
                                name={moveFieldName(m)}
                                value={moveFieldValue(m)}
                                defaultChecked={selectedCodes.has(m.cadreCode)}
                                aria-label={t('moves.selectMove', { cadre: profiles.has(m.cadreId) ? `${profiles.get(m.cadreId)!.fullName} (${m.cadreCode})` : m.cadreCode, to: target?.name ?? m.toCommuneCode })}
                                className="mt-0.5 size-4 accent-brand-700"
                              />
                            </td>
                            <td className={`${cellClass} whitespace-nowrap`}>
                              <label htmlFor={id}>
                                <span className="font-medium text-stone-900">{profiles.get(m.cadreId)?.fullName}</span> <span className="font-mono text-xs">{m.cadreCode}</span>
                              </label>
                              <span className="block text-xs text-stone-600">{titles.get(currentPosition.get(m.cadreId) ?? '') ?? ''}</span>
                              <ShortProfile profile={profiles.get(m.cadreId)} withName={false} />
                              <span className="block">
                                <LastTwoRatings ratings={ratings.get(m.cadreId)} />
                              </span>
                            </td>
                            <td className={cellClass}>
                              {target ? target.name : m.toCommuneCode}
                              <PlannedInCommune plans={plans} cadreId={m.cadreId} communeId={target?.id ?? -1} />
                              <span className="block text-xs text-stone-600">{m.sameOldDistrict ? t('moves.sameDistrict') : target?.oldDistrict.name}</span>
                            </td>
                            <td className={cellClass}>
                              {titles.get(m.positionCode) ?? m.positionCode}
                              <span className="mt-0.5 flex flex-wrap gap-1">
                                {m.fillsKeyPosition ? <Badge tone="green">{t('moves.fillsKey')}</Badge> : null}
                                {!m.sameOldDistrict ? <Badge tone="amber">{t('moves.crossDistrict')}</Badge> : null}
                                <Badge tone="neutral">{m.block === 'party_front' ? t('moves.partyFront') : t('moves.government')}</Badge>
                              </span>
                            </td>
                            <td className={`${cellClass} text-stone-800`}>{renderMoveReason(messages, m.reason)}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  );
                })}
              </table>
            </TableContainer>
          </PlanMovesForm>
        )}
      </Section>

      <Section
        id="elected-vacancies"
        title={te('heading')}
        description={
          electedCount.places > 0
            ? te('planDescription', { places: electedCount.places, units: electedCount.units, scope: scopeName })
            : te('none', { scope: scopeName })
        }
      >
        {vacantElectedPosts.length > 0 ? <VacantElectedPostsTable posts={vacantElectedPosts} titles={titlesById} caption={te('caption', { scope: scopeName })} /> : null}
      </Section>
    </>
  );
}

function formatGap(gap: number | null): string {
  if (gap === null) return '—';
  return `${(gap * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;
}

function groupBySource(moves: readonly ProposedMove[]): [string, ProposedMove[]][] {
  const groups = new Map<string, ProposedMove[]>();
  for (const m of moves) {
    const group = groups.get(m.fromCommuneCode);
    if (group) group.push(m);
    else groups.set(m.fromCommuneCode, [m]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
