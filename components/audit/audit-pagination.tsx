import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { auditFilterQuery, type AuditFilters } from '@/lib/validation/audit-filters';

export async function AuditPagination({ filters, pages }: { filters: AuditFilters; pages: number }) {
  const t = await getTranslations('audit');
  if (pages <= 1) return null;
  const link = 'rounded-md px-3 py-1.5 text-sm font-medium text-brand-800 ring-1 ring-inset ring-stone-300 hover:bg-stone-50';
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex flex-wrap items-center justify-between gap-3">
      {filters.page > 1 ? <Link prefetch={false} className={link} href={`/audit${auditFilterQuery(filters, filters.page - 1)}`}>{t('previous')}</Link> : <span />}
      <span className="numeric text-sm text-stone-700">{t('page', { page: filters.page, pages })}</span>
      {filters.page < pages ? <Link prefetch={false} className={link} href={`/audit${auditFilterQuery(filters, filters.page + 1)}`}>{t('next')}</Link> : <span />}
    </nav>
  );
}
