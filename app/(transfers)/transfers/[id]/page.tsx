import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { today } from '@/lib/clock';
import { resolveAuditNames } from '@/lib/db/audit-queries';
import { db } from '@/lib/db/client';
import { issuingBodiesFor } from '@/lib/db/decision-queries';
import type { TransferDetail, TransferFigures, TransferTimelineEntry } from '@/lib/db/transfer-queries';
import { awaitsEffect, chairmanSide, mayTakeTransferAction } from '@/lib/domain/transfer';
import { allowedOnTransfer } from '@/lib/actions/transfers/load';
import { getFormatters } from '@/lib/i18n/server';
import { AuditTimeline } from '@/components/audit/audit-timeline';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ActionForm } from '@/components/forms/action-form';
import type { FormFieldSpec } from '@/components/forms/spec-fields';
import { TransferFiguresTable } from '@/components/transfers/figures-table';
import { TransferNotice } from '@/components/transfers/page-notice';
import { Card } from '@/components/ui/card';
import { StateBadge } from '@/components/ui/state-badge';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/section';
import { listPlansInCommunes } from '@/lib/db/planning-queries';
import { PlannedInCommune } from '@/components/planning/planned-in-commune';
import { listShortProfiles } from '@/lib/db/people-profile-queries';
import { ShortProfile } from '@/components/people/short-profile';
import { approveAndShow, cancelAndShow, declineAndShow, opinionAndShow } from '../actions';
import { requirePermission } from '../../../_lib/current-province';
import { requireTransferView } from '../access';
import { loadTransferPage } from '../page-data';
import { routeId } from '@/lib/validation/route-params';
import { DetailItem } from '@/components/ui/detail-item';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The transfer in the user's province (else 404), which the user may see: a commune chairman only the transfers
 * out of or into his commune (else 403, as for another department's list).
 */
async function load(rawId: string): Promise<{ user: SessionUser; transfer: TransferDetail; figures: TransferFigures[]; timeline: TransferTimelineEntry[] }> {
  const user = await requireTransferView();
  const id = routeId(rawId);
  if (id === null) notFound();
  const page = await loadTransferPage(db(), user.provinceId, id, today());
  if (!page) notFound();
  const { transfer } = page;
  const side = chairmanSide(user.communeId, { fromCommuneId: transfer.from.id, toCommuneId: transfer.to.id });
  await requirePermission('transfer.view', { provinceId: transfer.provinceId, communeId: side === 'to' ? transfer.to.id : transfer.from.id });
  return { user, ...page };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ transfer }, t] = await Promise.all([load((await params).id), getTranslations('transfer.detail')]);
  return { title: t('title', { name: transfer.cadreName }) };
}


