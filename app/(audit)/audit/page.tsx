import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { AUDIT_PAGE_SIZE, listAuditFilterOptions, listAuditPage } from '@/lib/db/audit-queries';
import { db } from '@/lib/db/client';
import { getFormatters } from '@/lib/i18n/server';
import { auditFilterQuery, parseAuditFilters } from '@/lib/validation/audit-filters';
import { AuditFiltersForm } from '@/components/audit/audit-filters-form';
import { AuditPagination } from '@/components/audit/audit-pagination';
import { AuditTable } from '@/components/audit/audit-table';
import { PageHeader } from '@/components/layout/page-header';
import { Section } from '@/components/ui/section';
import { requirePermission } from '../../_lib/current-province';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('title') };
}

export default async function AuditPage({ searchParams }: Props) {
  const user = await requirePermission('audit.view');
  const filters = parseAuditFilters(await searchParams);
  const locale = await getLocale();
  const [{ rows, total, lookup }, options, t, format] = await Promise.all([
    listAuditPage(db(), user.provinceId, filters, locale),
    listAuditFilterOptions(db(), user.provinceId),
    getTranslations('audit'),
    getFormatters(),
  ]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <AuditFiltersForm filters={filters} options={options} />
      <Section
        id="entries"
        title={t('caption')}
        description={t('count', { count: format.number(total) })}
        actions={
          <a
            href={`/api/exports/audit${auditFilterQuery(filters)}`}
            className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 ring-1 ring-inset ring-stone-300 hover:bg-stone-50"
            download
          >
            {t('export')}
          </a>
        }
      >
        <AuditTable rows={rows} lookup={lookup} user={user} />
        <AuditPagination filters={filters} pages={pages} />
      </Section>
    </>
  );
}
