import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { yearOf } from '@/lib/domain/quota-years';
import { db } from '@/lib/db/client';
import { listOverfilledKeyPlaces } from '@/lib/db/key-place-queries';
import { poolOf } from '@/lib/db/prisma';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import {
  findCommune,
  listCommunePersonalFields,
  getCommuneStaffing,
  listCommuneRoster,
  listKeyHolders,
  listPositions,
} from '@/lib/db/staffing-queries';
import { listOpenVacancies } from '@/lib/db/vacancy-queries';
import { getFormatters, localizedTitle } from '@/lib/i18n/server';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { BlockFiguresTable } from '@/components/commune/block-figures-table';
import { KeyPositionsTable } from '@/components/commune/key-positions-table';
import { listIncomingSecondments } from '@/lib/db/movement-queries';
import { RosterTable } from '@/components/commune/roster-table';
import { UnitFlags } from '@/components/staffing/unit-flags';
import { VacancyList } from '@/components/vacancies/vacancy-list';
import { CommuneSupport } from '@/components/support/commune-support';
import { Section } from '@/components/ui/section';
import { CommunePastRetirement } from '@/components/retirement/commune-past-retirement';
import { StatCard } from '@/components/ui/stat-card';
import { routeCode } from '@/lib/validation/route-params';
import { getProvinceForRequest } from '../../../_lib/current-province';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }> };

// Looked up in the user's province only: another province's code reads as unknown (404). A commune that
// exists but is outside the user's scope is 403 (docs/domain.md, Who sees what).
async function loadCommune(rawCode: string) {
  const user = await requireUser();
  const province = await getProvinceForRequest();
  const code = routeCode(rawCode);
  const commune = code === null ? null : await findCommune(db(), province.id, code);
  const resource = commune ? { provinceId: province.id, communeId: commune.id } : null;
  return {
    user,
    province,
    commune,
    mayView: resource !== null && can(user, 'commune.view', resource),
    mayViewPersonal: resource !== null && can(user, 'cadre.viewPersonal', resource),
    mayManage: resource !== null && (can(user, 'roster.edit', resource) || can(user, 'vacancy.declare', resource)),
  };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ commune, mayView }, t] = await Promise.all([loadCommune((await params).code), getTranslations()]);
  return commune && mayView ? { title: t('commune.title', { kind: t(`unitKind.${commune.kind}`), name: commune.name }) } : {};
}

