import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { currentYear } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { getRatingProgress } from '@/lib/db/rating-queries';
import { ratingYearParam } from '@/lib/validation/rating';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { RatingProgressTable } from '@/components/ratings/progress-table';
import { RatingYearForm } from '@/components/ratings/year-form';
import { getProvinceForRequest } from '../../_lib/current-province';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ratings');
  return { title: t('navLabel') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Every commune's rating progress for a year (Home Affairs, the Organizing Committee and the read-all roles); a
 * commune chairman is taken to his own commune's round (docs/decisions/040-annual-ratings.md).
 */
export default async function RatingProgressPage({ searchParams }: Props) {
  const user = await requireUser();
  const province = await getProvinceForRequest();
  const thisYear = currentYear();
  const year = ratingYearParam((await searchParams).year, thisYear);
  if (!can(user, 'rating.view', { provinceId: province.id })) {
    if (user.role === 'commune_chairman' && user.communeId !== null) {
      const own = await db().commune.findUnique({ where: { id: user.communeId }, select: { code: true } });
      if (own && can(user, 'rating.rateCivilServants', { provinceId: province.id, communeId: user.communeId })) redirect(`/ratings/communes/${encodeURIComponent(own.code)}?year=${year}`);
    }
    forbidden();
  }
  const [progress, t] = await Promise.all([getRatingProgress(db(), province.id, year), getTranslations('ratings')]);
  return (
    <>
      <Breadcrumbs items={[{ label: (await getTranslations())('nav.overview'), href: '/' }, { label: t('navLabel') }]} />
      <PageHeader title={t('progress.title', { year })} lead={t('progress.lead', { months: progress.minMonths, percent: progress.percent })} />
      <RatingYearForm action="/ratings" year={year} currentYear={thisYear} />
      <p className="mb-4">
        <Link prefetch={false} href="/ratings/streamlining" className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
          {t('progress.streamliningLink')}
        </Link>
      </p>
      <RatingProgressTable rows={progress.rows} year={year} />
    </>
  );
}
