import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { currentYear } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { getRoundView } from '@/lib/db/rating-queries';
import { findCommune } from '@/lib/db/staffing-queries';
import { RATING_GROUPS, RATING_PERMISSION, roundTakesRatings, type RatingGroup } from '@/lib/domain/ratings';
import { getFormatters } from '@/lib/i18n/server';
import { ratingYearParam } from '@/lib/validation/rating';
import { routeCode } from '@/lib/validation/route-params';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { RoundTable } from '@/components/ratings/round-table';
import { ConfirmRoundForm, RemoveRatingForm } from '@/components/ratings/rating-forms';
import { RatingYearForm } from '@/components/ratings/year-form';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { StateBadge } from '@/components/ui/state-badge';
import { PageNotice, knownNotice } from '@/components/ui/page-notice';
import { getProvinceForRequest } from '../../../../_lib/current-province';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ratings');
  return { title: t('navLabel') };
}

/**
 * A commune's rating round for a year and group (docs/decisions/040-annual-ratings.md): the chairman rates his
 * commune's civil servants, the Organizing Committee the cadres of any commune, each with a form per person, then
 * confirms the round; the province's bodies read every round. Works without JavaScript.
 */
export default async function CommuneRatingsPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const province = await getProvinceForRequest();
  const code = routeCode((await params).code);
  const commune = code === null ? null : await findCommune(db(), province.id, code);
  if (!commune) notFound();
  const resource = { provinceId: province.id, communeId: commune.id };
  const readsAll = can(user, 'rating.view', resource);
  // The groups this user may see here: every group for the province's bodies, else the groups he rates.
  const groups = RATING_GROUPS.filter((g) => readsAll || can(user, RATING_PERMISSION[g], resource));
  if (groups.length === 0) forbidden();
  const query = await searchParams;
  const thisYear = currentYear();
  const year = ratingYearParam(query.year, thisYear);
  const notice = knownNotice(query.notice, ['confirmed'] as const);
  const rated = groups.find((g) => can(user, RATING_PERMISSION[g], resource));
  const group: RatingGroup = groups.find((g) => g === query.group) ?? rated ?? groups[0];
  const [view, t, tAll, format] = await Promise.all([getRoundView(db(), province.id, commune.id, year, group), getTranslations('ratings'), getTranslations(), getFormatters()]);
  const mayRate = can(user, RATING_PERMISSION[group], resource) && roundTakesRatings(view.round?.state ?? null);
  const href = `/ratings/communes/${encodeURIComponent(commune.code)}`;
  const allowed = Math.floor((view.percent * view.counts.good) / 100);

  return (
    <>
      <Breadcrumbs
        items={[
          { label: tAll('nav.overview'), href: '/' },
          ...(readsAll ? [{ label: t('navLabel'), href: `/ratings?year=${year}` }] : []),
          { label: commune.name },
        ]}
      />
      <PageHeader eyebrow={commune.code} title={t('round.title', { group, year, commune: commune.name })} lead={t('round.lead', { months: view.minMonths })} />
      <RatingYearForm action={href} year={year} currentYear={thisYear} hidden={{ group }} />
      {groups.length > 1 ? (
        <nav aria-label={t('progress.group')} className="mb-4 flex gap-3 text-sm">
          {groups.map((g) => (
            <Link prefetch={false} key={g} href={`${href}?year=${year}&group=${g}`} aria-current={g === group ? 'page' : undefined} className={g === group ? 'font-semibold text-stone-900' : 'text-brand-800 underline'}>
              {t('round.groupLink', { group: g })}
            </Link>
          ))}
        </nav>
      ) : null}

      <div id="round-summary" className="scroll-mt-4">
        <PageNotice message={notice ? t(`notices.${notice}`) : null} />
        <div className="mb-4 space-y-1 text-sm text-stone-800" data-testid="round-summary">
          <p className="flex flex-wrap items-center gap-2">
            {view.round ? <StateBadge machine="ratingRound" state={view.round.state} /> : null}
            {t('round.summary', { toRate: view.toRate, rated: view.rated, unrated: view.unrated })}
          </p>
          <p data-testid="round-share" className={view.breach ? 'font-medium text-red-800' : undefined}>
            {view.breach
              ? t('round.shareBreach', { ...view.breach })
              : t('round.share', { excellent: view.counts.excellent, good: view.counts.good, allowed, percent: view.percent })}
          </p>
          {view.round?.confirmedAt ? <p>{t('round.confirmedOn', { date: format.date(view.round.confirmedAt.toISOString().slice(0, 10)) })}</p> : null}
          {view.round?.overLimitReason ? <p>{t('round.overLimitReason', { reason: view.round.overLimitReason })}</p> : null}
          {!mayRate && roundTakesRatings(view.round?.state ?? null) ? <p className="text-stone-600">{t('round.readOnly')}</p> : null}
        </div>
      </div>

      {view.people.length === 0 ? (
        <p className="text-sm text-stone-700">{t('round.empty', { year })}</p>
      ) : (
        <RoundTable view={view} group={group} communeId={commune.id} year={year} mayRate={mayRate} />
      )}

      {view.strays.length > 0 ? (
        <Section id="strays" title={t('round.strays')}>
          <ul className="space-y-2 text-sm">
            {view.strays.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-3">
                <span>{s.fullName} ({s.code}): {t(`levels.${s.level}`)}</span>
                {mayRate ? <RemoveRatingForm group={group} communeId={commune.id} ratingId={s.id} version={s.version} /> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {mayRate && view.round ? (
        <Section id="confirm" title={t('form.confirmTitle')}>
          <Card roomy>
            <ConfirmRoundForm group={group} communeId={commune.id} communeCode={commune.code} year={year} version={view.round.version} percent={view.percent} />
          </Card>
        </Section>
      ) : null}

      {readsAll ? (
        <p className="mt-6">
          <Link prefetch={false} href={`/ratings?year=${year}`} className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
            ← {t('round.back')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
