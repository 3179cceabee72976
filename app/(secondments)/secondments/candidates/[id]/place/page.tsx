import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { countFieldVacancies, countIncomingSecondments, findCandidateForPlacement, type PlacementCandidate } from '@/lib/db/placement-queries';
import { issuingBodiesFor } from '@/lib/db/decision-queries';
import { listCommunePositions } from '@/lib/db/roster-queries';
import { getProvinceStaffing } from '@/lib/db/staffing-queries';
import { rankCommunesForPlacement } from '@/lib/domain/placement-ranking';
import { addMonthsToDate, mayTakeCandidateAction } from '@/lib/domain/secondment';
import { allowedOn } from '@/lib/actions/secondments/load';
import { getFormatters, localizedTitle } from '@/lib/i18n/server';
import { FIELD_CODES } from '@/lib/validation/position';
import { placeAndShow } from '../../../actions';
import type { SessionUser } from '@/lib/auth/roles';
import { decisionFieldSpecs } from '@/components/decisions/decision-field-specs';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ActionForm } from '@/components/forms/action-form';
import { PageNotice } from '@/components/secondments/page-notice';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/section';
import { listPlansOf } from '@/lib/db/planning-queries';
import { PlannedInCommune } from '@/components/planning/planned-in-commune';
import { listShortProfiles } from '@/lib/db/people-profile-queries';
import { ShortProfile } from '@/components/people/short-profile';
import { TableContainer, cellClass, headCellClass, numericCellClass, numericHeadCellClass, tableClass } from '@/components/ui/table';
import { requirePermission } from '../../../../../_lib/current-province';
import { routeId } from '@/lib/validation/route-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** The candidate in the user's province (else 404), for those who place (else 403). */
async function load(rawId: string): Promise<{ user: SessionUser; candidate: PlacementCandidate }> {
  const user = await requirePermission('secondment.place');
  const id = routeId(rawId);
  const candidate = id === null ? null : await findCandidateForPlacement(db(), user.provinceId, id);
  if (!candidate) notFound();
  await requirePermission('secondment.place', { provinceId: user.provinceId, departmentId: candidate.department.id });
  return { user, candidate };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser();
  const [{ candidate }, t] = await Promise.all([load((await params).id), getTranslations('secondment')]);
  return { title: t('place.title', { name: candidate.cadre.fullName }) };
}

