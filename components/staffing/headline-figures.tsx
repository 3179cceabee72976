import { getTranslations } from 'next-intl/server';
import { BLOCKS, type Rollup } from '@/lib/domain/types';
import { getFormatters } from '@/lib/i18n/server';
import { StatCard } from '@/components/ui/stat-card';
import type { QuotaYearNote as Note } from '@/lib/domain/quota-years';
import { QuotaYearNote } from './quota-year-note';

/** Quota against headcount and key vacancies, side by side and never netted (domain rule 3). */
export async function HeadlineFigures({ rollup, quotaNote = null }: { rollup: Rollup; /** The quota year behind the quota, when not the date's year. */ quotaNote?: Note | null }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatters()]);
  const { total, units } = rollup;
  const differenceNote =
    total.difference > 0
      ? t('overview.headline.differenceSurplus', { count: format.number(total.difference) })
      : total.difference < 0
        ? t('overview.headline.differenceShortage', { count: format.number(-total.difference) })
        : t('overview.headline.differenceBalanced');
  const blockNote = (figure: 'quota' | 'headcount') => (
    <span className="block space-y-0.5 text-xs">
      {BLOCKS.map((block) => (
        <span key={block} className="block">
          {t('overview.headline.blockBreakdown', { block: t(`blocks.${block}`), value: format.number(rollup.blocks[block][figure]) })}
        </span>
      ))}
    </span>
  );
  const ofUnits = (count: number) => t('overview.headline.ofUnits', { count: format.number(count), total: format.number(units) });
  const unitsNote = t('overview.headline.unitsNote', { total: format.number(units) });

  return (
    <div className="space-y-3">
      <QuotaYearNote note={quotaNote} units="communes" testId="quota-year-note" />
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t('overview.headline.quota')} value={format.number(total.quota)} note={blockNote('quota')} />
        <StatCard label={t('overview.headline.headcount')} value={format.number(total.headcount)} note={blockNote('headcount')} />
        <StatCard
          label={t('overview.headline.difference')}
          value={format.signed(total.difference)}
          note={differenceNote}
          emphasis={total.difference < 0 ? 'alert' : total.difference > 0 ? 'surplus' : 'default'}
        />
        <StatCard
          label={t('overview.headline.keyVacancies')}
          value={format.number(rollup.keyVacancies)}
          note={t('overview.headline.keyVacanciesNote', { units: format.number(rollup.keyGapUnits) })}
          emphasis={rollup.keyVacancies > 0 ? 'alert' : 'default'}
        />
      </dl>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <StatCard label={t('overview.headline.shortStaffedUnits')} value={ofUnits(rollup.shortStaffedUnits)} note={unitsNote} />
        <StatCard label={t('overview.headline.keyGapUnits')} value={ofUnits(rollup.keyGapUnits)} note={unitsNote} />
        <StatCard
          className="col-span-2 sm:col-span-1"
          label={t('overview.headline.bothUnits')}
          value={ofUnits(rollup.shortStaffedWithKeyGapsUnits)}
          note={unitsNote}
          emphasis={rollup.shortStaffedWithKeyGapsUnits > 0 ? 'alert' : 'default'}
        />
      </dl>
    </div>
  );
}
