import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { allowedOnReception } from '@/lib/actions/receptions/load';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { resolveAuditNames } from '@/lib/db/audit-queries';
import { db } from '@/lib/db/client';
import { issuingBodiesFor } from '@/lib/db/decision-queries';
import { findReception, listReceptionTimeline } from '@/lib/db/reception-queries';
import { settingAt } from '@/lib/db/setting-queries';
import { getCommuneStaffing } from '@/lib/db/staffing-queries';
import { awaitedStep, checkReceptionConditions, DEGREES, mayTakeReceptionAction, type ConditionCode, type Degree } from '@/lib/domain/reception';
import { getFormatters } from '@/lib/i18n/server';
import { routeId } from '@/lib/validation/route-params';
import { AuditTimeline } from '@/components/audit/audit-timeline';
import { ActionForm, type FormFieldSpec } from '@/components/forms/action-form';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ReceptionNotice } from '@/components/receptions/page-notice';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { StateBadge } from '@/components/ui/state-badge';
import { TableContainer, cellClass, headCellClass, tableClass } from '@/components/ui/table';
import { requirePermission } from '../../../_lib/current-province';
import { appraiseAndShow, decideAndShow, refuseAndShow, withdrawAndShow } from '../actions';
import { requireReceptionView } from '../access';
import { DetailItem } from '@/components/ui/detail-item';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The proposal in the user's province (else 404), which the user may see: a chairman only his commune's (else 403). */
async function load(rawId: string) {
  const user = await requireReceptionView();
  const id = routeId(rawId);
  if (id === null) notFound();
  const reception = await findReception(db(), user.provinceId, id);
  if (!reception) notFound();
  await requirePermission('reception.view', { provinceId: reception.provinceId, communeId: reception.commune.id });
  return { user, reception };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ reception }, t] = await Promise.all([load((await params).id), getTranslations('reception.detail')]);
  return { title: t('title', { name: reception.fullName }) };
}

