import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { listCommuneCompleteness } from '@/lib/db/completeness-queries';
import { sumCounts } from '@/lib/domain/completeness';
import { getFormatters } from '@/lib/i18n/server';

/**
 * The dashboard's line on the personnel records (docs/decisions/039-completeness-search-personal-history.md): how many
 * of the province's counted records are complete for the national database, whatever the dashboard's filters; a
 * chairman also sees his commune's figure and the way to his list of records to fix.
 */
export async function CompletenessHeadline({ user, provinceId, date }: { user: SessionUser; provinceId: number; date: string }) {
  const [communes, t, format] = await Promise.all([listCommuneCompleteness(db(), provinceId, date), getTranslations('completeness'), getFormatters()]);
  const total = sumCounts(communes);
  const own = user.role === 'commune_chairman' ? communes.find((c) => c.communeId === user.communeId) : undefined;
  const share = (complete: number, people: number) => format.percent(complete, Math.max(people, 1));
  const link = 'font-medium text-brand-800 underline hover:text-brand-900';
  return (
    <p className="mb-6 rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm text-stone-800 shadow-xs" data-testid="dashboard-completeness">
      <span className="font-semibold text-stone-900">{t('dashboard.label')}</span>{' '}
      {t('dashboard.province', { complete: format.number(total.complete), people: format.number(total.people), share: share(total.complete, total.people) })}
      {can(user, 'completeness.view') ? (
        <>
          {' '}
          <Link prefetch={false} href="/completeness" className={link}>{t('dashboard.details')}</Link>
        </>
      ) : null}
      {own ? (
        <span className="mt-1 block">
          {t('dashboard.own', { name: own.name, complete: format.number(own.complete), people: format.number(own.people), share: share(own.complete, own.people) })}{' '}
          {own.complete < own.people ? (
            <Link prefetch={false} href={`/communes/${encodeURIComponent(own.code)}/manage/completeness`} className={link}>{t('dashboard.fix')}</Link>
          ) : null}
        </span>
      ) : null}
    </p>
  );
}
