import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getMessages, getTranslations } from 'next-intl/server';
import { allowedOnReception } from '@/lib/actions/receptions/load';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listCommuneNonProfessionals, listReceptionPosts, listReceptions } from '@/lib/db/reception-queries';
import { settingAt } from '@/lib/db/setting-queries';
import { findCommune } from '@/lib/db/staffing-queries';
import { DEGREES, mayTakeReceptionAction } from '@/lib/domain/reception';
import { newFormToken } from '@/lib/validation/form-token';
import { routeCode } from '@/lib/validation/route-params';
import { ActionForm } from '@/components/forms/action-form';
import { FormMessages } from '@/components/forms/form-messages';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ReceptionNotice } from '@/components/receptions/page-notice';
import { ReceptionTable } from '@/components/receptions/reception-table';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { getProvinceForRequest, requirePermission } from '@/app/_lib/current-province';
import { withdrawFromListAndShow } from '@/app/(receptions)/receptions/actions';
import { proposeReception } from '@/lib/actions/receptions/propose-reception';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The proposal form answers in these namespaces (the person's fields with the roster's messages).
const FORM_NAMESPACES = ['reception', 'roster.errors', 'nationalId.errors'] as const;

/** The commune in the user's province (else 404) whose proposals the user may see (else 403). */
async function load(rawCode: string) {
  const user = await requireUser();
  const province = await getProvinceForRequest();
  const code = routeCode(rawCode);
  const commune = code === null ? null : await findCommune(db(), province.id, code);
  if (!commune) notFound();
  const resource = { provinceId: province.id, communeId: commune.id };
  await requirePermission('reception.view', resource);
  return { user, province, commune, mayPropose: can(user, 'reception.propose', resource) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ commune }, t] = await Promise.all([load((await params).code), getTranslations('reception.propose')]);
  return { title: t('pageTitle', { name: commune.name }) };
}

/**
 * A commune's proposals of reception into its civil service (docs/decisions/043-reception-and-recruitment.md): the
 * chairman proposes one of his non-professional workers or someone from elsewhere, follows his proposals and may
 * withdraw them while open; the province's bodies read them here too.
 */
