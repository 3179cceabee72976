import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listStreamliningScope } from '@/lib/db/rating-queries';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { LastTwoRatings } from '@/components/ratings/last-two-ratings';
import { DataTable, cellClass, headCellClass, numericCellClass, numericHeadCellClass } from '@/components/ui/table';
import { getProvinceForRequest, requirePermission } from '../../../_lib/current-province';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ratings.streamlining');
  return { title: t('title') };
}

/** Decree 154/2025's streamlining scope as the ratings give it: people rated "not completed" in the previous or the current year. */
export default async function StreamliningPage() {
  const province = await getProvinceForRequest();
  await requirePermission('rating.view', { provinceId: province.id });
  const [rows, t, tAll] = await Promise.all([listStreamliningScope(db(), province.id, today()), getTranslations('ratings'), getTranslations()]);
  return (
    <>
      <Breadcrumbs items={[{ label: tAll('nav.overview'), href: '/' }, { label: t('navLabel'), href: '/ratings' }, { label: t('streamlining.title') }]} />
      <PageHeader title={t('streamlining.title')} lead={t('streamlining.lead')} />
      {rows.length === 0 ? (
        <p className="text-sm text-stone-700">{t('streamlining.empty')}</p>
      ) : (
        <DataTable caption={t('streamlining.caption')} testId="streamlining-list">
          <thead>
            <tr>
              <th scope="col" className={headCellClass}>{t('streamlining.person')}</th>
              <th scope="col" className={headCellClass}>{t('streamlining.code')}</th>
              <th scope="col" className={headCellClass}>{t('streamlining.commune')}</th>
              <th scope="col" className={numericHeadCellClass}>{t('streamlining.year')}</th>
              <th scope="col" className={headCellClass}>{t('streamlining.ratings')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.cadreId}>
                <th scope="row" className={`${cellClass} text-left font-medium`}>{r.fullName}</th>
                <td className={cellClass}>{r.code}</td>
                <td className={cellClass}>{r.communeName ?? ''}</td>
                <td className={numericCellClass}>{r.year}</td>
                <td className={cellClass}><LastTwoRatings ratings={r.ratings} /></td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