export default async function ReceptionPage({ params, searchParams }: Props) {
  const { user, reception: r } = await load((await params).id);
  const query = await searchParams;
  const day = today();
  const block = r.position.block;
  const [t, tAll, format, minimum, timeline, staffing] = await Promise.all([
    getTranslations('reception'),
    getTranslations(),
    getFormatters(),
    settingAt(db(), r.provinceId, 'reception.minInsuranceYears', r.proposedOn),
    listReceptionTimeline(db(), r.id),
    block ? getCommuneStaffing(db(), r.provinceId, r.commune.id, { date: day }) : Promise.resolve(null),
  ]);
  const timelineNames = await resolveAuditNames(db(), user.provinceId, timeline, await getLocale());
  // The same machine and policy binding the actions use: a form shows only where its action would be accepted.
  const allowed = allowedOnReception(user, r);
  const mayAppraise = mayTakeReceptionAction('appraise', r.state, allowed);
  const mayRefuse = mayTakeReceptionAction('refuse', r.state, allowed);
  const mayDecide = mayTakeReceptionAction('decide', r.state, allowed);
  const mayWithdraw = mayTakeReceptionAction('withdraw', r.state, allowed);
  const awaited = awaitedStep(r.state);
  const mayViewPersonal = can(user, 'cadre.viewPersonal', { provinceId: r.provinceId, communeId: r.commune.id });
  // The Provincial People's Committee decides: a province-level body.
  const bodies = mayDecide ? await issuingBodiesFor(db(), r.provinceId, null) : [];

  const degree = DEGREES.find((d) => d === r.degree) ?? null;
  const checks = checkReceptionConditions({ insuranceMonths: r.insuranceMonths, degree, degreeField: r.degreeField }, r.position, minimum.value);
  const claimed = (code: ConditionCode) => checks.find((c) => c.code === code)!.met;
  // Home Affairs' findings as stored: insurance, and degree with field together.
  const found: Record<ConditionCode, boolean | null> = { insurance: r.insuranceMet, degree: r.fieldMet, field: r.fieldMet };
  const fieldLabel = (field: string | null) => {
    if (!field) return '—';
    const key = `fields.${field}` as Parameters<typeof tAll>[0];
    return tAll.has(key) ? tAll(key) : field;
  };
  const evidence: Record<ConditionCode, string> = {
    insurance: t('detail.months', { months: format.number(r.insuranceMonths), minimum: format.number(minimum.value * 12) }),
    degree: degree ? tAll(`education.${degree}`) : t('detail.noDegree'),
    field: `${fieldLabel(r.degreeField)} · ${t('detail.postField', { field: fieldLabel(r.position.field) })}`,
  };
  const metBadge = (met: boolean | null) =>
    met === null ? <Badge tone="neutral">{t('detail.notAppraised')}</Badge> : met ? <Badge tone="green">{t('detail.met')}</Badge> : <Badge tone="red">{t('detail.notMet')}</Badge>;

  const stepForm = (
    heading: string,
    form: { id: string; action: typeof refuseAndShow; submitLabel: string; tone?: 'danger' | 'secondary'; fields: FormFieldSpec[]; layout?: 'grid' },
  ) => (
    <Card roomy>
      <h3 className="mb-3 text-base font-semibold text-stone-900">{heading}</h3>
      <ActionForm namespace="reception" hidden={{ receptionId: r.id, version: r.version }} {...form} />
    </Card>
  );
  const yesNo = (name: string, label: string, met: boolean): FormFieldSpec => ({
    type: 'radio', name, label, required: true, inline: true, defaultValue: met ? 'yes' : 'no',
    options: [{ value: 'yes', label: t('actions.yes') }, { value: 'no', label: t('actions.no') }],
  });
  const figures = block && staffing ? staffing.blocks[block] : null;

  return (
    <>
      <Breadcrumbs items={[{ label: t('list.title'), href: '/receptions' }, { label: r.fullName }]} />
      <PageHeader eyebrow={t('detail.eyebrow', { id: String(r.id) })} title={t('detail.title', { name: r.fullName })}>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <StateBadge machine="reception" state={r.state} />
          <Badge tone="neutral">{r.cadre ? t('list.roster') : t('list.external')}</Badge>
        </p>
      </PageHeader>
      <ReceptionNotice notice={query.notice} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="person" as="section" roomy>
          <h2 id="person" className="mb-3 text-lg font-semibold text-stone-900">{t('detail.person')}</h2>
          <dl className="grid grid-cols-2 gap-3">
            <DetailItem label={t('list.person')}>{r.fullName}</DetailItem>
            <DetailItem label={t('detail.code')}>{r.cadre?.code ?? r.external?.cadreCode ?? '—'}</DetailItem>
            <DetailItem label={t('detail.origin')}>{r.cadre ? t('list.roster') : t('list.external')}</DetailItem>
            {r.external?.workplace ? <DetailItem label={t('detail.workplace')}>{r.external.workplace}</DetailItem> : null}
            <DetailItem label={t('detail.gender')}>{tAll(`gender.${r.gender}`)}</DetailItem>
            {mayViewPersonal && r.birthDate ? <DetailItem label={t('detail.birthDate')}>{format.date(r.birthDate)}</DetailItem> : null}
            {mayViewPersonal && r.external?.nationalId ? <DetailItem label={t('detail.nationalId')}>{r.external.nationalId}</DetailItem> : null}
          </dl>
        </Card>
        <Card aria-labelledby="proposal" as="section" roomy>
          <h2 id="proposal" className="mb-3 text-lg font-semibold text-stone-900">{t('detail.proposal')}</h2>
          <dl className="grid grid-cols-2 gap-3">
            <DetailItem label={t('detail.commune')}>
              <Link prefetch={false} href={`/communes/${encodeURIComponent(r.commune.code)}`} className="text-brand-800 underline hover:text-brand-900">{r.commune.name}</Link>
            </DetailItem>
            <DetailItem label={t('detail.post')}>{r.position.titleVi}{block ? ` – ${tAll(`blocks.${block}`)}` : ''}</DetailItem>
            <DetailItem label={t('detail.proposedBy')}>{r.proposedBy}</DetailItem>
            <DetailItem label={t('detail.proposedOn')}>{format.date(r.proposedOn)}</DetailItem>
          </dl>
          {figures ? (
            <p className="mt-3 text-sm text-stone-700" data-testid="reception-block-figures">
              {t('detail.blockFigures', { block: tAll(`blocks.${block!}`), headcount: format.number(figures.headcount), quota: format.number(figures.quota), date: format.date(day) })}
            </p>
          ) : null}
        </Card>
      </div>

      <Section id="conditions" title={t('detail.conditions')}>
        <TableContainer label={t('detail.conditions')}>
          <table className={tableClass} data-testid="reception-conditions">
            <caption className="sr-only">{t('detail.conditions')}</caption>
            <thead>
              <tr>
                <th scope="col" className={headCellClass}>{t('detail.condition')}</th>
                <th scope="col" className={headCellClass}>{t('detail.evidenceCol')}</th>
                <th scope="col" className={headCellClass}>{t('detail.commune_finding')}</th>
                <th scope="col" className={headCellClass}>{t('detail.appraisal')}</th>
              </tr>
            </thead>
            <tbody>
              {(['insurance', 'degree', 'field'] as const).map((code) => (
                <tr key={code}>
                  <th scope="row" className={`${cellClass} text-left font-medium`}>{t(`conditions.${code}`)}</th>
                  <td className={cellClass}>{evidence[code]}</td>
                  <td className={cellClass}>{metBadge(claimed(code))}</td>
                  <td className={cellClass}>{metBadge(found[code])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
        <Card className="mt-3 space-y-2 text-sm">
          <p><span className="font-medium">{t('detail.evidence')}:</span> <span className="whitespace-pre-line">{r.evidence ?? '—'}</span></p>
          {r.exceptionReason ? <p data-testid="reception-exception"><span className="font-medium">{t('detail.exception')}:</span> <span className="whitespace-pre-line">{r.exceptionReason}</span></p> : null}
          {r.councilResult ? (
            <p data-testid="reception-council">
              <span className="font-medium">{t('detail.council')}:</span> {t(`council.${r.councilResult}`)}
              {r.councilScore !== null ? ` · ${t('detail.councilScore')} ${r.councilScore}` : ''}
              {r.appraisedOn ? ` · ${t('detail.appraisedOn')} ${format.date(r.appraisedOn)}` : ''}
            </p>
          ) : null}
          {r.appraisalNote ? <p><span className="font-medium">{t('detail.appraisalNote')}:</span> <span className="whitespace-pre-line">{r.appraisalNote}</span></p> : null}
        </Card>
        {mayAppraise || mayRefuse ? (
          <div className="mt-4 grid gap-4 lg:grid-cols-2">
            {mayAppraise
              ? stepForm(t('actions.appraiseHeading'), {
                  id: 'appraise',
                  action: appraiseAndShow,
                  submitLabel: t('actions.appraise'),
                  fields: [
                    yesNo('insuranceMet', t('actions.insuranceMet'), claimed('insurance')),
                    yesNo('degreeMet', t('actions.degreeMet'), claimed('degree')),
                    yesNo('fieldMet', t('actions.fieldMet'), claimed('field')),
                    {
                      type: 'radio', name: 'councilResult', label: t('actions.councilResult'), required: true, inline: true,
                      options: [{ value: 'passed', label: t('council.passed') }, { value: 'failed', label: t('council.failed') }],
                    },
                    { type: 'text', name: 'councilScore', label: t('actions.councilScore'), maxLength: 6 },
                    { type: 'textarea', name: 'note', label: t('actions.note'), maxLength: 2000 },
                  ],
                })
              : null}
            {mayRefuse
              ? stepForm(t('actions.refuseHeading'), {
                  id: 'refuse', action: refuseAndShow, submitLabel: t('actions.refuse'), tone: 'danger',
                  fields: [{ type: 'textarea', name: 'reason', label: t('actions.refuseReason'), required: true, maxLength: 2000 }],
                })
              : null}
          </div>
        ) : null}
      </Section>

      <Section id="decision" title={t('detail.decisionHeading')}>
        <Card roomy className="space-y-1 text-sm" data-testid="reception-decision">
          <p><StateBadge machine="reception" state={r.state} /></p>
          {r.decision ? <p>{t('detail.decisionOf', { number: r.decision.number, date: format.date(r.decision.date), body: r.decision.issuingBody })}</p> : null}
          {r.decision && r.effectiveDate ? <p className="font-medium">{t('detail.effectiveFrom', { date: format.date(r.effectiveDate) })}</p> : null}
          {r.refusalReason ? <p><span className="font-medium">{t('detail.refusalReason')}:</span> <span className="whitespace-pre-line">{r.refusalReason}</span></p> : null}
          {awaited === 'appraise' ? <p className="text-stone-700">{t('detail.awaitingAppraisal')}</p> : null}
          {awaited === 'decide' ? <p className="text-stone-700">{t('detail.awaitingDecision')}</p> : null}
        </Card>
        {mayDecide || mayWithdraw ? (
          <div className="mt-4 grid gap-4 lg:grid-cols-2">
            {mayDecide
              ? stepForm(t('actions.decideHeading'), {
                  id: 'decide',
                  action: decideAndShow,
                  submitLabel: t('actions.decide'),
                  layout: 'grid',
                  fields: [
                    { type: 'text', name: 'decisionNumber', label: tAll('decisions.fields.number'), required: true, maxLength: 50, placeholder: tAll('decisions.fields.numberPlaceholder') },
                    { type: 'date', name: 'decisionDate', label: tAll('decisions.fields.date'), required: true, defaultValue: day },
                    {
                      type: 'select', name: 'issuingBodyId', label: tAll('decisions.fields.issuingBody'), required: true,
                      options: [{ value: '', label: tAll('decisions.fields.chooseIssuingBody') }, ...bodies.map((b) => ({ value: String(b.id), label: b.name }))],
                    },
                    { type: 'date', name: 'effectiveDate', label: t('actions.effectiveDate'), required: true },
                    ...(r.external
                      ? [{ type: 'text', name: 'nationalId', label: t('actions.nationalId'), hint: t('actions.nationalIdHint'), maxLength: 12, defaultValue: r.external.nationalId ?? undefined } satisfies FormFieldSpec]
                      : []),
                    { type: 'textarea', name: 'backdatedReason', label: tAll('decisions.fields.backdatedReason'), hint: tAll('decisions.fields.backdatedHint'), maxLength: 500, rows: 2 },
                  ],
                })
              : null}
            {mayWithdraw
              ? stepForm(t('actions.withdrawHeading'), {
                  id: 'withdraw', action: withdrawAndShow, submitLabel: t('actions.withdraw'), tone: 'secondary',
                  fields: [{ type: 'textarea', name: 'reason', label: t('actions.withdrawReason'), maxLength: 2000 }],
                })
              : null}
          </div>
        ) : null}
      </Section>

      <Section id="timeline" title={t('detail.timeline')}>
        <AuditTimeline
          entries={timeline}
          names={timelineNames}
          about={{ entityType: 'reception', entityId: String(r.id) }}
          empty={t('detail.noTimeline')}
          testId="reception-timeline"
        />
      </Section>

      <p className="mt-8">
        <Link prefetch={false} href="/receptions" className="text-sm font-semibold text-brand-800 underline hover:text-brand-900">{t('detail.back')}</Link>
      </p>
    </>
  );
}