/** The last day of a term of `months` starting on `start`: start + months − 1 day. */
function termEnd(start: string, months: number): string {
  const end = new Date(`${addMonthsToDate(start, months)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

export default async function PlaceCandidatePage({ params }: Props) {
  const { user, candidate } = await load((await params).id);
  const date = today();
  const field = candidate.field ?? candidate.cadre.field;
  const [t, tFields, tDecision, bodies, format, locale, staffing, fieldVacancies, incoming, positions] = await Promise.all([
    getTranslations('secondment'),
    getTranslations('fields'),
    getTranslations('decisions.fields'),
    issuingBodiesFor(db(), user.provinceId, null),
    getFormatters(),
    getLocale(),
    getProvinceStaffing(db(), user.provinceId, { date }),
    countFieldVacancies(db(), user.provinceId, field),
    countIncomingSecondments(db(), user.provinceId, date),
    listCommunePositions(db(), user.provinceId),
  ]);
  const fieldLabel = field && (FIELD_CODES as readonly string[]).includes(field) ? tFields(field as (typeof FIELD_CODES)[number]) : (field ?? '—');
  const ranked = rankCommunesForPlacement(
    staffing.communes.map((c) => ({
      communeId: c.communeId, code: c.code, name: c.name, mountainous: c.mountainous, extremelyDisadvantaged: c.extremelyDisadvantaged,
      difference: c.total.difference, keyVacancies: c.keyVacancies, fieldVacancies: fieldVacancies.get(c.communeId) ?? 0,
      incomingSecondments: incoming.get(c.communeId) ?? 0,
    })),
  );
  // The same machine and policy binding the placing action uses.
  const mayPlace = mayTakeCandidateAction('place', candidate.state, candidate.listState, allowedOn(user, { provinceId: user.provinceId, departmentId: candidate.department.id }));
  const listHref = `/secondments/lists/${candidate.listId}`;
  const start = candidate.conclusion && candidate.conclusion.date > date ? candidate.conclusion.date : date;
  const title = t('place.title', { name: candidate.cadre.fullName });
  const preferred = candidate.preferredCommune ? ranked.find((c) => c.communeId === candidate.preferredCommune!.id) : undefined;
  const top = ranked.slice(0, 15);
  const communeLabel = (c: (typeof ranked)[number]) =>
    `${c.name} — ${t('place.optionFigures', { difference: format.signed(c.difference), projected: format.signed(c.projectedDifference), key: c.keyVacancies, field: c.fieldVacancies })}${c.mountainous ? ` · ${t('place.mountainous')}` : ''}${c.extremelyDisadvantaged ? ` · ${t('place.disadvantaged')}` : ''}`;

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('pages.title'), href: '/secondments' },
          { label: t('list.title', { department: candidate.department.name, number: String(candidate.phase.number), year: String(candidate.phase.year) }), href: listHref },
          { label: t('place.crumb') },
        ]}
      />
      <PageHeader eyebrow={t('place.eyebrow')} title={title} lead={t('place.lead')}>
        <PlannedInCommune plans={await listPlansOf(db(), user.provinceId, candidate.cadre.code)} cadreId={null} communeId={null} />
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-stone-600">{t('table.person')}</dt>
            <dd className="font-medium">{candidate.cadre.fullName} <span className="numeric text-stone-600">({candidate.cadre.code})</span></dd>
            <dd className="font-normal">
              <ShortProfile profile={(await listShortProfiles(db(), [candidate.cadre.id], date)).get(candidate.cadre.id)} withName={false} />
            </dd>
          </div>
          <div>
            <dt className="text-stone-600">{t('table.department')}</dt>
            <dd className="font-medium">{candidate.department.name}</dd>
          </div>
          <div>
            <dt className="text-stone-600">{t('place.field')}</dt>
            <dd className="font-medium">{fieldLabel} · {t(`kinds.${candidate.kind}`)}</dd>
          </div>
          <div>
            <dt className="text-stone-600">{t('table.decision')}</dt>
            <dd className="font-medium">{candidate.conclusion ? t('table.approvedBy', { number: candidate.conclusion.number, date: format.date(candidate.conclusion.date) }) : '—'}</dd>
          </div>
        </dl>
      </PageHeader>

            {candidate.secondment ? (
        <div className="rounded-lg border border-stone-200 bg-white p-4 text-sm shadow-xs" data-testid="placed">
          <p className="mb-2">
            {t('place.placedAs', {
              position: candidate.secondment.position, commune: candidate.secondment.commune,
              start: format.date(candidate.secondment.startDate), end: format.date(candidate.secondment.endedOn ?? candidate.secondment.endDate),
            })}
          </p>
          <Link prefetch={false} href={listHref} className="font-semibold text-brand-800 underline hover:text-brand-900">{t('place.backToList')}</Link>
        </div>
      ) : !mayPlace ? (
        <div className="rounded-lg border border-stone-200 bg-white p-4 text-sm shadow-xs">
          <p className="mb-2">{t('place.notApproved', { state: t(`states.candidate.${candidate.state}`) })}</p>
          <Link prefetch={false} href={listHref} className="font-semibold text-brand-800 underline hover:text-brand-900">{t('place.backToList')}</Link>
        </div>
      ) : (
        <>
          <Section id="placement-form" title={t('place.formHeading')} description={t('place.formDescription')}>
            <Card roomy className="max-w-3xl">
              <ActionForm
                namespace="secondment"
                id="place"
                action={placeAndShow}
                hidden={{ candidateId: candidate.id, version: candidate.version, listId: candidate.listId }}
                submitLabel={t('place.submit')}
                layout="grid"
                fields={[
                  {
                    type: 'select', name: 'communeId', label: t('place.commune'), required: true, hint: t('place.communeHint'),
                    defaultValue: '',
                    options: [{ value: '', label: t('place.chooseCommune') }, ...ranked.map((c) => ({ value: String(c.communeId), label: communeLabel(c) }))],
                  },
                  {
                    type: 'select', name: 'positionId', label: t('place.position'), required: true, defaultValue: '',
                    options: [{ value: '', label: t('place.choosePosition') }, ...positions.map((p) => ({ value: String(p.id), label: `${localizedTitle(locale, p)}${p.isKey ? ` (${t('place.key')})` : ''}` }))],
                  },
                  { type: 'date', name: 'startDate', label: t('place.startDate'), required: true, defaultValue: start },
                  { type: 'date', name: 'endDate', label: t('place.endDate'), required: true, defaultValue: termEnd(start, 36), hint: t('place.endDateHint') },
                  ...decisionFieldSpecs(tDecision, bodies, date),
                ]}
              />
              <p className="mt-4 text-sm">
                <Link prefetch={false} href={listHref} className="font-semibold text-brand-800 underline hover:text-brand-900">{t('place.backToList')}</Link>
              </p>
            </Card>
          </Section>
          {preferred ? <p className="mt-4 text-sm text-stone-700">{t('place.preferred', { commune: preferred.name, rank: ranked.indexOf(preferred) + 1 })}</p> : null}
          <Section id="ranking" title={t('place.rankingHeading')} description={t('place.rankingDescription', { field: fieldLabel, count: top.length })}>
            <TableContainer label={t('place.rankingHeading')}>
              <table className={tableClass} data-testid="ranking">
                <thead>
                  <tr>
                    <th scope="col" className={numericHeadCellClass}>#</th>
                    <th scope="col" className={headCellClass}>{t('place.commune')}</th>
                    <th scope="col" className={numericHeadCellClass}>{t('place.difference')}</th>
                    <th scope="col" className={numericHeadCellClass}>{t('place.projected')}</th>
                    <th scope="col" className={numericHeadCellClass}>{t('place.keyVacancies')}</th>
                    <th scope="col" className={numericHeadCellClass}>{t('place.fieldVacancies')}</th>
                  </tr>
                </thead>
                <tbody>
                  {top.map((c, index) => (
                    <tr key={c.communeId}>
                      <td className={numericCellClass}>{index + 1}</td>
                      <th scope="row" className={`${cellClass} min-w-44 text-left font-medium`}>
                        <Link prefetch={false} href={`/communes/${encodeURIComponent(c.code)}`} className="text-brand-800 underline hover:text-brand-900">{c.name}</Link>
                        <span className="mt-0.5 flex flex-wrap gap-1">
                          {c.priorityNeed ? <Badge tone="red">{t('place.priority')}</Badge> : null}
                          {c.mountainous ? <Badge tone="green">{t('place.mountainous')}</Badge> : null}
                          {c.extremelyDisadvantaged ? <Badge tone="violet">{t('place.disadvantaged')}</Badge> : null}
                        </span>
                      </th>
                      <td className={`${numericCellClass} ${c.difference < 0 ? 'text-red-700' : ''}`}>{format.signed(c.difference)}</td>
                      <td className={`${numericCellClass} ${c.projectedDifference < 0 ? 'text-red-700' : ''}`}>
                        {format.signed(c.projectedDifference)}
                        {c.incomingSecondments > 0 ? <span className="block text-xs text-stone-600">{t('place.incoming', { count: c.incomingSecondments })}</span> : null}
                      </td>
                      <td className={numericCellClass}>{format.number(c.keyVacancies)}</td>
                      <td className={numericCellClass}>{format.number(c.fieldVacancies)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableContainer>
          </Section>
        </>
      )}
    </>
  );
}
