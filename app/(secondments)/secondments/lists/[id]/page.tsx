import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import { resolveAuditNames } from '@/lib/db/audit-queries';
import { db } from '@/lib/db/client';
import { listCommuneOptions } from '@/lib/db/placement-queries';
import { findList, listTimeline, searchDepartmentStaff, type CandidateRow, type ListDetail } from '@/lib/db/secondment-queries';
import { getSubmissionCheck } from '@/lib/db/secondment-submission';
import { isEditableList, POST_KINDS, type CandidateWarning } from '@/lib/domain/secondment';
import { compareVietnamese } from '@/lib/domain/vietnamese';
import { getFormatters } from '@/lib/i18n/server';
import { FIELD_CODES } from '@/lib/validation/position';
import { addSecondmentCandidate } from '@/lib/actions/secondments/add-secondment-candidate';
import { removeSecondmentCandidate } from '@/lib/actions/secondments/remove-secondment-candidate';
import { assessSecondmentCandidate } from '@/lib/actions/secondments/assess-secondment-candidate';
import { decideAndShow, endAndShow, forwardListAndShow, returnListAndShow, submitListAndShow } from '../../actions';
import { AuditTimeline } from '@/components/audit/audit-timeline';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ActionForm } from '@/components/secondments/action-form';
import { PageNotice } from '@/components/secondments/page-notice';
import { CandidateStateBadge, ListStateBadge, WarningBadge } from '@/components/secondments/state-badge';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/section';
import { TableContainer, cellClass, headCellClass, tableClass } from '@/components/ui/table';
import { requirePermission } from '../../../../_lib/current-province';
import { requireSecondmentView } from '../../access';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The list in the user's province (else 404), which the user may see (a department officer: her own; else 403). */
async function loadList(rawId: string): Promise<{ user: SessionUser; list: ListDetail }> {
  // Those who may not see lists at all get 403 whatever the id; for the others an unknown id is 404.
  const user = await requireSecondmentView();
  const id = /^\d{1,9}$/.test(rawId) ? Number(rawId) : null;
  const list = id === null ? null : await findList(db(), user.provinceId, id, today());
  if (!list) notFound();
  await requirePermission('secondment.view', { provinceId: user.provinceId, departmentId: list.department.id });
  return { user, list };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ list }, t] = await Promise.all([loadList((await params).id), getTranslations('secondment')]);
  return { title: t('list.title', { department: list.department.name, number: String(list.phase.number), year: String(list.phase.year) }) };
}

