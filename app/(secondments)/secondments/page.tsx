import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { countForwardedByList, listAwaitingPlacement } from '@/lib/db/placement-queries';
import { quotaYearCoverage, quotaYearNote } from '@/lib/domain/quota-years';
import { getCompilation, listLists, listPhases } from '@/lib/db/secondment-queries';
import { isEditableList, mayTakeListAction, phaseState } from '@/lib/domain/secondment';
import { allowedOn } from '@/lib/actions/secondments/load';
import { getFormatters } from '@/lib/i18n/server';
import { FIELD_CODES } from '@/lib/validation/position';
import { createListAndOpen } from './actions';
import { createSecondmentPhase } from '@/lib/actions/secondments/create-secondment-phase';
import { extendSecondmentPhase } from '@/lib/actions/secondments/extend-secondment-phase';
import { PageHeader } from '@/components/layout/page-header';
import { ActionForm } from '@/components/forms/action-form';
import { PageNotice } from '@/components/secondments/page-notice';
import { CompilationTable } from '@/components/secondments/compilation-table';
import { QuotaYearNote } from '@/components/staffing/quota-year-note';
import { ListTable } from '@/components/secondments/list-table';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/section';
import { StatCard } from '@/components/ui/stat-card';
import { StateBadge } from '@/components/ui/state-badge';
import { DataTable, cellClass, headCellClass } from '@/components/ui/table';
import { requireSecondmentView } from './access';
import { firstParam, type SearchParams } from '@/lib/domain/unit-list';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('secondment');
  return { title: t('pages.title') };
}

const linkClass = 'font-semibold text-brand-800 underline hover:text-brand-900';
const downloadClass = 'inline-flex items-center rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-stone-800 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-50';

