import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { allowedOnRequest } from '@/lib/actions/support/load';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { resolveAuditNames } from '@/lib/db/audit-queries';
import { db } from '@/lib/db/client';
import { findSupportRequest, listSupportTimeline, listWorkingGroups, supportResource } from '@/lib/db/support-queries';
import { coverageWarnings, mayTakeSupportAction, supportTransition } from '@/lib/domain/support';
import { env } from '@/lib/env';
import { getFormatters } from '@/lib/i18n/server';
import { newFormToken } from '@/lib/validation/form-token';
import { routeId } from '@/lib/validation/route-params';
import { ESCALATION_TARGETS } from '@/lib/validation/support';
import { AuditTimeline } from '@/components/audit/audit-timeline';
import { ActionForm } from '@/components/forms/action-form';
import type { FormFieldSpec } from '@/components/forms/spec-fields';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { AssignSupportForm } from '@/components/support/assign-form';
import { AttachmentUploadForm } from '@/components/support/attachment-upload-form';
import { SupportNotice } from '@/components/support/support-notice';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { StateBadge } from '@/components/ui/state-badge';
import { answerSupportRequest } from '@/lib/actions/support/answer-support-request';
import { recordSupportVisit } from '@/lib/actions/support/record-support-visit';
import { assignAndShow, escalateAndShow, resolveAndShow } from '../actions';
import { DetailItem } from '@/components/ui/detail-item';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The request in the user's province (else 404) which the user may read (else 403). */
async function load(rawId: string) {
  const user = await requireUser();
  const id = routeId(rawId);
  const request = id === null ? null : await findSupportRequest(db(), user.provinceId, id);
  if (!request) notFound();
  if (!can(user, 'support.view', supportResource(request))) forbidden();
  return { user, request };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ request }, t] = await Promise.all([load((await params).id), getTranslations('support.detail')]);
  return { title: `${t('title', { id: String(request.id) })} – ${request.title}` };
}

const URGENCY_TONE = { normal: 'neutral', urgent: 'amber', critical: 'red' } as const;

