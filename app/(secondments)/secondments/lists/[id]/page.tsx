import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import { resolveAuditNames } from '@/lib/db/audit-queries';
import { db } from '@/lib/db/client';
import { issuingBodiesFor } from '@/lib/db/decision-queries';
import { listCommuneOptions } from '@/lib/db/placement-queries';
import { findList, listTimeline, searchDepartmentStaff, type CandidateRow, type ListDetail } from '@/lib/db/secondment-queries';
import { getSubmissionCheck } from '@/lib/db/secondment-submission';
import {
  assessmentOf,
  candidateOnForward,
  mayEditList,
  mayTakeCandidateAction,
  mayTakeListAction,
  POST_KINDS,
  type Assessment,
  type CandidateAction,
  type CandidateWarning,
} from '@/lib/domain/secondment';
import { compareVietnamese } from '@/lib/domain/vietnamese';
import { getFormatters } from '@/lib/i18n/server';
import { FIELD_CODES } from '@/lib/validation/position';
import { addSecondmentCandidate } from '@/lib/actions/secondments/add-secondment-candidate';
import { removeSecondmentCandidate } from '@/lib/actions/secondments/remove-secondment-candidate';
import { assessSecondmentCandidate } from '@/lib/actions/secondments/assess-secondment-candidate';
import { allowedOn } from '@/lib/actions/secondments/load';
import { decideAndShow, endAndShow, forwardListAndShow, returnListAndShow, submitListAndShow } from '../../actions';
import { AuditTimeline } from '@/components/audit/audit-timeline';
import { decisionFieldSpecs } from '@/components/decisions/decision-field-specs';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ActionForm } from '@/components/forms/action-form';
import { StaffSearchForm } from '@/components/forms/staff-search-form';
import { PageNotice } from '@/components/secondments/page-notice';
import { CandidatesTable } from '@/components/secondments/candidates-table';
import { lastTwoRatings } from '@/lib/db/rating-queries';
import { listShortProfiles } from '@/lib/db/people-profile-queries';
import { shortProfileLines } from '@/lib/i18n/short-profile';
import { untyped } from '@/lib/i18n/translator';
import { ShortProfile } from '@/components/people/short-profile';
import { WarningBadge } from '@/components/secondments/warning-badge';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/section';
import { StateBadge } from '@/components/ui/state-badge';
import { requirePermission } from '../../../../_lib/current-province';
import { requireSecondmentView } from '../../access';
import { routeId } from '@/lib/validation/route-params';
import { firstParam, type SearchParams } from '@/lib/domain/unit-list';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/** The assessment form's answer for the assessment already recorded (none before the first). */
const ASSESSMENT_ANSWER: Record<Assessment, 'yes' | 'no' | undefined> = { notAssessed: undefined, meets: 'yes', doesNotMeet: 'no' };