export default async function SecondmentsPage({ searchParams }: Props) {
  const user = await requireSecondmentView();
  const params = await searchParams;
  const date = today();
  const [t, tFields, format, phases] = await Promise.all([getTranslations('secondment'), getTranslations('fields'), getFormatters(), listPhases(db(), user.provinceId)]);
  const years = [...new Set(phases.map((p) => p.year))].sort((a, b) => b - a);
  const askedYear = Number(firstParam(params.year));
  const year = years.includes(askedYear) ? askedYear : (years[0] ?? Number(date.slice(0, 4)));
  const province = { provinceId: user.provinceId };
  const isOfficer = user.role === 'department_officer' && user.departmentId !== null;
  const isCommittee = can(user, 'secondment.review', province);
  const isStanding = can(user, 'secondment.decide', province);
  const mayPlace = can(user, 'secondment.place', province);
  const wholeProvince = !isOfficer;
  const fieldLabel = (code: string | null) => (code && (FIELD_CODES as readonly string[]).includes(code) ? tFields(code as (typeof FIELD_CODES)[number]) : (code ?? '—'));

  const [compilation, lists, forwardedByList, awaitingPlacement] = await Promise.all([
    getCompilation(db(), user.provinceId, year, isOfficer ? user.departmentId! : undefined),
    listLists(db(), user.provinceId, date, isOfficer ? { departmentId: user.departmentId! } : {}),
    isStanding ? countForwardedByList(db(), user.provinceId) : Promise.resolve(new Map<number, number>()),
    mayPlace ? listAwaitingPlacement(db(), user.provinceId) : Promise.resolve([]),
  ]);
  const yearLists = lists.filter((l) => l.phase.year === year);
  // Lists awaiting review: those the machine lets this user forward or return now.
  const toReview = lists.filter((l) => mayTakeListAction('forward', l.state, allowedOn(user, { provinceId: user.provinceId, departmentId: l.department.id })));
  const yearPhases = phases.filter((p) => p.year === year);

  return (
    <>
      <PageHeader title={t('pages.title')} lead={t(isOfficer ? 'pages.leadOfficer' : 'pages.lead')} />
      <PageNotice notice={params.notice} />
      
      {years.length > 1 ? (
        <nav aria-label={t('pages.years')} className="mb-6 flex flex-wrap gap-2 text-sm">
          {years.map((y) => (
            <Link prefetch={false} key={y} href={`/secondments?year=${y}`} aria-current={y === year ? 'page' : undefined} className={`rounded-md px-3 py-1.5 ring-1 ring-inset ${y === year ? 'bg-brand-700 font-semibold text-white ring-brand-700' : 'bg-white text-stone-800 ring-stone-300 hover:bg-stone-50'}`}>
              {y}
            </Link>
          ))}
        </nav>
      ) : null}

      {isOfficer ? (
        <OfficerView
          t={t}
          format={format}
          year={year}
          row={compilation[0] ?? null}
          phases={yearPhases}
          lists={yearLists}
          date={date}
        />
      ) : null}

      {isCommittee ? (
        <Section id="inbox" title={t('pages.inboxHeading')} description={t('pages.inboxDescription')}>
          {toReview.length === 0 ? (
            <p className="text-sm text-stone-700">{t('pages.inboxEmpty')}</p>
          ) : (
            <ListTable lists={toReview} label={t('pages.inboxHeading')} showJustification />
          )}
        </Section>
      ) : null}

      {isStanding ? (
        <Section id="awaiting-decision" title={t('pages.decisionHeading')} description={t('pages.decisionDescription')}>
          {lists.filter((l) => (forwardedByList.get(l.id) ?? 0) > 0).length === 0 ? (
            <p className="text-sm text-stone-700">{t('pages.decisionEmpty')}</p>
          ) : (
            <ListTable
              lists={lists.filter((l) => (forwardedByList.get(l.id) ?? 0) > 0)}
              label={t('pages.decisionHeading')}
              extra={{ heading: t('pages.awaitingDecision'), values: forwardedByList }}
            />
          )}
        </Section>
      ) : null}

      {mayPlace ? (
        <Section id="awaiting-placement" title={t('pages.placementHeading')} description={t('pages.placementDescription', { count: awaitingPlacement.length })}>
          {awaitingPlacement.length === 0 ? (
            <p className="text-sm text-stone-700">{t('pages.placementEmpty')}</p>
          ) : (
            <DataTable caption={t('pages.placementHeading')}>
              <thead>
                <tr>
                  <th scope="col" className={headCellClass}>{t('table.person')}</th>
                  <th scope="col" className={headCellClass}>{t('table.department')}</th>
                  <th scope="col" className={headCellClass}>{t('table.proposal')}</th>
                  <th scope="col" className={headCellClass}>{t('table.decision')}</th>
                  <th scope="col" className={headCellClass}>{t('table.placement')}</th>
                </tr>
              </thead>
              <tbody>
                {awaitingPlacement.map((c) => (
                  <tr key={c.candidateId}>
                    <th scope="row" className={`${cellClass} min-w-44 text-left font-normal`}>
                      <span className="block font-semibold">{c.cadre.fullName}</span>
                      <span className="numeric block text-xs text-stone-600">{c.cadre.code}</span>
                    </th>
                    <td className={`${cellClass} min-w-44`}>
                      <Link prefetch={false} href={`/secondments/lists/${c.listId}`} className="text-brand-800 underline hover:text-brand-900">
                        {c.department.name}
                      </Link>
                      <span className="block text-xs text-stone-600">{t('phaseLabel', { number: String(c.phase.number), year: String(c.phase.year) })}</span>
                    </td>
                    <td className={`${cellClass} min-w-40`}>
                      <span className="block">{t(`kinds.${c.kind}`)}</span>
                      <span className="block text-xs text-stone-700">{fieldLabel(c.field)}</span>
                      {c.preferredCommune ? <span className="block text-xs text-stone-700">{t('table.prefers', { commune: c.preferredCommune })}</span> : null}
                    </td>
                    <td className={`${cellClass} whitespace-nowrap`}>
                      {c.conclusion ? t('table.approvedBy', { number: c.conclusion.number, date: format.date(c.conclusion.date) }) : '—'}
                    </td>
                    <td className={cellClass}>
                      <Link prefetch={false} href={`/secondments/candidates/${c.candidateId}/place`} className={linkClass}>
                        {t('table.place')}
                        <span className="sr-only"> {c.cadre.fullName}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </Section>
      ) : null}

      {wholeProvince ? (
        <Section
          id="compilation"
          title={t('compilation.heading', { year: String(year) })}
          description={t('compilation.description')}
          actions={
            <div className="flex flex-wrap gap-2">
              <a href={`/api/exports/secondments?year=${year}`} className={downloadClass} download>
                {t('compilation.download')}
              </a>
              {/* The PDF is a Vietnamese administrative document whatever the reader's language. */}
              <a href={`/api/exports/secondments?year=${year}&format=pdf`} className={downloadClass} download>
                {t('compilation.downloadPdf')}
              </a>
            </div>
          }
        >
          <QuotaYearNote
            note={quotaYearNote(quotaYearCoverage(compilation.map((r) => r.quotaYear ?? null), year))}
            units="departments"
            testId="compilation-quota-year"
            className="mb-3 text-sm text-amber-900"
          />
          <CompilationTable rows={compilation} year={year} />
        </Section>
      ) : null}

      {isCommittee ? (
        <Section id="phases" title={t('phases.heading')} description={t('phases.description')}>
          <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
            <ul className="space-y-3">
              {phases.map((phase) => (
                <Card key={phase.id} as="li">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold text-stone-900">{t('phaseLabel', { number: String(phase.number), year: String(phase.year) })}</span>
                    <span className="text-sm text-stone-700">{t('phases.due', { date: format.date(phase.dueDate) })}</span>
                    <StateBadge machine="secondmentPhase" state={phaseState(phase.dueDate, date)} />
                    <span className="text-sm text-stone-600">{t('phases.lists', { count: phase.lists })}</span>
                  </p>
                  {phase.note ? <p className="mt-1 text-sm text-stone-700">{phase.note}</p> : null}
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm font-semibold text-brand-800">{t('phases.extend')}</summary>
                    <div className="mt-2">
                      <ActionForm
                        namespace="secondment"
                        id={`extend-${phase.id}`}
                        action={extendSecondmentPhase}
                        hidden={{ phaseId: phase.id, version: phase.version }}
                        submitLabel={t('phases.extendButton')}
                        tone="secondary"
                        layout="grid"
                        fields={[
                          { type: 'date', name: 'dueDate', label: t('phases.newDueDate'), required: true },
                          { type: 'text', name: 'note', label: t('phases.note'), maxLength: 500 },
                        ]}
                      />
                    </div>
                  </details>
                </Card>
              ))}
              {phases.length === 0 ? <li className="text-sm text-stone-700">{t('phases.none')}</li> : null}
            </ul>
            <Card>
              <h3 className="mb-2 font-semibold text-stone-900">{t('phases.create')}</h3>
              <ActionForm
                namespace="secondment"
                id="create-phase"
                action={createSecondmentPhase}
                hidden={{}}
                submitLabel={t('phases.createButton')}
                fields={[
                  { type: 'text', name: 'year', label: t('phases.year'), required: true, defaultValue: date.slice(0, 4), maxLength: 4 },
                  { type: 'text', name: 'number', label: t('phases.number'), required: true, defaultValue: String(Math.max(0, ...phases.filter((p) => p.year === Number(date.slice(0, 4))).map((p) => p.number)) + 1), maxLength: 2 },
                  { type: 'date', name: 'dueDate', label: t('phases.dueDate'), required: true },
                  { type: 'textarea', name: 'note', label: t('phases.note'), rows: 3, maxLength: 500 },
                ]}
              />
            </Card>
          </div>
        </Section>
      ) : null}

      {wholeProvince ? (
        <Section id="all-lists" title={t('pages.allListsHeading', { year: String(year) })} description={t('pages.allListsDescription', { count: yearLists.length })}>
          {yearLists.length === 0 ? <p className="text-sm text-stone-700">{t('pages.noLists')}</p> : <ListTable lists={yearLists} label={t('pages.allListsHeading', { year: String(year) })} />}
        </Section>
      ) : null}
    </>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<'secondment'>>>;

async function OfficerView({
  t, format, year, row, phases, lists, date,
}: {
  t: T;
  format: Awaited<ReturnType<typeof getFormatters>>;
  year: number;
  row: Awaited<ReturnType<typeof getCompilation>>[number] | null;
  phases: Awaited<ReturnType<typeof listPhases>>;
  lists: Awaited<ReturnType<typeof listLists>>;
  date: string;
}) {
  const listByPhase = new Map(lists.map((l) => [l.phase.id, l]));
  return (
    <>
      <Section id="figures" title={t('pages.figuresHeading', { department: row?.name ?? '', year: String(year) })}>
        <QuotaYearNote note={quotaYearNote(quotaYearCoverage([row?.quotaYear ?? null], year))} units="departments" testId="officer-quota-year" className="mb-3 text-sm text-amber-900" />
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <StatCard label={t('compilation.quota', { year: String(year) })} value={format.number(row?.quota ?? 0)} />
          <StatCard label={t('compilation.required')} value={format.number(row?.required ?? 0)} note={t('pages.requiredNote')} />
          <StatCard label={t('compilation.listed')} value={format.number(row?.listed ?? 0)} emphasis={row?.belowMinimum ? 'alert' : 'default'} note={row?.belowMinimum ? t('flags.belowMinimum') : undefined} />
          <StatCard label={t('compilation.meets')} value={format.number(row?.meets ?? 0)} />
          <StatCard label={t('compilation.approved')} value={format.number(row?.approved ?? 0)} />
          <StatCard label={t('compilation.placed')} value={format.number(row?.placed ?? 0)} />
        </dl>
      </Section>
      <Section id="my-lists" title={t('pages.myListsHeading')} description={t('pages.myListsDescription')}>
        {phases.length === 0 ? (
          <p className="text-sm text-stone-700">{t('phases.none')}</p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {phases.map((phase) => {
              const list = listByPhase.get(phase.id);
              return (
                <Card key={phase.id} as="li" data-testid={`phase-${phase.number}-${phase.year}`}>
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold text-stone-900">{t('phaseLabel', { number: String(phase.number), year: String(phase.year) })}</span>
                    <span className="text-sm text-stone-700">{t('phases.due', { date: format.date(phase.dueDate) })}</span>
                  </p>
                  {list ? (
                    <div className="mt-2 space-y-2 text-sm">
                      <p className="flex flex-wrap items-center gap-2">
                        <StateBadge machine="secondmentList" state={list.state} />
                        {list.overdue ? <Badge tone="red">{t('flags.overdue')}</Badge> : null}
                        {list.submittedLate ? <Badge tone="amber">{t('flags.late')}</Badge> : null}
                        <span className="text-stone-700">{t('pages.candidatesOnList', { count: list.candidates })}</span>
                      </p>
                      {list.hasOwnDueDate ? <p className="text-stone-700" data-testid="list-own-due">{t('pages.listDue', { date: format.date(list.dueDate) })}</p> : null}
                      <p>
                        <Link prefetch={false} href={`/secondments/lists/${list.id}`} className={linkClass}>
                          {isEditableList(list.state) ? t('pages.editList') : t('pages.openList')}
                        </Link>
                      </p>
                    </div>
                  ) : (
                    <div className="mt-2 space-y-2 text-sm">
                      <p className="text-stone-700">{phaseState(phase.dueDate, date) === 'closed' ? t('pages.noListOverdue') : t('pages.noList')}</p>
                      <ActionForm namespace="secondment" id={`create-list-${phase.id}`} action={createListAndOpen} hidden={{ phaseId: phase.id }} submitLabel={t('pages.createList')} />
                    </div>
                  )}
                </Card>
              );
            })}
          </ul>
        )}
      </Section>
    </>
  );
}