export default async function SecondmentListPage({ params, searchParams }: Props) {
  const { user, list } = await loadList((await params).id);
  const query = await searchParams;
  const [t, tFields, tEmployment, format, communes, timeline] = await Promise.all([
    getTranslations('secondment'),
    getTranslations('fields'),
    getTranslations('employmentType'),
    getFormatters(),
    listCommuneOptions(db(), user.provinceId),
    listTimeline(db(), list.id),
  ]);
  const resource = { provinceId: user.provinceId, departmentId: list.department.id };
  const timelineNames = await resolveAuditNames(db(), user.provinceId, timeline, await getLocale());
  const selfHref = `/secondments/lists/${list.id}`;
  const fieldLabel = (code: string | null) => (code ? ((FIELD_CODES as readonly string[]).includes(code) ? tFields(code as (typeof FIELD_CODES)[number]) : code) : '—');
  const employmentLabel = (type: string) => (tEmployment.has(type as Parameters<typeof tEmployment>[0]) ? tEmployment(type as Parameters<typeof tEmployment>[0]) : type);

  const mayPropose = can(user, 'secondment.propose', resource) && isEditableList(list.state);
  const mayReview = can(user, 'secondment.review', resource) && list.state === 'submitted';
  const forwarded = list.candidatesDetail.filter((c) => c.state === 'forwarded');
  const mayDecide = can(user, 'secondment.decide', resource) && list.state === 'forwarded' && forwarded.length > 0;
  const mayPlace = can(user, 'secondment.place', resource);
  const toEnd = mayPlace ? list.candidatesDetail.filter((c) => c.state === 'placed' && c.secondment && c.secondment.endedOn === null) : [];

  // The department's figures for the phase year: the minimum and how far this list gets it (submit form).
  const minimumNote = mayPropose ? await getSubmissionCheck(db(), { id: list.id, departmentId: list.department.id, year: list.phase.year }) : null;
  const q = first(query.q);
  const staff = mayPropose && q !== undefined ? await searchDepartmentStaff(db(), list.department.id, q, today()) : null;
  const onList = new Set(list.candidatesDetail.map((c) => c.cadre.id));

  const title = t('list.title', { department: list.department.name, number: String(list.phase.number), year: String(list.phase.year) });
  const communeOptions = [...communes].sort((a, b) => compareVietnamese(a.name, b.name));
  const warningLabel = (w: CandidateWarning) => t(`warnings.${w}`);

  return (
    <>
      <Breadcrumbs items={[{ label: t('pages.title'), href: '/secondments' }, { label: title }]} />
      <PageHeader eyebrow={t('list.eyebrow')} title={title}>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <ListStateBadge state={list.state} label={t(`states.list.${list.state}`)} />
          {list.overdue ? <Badge tone="red">{t('flags.overdue')}</Badge> : null}
          {list.submittedLate ? <Badge tone="amber">{t('flags.late')}</Badge> : null}
        </div>
      </PageHeader>

            <PageNotice notice={query.notice} />
      <dl className="mb-8 grid gap-x-6 gap-y-3 rounded-lg border border-stone-200 bg-white p-4 text-sm shadow-xs sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-stone-600">{t('table.phase')}</dt>
          <dd className="font-medium">{t('phaseLabel', { number: String(list.phase.number), year: String(list.phase.year) })}</dd>
        </div>
        <div>
          <dt className="text-stone-600">{t('table.department')}</dt>
          <dd className="font-medium">{list.department.name}</dd>
        </div>
        <div>
          <dt className="text-stone-600">{t('table.dueDate')}</dt>
          <dd className="numeric font-medium">{format.date(list.phase.dueDate)}</dd>
        </div>
        <div>
          <dt className="text-stone-600">{t('table.submittedOn')}</dt>
          <dd className="font-medium">
            {list.submittedOn ? <span className="numeric">{format.date(list.submittedOn)}</span> : '—'}
            {list.round > 0 ? <span className="ml-1 font-normal text-stone-700">({t('list.round', { round: String(list.round) })})</span> : null}
          </dd>
        </div>
        {list.justification ? (
          <div className="sm:col-span-2 lg:col-span-4">
            <dt className="text-stone-600">{t('table.justification')}</dt>
            <dd className="mt-0.5 whitespace-pre-line rounded bg-amber-50 px-2 py-1 text-stone-900">{list.justification}</dd>
          </div>
        ) : null}
      </dl>

      <Section id="candidates" title={t('list.candidatesHeading')} description={t('list.candidatesCount', { count: list.candidatesDetail.length })}>
        {list.candidatesDetail.length === 0 ? (
          <p className="text-sm text-stone-700">{t('list.noCandidates')}</p>
        ) : (
          <CandidatesTable
            candidates={list.candidatesDetail}
            label={t('list.candidatesHeading')}
            t={t}
            format={format}
            fieldLabel={fieldLabel}
            employmentLabel={employmentLabel}
            warningLabel={warningLabel}
            placeHref={mayPlace ? (c) => (c.state === 'approved' ? `/secondments/candidates/${c.id}/place` : null) : () => null}
            remove={
              mayPropose
                ? (c) => (
                    <ActionForm
                      id={`remove-${c.id}`}
                      action={removeSecondmentCandidate}
                      hidden={{ listId: list.id, version: list.version, candidateId: c.id }}
                      submitLabel={t('forms.remove')}
                      tone="secondary"
                      reloadHref={selfHref}
                    />
                  )
                : null
            }
          />
        )}
      </Section>

      {mayPropose ? (
        <>
          <Section id="add" title={t('list.addHeading')} description={t('list.addDescription')}>
            <div className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
              <form method="get" action={selfHref} className="flex flex-wrap items-end gap-3" role="search">
                <div className="min-w-0 flex-1 sm:max-w-md">
                  <label htmlFor="staff-q" className="block text-sm font-medium text-stone-800">
                    {t('forms.search')}
                  </label>
                  <input
                    id="staff-q"
                    name="q"
                    type="search"
                    defaultValue={q ?? ''}
                    autoComplete="off"
                    aria-describedby="staff-q-hint"
                    className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-brand-700"
                  />
                  <p id="staff-q-hint" className="mt-1 text-xs text-stone-600">{t('forms.searchHint')}</p>
                </div>
                <button
                  type="submit"
                  className="mb-5 inline-flex items-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-stone-800 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
                >
                  {t('forms.searchButton')}
                </button>
              </form>
              {staff === null ? null : staff.length === 0 ? (
                <p className="text-sm text-stone-700">{t('forms.noStaff')}</p>
              ) : (
                <ActionForm
                  id="add-candidate"
                  action={addSecondmentCandidate}
                  hidden={{ listId: list.id, version: list.version }}
                  reloadHref={selfHref}
                  submitLabel={t('forms.add')}
                  layout="grid"
                  fields={[
                    {
                      type: 'radio',
                      name: 'cadreId',
                      label: t('forms.person', { count: staff.length }),
                      options: staff.map((s) => {
                        const blocked = s.blocked || onList.has(s.id);
                        return {
                          value: String(s.id),
                          label: `${s.fullName} (${s.code})`,
                          description: [s.currentPost, employmentLabel(s.employmentType), s.field ? fieldLabel(s.field) : null, blocked ? (onList.has(s.id) ? t('forms.onThisList') : t('forms.blocked')) : null]
                            .filter((v, i, all) => v && all.indexOf(v) === i)
                            .join(' · '),
                          disabled: blocked,
                        };
                      }),
                    },
                    { type: 'select', name: 'kind', label: t('forms.kind'), required: true, defaultValue: 'secondment', options: POST_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })) },
                    { type: 'select', name: 'field', label: t('forms.field'), options: [{ value: '', label: t('forms.fieldOwn') }, ...FIELD_CODES.map((code) => ({ value: code, label: tFields(code) }))] },
                    { type: 'select', name: 'preferredCommuneId', label: t('forms.preferredCommune'), options: [{ value: '', label: t('forms.noPreference') }, ...communeOptions.map((c) => ({ value: String(c.id), label: c.name }))] },
                  ]}
                />
              )}
            </div>
          </Section>
          <Section id="submit" title={t('list.submitHeading')} description={minimumNote ? t('list.minimumNote', { required: format.number(minimumNote.minimum), including: format.number(minimumNote.counted) }) : undefined}>
            <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
              {minimumNote?.belowMinimum ? (
                <p className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">{t('list.justificationNeeded')}</p>
              ) : null}
              <ActionForm
                id="submit-list"
                action={submitListAndShow}
                hidden={{ listId: list.id, version: list.version }}
                reloadHref={selfHref}
                submitLabel={t('forms.submit')}
                fields={[{ type: 'textarea', name: 'justification', label: t('forms.justification'), required: minimumNote?.belowMinimum, hint: t('forms.justificationHint'), rows: 4, maxLength: 2000 }]}
              />
            </div>
          </Section>
        </>
      ) : null}

      {mayReview ? (
        <>
          <Section id="assess" title={t('list.assessHeading')} description={t('list.assessDescription')}>
            <ul className="grid gap-3 lg:grid-cols-2">
              {list.candidatesDetail.map((c) => (
                <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-xs">
                  <p className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                    <span className="font-semibold text-stone-900">{c.cadre.fullName}</span>
                    <span className="numeric text-stone-600">{c.cadre.code}</span>
                    <CandidateStateBadge state={c.state} label={t(`states.candidate.${c.state}`)} />
                    {c.warnings.map((w) => (
                      <WarningBadge key={w} warning={w} label={warningLabel(w)} />
                    ))}
                  </p>
                  <ActionForm
                    id={`assess-${c.id}`}
                    action={assessSecondmentCandidate}
                    hidden={{ candidateId: c.id, version: c.version }}
                    reloadHref={selfHref}
                    submitLabel={t('forms.assess')}
                    tone="secondary"
                    fields={[
                      {
                        type: 'radio', name: 'meets', label: t('forms.meets'), inline: true,
                        defaultValue: c.state === 'meets' ? 'yes' : c.state === 'does_not_meet' ? 'no' : undefined,
                        options: [{ value: 'yes', label: t('forms.meetsYes') }, { value: 'no', label: t('forms.meetsNo') }],
                      },
                      { type: 'textarea', name: 'reason', label: t('forms.reason'), hint: t('forms.reasonHint'), rows: 2, maxLength: 1000, defaultValue: c.assessmentReason ?? undefined },
                    ]}
                  />
                </li>
              ))}
            </ul>
          </Section>
          <Section id="review" title={t('list.reviewHeading')}>
            <div className="grid gap-4 lg:grid-cols-2">
              <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
                <h3 className="mb-2 font-semibold text-stone-900">{t('forms.forwardHeading')}</h3>
                <ActionForm
                  id="forward-list"
                  action={forwardListAndShow}
                  hidden={{ listId: list.id, version: list.version }}
                  reloadHref={selfHref}
                  intro={t('forms.forwardIntro', { count: list.candidatesDetail.filter((c) => c.state === 'meets').length })}
                  submitLabel={t('forms.forward')}
                />
              </div>
              <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
                <h3 className="mb-2 font-semibold text-stone-900">{t('forms.returnHeading')}</h3>
                <ActionForm
                  id="return-list"
                  action={returnListAndShow}
                  hidden={{ listId: list.id, version: list.version }}
                  reloadHref={selfHref}
                  submitLabel={t('forms.return')}
                  tone="danger"
                  fields={[{ type: 'textarea', name: 'comment', label: t('forms.comment'), required: true, rows: 3, maxLength: 2000 }]}
                />
              </div>
            </div>
          </Section>
        </>
      ) : null}

      {mayDecide ? (
        <Section id="decide" title={t('list.decideHeading')} description={t('list.decideDescription', { count: forwarded.length })}>
          <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
            <ActionForm
              id="decide"
              action={decideAndShow}
              hidden={{ listId: list.id, version: list.version }}
              reloadHref={selfHref}
              submitLabel={t('forms.decide')}
              layout="grid"
              fields={[
                { type: 'radio', name: 'decision', label: t('forms.decision'), inline: true, defaultValue: 'approve', options: [{ value: 'approve', label: t('forms.approve') }, { value: 'decline', label: t('forms.decline') }] },
                { type: 'radio', name: 'scope', label: t('forms.scope'), inline: true, defaultValue: 'all', options: [{ value: 'all', label: t('forms.scopeAll', { count: forwarded.length }) }, { value: 'selected', label: t('forms.scopeSelected') }] },
                {
                  type: 'checkboxes', name: 'candidates', label: t('forms.candidates'), hint: t('forms.candidatesHint'),
                  options: forwarded.map((c) => ({ name: `candidate-${c.id}`, label: `${c.cadre.fullName} (${c.cadre.code})`, description: [c.cadre.currentPost, t(`kinds.${c.kind}`), fieldLabel(c.field)].filter(Boolean).join(' · ') })),
                },
                { type: 'text', name: 'conclusionNumber', label: t('forms.conclusionNumber'), placeholder: '599-KL/TU', hint: t('forms.conclusionNumberHint'), maxLength: 50 },
                { type: 'date', name: 'conclusionDate', label: t('forms.conclusionDate'), defaultValue: today() },
                { type: 'textarea', name: 'reason', label: t('forms.declineReason'), hint: t('forms.declineReasonHint'), rows: 2, maxLength: 1000 },
              ]}
            />
          </div>
        </Section>
      ) : null}

      {toEnd.length > 0 ? (
        <Section id="end" title={t('list.endHeading')} description={t('list.endDescription')}>
          <ul className="grid gap-3 lg:grid-cols-2">
            {toEnd.map((c) => (
              <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-xs">
                <p className="mb-2 text-sm">
                  <span className="font-semibold text-stone-900">{c.cadre.fullName}</span>{' '}
                  <span className="text-stone-700">
                    — {t('list.placementLine', { commune: c.secondment!.commune.name, position: c.secondment!.position, start: format.date(c.secondment!.startDate), end: format.date(c.secondment!.endDate) })}
                  </span>
                </p>
                <ActionForm
                  id={`end-${c.id}`}
                  action={endAndShow}
                  hidden={{ secondmentId: c.secondment!.id, version: c.secondment!.version, listId: list.id }}
                  reloadHref={selfHref}
                  submitLabel={t('forms.end')}
                  tone="secondary"
                  layout="grid"
                  fields={[
                    { type: 'date', name: 'date', label: t('forms.endDate'), defaultValue: c.secondment!.endDate, required: true },
                    { type: 'textarea', name: 'reason', label: t('forms.endReason'), hint: t('forms.endReasonHint'), rows: 2, maxLength: 1000 },
                  ]}
                />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section id="timeline" title={t('timeline.heading')} description={t('timeline.description')}>
        <AuditTimeline
          entries={timeline}
          names={timelineNames}
          about={{ entityType: 'secondment_list', entityId: String(list.id) }}
          omit={['cadre']}
          empty={t('timeline.empty')}
          testId="timeline"
        />
      </Section>
    </>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<'secondment'>>>;

function CandidatesTable({
  candidates, label, t, format, fieldLabel, employmentLabel, warningLabel, placeHref, remove,
}: {
  candidates: CandidateRow[];
  label: string;
  t: T;
  format: Awaited<ReturnType<typeof getFormatters>>;
  fieldLabel: (code: string | null) => string;
  employmentLabel: (type: string) => string;
  warningLabel: (w: CandidateWarning) => string;
  placeHref: (c: CandidateRow) => string | null;
  remove: ((c: CandidateRow) => React.ReactNode) | null;
}) {
  return (
    <TableContainer label={label}>
      <table className={tableClass} data-testid="candidates-table">
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('table.person')}</th>
            <th scope="col" className={headCellClass}>{t('table.proposal')}</th>
            <th scope="col" className={headCellClass}>{t('table.warnings')}</th>
            <th scope="col" className={headCellClass}>{t('table.state')}</th>
            <th scope="col" className={headCellClass}>{t('table.assessment')}</th>
            <th scope="col" className={headCellClass}>{t('table.decision')}</th>
            <th scope="col" className={headCellClass}>{t('table.placement')}</th>
            {remove ? <th scope="col" className={headCellClass}><span className="sr-only">{t('forms.remove')}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => {
            const href = placeHref(c);
            return (
              <tr key={c.id} data-testid={`candidate-${c.cadre.code}`}>
                <th scope="row" className={`${cellClass} min-w-52 text-left font-normal`}>
                  <span className="block font-semibold text-stone-900">{c.cadre.fullName}</span>
                  <span className="numeric block text-xs text-stone-600">{c.cadre.code}</span>
                  {/* On a phone the state column is off to the right: repeat the state under the name. */}
                  <span className="my-0.5 block sm:hidden">
                    <CandidateStateBadge state={c.state} label={t(`states.candidate.${c.state}`)} />
                  </span>
                  <span className="block text-xs text-stone-700">
                    {[c.cadre.currentPost, employmentLabel(c.cadre.employmentType)].filter((v, i, all) => v && all.indexOf(v) === i).join(' · ')}
                  </span>
                </th>
                <td className={`${cellClass} min-w-44`}>
                  <span className="block font-medium">{t(`kinds.${c.kind}`)}</span>
                  <span className="block text-xs text-stone-700">{fieldLabel(c.field ?? c.cadre.field)}</span>
                  {c.preferredCommune ? <span className="block text-xs text-stone-700">{t('table.prefers', { commune: c.preferredCommune.name })}</span> : null}
                </td>
                <td className={`${cellClass} min-w-36`}>
                  {c.warnings.length === 0 ? (
                    <span className="text-stone-500">—</span>
                  ) : (
                    <span className="flex flex-col items-start gap-1">
                      {c.warnings.map((w) => (
                        <WarningBadge key={w} warning={w} label={warningLabel(w)} />
                      ))}
                    </span>
                  )}
                </td>
                <td className={cellClass}>
                  <CandidateStateBadge state={c.state} label={t(`states.candidate.${c.state}`)} />
                </td>
                <td className={`${cellClass} min-w-48 text-stone-800`}>
                  {c.state === 'proposed' ? <span className="text-stone-500">{t('table.notAssessed')}</span> : null}
                  {c.state !== 'proposed' ? <span className="block font-medium">{c.state === 'does_not_meet' ? t('table.doesNotMeet') : t('table.meets')}</span> : null}
                  {c.assessmentReason ? <span className="block text-xs">{c.assessmentReason}</span> : null}
                </td>
                <td className={`${cellClass} min-w-44 text-stone-800`}>
                  {c.conclusion ? (
                    <span className="block">
                      {t('table.approvedBy', { number: c.conclusion.number, date: format.date(c.conclusion.date) })}
                    </span>
                  ) : null}
                  {c.state === 'declined' ? <span className="block font-medium">{t('states.candidate.declined')}</span> : null}
                  {c.decisionReason ? <span className="block text-xs">{c.decisionReason}</span> : null}
                  {!c.conclusion && c.state !== 'declined' ? <span className="text-stone-500">—</span> : null}
                </td>
                <td className={`${cellClass} min-w-48 text-stone-800`}>
                  {c.secondment ? (
                    <>
                      <span className="block font-medium">{c.secondment.commune.name}</span>
                      <span className="block text-xs">{c.secondment.position}</span>
                      <span className="numeric block text-xs">
                        {format.date(c.secondment.startDate)} – {format.date(c.secondment.endedOn ?? c.secondment.endDate)}
                      </span>
                      {c.secondment.endedOn ? <span className="block text-xs">{t('table.endedOn', { date: format.date(c.secondment.endedOn) })}</span> : null}
                    </>
                  ) : href ? (
                    <Link href={href} className="font-semibold text-brand-800 underline hover:text-brand-900">
                      {t('table.place')}
                      <span className="sr-only"> {c.cadre.fullName}</span>
                    </Link>
                  ) : (
                    <span className="text-stone-500">—</span>
                  )}
                </td>
                {remove ? <td className={`${cellClass} whitespace-nowrap`}>{remove(c)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableContainer>
  );
}
