import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listCommuneCompleteness } from '@/lib/db/completeness-queries';
import { byOldDistrict, sumCounts } from '@/lib/domain/completeness';
import { getFormatters } from '@/lib/i18n/server';
import { CompletenessTable } from '@/components/completeness/completeness-table';
import { PageHeader } from '@/components/layout/page-header';
import { Section } from '@/components/ui/section';
import { getProvinceForRequest, requirePermission } from '../../_lib/current-province';
import { provinceTitle } from '../../_lib/province-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('completeness');
  return { title: t('title') };
}

/**
 * How complete the personnel records are, for the national database (docs/decisions/039-completeness-search-personal-history.md):
 * the province, each old district and each commune, the figures of `npm run data -- export completeness`. A commune
 * links to its list of incomplete records for a user who may fix them (Home Affairs; each chairman has his own).
 */
export default async function CompletenessPage() {
  const user = await requirePermission('completeness.view');
  const province = await getProvinceForRequest();
  const date = today();
  const [communes, t, tApp, format] = await Promise.all([
    listCommuneCompleteness(db(), province.id, date),
    getTranslations('completeness'),
    getTranslations('app'),
    getFormatters(),
  ]);
  const total = sumCounts(communes);
  const districts = byOldDistrict(communes);
  const scope = provinceTitle(province.name, (name) => tApp('province', { name }));
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead', { date: format.date(date) })} />
      <p className="mb-6 max-w-3xl text-base font-medium text-stone-900" data-testid="completeness-headline">
        {t('headline', { scope, complete: format.number(total.complete), people: format.number(total.people), share: format.percent(total.complete, Math.max(total.people, 1)) })}
      </p>
      <p className="-mt-4 mb-6 text-sm">
        {(['csv', 'xlsx'] as const).map((f, i) => (
          <span key={f}>
            {i > 0 ? ' · ' : null}
            <a href={`/api/exports/completeness?format=${f}`} download className="font-medium text-brand-800 underline hover:text-brand-900">
              {t(`download.${f}`)}
            </a>
          </span>
        ))}
      </p>
      <Section id="districts" title={t('districtsHeading')}>
        <CompletenessTable
          caption={t('districtsCaption', { scope })}
          unitHeading={t('columns.oldDistrict')}
          testId="completeness-districts"
          total={total}
          rows={districts.map((d) => ({ key: d.code, label: d.name, detail: t('communeCount', { count: d.communes }), counts: d }))}
        />
      </Section>
      <Section id="communes" title={t('communesHeading')} description={t('communesDescription')}>
        <CompletenessTable
          caption={t('communesCaption', { scope })}
          unitHeading={t('columns.commune')}
          testId="completeness-communes"
          rows={communes.map((c) => {
            const mayFix = can(user, 'roster.edit', { provinceId: province.id, communeId: c.communeId }) && c.complete < c.people;
            return {
              key: c.code,
              label: mayFix ? (
                <Link prefetch={false} href={`/communes/${encodeURIComponent(c.code)}/manage/completeness`} className="text-brand-800 underline hover:text-brand-900">
                  {c.name}
                </Link>
              ) : (
                c.name
              ),
              detail: `${c.code} · ${c.oldDistrictName}`,
              counts: c,
            };
          })}
        />
      </Section>
    </>
  );
}
