import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db/client';
import { getProvinceStructure, getStructureTrend } from '@/lib/db/structure-queries';
import { monthlyDates, shareOf, structureShares, type StructureCounts } from '@/lib/domain/structure';
import type { AppLocale } from '@/lib/i18n/config';
import { getFormatters } from '@/lib/i18n/server';
import { Section } from '@/components/ui/section';
import { ChartCard, type ChartTable } from './chart-card';
import { ColumnBars, HorizontalBars } from './lazy-charts';
import { COLORS } from './colors';

// The structure of key posts on the dashboard (docs/decisions/041-structure-and-planning.md): the shares of women,
// young and ethnic-minority people among the staff and among the holders of key posts, with the province's targets
// where it sets them, and their trend since the two-level government (computed at the first of each month, at most
// the last twelve: snapshots do not store people's traits). Charts start at zero; each has its table.

const FIRST_DAY = '2025-07-01';
const TREND_POINTS = 12;
const percent = (part: number, whole: number) => Math.round((shareOf(part, whole) ?? 0) * 10) / 10;

export async function StructureSection({ provinceId, date }: { provinceId: number; date: string }) {
  const dates = monthlyDates(FIRST_DAY, date).slice(-TREND_POINTS);
  const [t, format, locale, structure, trend] = await Promise.all([
    getTranslations('structure'),
    getFormatters(),
    getLocale() as Promise<AppLocale>,
    getProvinceStructure(db(), provinceId, date),
    getStructureTrend(db(), provinceId, dates),
  ]);
  const p = structure.province;
  const shares = structureShares(p, structure.targets);
  const traitLabel = (trait: (typeof shares)[number]['trait']) => (trait === 'young' ? t('traits.young', { age: structure.youngAge }) : t(`traits.${trait}`));
  const share = (part: number, whole: number) => (whole > 0 ? format.percent(part, whole) : '—');
  const table: ChartTable = {
    caption: t('dashboard.tableCaption'),
    columns: [t('table.trait'), t('table.staff'), t('table.staffShare'), t('table.keyHolders'), t('table.keyShare'), t('table.target')],
    rows: shares.map((s) => ({
      key: s.trait,
      cells: [
        { text: traitLabel(s.trait) },
        { text: format.number(s.staffCount) }, { text: share(s.staffCount, p.staff) },
        { text: format.number(s.keyCount) }, { text: share(s.keyCount, p.keyHolders) },
        { text: s.target === null ? t('table.noTarget') : `${format.number(s.target)}%${s.meetsTarget === false ? ` (${t('table.belowTarget')})` : ''}` },
      ],
    })),
    footer: [{ text: t('table.total') }, { text: format.number(p.staff) }, { text: '' }, { text: format.number(p.keyHolders) }, { text: '' }, { text: '' }],
  };
  const keyShare = (c: StructureCounts) => ({ female: percent(c.keyFemale, c.keyHolders), young: percent(c.keyYoung, c.keyHolders), ethnicMinority: percent(c.keyEthnicMinority, c.keyHolders) });
  const trendTable: ChartTable = {
    caption: t('dashboard.trendCaption'),
    columns: [t('table.date'), t('table.keyHolders'), traitLabel('female'), traitLabel('young'), traitLabel('ethnicMinority')],
    rows: trend.map((point) => ({
      key: point.date,
      cells: [
        { text: format.date(point.date) }, { text: format.number(point.counts.keyHolders) },
        { text: share(point.counts.keyFemale, point.counts.keyHolders) }, { text: share(point.counts.keyYoung, point.counts.keyHolders) },
        { text: share(point.counts.keyEthnicMinority, point.counts.keyHolders) },
      ],
    })),
  };
  const traitSeries = [
    { key: 'female', label: traitLabel('female'), color: COLORS.series[3] },
    { key: 'young', label: traitLabel('young'), color: COLORS.series[2] },
    { key: 'ethnicMinority', label: traitLabel('ethnicMinority'), color: COLORS.series[1] },
  ];
  return (
    <Section id="structure" title={t('dashboard.heading')} description={t('dashboard.description', { date: format.date(date) })}>
      <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
        <ChartCard
          id="structure"
          title={t('dashboard.sharesTitle')}
          description={t('dashboard.sharesDescription')}
          chart={
            <HorizontalBars
              locale={locale}
              rows={shares.map((s) => ({ label: traitLabel(s.trait), staff: percent(s.staffCount, p.staff), key: percent(s.keyCount, p.keyHolders) }))}
              series={[
                { key: 'staff', label: t('table.staffShare'), color: COLORS.series[0] },
                { key: 'key', label: t('table.keyShare'), color: COLORS.series[3] },
              ]}
            />
          }
          table={table}
          tableLabel={t('dashboard.tableLabel')}
        />
        <ChartCard
          id="structure-trend"
          title={t('dashboard.trendTitle')}
          description={t('dashboard.trendDescription')}
          chart={<ColumnBars locale={locale} rows={trend.map((point) => ({ label: format.date(point.date).slice(0, 5), ...keyShare(point.counts) }))} series={traitSeries} />}
          table={trendTable}
          tableLabel={t('dashboard.tableLabel')}
        />
      </div>
    </Section>
  );
}