export default async function SupportRequestPage({ params, searchParams }: Props) {
  const { user, request: r } = await load((await params).id);
  const query = await searchParams;
  const [t, format, locale, timeline] = await Promise.all([getTranslations(), getFormatters(), getLocale(), listSupportTimeline(db(), r.id)]);
  const names = await resolveAuditNames(db(), user.provinceId, timeline, locale);
  // The same machine and policy binding the actions use: a form shows only where its action would be accepted.
  const allowed = allowedOnRequest(user, r);
  const may = {
    assign: mayTakeSupportAction('assign', r.state, allowed),
    visit: mayTakeSupportAction('visit', r.state, allowed),
    answer: mayTakeSupportAction('answer', r.state, allowed),
    resolve: mayTakeSupportAction('resolve', r.state, allowed),
    escalateProvince: mayTakeSupportAction('escalateProvince', r.state, allowed),
    escalateCentral: mayTakeSupportAction('escalateCentral', r.state, allowed),
    // Files go with an open request, as answers do (the upload route checks the same).
    attach: supportTransition('answer', r.state).ok && allowed('support.attach'),
  };
  const groups = may.assign ? await listWorkingGroups(db(), user.provinceId) : [];
  const groupOptions = groups.map((g) => ({
    id: g.id,
    label: coverageWarnings({ communeIds: g.communes.map((c) => c.id), problemGroupIds: g.problems.map((p) => p.id) }, { communeId: r.commune.id, problemGroupId: r.problemGroup.id }).length > 0
      ? t('support.assign.outside', { name: g.name })
      : g.name,
  }));
  const problemName = locale === 'en' ? r.problemGroup.nameEn : r.problemGroup.nameVi;
  const group = r.workingGroup;
  const escalationTargets = ESCALATION_TARGETS.filter((to) => (to === 'escalated_central' ? may.escalateCentral : may.escalateProvince));
  const stepForm = (heading: string, form: { id: string; action: typeof resolveAndShow; submitLabel: string; fields: FormFieldSpec[]; tone?: 'danger' | 'secondary' }) => (
    <Card roomy>
      <h3 className="mb-3 text-base font-semibold text-stone-900">{heading}</h3>
      <ActionForm
        id={form.id} namespace="support" action={form.action} submitLabel={form.submitLabel} fields={form.fields} tone={form.tone}
        hidden={{ requestId: r.id, version: r.version }}
      />
    </Card>
  );
  const link = 'font-medium text-brand-800 underline hover:text-brand-900';

  return (
    <>
      <Breadcrumbs items={[{ label: t('support.list.title'), href: '/support' }, { label: t('support.detail.title', { id: String(r.id) }) }]} />
      <PageHeader eyebrow={t('support.detail.eyebrow', { commune: r.commune.name, oldDistrict: r.commune.oldDistrict })} title={r.title}>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <StateBadge machine="supportRequest" state={r.state} />
          <Badge tone={URGENCY_TONE[r.urgency]}>{t(`support.urgencies.${r.urgency}`)}</Badge>
          <span className="text-sm text-stone-600">{t('support.detail.title', { id: String(r.id) })}</span>
        </p>
      </PageHeader>
      <SupportNotice notice={query.notice} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card as="section" roomy aria-labelledby="request">
          <h2 id="request" className="mb-3 text-lg font-semibold text-stone-900">{t('support.detail.description')}</h2>
          <p className="mb-4 whitespace-pre-line text-sm text-stone-900" data-testid="support-description">{r.description}</p>
          <dl className="grid grid-cols-2 gap-3">
            <DetailItem multiline label={t('support.detail.problemGroup')}>{problemName}</DetailItem>
            <DetailItem multiline label={t('support.detail.raisedOn')}>{format.date(r.raisedOn)}</DetailItem>
            <DetailItem multiline label={t('support.detail.raisedBy')}>{r.raisedBy}</DetailItem>
          </dl>
        </Card>
        <Card as="section" roomy aria-labelledby="group">
          <h2 id="group" className="mb-3 text-lg font-semibold text-stone-900">{t('support.detail.group')}</h2>
          {group ? (
            <dl className="grid grid-cols-2 gap-3" data-testid="support-group">
              <DetailItem multiline label={t('support.detail.group')}>{group.name}</DetailItem>
              <DetailItem multiline label={t('support.detail.head')}>{group.head?.displayName ?? group.headName ?? '—'}</DetailItem>
              {r.assignedOn ? <DetailItem multiline label={t('support.detail.assignedOn')}>{format.date(r.assignedOn)}</DetailItem> : null}
            </dl>
          ) : (
            <p className="text-sm text-stone-700">{t('support.detail.notAssigned')}</p>
          )}
          {r.resolution ? (
            <dl className="mt-4 grid gap-3 border-t border-stone-100 pt-3" data-testid="support-resolution">
              <DetailItem multiline label={t('support.detail.resolution')}>{r.resolution}</DetailItem>
              {r.resolvedOn ? <DetailItem multiline label={t('support.detail.resolvedOn')}>{format.date(r.resolvedOn)}</DetailItem> : null}
            </dl>
          ) : null}
          {r.escalationSummary ? (
            <dl className="mt-4 grid gap-3 border-t border-stone-100 pt-3" data-testid="support-escalation">
              <DetailItem multiline label={t('support.detail.escalation')}>{r.escalationSummary}</DetailItem>
              {r.escalatedOn ? <DetailItem multiline label={t('support.detail.escalatedOn')}>{format.date(r.escalatedOn)}</DetailItem> : null}
            </dl>
          ) : null}
        </Card>
      </div>

      {may.assign || may.visit || may.resolve || escalationTargets.length > 0 ? (
        <div className="mt-6 grid gap-4 lg:grid-cols-2">
          {may.assign ? (
            <Card roomy>
              <h3 className="mb-3 text-base font-semibold text-stone-900">{t('support.assign.heading')}</h3>
              <AssignSupportForm requestId={r.id} version={r.version} action={assignAndShow} groups={groupOptions} current={group?.id ?? null} />
            </Card>
          ) : null}
          {may.visit ? (
            <Card roomy>
              <h3 className="mb-3 text-base font-semibold text-stone-900">{t('support.visit.heading')}</h3>
              <ActionForm
                id="visit" namespace="support" action={recordSupportVisit} token={newFormToken()} hidden={{ requestId: r.id }} submitLabel={t('support.visit.submit')}
                fields={[
                  { type: 'date', name: 'visitedOn', label: t('support.visit.visitedOn'), required: true, defaultValue: today() },
                  { type: 'text', name: 'members', label: t('support.visit.members'), required: true, maxLength: 1000, wide: true },
                  { type: 'textarea', name: 'summary', label: t('support.visit.summary'), required: true, maxLength: 5000 },
                ]}
              />
            </Card>
          ) : null}
          {may.resolve
            ? stepForm(t('support.resolve.heading'), {
                id: 'resolve', action: resolveAndShow, submitLabel: t('support.resolve.submit'),
                fields: [{ type: 'textarea', name: 'resolution', label: t('support.resolve.resolution'), required: true, maxLength: 5000 }],
              })
            : null}
          {escalationTargets.length > 0
            ? stepForm(t('support.escalate.heading'), {
                id: 'escalate', action: escalateAndShow, submitLabel: t('support.escalate.submit'), tone: 'secondary',
                fields: [
                  { type: 'radio', name: 'to', label: t('support.escalate.to'), required: true, options: escalationTargets.map((to) => ({ value: to, label: t(`support.escalate.targets.${to}`) })) },
                  { type: 'textarea', name: 'summary', label: t('support.escalate.summary'), required: true, maxLength: 5000 },
                ],
              })
            : null}
        </div>
      ) : null}

      <Section id="answers" title={t('support.detail.answers')}>
        {r.answers.length === 0 ? (
          <p className="text-sm text-stone-700">{t('support.detail.noAnswers')}</p>
        ) : (
          <ul className="space-y-2" data-testid="support-answers">
            {r.answers.map((a) => (
              <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm shadow-xs">
                <p className="text-xs text-stone-600">{a.author} · {format.date(a.at.toISOString().slice(0, 10))}</p>
                <p className="mt-1 whitespace-pre-line text-stone-900">{a.body}</p>
              </li>
            ))}
          </ul>
        )}
        {may.answer ? (
          <Card roomy className="mt-4 max-w-2xl">
            <h3 className="mb-3 text-base font-semibold text-stone-900">{t('support.answer.heading')}</h3>
            <ActionForm
              id="answer" namespace="support" action={answerSupportRequest} token={newFormToken()} hidden={{ requestId: r.id }} submitLabel={t('support.answer.submit')}
              fields={[{ type: 'textarea', name: 'body', label: t('support.answer.body'), required: true, maxLength: 5000 }]}
            />
          </Card>
        ) : null}
      </Section>

      <Section id="attachments" title={t('support.attachments.heading')}>
        {r.attachments.length === 0 ? (
          <p className="text-sm text-stone-700">{t('support.attachments.empty')}</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="support-attachments">
            {r.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/support/attachments/${a.id}`} className={link}>{a.fileName}</a>
                <span className="text-stone-600"> · {t('support.attachments.by', { name: a.uploadedBy, size: `${format.number(Math.max(1, Math.ceil(a.size / 1024)))} KB` })}</span>
              </li>
            ))}
          </ul>
        )}
        {may.attach ? <AttachmentUploadForm requestId={r.id} maxMb={env.SUPPORT_MAX_ATTACHMENT_MB} /> : null}
      </Section>

      <Section id="visits" title={t('support.detail.visits')}>
        {r.visits.length === 0 ? (
          <p className="text-sm text-stone-700">{t('support.detail.noVisits')}</p>
        ) : (
          <ul className="space-y-2" data-testid="support-visits">
            {r.visits.map((v) => (
              <li key={v.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm shadow-xs">
                <p className="font-medium text-stone-900">{t('support.detail.visitBy', { group: v.groupName, date: format.date(v.visitedOn) })}</p>
                <p className="text-stone-700">{t('support.detail.visitMembers', { members: v.members })}</p>
                <p className="mt-1 whitespace-pre-line text-stone-900">{v.summary}</p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="timeline" title={t('support.detail.timeline')}>
        <AuditTimeline entries={timeline} names={names} about={{ entityType: 'support_request', entityId: String(r.id) }} empty={t('support.detail.noTimeline')} testId="support-timeline" />
      </Section>

      <p className="mt-6"><Link prefetch={false} href="/support" className={`text-sm ${link}`}>{t('support.detail.back')}</Link></p>
    </>
  );
}