export default async function TransferPage({ params, searchParams }: Props) {
  const { user, transfer: tr, figures, timeline } = await load((await params).id);
  const query = await searchParams;
  const day = today();
  const [t, tDecision, tOpinions, tSources, tFields, tBlocks, format] = await Promise.all([
    getTranslations('transfer'),
    getTranslations('decisions.fields'),
    getTranslations('transfer.opinions'),
    getTranslations('transfer.sources'),
    getTranslations('fields'),
    getTranslations('blocks'),
    getFormatters(),
  ]);
  const timelineNames = await resolveAuditNames(db(), user.provinceId, timeline, await getLocale());
  const mayViewPersonal = can(user, 'cadre.viewPersonal', { provinceId: tr.provinceId, communeId: tr.from.id });
  const side = user.role === 'commune_chairman' ? chairmanSide(user.communeId, { fromCommuneId: tr.from.id, toCommuneId: tr.to.id }) : null;
  // The same machine and policy binding the actions use: a form shows only where its action would be accepted.
  const allowed = allowedOnTransfer(user, { provinceId: tr.provinceId, fromCommuneId: tr.from.id, toCommuneId: tr.to.id });
  const mayOpinion = mayTakeTransferAction('opinion', tr.state, allowed);
  const mayDecide = mayTakeTransferAction('approve', tr.state, allowed);
  const mayCancel = mayTakeTransferAction('cancel', tr.state, allowed);
  // A transfer crosses communes: it is decided by a province-level body (Sở Nội vụ, Ban Tổ chức Tỉnh ủy, UBND tỉnh …).
  const bodies = mayDecide ? await issuingBodiesFor(db(), tr.provinceId, null) : [];
  // Executed from its effective date: read from the date, never recorded (rows from before kept a 'transfer.execute').
  const executed =
    tr.executedOn && !timeline.some((e) => e.action === 'transfer.execute') ? { date: tr.executedOn, text: t('states.executedSince', { date: format.date(tr.executedOn) }) } : null;
  const fieldLabel = (field: string | null) => {
    if (!field) return '—';
    const key = field as Parameters<typeof tFields>[0];
    return tFields.has(key) ? tFields(key) : field;
  };
  const opinion = (value: 'agree' | 'disagree' | null, note: string | null, at: Date | null) => (
    <>
      <p className="font-medium">{value ? tOpinions(value) : tOpinions('none')}{at ? <span className="font-normal text-stone-600"> {t('detail.opinionAt', { date: format.date(at.toISOString().slice(0, 10)) })}</span> : null}</p>
      {note ? <p className="mt-0.5 whitespace-pre-line text-stone-700">{note}</p> : null}
    </>
  );

  // Every step's form: a card with its heading, posting the transfer's id and version (the state guard).
  const stepForm = (
    heading: string,
    form: { id: string; action: typeof declineAndShow; submitLabel: string; tone?: 'danger' | 'secondary'; fields: FormFieldSpec[] },
    className?: string,
  ) => (
    <Card roomy className={className}>
      <h3 className="mb-3 text-base font-semibold text-stone-900">{heading}</h3>
      <ActionForm namespace="transfer" hidden={{ transferId: tr.id, version: tr.version }} {...form} />
    </Card>
  );
  // Declining and cancelling ask for the same thing: the reason, shown on the decision.
  const reasonField = (label: string): FormFieldSpec => ({ type: 'textarea', name: 'reason', label, required: true, maxLength: 2000 });

  return (
    <>
      <Breadcrumbs items={[{ label: t('list.title'), href: '/transfers' }, { label: tr.cadreName }]} />
      <PageHeader eyebrow={t('detail.eyebrow', { id: String(tr.id) })} title={t('detail.title', { name: tr.cadreName })}>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <StateBadge machine="transfer" state={tr.status} since={tr.effectiveDate} />
          {tr.overdue ? <Badge tone="red">{t('list.overdue')}</Badge> : null}
          {tr.crossDistrict ? <Badge tone="amber">{t('list.crossDistrict')}</Badge> : <Badge tone="neutral">{t('list.sameDistrict')}</Badge>}
        </p>
        <PlannedInCommune plans={await listPlansInCommunes(db(), [tr.cadreId], [tr.to.id])} cadreId={tr.cadreId} communeId={tr.to.id} />
      </PageHeader>
      <TransferNotice notice={query.notice} />

      {tr.overdue ? (
        <section aria-labelledby="overdue" className="mb-6 rounded-lg border-2 border-red-300 bg-red-50 p-4" data-testid="overdue">
          <h2 id="overdue" className="text-base font-semibold text-red-900">{t('detail.overdueHeading')}</h2>
          <p className="mt-1 text-sm text-red-900">{t('detail.overdueText', { date: format.date(tr.effectiveDate) })}</p>
        </section>
      ) : null}

      {tr.crossDistrict && tr.justification ? (
        <section aria-labelledby="justification" className="mb-6 rounded-lg border-2 border-amber-400 bg-amber-50 p-4" data-testid="justification">
          <h2 id="justification" className="text-base font-semibold text-amber-950">{t('detail.crossDistrictHeading')}</h2>
          <p className="mt-1 text-sm text-amber-950">{t('detail.crossDistrictText', { from: tr.fromOldDistrict, to: tr.toOldDistrict })}</p>
          <p className="mt-1 whitespace-pre-line text-sm font-medium text-stone-900">{tr.justification}</p>
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="person" as="section" roomy>
          <h2 id="person" className="mb-3 text-lg font-semibold text-stone-900">{t('detail.person')}</h2>
          <dl className="grid grid-cols-2 gap-3">
            <DetailItem label={t('list.person')}>{tr.cadreName}</DetailItem>
            <DetailItem label={t('detail.code')}>{tr.cadreCode}</DetailItem>
            <DetailItem label={t('detail.currentPost')}>{tr.currentPost ?? '—'}{tr.currentBlock ? ` – ${tBlocks(tr.currentBlock)}` : ''}</DetailItem>
            <DetailItem label={t('detail.field')}>{fieldLabel(tr.cadreField)}</DetailItem>
            {mayViewPersonal ? <DetailItem label={t('detail.birthDate')}>{format.date(tr.cadreBirthDate)}</DetailItem> : null}
            <div className="col-span-2" data-testid="transfer-profile">
              <dt className="text-xs font-medium text-stone-600">{(await getTranslations('people.profile'))('label')}</dt>
              <dd className="text-sm text-stone-900">
                <ShortProfile profile={(await listShortProfiles(db(), [tr.cadreId], day)).get(tr.cadreId)} withName={false} />
              </dd>
            </div>
          </dl>
        </Card>
        <Card aria-labelledby="move" as="section" roomy>
          <h2 id="move" className="mb-3 text-lg font-semibold text-stone-900">{t('list.move')}</h2>
          <dl className="grid grid-cols-2 gap-3">
            <DetailItem label={t('detail.from')}>{tr.from.name}<span className="block text-xs text-stone-600">{tr.fromOldDistrict}</span></DetailItem>
            <DetailItem label={t('detail.to')}>{tr.to.name}<span className="block text-xs text-stone-600">{tr.toOldDistrict}</span></DetailItem>
            <DetailItem label={t('detail.newPosition')}>{tr.positionTitle} – {tBlocks(tr.block)}</DetailItem>
            <DetailItem label={t('detail.effectiveDate')}>{format.date(tr.effectiveDate)}</DetailItem>
            <DetailItem label={t('detail.source')}>{tSources(tr.source)}</DetailItem>
            <DetailItem label={t('detail.proposedBy')}>{tr.proposedBy}</DetailItem>
            <DetailItem label={t('detail.proposedOn')}>{format.date(tr.proposedOn)}</DetailItem>
          </dl>
          <div className="mt-3">
            <p className="text-xs font-medium text-stone-600">{t('detail.reason')}</p>
            <p className="whitespace-pre-line text-sm text-stone-900">{tr.reason}</p>
          </div>
        </Card>
      </div>

      <Section id="figures" title={t('detail.figuresHeading', { block: tBlocks(tr.block) })} description={t('detail.figuresLead')}>
        <TransferFiguresTable rows={figures} caption={t('detail.figuresHeading', { block: tBlocks(tr.block) })} />
      </Section>

      <Section id="opinions" title={t('detail.opinionsHeading')}>
        <div className="grid gap-4 sm:grid-cols-2" data-testid="opinions">
          <Card roomy>
            <h3 className="mb-1 text-sm font-semibold text-stone-900">{t('detail.opinionFrom', { name: tr.from.name })}</h3>
            <div className="text-sm">{opinion(tr.fromOpinion, tr.fromOpinionNote, tr.fromOpinionAt)}</div>
          </Card>
          <Card roomy>
            <h3 className="mb-1 text-sm font-semibold text-stone-900">{t('detail.opinionTo', { name: tr.to.name })}</h3>
            <div className="text-sm">{opinion(tr.toOpinion, tr.toOpinionNote, tr.toOpinionAt)}</div>
          </Card>
        </div>
        {mayOpinion
          ? stepForm(
              t('actions.opinionHeading'),
              {
                id: 'opinion',
                action: opinionAndShow,
                submitLabel: t('actions.recordOpinion'),
                fields: [
                  {
                    type: 'radio', name: 'opinion', label: t('actions.opinion'), required: true, inline: true,
                    defaultValue: (side === 'from' ? tr.fromOpinion : tr.toOpinion) ?? undefined,
                    options: [{ value: 'agree', label: tOpinions('agree') }, { value: 'disagree', label: tOpinions('disagree') }],
                  },
                  { type: 'textarea', name: 'note', label: t('actions.note'), maxLength: 2000, defaultValue: (side === 'from' ? tr.fromOpinionNote : tr.toOpinionNote) ?? undefined },
                ],
              },
              'mt-4',
            )
          : null}
      </Section>

      <Section id="decision" title={t('detail.decisionHeading')}>
        <Card roomy className="space-y-1 text-sm" data-testid="decision">
          <p><StateBadge machine="transfer" state={tr.status} since={tr.effectiveDate} /></p>
          {tr.decisionNumber && tr.decisionDate ? (
            <p>
              {tr.decisionIssuingBody
                ? t('detail.decisionOf', { number: tr.decisionNumber, date: format.date(tr.decisionDate), body: tr.decisionIssuingBody })
                : t('detail.decision', { number: tr.decisionNumber, date: format.date(tr.decisionDate) })}
            </p>
          ) : null}
          {tr.decidedBy && tr.state !== 'declined' ? <p>{t('detail.decidedBy', { name: tr.decidedBy })}</p> : null}
          {awaitsEffect(tr.status) ? <p className="font-medium">{t('detail.awaitingEffect', { date: format.date(tr.effectiveDate) })}</p> : null}
          {tr.declineReason ? <p><span className="font-medium">{t('detail.declineReason')}:</span> {tr.declineReason}</p> : null}
          {tr.cancelReason ? <p><span className="font-medium">{t('detail.cancelReason')}:</span> {tr.cancelReason}</p> : null}
        </Card>
        {mayDecide || mayCancel ? (
          <div className="mt-4 grid gap-4 lg:grid-cols-2">
            {mayDecide
              ? stepForm(t('actions.approveHeading'), {
                  id: 'approve',
                  action: approveAndShow,
                  submitLabel: t('actions.approve'),
                  fields: [
                    { type: 'text', name: 'decisionNumber', label: t('actions.decisionNumber'), required: true, maxLength: 50, placeholder: '125/QĐ-SNV' },
                    { type: 'date', name: 'decisionDate', label: t('actions.decisionDate'), required: true, defaultValue: day },
                    {
                      type: 'select', name: 'issuingBodyId', label: tDecision('issuingBody'), required: true,
                      options: [{ value: '', label: tDecision('chooseIssuingBody') }, ...bodies.map((b) => ({ value: String(b.id), label: b.name }))],
                    },
                  ],
                })
              : null}
            <div className="space-y-4">
              {mayDecide
                ? stepForm(t('actions.declineHeading'), { id: 'decline', action: declineAndShow, submitLabel: t('actions.decline'), tone: 'danger', fields: [reasonField(t('actions.declineReason'))] })
                : null}
              {mayCancel
                ? stepForm(t('actions.cancelHeading'), { id: 'cancel', action: cancelAndShow, submitLabel: t('actions.cancel'), tone: 'secondary', fields: [reasonField(t('actions.cancelReason'))] })
                : null}
            </div>
          </div>
        ) : null}
      </Section>

      <Section id="timeline" title={t('detail.timeline')}>
        <AuditTimeline
          entries={timeline}
          names={timelineNames}
          about={{ entityType: 'transfer', entityId: String(tr.id) }}
          omit={['cadre']}
          empty={t('detail.noTimeline')}
          testId="transfer-timeline"
          derived={executed}
        />
      </Section>

      <p className="mt-8">
        <Link prefetch={false} href="/transfers" className="text-sm font-semibold text-brand-800 underline hover:text-brand-900">{t('detail.back')}</Link>
      </p>
    </>
  );
}
