import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { TRANSFER_STATUSES } from '@/lib/domain/transfer';
import { getFormatters } from '@/lib/i18n/server';
import { PageHeader } from '@/components/layout/page-header';
import { TransferNotice } from '@/components/transfers/page-notice';
import { StateBadge } from '@/components/ui/state-badge';
import { Badge } from '@/components/ui/badge';
import { TableContainer, cellClass, headCellClass, tableClass } from '@/components/ui/table';
import { filterButtonClass, filterInputClass, filterLabelClass } from '@/components/staffing/filter-form';
import { requireTransferView } from './access';
import { loadTransferList } from './page-data';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('transfer.list');
  return { title: t('title') };
}

export default async function TransfersPage({ searchParams }: Props) {
  const user = await requireTransferView();
  const params = await searchParams;
  const [t, tStates, format, { isChairman, status: state, communeId, oldDistrictId, options, rows }] = await Promise.all([
    getTranslations('transfer.list'),
    getTranslations('transfer.states'),
    getFormatters(),
    loadTransferList(db(), user, params, today()),
  ]);
  const filtered = Boolean(state || (!isChairman && (communeId || oldDistrictId)));
  const mayPropose = can(user, 'transfer.propose', { provinceId: user.provinceId });

  return (
    <>
      <PageHeader title={t('title')} lead={isChairman ? t('leadChairman') : t('lead')}>
        {mayPropose ? (
          <p className="mt-3">
            <Link prefetch={false} href="/transfers/new" className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800">
              {t('newLink')}
            </Link>
          </p>
        ) : null}
      </PageHeader>
      <TransferNotice notice={params.notice} />

      <form method="get" action="/transfers" role="search" aria-label={t('filters')} className="mb-3 grid gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-xs sm:grid-cols-2 sm:p-4 lg:grid-cols-4">
        <div>
          <label htmlFor="filter-state" className={filterLabelClass}>{t('state')}</label>
          <select id="filter-state" name="state" defaultValue={state ?? ''} className={filterInputClass}>
            <option value="">{t('allStates')}</option>
            {TRANSFER_STATUSES.map((s) => (
              <option key={s} value={s}>{tStates(s)}</option>
            ))}
          </select>
        </div>
        {isChairman ? null : (
          <>
            <div>
              <label htmlFor="filter-commune" className={filterLabelClass}>{t('commune')}</label>
              <select id="filter-commune" name="commune" defaultValue={communeId ? String(communeId) : ''} className={filterInputClass}>
                <option value="">{t('allCommunes')}</option>
                {[...options.communes].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((c) => (
                  <option key={c.id} value={c.id}>{c.name} ({c.oldDistrictName})</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="filter-district" className={filterLabelClass}>{t('oldDistrict')}</label>
              <select id="filter-district" name="district" defaultValue={oldDistrictId ? String(oldDistrictId) : ''} className={filterInputClass}>
                <option value="">{t('allOldDistricts')}</option>
                {options.oldDistricts.map((d) => (
                  <option key={d.id} value={d.id}>{d.name}</option>
                ))}
              </select>
            </div>
          </>
        )}
        <div className="flex items-end gap-3">
          <button type="submit" className={filterButtonClass}>{t('apply')}</button>
          {filtered ? <Link prefetch={false} href="/transfers" className="text-sm font-medium text-brand-800 underline hover:text-brand-900">{t('clear')}</Link> : null}
        </div>
      </form>

      <p className="mb-2 text-sm text-stone-700" data-testid="transfer-count">{t('count', { count: format.number(rows.length) })}</p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-700">{t('empty')}</p>
      ) : (
        <TableContainer label={t('caption')}>
          <table className={tableClass} data-testid="transfer-table">
            <caption className="sr-only">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className={headCellClass}>{t('person')}</th>
                <th scope="col" className={headCellClass}>{t('move')}</th>
                <th scope="col" className={headCellClass}>{t('position')}</th>
                <th scope="col" className={headCellClass}>{t('effectiveDate')}</th>
                <th scope="col" className={headCellClass}>{t('scope')}</th>
                <th scope="col" className={headCellClass}>{t('state')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className={`${cellClass} text-left font-medium`}>
                    <Link prefetch={false} href={`/transfers/${r.id}`} className="text-brand-800 underline hover:text-brand-900">{r.cadreName}</Link>
                    <span className="block text-xs font-normal text-stone-600">{r.cadreCode}</span>
                  </th>
                  <td className={cellClass}>
                    <span className="whitespace-nowrap">{r.from.name}</span> <span aria-hidden="true">→</span><span className="sr-only">{' – '}</span> <span className="whitespace-nowrap">{r.to.name}</span>
                    <span className="block text-xs text-stone-600">{r.from.oldDistrict}</span>
                  </td>
                  <td className={cellClass}>{r.positionTitle}</td>
                  <td className={`${cellClass} numeric whitespace-nowrap`}>{format.date(r.effectiveDate)}</td>
                  <td className={cellClass}>{r.crossDistrict ? <Badge tone="amber">{t('crossDistrict')}</Badge> : <Badge tone="neutral">{t('sameDistrict')}</Badge>}</td>
                  <td className={cellClass}>
                    <StateBadge machine="transfer" state={r.status} since={r.effectiveDate} />
                    {r.overdue ? <span className="ml-1"><Badge tone="red">{t('overdue')}</Badge></span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
    </>
  );
}
