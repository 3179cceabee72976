import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db/client';
import { listReceptions } from '@/lib/db/reception-queries';
import { listTransferFormOptions } from '@/lib/db/transfer-queries';
import { RECEPTION_STATES } from '@/lib/domain/reception';
import { firstParam } from '@/lib/domain/unit-list';
import { getFormatters } from '@/lib/i18n/server';
import { PageHeader } from '@/components/layout/page-header';
import { ReceptionNotice } from '@/components/receptions/page-notice';
import { ReceptionTable } from '@/components/receptions/reception-table';
import { filterButtonClass, filterInputClass, filterLabelClass } from '@/components/staffing/filter-form';
import { requireReceptionView } from './access';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const idParam = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reception.list');
  return { title: t('title') };
}

/**
 * The proposals of reception (docs/decisions/043-reception-and-recruitment.md): Home Affairs' work list, the
 * province's bodies read it; a chairman sees his commune's. Filters live in the address: state, old district, commune.
 */
export default async function ReceptionsPage({ searchParams }: Props) {
  const user = await requireReceptionView();
  const params = await searchParams;
  const isChairman = user.role === 'commune_chairman';
  const state = RECEPTION_STATES.find((s) => s === firstParam(params.state)) ?? null;
  const [options, t, tStates, format] = await Promise.all([
    listTransferFormOptions(db(), user.provinceId),
    getTranslations('reception.list'),
    getTranslations('reception.states'),
    getFormatters(),
  ]);
  const oldDistrictId = isChairman ? null : idParam(firstParam(params.district));
  const askedCommune = isChairman ? (user.communeId ?? -1) : idParam(firstParam(params.commune));
  const communeIds = options.communes.filter((c) => oldDistrictId === null || c.oldDistrictId === oldDistrictId).map((c) => c.id);
  const all = await listReceptions(db(), user.provinceId, { state, communeId: askedCommune });
  const rows = oldDistrictId === null ? all : all.filter((r) => communeIds.includes(r.commune.id));
  const filtered = Boolean(state || (!isChairman && (askedCommune || oldDistrictId)));

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <ReceptionNotice notice={params.notice} />

      <form method="get" action="/receptions" role="search" aria-label={t('filters')} className="mb-3 grid gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-xs sm:grid-cols-2 sm:p-4 lg:grid-cols-4">
        <div>
          <label htmlFor="filter-state" className={filterLabelClass}>{t('filterState')}</label>
          <select id="filter-state" name="state" defaultValue={state ?? ''} className={filterInputClass}>
            <option value="">{t('all')}</option>
            {RECEPTION_STATES.map((s) => (
              <option key={s} value={s}>{tStates(s)}</option>
            ))}
          </select>
        </div>
        {isChairman ? null : (
          <>
            <div>
              <label htmlFor="filter-district" className={filterLabelClass}>{t('filterDistrict')}</label>
              <select id="filter-district" name="district" defaultValue={oldDistrictId ? String(oldDistrictId) : ''} className={filterInputClass}>
                <option value="">{t('all')}</option>
                {options.oldDistricts.map((d) => (
                  <option key={d.id} value={d.id}>{d.name}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="filter-commune" className={filterLabelClass}>{t('filterCommune')}</label>
              <select id="filter-commune" name="commune" defaultValue={askedCommune ? String(askedCommune) : ''} className={filterInputClass}>
                <option value="">{t('all')}</option>
                {[...options.communes].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((c) => (
                  <option key={c.id} value={c.id}>{c.name} ({c.oldDistrictName})</option>
                ))}
              </select>
            </div>
          </>
        )}
        <div className="flex items-end gap-3">
          <button type="submit" className={filterButtonClass}>{t('apply')}</button>
          {filtered ? <Link prefetch={false} href="/receptions" className="text-sm font-medium text-brand-800 underline hover:text-brand-900">{t('clear')}</Link> : null}
        </div>
      </form>

      <p className="mb-2 text-sm text-stone-700" data-testid="reception-count">{t('count', { count: format.number(rows.length) })}</p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-700">{t('empty')}</p>
      ) : (
        <ReceptionTable rows={rows} showCommune={!isChairman} testId="reception-table" />
      )}
    </>
  );
}
