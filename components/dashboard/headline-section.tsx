import Link from 'next/link';
import type { QuotaYearNote as QuotaYearNoteValue } from '@/lib/domain/quota-years';
import { QuotaYearNote } from '@/components/staffing/quota-year-note';
import { Section } from '@/components/ui/section';
import { StatCard } from '@/components/ui/stat-card';
import { unitsHref } from './links';
import type { DashboardView } from './view';

const figureLinkClass = 'underline decoration-stone-300 underline-offset-4 hover:decoration-current';

/** The scope's headline figures: quota, headcount, difference, key vacancies, units by situation, the 5% campaign. */
export function HeadlineSection({ view, communeQuotaNote }: { view: DashboardView; communeQuotaNote: QuotaYearNoteValue | null }) {
  const { data, t, format, scopeLabel } = view;
  const { headline, filter } = data;
  const n = format.number;
  const secondment = headline.secondment;
  const differenceNote =
    headline.difference > 0
      ? t('dashboard.headline.surplus', { count: n(headline.difference) })
      : headline.difference < 0
        ? t('dashboard.headline.shortage', { count: n(-headline.difference) })
        : t('dashboard.headline.balanced');
  const ofUnits = (count: number) => `${n(count)}/${n(headline.units)}`;
  return (
    <Section id="headline" title={t('dashboard.headline.heading')} description={scopeLabel}>
      <QuotaYearNote note={communeQuotaNote} units="communes" testId="dashboard-quota-year" className="-mt-1 mb-3 text-sm text-amber-900" />
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="dashboard-headline">
        <StatCard label={t('dashboard.figures.quota')} value={n(headline.quota)} />
        <StatCard label={t('dashboard.figures.headcount')} value={n(headline.headcount)} />
        <StatCard
          label={t('dashboard.figures.difference')}
          value={format.signed(headline.difference)}
          note={differenceNote}
          emphasis={headline.difference < 0 ? 'alert' : headline.difference > 0 ? 'surplus' : 'default'}
        />
        <StatCard label={t('dashboard.figures.keyVacancies')} value={n(headline.keyVacancies)} emphasis={headline.keyVacancies > 0 ? 'alert' : 'default'} />
        <StatCard
          label={t('dashboard.figures.unitsShort')}
          value={<Link prefetch={false} className={figureLinkClass} href={unitsHref(filter, { situation: 'short' })}>{ofUnits(headline.unitsShort)}</Link>}
        />
        <StatCard
          label={t('dashboard.figures.unitsKeyGaps')}
          value={<Link prefetch={false} className={figureLinkClass} href={unitsHref(filter, { keyGaps: true })}>{ofUnits(headline.unitsKeyGaps)}</Link>}
        />
        <StatCard
          label={t('dashboard.figures.unitsBoth')}
          value={<Link prefetch={false} className={figureLinkClass} href={unitsHref(filter, { situation: 'short', keyGaps: true })}>{ofUnits(headline.shortStaffedWithKeyGapsUnits)}</Link>}
          emphasis={headline.shortStaffedWithKeyGapsUnits > 0 ? 'alert' : 'default'}
        />
        {secondment ? (
          <StatCard
            label={t('dashboard.figures.secondment', { year: secondment.year })}
            value={secondment.required > 0 ? `${n(secondment.listed)}/${n(secondment.required)}` : n(secondment.listed)}
            note={
              (secondment.required > 0 ? '' : `${t('dashboard.headline.noMinimum')} `) +
              t('dashboard.headline.secondmentNote', { approved: n(secondment.approved), placed: n(secondment.placed) })
            }
          />
        ) : (
          <StatCard label={t('dashboard.figures.secondmentNone')} value="—" note={t('dashboard.headline.noCampaign')} />
        )}
      </dl>
    </Section>
  );
}
