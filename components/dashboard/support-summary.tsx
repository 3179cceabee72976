import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { getSupportSummary } from '@/lib/db/support-queries';
import { getFormatters } from '@/lib/i18n/server';
import { Section } from '@/components/ui/section';
import { StatCard } from '@/components/ui/stat-card';
import { cellClass, DataTable, headCellClass, numericCellClass, numericHeadCellClass } from '@/components/ui/table';

/**
 * The communes' support requests on the dashboard: how many await a resolution, per working group (those not yet
 * assigned last), how many went to the Central level, and the median days from raising to resolving
 * (docs/decisions/044-support-requests-and-working-groups.md). Counts only: no commune's request is named.
 */
export async function SupportSummarySection({ user, provinceId }: { user: SessionUser; provinceId: number }) {
  if (!can(user, 'support.view')) return null;
  const [summary, t, format] = await Promise.all([getSupportSummary(db(), provinceId), getTranslations('support.dashboard'), getFormatters()]);
  if (summary.open === 0 && summary.resolved === 0) return null;
  return (
    <Section id="support-summary" title={t('heading')} actions={<Link prefetch={false} href="/support" className="text-sm font-medium text-brand-800 underline hover:text-brand-900">{t('link')}</Link>}>
      <dl className="mb-3 grid grid-cols-2 gap-3 lg:grid-cols-3" data-testid="support-summary">
        <StatCard label={t('open')} value={format.number(summary.open)} emphasis={summary.open > 0 ? 'alert' : 'default'} />
        <StatCard label={t('median')} value={summary.medianDaysToResolve === null ? t('none') : t('medianValue', { days: format.number(summary.medianDaysToResolve) })} />
        <StatCard label={t('central')} value={format.number(summary.escalatedCentral)} />
      </dl>
      <DataTable caption={t('caption')} testId="support-per-group">
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('group')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('openCount')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('resolvedCount')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.perGroup.map((g) => (
            <tr key={g.id ?? 'none'}>
              <th scope="row" className={`${cellClass} text-left font-normal`}>{g.name ?? t('unassigned')}</th>
              <td className={numericCellClass}>{format.number(g.open)}</td>
              <td className={numericCellClass}>{format.number(g.resolved)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </Section>
  );
}
