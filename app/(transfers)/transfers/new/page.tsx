import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listTransferFormOptions, searchCommuneStaff } from '@/lib/db/transfer-queries';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ActionForm } from '@/components/forms/action-form';
import { StaffSearchForm } from '@/components/forms/staff-search-form';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { requirePermission } from '../../../_lib/current-province';
import { proposeAndShow } from '../actions';
import { searchText } from '@/lib/domain/text';
import { firstParam, type SearchParams } from '@/lib/domain/unit-list';
import { listShortProfiles } from '@/lib/db/people-profile-queries';
import { getFormatters } from '@/lib/i18n/server';
import { shortProfileLines } from '@/lib/i18n/short-profile';
import { untyped } from '@/lib/i18n/translator';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('transfer.form');
  return { title: t('title') };
}

/** The proposal form (Home Affairs): find the person (a GET search, diacritics optional), then the move. */
export default async function NewTransferPage({ searchParams }: Props) {
  const user = await requirePermission('transfer.propose');
  const q = searchText(firstParam((await searchParams).q));
  const [t, tList, tBlocks, options, staff] = await Promise.all([
    getTranslations('transfer.form'),
    getTranslations('transfer.list'),
    getTranslations('blocks'),
    listTransferFormOptions(db(), user.provinceId),
    q ? searchCommuneStaff(db(), user.provinceId, q, today()) : Promise.resolve(null),
  ]);
  const communes = [...options.communes].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  // Each person found with his short profile (docs/decisions/039-completeness-search-personal-history.md), one statement.
  const [profiles, tProfile, format] = await Promise.all([listShortProfiles(db(), (staff ?? []).map((s) => s.id), today()), getTranslations().then(untyped), getFormatters()]);
  const profileLine = shortProfileLines(profiles, tProfile, format.date);

  return (
    <>
      <Breadcrumbs items={[{ label: tList('title'), href: '/transfers' }, { label: t('title') }]} />
      <PageHeader title={t('title')} lead={t('lead')} />
      <Section id="find" title={t('cadre')}>
        <Card roomy className="space-y-4">
          <StaffSearchForm
            action="/transfers/new"
            value={q}
            label={t('search')}
            hint={t('searchHint')}
            submitLabel={t('searchButton')}
            maxLength={100}
          />
          {staff === null ? (
            <p className="text-sm text-stone-700">{t('searchFirst')}</p>
          ) : staff.length === 0 ? (
            <p className="text-sm text-stone-700">{t('noResults')}</p>
          ) : (
            <>
              <p className="text-sm text-stone-700">{t('results', { count: staff.length })}</p>
              <ActionForm
                namespace="transfer"
                id="propose"
                confirm={t('confirm')}
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
                      description: `${s.post}${s.block ? ` – ${tBlocks(s.block)}` : ''} – ${s.communeName}, ${s.oldDistrictName}${profileLine(s.id) ? ` – ${profileLine(s.id)}` : ''}${s.blocked ? ` – ${t('blocked')}` : ''}`,
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
        </Card>
      </Section>
    </>
  );
}
