import type { Metadata } from 'next';
import Link from 'next/link';
import { getMessages, getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listCommunePositions } from '@/lib/db/roster-queries';
import { getCommuneStaffing, listCommuneRoster } from '@/lib/db/staffing-queries';
import { listOpenVacancies } from '@/lib/db/vacancy-queries';
import { projectCommuneStaffing, type StaffingMovement } from '@/lib/domain/projection';
import { listCommuneMovements } from '@/lib/db/movement-queries';
import { getFormatters } from '@/lib/i18n/server';
import { newFormToken } from '@/lib/validation/form-token';
import { RECRUIT_EMPLOYMENT_TYPES } from '@/lib/validation/roster';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { IncompleteRecordsNotice } from '@/components/completeness/incomplete-records-notice';
import { BlockFiguresTable } from '@/components/commune/block-figures-table';
import { RecruitForm } from '@/components/roster/recruit-form';
import { DeclareVacancyForm } from '@/components/vacancies/declare-vacancy-form';
import { VacancyList } from '@/components/vacancies/vacancy-list';
import { CommuneReceptionsLink } from '@/components/receptions/commune-receptions-link';
import { OfflineWorkSection } from '@/components/commune-workbook/offline-section';
import { can } from '@/lib/auth/policy';
import { Section } from '@/components/ui/section';
import { StatCard } from '@/components/ui/stat-card';
import { loadManagedCommune } from './load';
import { issuingBodiesFor } from '@/lib/db/decision-queries';
import { PageNotice } from '@/components/ui/page-notice';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ commune }, t] = await Promise.all([loadManagedCommune((await params).code), getTranslations()]);
  return { title: t('roster.manage.title', { name: commune.name }) };
}

