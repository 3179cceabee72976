import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listTransferFormOptions, searchCommuneStaff } from '@/lib/db/transfer-queries';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ActionForm } from '@/components/secondments/action-form';
import { Section } from '@/components/ui/section';
import { requirePermission } from '../../../_lib/current-province';
import { proposeAndShow } from '../actions';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('transfer.form');
  return { title: t('title') };
}

/** The proposal form (Home Affairs): find the person (a GET search, diacritics optional), then the move. */
export default async function NewTransferPage({ searchParams }: Props) {
  const user = await requirePermission('transfer.propose');
  const q = (first((await searchParams).q) ?? '').normalize('NFC').slice(0, 100);
  const [t, tList, tBlocks, options, staff] = await Promise.all([
    getTranslations('transfer.form'),
    getTranslations('transfer.list'),
    getTranslations('blocks'),
    listTransferFormOptions(db(), user.provinceId),
    q.trim() ? searchCommuneStaff(db(), user.provinceId, q, today()) : Promise.resolve(null),
  ]);
  const communes = [...options.communes].sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  return (
    <>
      <Breadcrumbs items={[{ label: tList('title'), href: '/transfers' }, { label: t('title') }]} />
      <PageHeader title={t('title')} lead={t('lead')} />
      <Section id="find" title={t('cadre')}>
        <div className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
          <form method="get" action="/transfers/new" className="flex flex-wrap items-end gap-3" role="search" aria-label={t('search')}>
            <div className="min-w-0 flex-1 sm:max-w-md">
              <label htmlFor="staff-q" className="block text-sm font-medium text-stone-800">{t('search')}</label>
              <input
                id="staff-q"
                name="q"
                type="search"
                defaultValue={q}
                autoComplete="off"
                maxLength={100}
                aria-describedby="staff-q-hint"
                className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-brand-700"
              />
              <p id="staff-q-hint" className="mt-1 text-xs text-stone-600">{t('searchHint')}</p>
            </div>
            <button
              type="submit"
              className="mb-5 inline-flex items-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-stone-800 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            >
              {t('searchButton')}
            </button>
          </form>
          {staff === null ? (
            <p className="text-sm text-stone-700">{t('searchFirst')}</p>
          ) : staff.length === 0 ? (
            <p className="text-sm text-stone-700">{t('noResults')}</p>
          ) : (
            <>
              <p className="text-sm text-stone-700">{t('results', { count: staff.length })}</p>
              <ActionForm
                id="propose"
                action={proposeAndShow}
                hidden={{}}
                submitLabel={t('submit')}
                layout="grid"
                fields={[
                  {
                    type: 'radio',
                    name: 'cadreId',
                    label: t('cadre'),
                    required: true,
                    options: staff.map((s) => ({
                      value: String(s.id),
                      label: `${s.fullName} (${s.code})`,
                      description: `${s.post}${s.block ? ` – ${tBlocks(s.block)}` : ''} – ${s.communeName}, ${s.oldDistrictName}${s.blocked ? ` – ${t('blocked')}` : ''}`,
                      disabled: s.blocked,
                    })),
                  },
                  {
                    type: 'select',
                    name: 'toCommuneId',
                    label: t('toCommune'),
                    required: true,
                    options: [{ value: '', label: t('chooseCommune') }, ...communes.map((c) => ({ value: String(c.id), label: `${c.name} (${c.oldDistrictName})` }))],
                  },
                  {
                    type: 'select',
                    name: 'positionId',
                    label: t('positionId'),
                    required: true,
                    options: [
                      { value: '', label: t('choosePosition') },
                      ...options.positions.map((p) => ({ value: String(p.id), label: `${p.titleVi} – ${tBlocks(p.block)}` })),
                    ],
                  },
                  { type: 'date', name: 'effectiveDate', label: t('effectiveDate'), required: true },
                  { type: 'textarea', name: 'reason', label: t('reason'), required: true, maxLength: 2000 },
                  { type: 'textarea', name: 'justification', label: t('justification'), hint: t('justificationHint'), maxLength: 4000 },
                ]}
              />
            </>
          )}
        </div>
      </Section>
    </>
  );
}
