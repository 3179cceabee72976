import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';

/**
 * The dashboard's way to the staffing forecast (docs/decisions/042-retirement-and-forecast.md), for the roles that
 * read it (report.view): one line, no figure computed here, so the dashboard stays as light as it was.
 */
export async function ForecastLink({ user }: { user: SessionUser }) {
  if (!can(user, 'report.view')) return null;
  const t = await getTranslations('forecast');
  return (
    <p className="mb-6 rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm text-stone-800 shadow-xs" data-testid="dashboard-forecast">
      <span className="font-semibold text-stone-900">{t('dashboardHeading')}</span> {t('dashboardLead')}{' '}
      <Link prefetch={false} href="/forecast" className="font-medium text-brand-800 underline hover:text-brand-900">
        {t('dashboardLink')}
      </Link>
    </p>
  );
}