/** The list in the user's province (else 404), which the user may see (a department officer: her own; else 403). */
async function loadList(rawId: string): Promise<{ user: SessionUser; list: ListDetail }> {
  // Those who may not see lists at all get 403 whatever the id; for the others an unknown id is 404.
  const user = await requireSecondmentView();
  const id = routeId(rawId);
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
  const [t, tFields, tEmployment, tDecision, bodies, format, communes, timeline] = await Promise.all([
    getTranslations('secondment'),
    getTranslations('fields'),
    getTranslations('employmentType'),
    getTranslations('decisions.fields'),
    issuingBodiesFor(db(), user.provinceId, null),
    getFormatters(),
    listCommuneOptions(db(), user.provinceId),
    listTimeline(db(), list.id),
  ]);
  const resource = { provinceId: user.provinceId, departmentId: list.department.id };
  const timelineNames = await resolveAuditNames(db(), user.provinceId, timeline, await getLocale());
  const selfHref = `/secondments/lists/${list.id}`;
  const fieldLabel = (code: string | null) => (code ? ((FIELD_CODES as readonly string[]).includes(code) ? tFields(code as (typeof FIELD_CODES)[number]) : code) : '—');
  const employmentLabel = (type: string) => (tEmployment.has(type as Parameters<typeof tEmployment>[0]) ? tEmployment(type as Parameters<typeof tEmployment>[0]) : type);

  // The same machine and policy binding the actions use: a form shows only where its action would be accepted.
  const allowed = allowedOn(user, resource);
  const mayCandidate = (action: CandidateAction) => (c: CandidateRow) => mayTakeCandidateAction(action, c.state, list.state, allowed);
  const mayPropose = mayEditList(list.state, allowed);
  const mayForward = mayTakeListAction('forward', list.state, allowed);
  const mayReturn = mayTakeListAction('return', list.state, allowed);
  const toAssess = list.candidatesDetail.filter(mayCandidate('assess_meets'));
  const forwarded = list.candidatesDetail.filter(mayCandidate('approve'));
  const mayDecide = forwarded.length > 0;
  const mayPlace = mayCandidate('place');
  const toEnd = list.candidatesDetail.filter((c) => mayCandidate('end')(c) && c.secondment && c.secondment.endedOn === null);

  // The department's figures for the phase year: the minimum and how far this list gets it (submit form).
  const minimumNote = mayPropose ? await getSubmissionCheck(db(), { id: list.id, departmentId: list.department.id, year: list.phase.year }) : null;
  const q = firstParam(query.q);
  const staff = mayPropose && q !== undefined ? await searchDepartmentStaff(db(), list.department.id, q, today()) : null;
  const onList = new Set(list.candidatesDetail.map((c) => c.cadre.id));
  // The short profile of each candidate and of each person found, read in one statement
  // (docs/decisions/039-completeness-search-personal-history.md); a form's choice shows it as one line of text.
  const profiles = await listShortProfiles(db(), [...list.candidatesDetail.map((c) => c.cadre.id), ...(staff ?? []).map((s) => s.id)], today());
  const profileLine = shortProfileLines(profiles, untyped(await getTranslations()), format.date);

  const title = t('list.title', { department: list.department.name, number: String(list.phase.number), year: String(list.phase.year) });
  const communeOptions = [...communes].sort((a, b) => compareVietnamese(a.name, b.name));
  const warningLabel = (w: CandidateWarning) => t(`warnings.${w}`);

  return (
    <>
      <Breadcrumbs items={[{ label: t('pages.title'), href: '/secondments' }, { label: title }]} />
      <PageHeader eyebrow={t('list.eyebrow')} title={title}>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <StateBadge machine="secondmentList" state={list.state} />
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
          <dd className="font-medium">
            <span className="numeric">{format.date(list.dueDate)}</span>
            {list.hasOwnDueDate ? <span className="ml-1 text-xs font-normal text-stone-600">{t('flags.ownDueDate')}</span> : null}
          </dd>
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
            ratings={await lastTwoRatings(db(), list.candidatesDetail.map((c) => c.cadre.id), today())}
            profiles={profiles}
            label={t('list.candidatesHeading')}
            t={t}
            format={format}
            fieldLabel={fieldLabel}
            employmentLabel={employmentLabel}
            warningLabel={warningLabel}
            placeHref={(c) => (mayPlace(c) ? `/secondments/candidates/${c.id}/place` : null)}
            remove={
              mayPropose
                ? (c) => (
                    <ActionForm
                      namespace="secondment"
                      id={`remove-${c.id}`}
                      action={removeSecondmentCandidate}
                      hidden={{ listId: list.id, version: list.version, candidateId: c.id }}
                      submitLabel={t('forms.remove')}
                      tone="secondary"
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
            <Card roomy className="space-y-4">
              <StaffSearchForm
                action={selfHref}
                value={q ?? ''}
                label={t('forms.search')}
                hint={t('forms.searchHint')}
                submitLabel={t('forms.searchButton')}
              />
              {staff === null ? null : staff.length === 0 ? (
                <p className="text-sm text-stone-700">{t('forms.noStaff')}</p>
              ) : (
                <ActionForm
                  namespace="secondment"
                  id="add-candidate"
                  action={addSecondmentCandidate}
                  hidden={{ listId: list.id, version: list.version }}
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
                          description: [s.currentPost, employmentLabel(s.employmentType), profileLine(s.id) ?? (s.field ? fieldLabel(s.field) : null), blocked ? (onList.has(s.id) ? t('forms.onThisList') : t('forms.blocked')) : null]
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
            </Card>
          </Section>
          <Section id="submit" title={t('list.submitHeading')} description={minimumNote ? t('list.minimumNote', { required: format.number(minimumNote.minimum), including: format.number(minimumNote.counted) }) : undefined}>
            <Card roomy>
              {minimumNote?.belowMinimum ? (
                <p className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">{t('list.justificationNeeded')}</p>
              ) : null}
              <ActionForm
                namespace="secondment"
                id="submit-list"
                confirm={t('forms.confirmSubmit')}
                action={submitListAndShow}
                hidden={{ listId: list.id, version: list.version }}
                submitLabel={t('forms.submit')}
                fields={[{ type: 'textarea', name: 'justification', label: t('forms.justification'), required: minimumNote?.belowMinimum, hint: t('forms.justificationHint'), rows: 4, maxLength: 2000 }]}
              />
            </Card>
          </Section>
        </>
      ) : null}

      {mayForward || mayReturn ? (
        <>
          <Section id="assess" title={t('list.assessHeading')} description={t('list.assessDescription')}>
            <ul className="grid gap-3 lg:grid-cols-2">
              {toAssess.map((c) => (
                <Card key={c.id} as="li">
                  <p className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                    <span className="font-semibold text-stone-900">{c.cadre.fullName}</span>
                    <span className="numeric text-stone-600">{c.cadre.code}</span>
                    <StateBadge machine="secondmentCandidate" state={c.state} />
                    {c.warnings.map((w) => (
                      <WarningBadge key={w} label={warningLabel(w)} />
                    ))}
                  </p>
                  <div className="-mt-1 mb-2">
                    <ShortProfile profile={profiles.get(c.cadre.id)} withName={false} />
                  </div>
                  <ActionForm
                    namespace="secondment"
                    id={`assess-${c.id}`}
                    action={assessSecondmentCandidate}
                    hidden={{ candidateId: c.id, version: c.version }}
                    submitLabel={t('forms.assess')}
                    tone="secondary"
                    fields={[
                      {
                        type: 'radio', name: 'meets', label: t('forms.meets'), inline: true,
                        defaultValue: ASSESSMENT_ANSWER[assessmentOf(c.state)],
                        options: [{ value: 'yes', label: t('forms.meetsYes') }, { value: 'no', label: t('forms.meetsNo') }],
                      },
                      { type: 'textarea', name: 'reason', label: t('forms.reason'), hint: t('forms.reasonHint'), rows: 2, maxLength: 1000, defaultValue: c.assessmentReason ?? undefined },
                    ]}
                  />
                </Card>
              ))}
            </ul>
          </Section>
          <Section id="review" title={t('list.reviewHeading')}>
            <div className="grid gap-4 lg:grid-cols-2">
              {mayForward ? (
                <Card roomy>
                  <h3 className="mb-2 font-semibold text-stone-900">{t('forms.forwardHeading')}</h3>
                  <ActionForm
                    namespace="secondment"
                    id="forward-list"
                    confirm={t('forms.confirmForward')}
                    action={forwardListAndShow}
                    hidden={{ listId: list.id, version: list.version }}
                    intro={t('forms.forwardIntro', { count: list.candidatesDetail.filter((c) => candidateOnForward(c.state) === 'forwarded').length })}
                    submitLabel={t('forms.forward')}
                  />
                </Card>
              ) : null}
              {mayReturn ? (
                <Card roomy>
                  <h3 className="mb-2 font-semibold text-stone-900">{t('forms.returnHeading')}</h3>
                  <ActionForm
                    namespace="secondment"
                    id="return-list"
                    confirm={t('forms.confirmReturn')}
                    action={returnListAndShow}
                    hidden={{ listId: list.id, version: list.version }}
                    submitLabel={t('forms.return')}
                    tone="danger"
                    fields={[
                      { type: 'textarea', name: 'comment', label: t('forms.comment'), required: true, rows: 3, maxLength: 2000 },
                      { type: 'date', name: 'dueDate', label: t('forms.returnDueDate'), hint: t('forms.returnDueDateHint'), required: true },
                    ]}
                  />
                </Card>
              ) : null}
            </div>
          </Section>
        </>
      ) : null}

      {mayDecide ? (
        <Section id="decide" title={t('list.decideHeading')} description={t('list.decideDescription', { count: forwarded.length })}>
          <Card roomy>
            <ActionForm
              namespace="secondment"
              id="decide"
              action={decideAndShow}
              hidden={{ listId: list.id, version: list.version }}
              submitLabel={t('forms.decide')}
              layout="grid"
              fields={[
                { type: 'radio', name: 'decision', label: t('forms.decision'), inline: true, defaultValue: 'approve', options: [{ value: 'approve', label: t('forms.approve') }, { value: 'decline', label: t('forms.decline') }] },
                { type: 'radio', name: 'scope', label: t('forms.scope'), inline: true, defaultValue: 'all', options: [{ value: 'all', label: t('forms.scopeAll', { count: forwarded.length }) }, { value: 'selected', label: t('forms.scopeSelected') }] },
                {
                  type: 'checkboxes', name: 'candidates', label: t('forms.candidates'), hint: t('forms.candidatesHint'),
                  options: forwarded.map((c) => ({ name: `candidate-${c.id}`, label: `${c.cadre.fullName} (${c.cadre.code})`, description: [c.cadre.currentPost, t(`kinds.${c.kind}`), fieldLabel(c.field), profileLine(c.cadre.id)].filter(Boolean).join(' · ') })),
                },
                { type: 'text', name: 'conclusionNumber', label: t('forms.conclusionNumber'), placeholder: '599-KL/TU', hint: t('forms.conclusionNumberHint'), maxLength: 50 },
                { type: 'date', name: 'conclusionDate', label: t('forms.conclusionDate'), defaultValue: today() },
                { type: 'textarea', name: 'reason', label: t('forms.declineReason'), hint: t('forms.declineReasonHint'), rows: 2, maxLength: 1000 },
              ]}
            />
          </Card>
        </Section>
      ) : null}

      {toEnd.length > 0 ? (
        <Section id="end" title={t('list.endHeading')} description={t('list.endDescription')}>
          <ul className="grid gap-3 lg:grid-cols-2">
            {toEnd.map((c) => (
              <Card key={c.id} as="li">
                <p className="mb-2 text-sm">
                  <span className="font-semibold text-stone-900">{c.cadre.fullName}</span>{' '}
                  <span className="text-stone-700">
                    — {t('list.placementLine', { commune: c.secondment!.commune.name, position: c.secondment!.position, start: format.date(c.secondment!.startDate), end: format.date(c.secondment!.endDate) })}
                  </span>
                </p>
                <ActionForm
                  namespace="secondment"
                  id={`end-${c.id}`}
                  action={endAndShow}
                  hidden={{ secondmentId: c.secondment!.id, version: c.secondment!.version, listId: list.id }}
                  submitLabel={t('forms.end')}
                  tone="secondary"
                  layout="grid"
                  fields={[
                    { type: 'date', name: 'date', label: t('forms.endDate'), defaultValue: c.secondment!.endDate, required: true },
                    { type: 'textarea', name: 'reason', label: t('forms.endReason'), hint: t('forms.endReasonHint'), rows: 2, maxLength: 1000 },
                    ...decisionFieldSpecs(tDecision, bodies, today()),
                  ]}
                />
              </Card>
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
