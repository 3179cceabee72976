import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listSupportRequests, listWorkingGroups } from '@/lib/db/support-queries';
import { parseSupportFilters, supportFiltersQuery, SUPPORT_AGES, SUPPORT_STATES } from '@/lib/domain/support';
import { getFormatters } from '@/lib/i18n/server';
import { PageHeader } from '@/components/layout/page-header';
import { FilterSelectField, filterButtonClass } from '@/components/staffing/filter-form';
import { Badge } from '@/components/ui/badge';
import { StateBadge } from '@/components/ui/state-badge';
import { cellClass, DataTable, headCellClass, numericCellClass, numericHeadCellClass, phoneHidden } from '@/components/ui/table';
import { requirePermission } from '../../_lib/current-province';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('support.list');
  return { title: t('title') };
}

const URGENCY_TONE = { normal: 'neutral', urgent: 'amber', critical: 'red' } as const;

/**
 * The requests the reader may see (the province's; a chairman his commune's; a group member his groups'), filtered
 * in the URL by group, state, old district and age, with the same rows as a CSV or XLSX download.
 */
export default async function SupportListPage({ searchParams }: Props) {
  const user = await requirePermission('support.view');
  const date = today();
  const [params, groups, districts, t, format, locale] = await Promise.all([
    searchParams,
    listWorkingGroups(db(), user.provinceId),
    db().oldDistrict.findMany({ where: { provinceId: user.provinceId }, select: { code: true, name: true }, orderBy: { name: 'asc' } }),
    getTranslations(),
    getFormatters(),
    getLocale(),
  ]);
  const filters = parseSupportFilters(params, { groupIds: groups.map((g) => g.id), districtCodes: districts.map((d) => d.code) });
  const rows = await listSupportRequests(db(), user, filters, date);
  const query = supportFiltersQuery(filters);
  const exportHref = (fmt: 'csv' | 'xlsx') => `/api/exports/support?${query ? `${query}&` : ''}format=${fmt}`;
  const mayRaise = can(user, 'support.raise', { provinceId: user.provinceId, communeId: user.communeId });
  const selects = [
    {
      id: 'support-group', name: 'group', label: t('support.list.group'), value: filters.group === undefined ? '' : String(filters.group),
      options: [...groups.map((g) => ({ value: String(g.id), label: g.name })), { value: 'none', label: t('support.list.unassigned') }],
    },
    { id: 'support-state', name: 'state', label: t('support.list.state'), value: filters.state ?? '', options: SUPPORT_STATES.map((s) => ({ value: s, label: t(`support.states.${s}`) })) },
    { id: 'support-district', name: 'district', label: t('support.list.oldDistrict'), value: filters.oldDistrict ?? '', options: districts.map((d) => ({ value: d.code, label: d.name })) },
    { id: 'support-age', name: 'age', label: t('support.list.age'), value: filters.age ?? '', options: SUPPORT_AGES.map((a) => ({ value: a, label: t(`support.ages.${a}`) })) },
  ];
  const link = 'font-medium text-brand-800 underline hover:text-brand-900';

  return (
    <>
      <PageHeader title={t('support.list.title')} lead={t('support.list.lead')}>
        <p className="mt-3 flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {mayRaise ? (
            <Link prefetch={false} href="/support/new" className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white shadow-xs hover:bg-brand-800">
              {t('support.list.raise')}
            </Link>
          ) : null}
          <Link prefetch={false} href="/support/groups" className={link}>{t('support.list.groups')}</Link>
          {can(user, 'problemGroup.manage') ? <Link prefetch={false} href="/admin/problem-groups" className={link}>{t('support.list.problemGroups')}</Link> : null}
        </p>
      </PageHeader>

      <Form action="/support" role="search" aria-label={t('support.list.filters')} className="mb-3 grid grid-cols-2 gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-xs sm:p-4 lg:grid-cols-4">
        {selects.map((select) => (
          <FilterSelectField key={select.id} select={select} emptyLabel={t('overview.filters.all')} />
        ))}
        <div className="col-span-2 flex items-center gap-3 lg:col-span-4">
          <button type="submit" className={filterButtonClass}>{t('support.list.apply')}</button>
          {query ? <Link prefetch={false} href="/support" className={`text-sm ${link}`}>{t('support.list.clear')}</Link> : null}
        </div>
      </Form>

      <p className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm text-stone-700">
        <span data-testid="support-count">{t('support.list.count', { count: format.number(rows.length) })}</span>
        <span className="flex gap-3">
          <a href={exportHref('csv')} className={link}>{t('support.list.exportCsv')}</a>
          <a href={exportHref('xlsx')} className={link}>{t('support.list.exportXlsx')}</a>
        </span>
      </p>
      {rows.length === 0 ? (
        <p className="text-sm text-stone-600">{t('support.list.empty')}</p>
      ) : (
        <DataTable caption={t('support.list.caption')} testId="support-table">
          <thead>
            <tr>
              <th scope="col" className={headCellClass}>{t('support.list.columns.title')}</th>
              <th scope="col" className={headCellClass}>{t('support.list.columns.commune')}</th>
              <th scope="col" className={`${headCellClass} ${phoneHidden}`}>{t('support.list.columns.problemGroup')}</th>
              <th scope="col" className={`${headCellClass} ${phoneHidden}`}>{t('support.list.columns.group')}</th>
              <th scope="col" className={headCellClass}>{t('support.list.columns.state')}</th>
              <th scope="col" className={`${headCellClass} ${phoneHidden}`}>{t('support.list.columns.raisedOn')}</th>
              <th scope="col" className={numericHeadCellClass}>{t('support.list.columns.age')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="support-row">
                <td className={cellClass}>
                  <Link prefetch={false} href={`/support/${r.id}`} className={link}>{r.title}</Link>
                  {r.urgency !== 'normal' ? <span className="ml-2"><Badge tone={URGENCY_TONE[r.urgency]}>{t(`support.urgencies.${r.urgency}`)}</Badge></span> : null}
                </td>
                <td className={cellClass}>
                  {r.commune.name}
                  <span className="block text-xs text-stone-600">{r.oldDistrict.name}</span>
                </td>
                <td className={`${cellClass} ${phoneHidden}`}>{locale === 'en' ? r.problemGroup.nameEn : r.problemGroup.nameVi}</td>
                <td className={`${cellClass} ${phoneHidden}`}>{r.workingGroup?.name ?? t('support.list.unassigned')}</td>
                <td className={cellClass}><StateBadge machine="supportRequest" state={r.state} /></td>
                <td className={`${cellClass} ${phoneHidden}`}>{format.date(r.raisedOn)}</td>
                <td className={numericCellClass}>{format.number(r.ageDays)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