/** The commune chairman's workspace (admin and Home Affairs may use it on any commune of the province). */
export default async function ManageCommunePage({ params, searchParams }: Props) {
  const { user, province, commune, mayEditRoster, mayDeclare } = await loadManagedCommune((await params).code);
  // The answer of a step whose form left the page (closing a need: app/(province)/communes/[code]/manage/actions.ts).
  const notice = (await searchParams).notice === 'vacancyClosed' ? 'vacancyClosed' : null;
  const date = today();
  const [staffing, positions, vacancies, roster, t, format] = await Promise.all([
    getCommuneStaffing(db(), province.id, commune.id, { date }),
    listCommunePositions(db(), province.id),
    listOpenVacancies(db(), commune.id),
    mayEditRoster ? listCommuneRoster(db(), commune.id, date) : Promise.resolve([]),
    getTranslations(),
    getFormatters(),
  ]);
  const communeHref = `/communes/${encodeURIComponent(commune.code)}`;
  const { total } = staffing;
  // Placed secondments not yet ended and approved transfers not yet effective: the same pure projection.
  const movements: StaffingMovement[] = await listCommuneMovements(db(), commune.id, date);
  const projection = projectCommuneStaffing(staffing, movements, date);
  const bodies = (await issuingBodiesFor(db(), province.id, commune.id)).map((b) => ({ value: String(b.id), label: b.name }));
  const positionOptions = positions.map((p) => ({ value: String(p.id), label: `${p.titleVi} (${t(`blocks.${p.block}`)})` }));
  const fieldKeys = Object.keys(((await getMessages()) as { fields?: Record<string, string> }).fields ?? {});
  const fieldOptions = fieldKeys.map((key) => ({ value: key, label: t(`fields.${key}` as Parameters<typeof t>[0]) }));

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.overview'), href: '/' },
          { label: commune.name, href: communeHref },
          { label: t('roster.manageLink') },
        ]}
      />
      <PageHeader eyebrow={t('roster.manage.eyebrow', { code: commune.code })} title={t('roster.manage.title', { name: commune.name })} lead={t('roster.manage.intro')} />

      <Section id="figures" title={t('commune.blocks.heading')}>
        <dl className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatCard label={t('figures.quota')} value={format.number(total.quota)} />
          <StatCard label={t('figures.headcount')} value={format.number(total.headcount)} />
          <StatCard
            label={t('figures.difference')}
            value={format.signed(total.difference)}
            emphasis={total.difference < 0 ? 'alert' : total.difference > 0 ? 'surplus' : 'default'}
          />
          <StatCard label={t('commune.summary.keyVacancies')} value={format.number(staffing.keyVacancies)} emphasis={staffing.keyVacancies > 0 ? 'alert' : 'default'} />
        </dl>
        <BlockFiguresTable staffing={staffing} projection={projection} />
        <p className="mt-2 text-sm text-stone-600" data-testid="projection-note">
          {projection.counted === 0 ? t('roster.projection.none') : t('roster.projection.some', { count: projection.counted })}
        </p>
      </Section>

      <Section id="vacancies" title={t('vacancies.heading')}>
        <PageNotice message={notice ? t('vacancies.closed') : null} />
        <VacancyList vacancies={vacancies} closable={mayDeclare ? { communeCode: commune.code } : null} />
      </Section>

      <CommuneReceptionsLink commune={{ id: commune.id, code: commune.code, provinceId: province.id }} />

      {mayDeclare ? (
        <Section id="declare" title={t('vacancies.declare.title')}>
          <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-xs">
            <DeclareVacancyForm communeId={commune.id} positions={positionOptions} fields={fieldOptions} token={newFormToken()} />
          </div>
        </Section>
      ) : null}

      {mayEditRoster ? (
        <>
          <Section id="recruit" title={t('roster.recruit.title')}>
            <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-xs">
              <RecruitForm
                bodies={bodies}
                communeId={commune.id}
                token={newFormToken()}
                today={date}
                options={{
                  gender: (['male', 'female'] as const).map((g) => ({ value: g, label: t(`gender.${g}`) })),
                  employmentType: RECRUIT_EMPLOYMENT_TYPES.map((e) => ({ value: e, label: t(`employmentType.${e}`) })),
                  education: (['intermediate', 'college', 'university', 'master', 'doctorate'] as const).map((e) => ({ value: e, label: t(`education.${e}`) })),
                  fields: fieldOptions,
                  positions: positionOptions,
                }}
              />
            </div>
          </Section>

          {can(user, 'communeWorkbook.use', { provinceId: province.id, communeId: commune.id }) ? <OfflineWorkSection communeCode={commune.code} /> : null}
          <IncompleteRecordsNotice commune={commune} />
          <Section id="people" title={t('roster.manage.people')} description={t('roster.manage.peopleHint')}>
            <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white shadow-xs">
              {roster.map((person) => (
                <li key={person.cadreId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                  <div className="min-w-0">
                    <p className="font-medium text-stone-900">{person.fullName}</p>
                    <p className="text-xs text-stone-600">
                      {person.code}
                      {person.primaryPosition ? ` · ${person.primaryPosition.titleVi}` : ''}
                      {person.concurrentPositions.length > 0
                        ? ` · ${t('roster.concurrent.title')}: ${person.concurrentPositions.map((p) => p.titleVi).join(', ')}`
                        : ''}
                      {' · '}
                      {t(`employmentType.${person.employmentType}`)}
                      {person.counts ? null : <> · {t('commune.roster.notCounted')}</>}
                    </p>
                  </div>
                  {/* The departure link stays first: the chairman e2e journey opens the first link of a row. */}
                  <div className="flex flex-wrap gap-x-1">
                    <Link prefetch={false}
                      href={`/communes/${encodeURIComponent(commune.code)}/manage/departure/${encodeURIComponent(person.code)}`}
                      aria-label={t('roster.manage.departFor', { name: person.fullName })}
                      className="rounded-md px-2 py-2 text-sm font-medium text-brand-800 underline hover:text-brand-900"
                    >
                      {t('roster.manage.depart')}
                    </Link>
                    <Link prefetch={false}
                      href={`/communes/${encodeURIComponent(commune.code)}/manage/person/${encodeURIComponent(person.code)}`}
                      aria-label={t('roster.manage.personFor', { name: person.fullName })}
                      className="rounded-md px-2 py-2 text-sm font-medium text-brand-800 underline hover:text-brand-900"
                    >
                      {t('roster.manage.person')}
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          </Section>
        </>
      ) : null}

      <p className="mt-6">
        <Link prefetch={false} href={communeHref} className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
          ← {t('roster.manage.back', { name: commune.name })}
        </Link>
      </p>
    </>
  );
}