export default async function CommuneReceptionsPage({ params, searchParams }: Props) {
  const { user, province, commune, mayPropose } = await load((await params).code);
  const query = await searchParams;
  const date = today();
  const [workers, posts, proposals, minimum, t, tAll, messages] = await Promise.all([
    mayPropose ? listCommuneNonProfessionals(db(), commune.id, date) : Promise.resolve([]),
    mayPropose ? listReceptionPosts(db(), province.id) : Promise.resolve([]),
    listReceptions(db(), province.id, { communeId: commune.id }),
    settingAt(db(), province.id, 'reception.minInsuranceYears', date),
    getTranslations('reception'),
    getTranslations(),
    getMessages(),
  ]);
  const communeHref = `/communes/${encodeURIComponent(commune.code)}`;
  const fieldKeys = Object.keys((messages as { fields?: Record<string, string> }).fields ?? {});
  const fieldOptions = fieldKeys.map((key) => ({ value: key, label: tAll(`fields.${key}` as Parameters<typeof tAll>[0]) }));
  const withdrawable = proposals.filter((p) => mayTakeReceptionAction('withdraw', p.state, allowedOnReception(user, p)));

  return (
    <FormMessages paths={FORM_NAMESPACES}>
      <Breadcrumbs
        items={[
          { label: tAll('nav.overview'), href: '/' },
          { label: commune.name, href: communeHref },
          { label: tAll('roster.manageLink'), href: `${communeHref}/manage` },
          { label: t('propose.link') },
        ]}
      />
      <PageHeader eyebrow={tAll('roster.manage.eyebrow', { code: commune.code })} title={t('propose.pageTitle', { name: commune.name })} lead={t('propose.pageLead', { years: minimum.value })} />
      <ReceptionNotice notice={query.notice} />

      <Section id="mine" title={t('propose.mine')}>
        {proposals.length === 0 ? (
          <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-700">{t('list.empty')}</p>
        ) : (
          <ReceptionTable rows={proposals} showCommune={false} testId="commune-receptions" />
        )}
        {withdrawable.length > 0 ? (
          <ul className="mt-3 space-y-2">
            {withdrawable.map((p) => (
              <li key={p.id}>
                <details className="rounded-lg border border-stone-200 bg-white px-3 py-2 shadow-xs">
                  <summary className="cursor-pointer py-1 text-sm font-semibold text-brand-800">{t('propose.withdrawFor', { name: p.fullName })}</summary>
                  <ActionForm
                    id={`withdraw-${p.id}`}
                    namespace="reception"
                    action={withdrawFromListAndShow}
                    hidden={{ receptionId: p.id, version: p.version, communeCode: commune.code }}
                    submitLabel={t('actions.withdraw')}
                    tone="secondary"
                    className="mt-2 space-y-3"
                    fields={[{ type: 'textarea', name: 'reason', label: t('actions.withdrawReason'), maxLength: 2000, rows: 2 }]}
                  />
                </details>
              </li>
            ))}
          </ul>
        ) : null}
      </Section>

      {mayPropose ? (
        <Section id="propose" title={t('propose.title')} description={t('propose.lead')}>
          <Card roomy>
            <ActionForm
              id="propose"
              namespace="reception"
              action={proposeReception}
              hidden={{ communeId: commune.id }}
              token={newFormToken()}
              submitLabel={t('propose.submit')}
              layout="grid"
              fields={[
                {
                  type: 'select', name: 'cadreId', label: t('propose.cadreId'), hint: t('propose.cadreIdHint'),
                  options: [
                    { value: '', label: t('propose.chooseWorker') },
                    ...workers.map((w) => ({ value: String(w.id), label: `${w.fullName} (${w.code}, ${w.post})${w.inOpenProposal ? ` – ${t('propose.inOpen')}` : ''}` })),
                  ],
                },
                {
                  type: 'select', name: 'positionId', label: t('propose.positionId'), required: true,
                  options: [{ value: '', label: t('propose.choosePosition') }, ...posts.map((p) => ({ value: String(p.id), label: `${p.titleVi} (${tAll(`blocks.${p.block}`)})` }))],
                },
                { type: 'text', name: 'fullName', label: t('propose.fullName'), hint: t('propose.externalHint'), maxLength: 100 },
                {
                  type: 'select', name: 'gender', label: t('propose.gender'),
                  options: [{ value: '', label: t('propose.chooseGender') }, ...(['male', 'female'] as const).map((g) => ({ value: g, label: tAll(`gender.${g}`) }))],
                },
                { type: 'date', name: 'birthDate', label: t('propose.birthDate') },
                { type: 'text', name: 'nationalId', label: t('propose.nationalId'), maxLength: 12 },
                { type: 'text', name: 'workplace', label: t('propose.workplace'), maxLength: 200, wide: true },
                { type: 'text', name: 'insuranceMonths', label: t('propose.insuranceMonths'), hint: t('propose.insuranceHint', { months: minimum.value * 12 }), required: true, maxLength: 3 },
                {
                  type: 'select', name: 'degree', label: t('propose.degree'),
                  options: [{ value: '', label: t('propose.chooseDegree') }, ...DEGREES.map((d) => ({ value: d, label: tAll(`education.${d}`) }))],
                },
                { type: 'select', name: 'degreeField', label: t('propose.degreeField'), options: [{ value: '', label: t('propose.chooseField') }, ...fieldOptions] },
                { type: 'textarea', name: 'evidence', label: t('propose.evidence'), maxLength: 4000, rows: 3 },
                { type: 'textarea', name: 'exceptionReason', label: t('propose.exceptionReason'), maxLength: 2000, rows: 2 },
              ]}
            />
          </Card>
        </Section>
      ) : null}

      <p className="mt-6">
        <Link prefetch={false} href={`${communeHref}/manage`} className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
          ← {t('propose.backToManage')}
        </Link>
      </p>
    </FormMessages>
  );
}
