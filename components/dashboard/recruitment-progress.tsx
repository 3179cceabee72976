import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { countOpenReceptions } from '@/lib/db/reception-queries';
import { findRecruitmentPlan } from '@/lib/db/recruitment-queries';
import { planProgress } from '@/lib/domain/recruitment';
import { getFormatters } from '@/lib/i18n/server';

/**
 * The dashboard's line on the year's recruitment plan and the open proposals of reception
 * (docs/decisions/043-reception-and-recruitment.md): people recruited or received against the plan's targets, and
 * the proposals awaiting Home Affairs; for the roles that read the plan.
 */
export async function RecruitmentProgress({ user, provinceId, date }: { user: SessionUser; provinceId: number; date: string }) {
  if (!can(user, 'recruitment.view', { provinceId })) return null;
  const thisYear = Number(date.slice(0, 4));
  // This year's plan; late in a year, before it has one, the next year's when Home Affairs has opened it.
  const [current, next, open, t, format] = await Promise.all([
    findRecruitmentPlan(db(), provinceId, thisYear),
    findRecruitmentPlan(db(), provinceId, thisYear + 1),
    countOpenReceptions(db(), provinceId),
    getTranslations('recruitment.dashboard'),
    getFormatters(),
  ]);
  const plan = current ?? next;
  const year = plan?.year ?? thisYear;
  const progress = plan ? planProgress(plan.targets) : null;
  return (
    <p className="mb-6 rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm text-stone-800 shadow-xs" data-testid="dashboard-recruitment">
      <span className="font-semibold text-stone-900">{t('title', { year })}</span>{' '}
      {progress
        ? t('progress', { filled: format.number(progress.filled), count: format.number(progress.count), done: progress.done, targets: progress.targets })
        : t('noPlan')}{' '}
      <Link prefetch={false} href={`/recruitment?year=${year}`} className="font-medium text-brand-800 underline hover:text-brand-900">{t('open')}</Link>
      {' · '}
      {t('openReceptions', { count: open })}{' '}
      <Link prefetch={false} href="/receptions?state=proposed" className="font-medium text-brand-800 underline hover:text-brand-900">{t('receptionsLink')}</Link>
    </p>
  );
}