export default async function CommunePage({ params }: Props) {
  const { user, province, commune, mayView, mayViewPersonal, mayManage } = await loadCommune((await params).code);
  if (!commune) notFound();
  if (!mayView) forbidden();
  const date = today();
  const [staffing, holders, positions, roster, personal, vacancies, secondees, overfilled, t, format, locale] = await Promise.all([
    getCommuneStaffing(db(), province.id, commune.id, { date }),
    listKeyHolders(db(), commune.id, date),
    listPositions(db(), province.id),
    listCommuneRoster(db(), commune.id, date),
    mayViewPersonal ? listCommunePersonalFields(db(), commune.id, date) : Promise.resolve(null),
    listOpenVacancies(db(), commune.id),
    listIncomingSecondments(db(), commune.id, date),
    listOverfilledKeyPlaces(poolOf(db()), { provinceId: province.id, date, communeIds: [commune.id] }),
    getTranslations(),
    getFormatters(),
    getLocale(),
  ]);
  const districtHref = `/districts/${encodeURIComponent(commune.oldDistrict.code)}`;
  const counted = roster.filter((row) => row.counts).length;
  const { total } = staffing;

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.overview'), href: '/' },
          { label: commune.oldDistrict.name, href: districtHref },
          { label: commune.name },
        ]}
      />
      <PageHeader eyebrow={t('commune.eyebrow', { code: commune.code })} title={t('commune.title', { kind: t(`unitKind.${commune.kind}`), name: commune.name })}>
        <div className="mt-2 space-y-2 text-sm text-stone-700">
          <p>
            {t.rich('commune.oldDistrict', {
              name: commune.oldDistrict.name,
              link: (chunks) => (
                <Link prefetch={false} href={districtHref} className="font-medium text-brand-800 underline hover:text-brand-900">
                  {chunks}
                </Link>
              ),
            })}
          </p>
          {commune.mergedFrom.length > 0 ? <p>{t('commune.mergedFrom', { names: commune.mergedFrom.join(', ') })}</p> : null}
          <UnitFlags unit={{ ...staffing, border: commune.border, missingQuota: staffing.missingQuotaBlocks.length > 0 }} />
          {mayManage ? (
            <p>
              <Link prefetch={false}
                href={`/communes/${encodeURIComponent(commune.code)}/manage`}
                className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800"
              >
                {t('roster.manageLink')}
              </Link>
            </p>
          ) : null}
        </div>
      </PageHeader>

      <Section id="summary" title={t('overview.headline.heading')}>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          <StatCard
            label={t('figures.quota')}
            value={format.number(total.quota)}
            note={
              staffing.quotaYear === null
                ? t('commune.noQuotaYear')
                : staffing.quotaYear < yearOf(date)
                  ? t('quotaYears.note.earlierOnly', { year: String(staffing.quotaYear), asked: String(yearOf(date)) })
                  : t('commune.quotaYear', { year: String(staffing.quotaYear) })
            }
          />
          <StatCard label={t('figures.headcount')} value={format.number(total.headcount)} />
          <StatCard
            label={t('figures.difference')}
            value={format.signed(total.difference)}
            note={
              total.difference > 0
                ? t('overview.headline.differenceSurplus', { count: format.number(total.difference) })
                : total.difference < 0
                  ? t('overview.headline.differenceShortage', { count: format.number(-total.difference) })
                  : t('overview.headline.differenceBalanced')
            }
            emphasis={total.difference < 0 ? 'alert' : total.difference > 0 ? 'surplus' : 'default'}
          />
          <StatCard
            label={t('commune.summary.keyVacancies')}
            value={format.number(staffing.keyVacancies)}
            emphasis={staffing.keyVacancies > 0 ? 'alert' : 'default'}
          />
          <StatCard
            className="col-span-2 lg:col-span-1"
            label={t('commune.summary.concurrentOnly')}
            value={format.number(staffing.concurrentOnlyPlaces)}
          />
        </dl>
      </Section>

      <Section id="blocks" title={t('commune.blocks.heading')}>
        <BlockFiguresTable staffing={staffing} />
        {staffing.missingQuotaBlocks.length > 0 && staffing.quotaYear !== null ? (
          <p className="mt-2 text-sm text-amber-900">
            {t('commune.missingQuota', {
              blocks: staffing.missingQuotaBlocks.map((block) => t(`blocks.${block}`)).join(', '),
              year: String(staffing.quotaYear),
            })}
          </p>
        ) : null}
      </Section>

      {overfilled.length > 0 ? (
        <section aria-labelledby="data-problems" className="mb-6 rounded-lg border-2 border-amber-400 bg-amber-50 p-4" data-testid="data-problems">
          <h2 id="data-problems" className="text-base font-semibold text-amber-950">{t('commune.dataProblems.heading')}</h2>
          <p className="mt-1 text-sm text-amber-950">{t('commune.dataProblems.lead')}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm font-medium text-stone-900">
            {overfilled.map((place) => (
              <li key={place.positionId}>
                {t('commune.dataProblems.overfilled', {
                  position: localizedTitle(locale, { titleVi: place.positionTitleVi, titleEn: place.positionTitleEn }),
                  count: format.number(place.holders.length),
                  holders: place.holders.join(', '),
                  norm: format.number(place.norm),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Section id="key-positions" title={t('commune.keyPositions.heading')}>
        <KeyPositionsTable keyPositions={staffing.keyPositions} holders={holders} positions={positions} secondees={secondees} />
      </Section>

      {secondees.length > 0 ? (
        <Section id="secondees" title={t('commune.secondees.heading')} description={t('commune.secondees.lead')}>
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm shadow-xs" data-testid="secondees">
            {secondees.map((s) => (
              <li key={s.secondmentId} className="px-3 py-2">
                <span className="font-medium text-stone-900">{s.cadreName}</span>
                <span className="text-stone-700"> · {s.positionTitle} · {s.departmentName}</span>
                <span className="block text-xs text-stone-600">
                  {t('commune.secondees.period', { start: format.date(s.startDate), end: format.date(s.until) })}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <CommuneSupport user={user} commune={{ id: commune.id, provinceId: province.id, code: commune.code }} />

      <Section id="vacancies" title={t('vacancies.heading')}>
        <VacancyList vacancies={vacancies} />
      </Section>

      <Section
        id="roster"
        title={t('commune.roster.heading')}
        description={t('commune.roster.count', { count: format.number(roster.length), counted: format.number(counted) })}
      >
        <RosterTable roster={roster} personal={personal} />
      </Section>
      <CommunePastRetirement provinceId={province.id} commune={commune} today={date} mayManage={mayManage} />

      <p className="mt-6">
        <Link prefetch={false} href={districtHref} className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
          ← {t('commune.back', { name: commune.oldDistrict.name })}
        </Link>
      </p>
    </>
  );
}
