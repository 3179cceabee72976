import { getTranslations } from 'next-intl/server';
import type { ProvinceContext as ProvinceContextData } from '@/lib/db/staffing-queries';
import { getFormatters } from '@/lib/i18n/server';

const EDUCATION_LEVELS = ['university', 'master', 'doctorate', 'college', 'intermediate'] as const;
const BAR_COLORS: Record<(typeof EDUCATION_LEVELS)[number], string> = {
  university: 'bg-brand-700',
  master: 'bg-amber-500',
  doctorate: 'bg-emerald-600',
  college: 'bg-sky-600',
  intermediate: 'bg-stone-400',
};
const COMMITTEES = ['executive', 'standing'] as const;

/** Context figures shown beside the staffing ones: education mix and Party committee seats. */
export async function ProvinceContext({ context }: { context: ProvinceContextData }) {
  const [t, format] = await Promise.all([getTranslations('overview.context'), getFormatters()]);
  const { education, partySeats } = context;
  const levels = EDUCATION_LEVELS.filter((level) => education[level] > 0 || level === 'university' || level === 'master');
  const share = (count: number, total: number) => (total === 0 ? 0 : (count / total) * 100);

  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-xs">
        <h3 className="text-sm font-semibold text-stone-900">{t('education')}</h3>
        <p className="text-xs text-stone-600">{t('educationNote', { total: format.number(education.total) })}</p>
        <div aria-hidden="true" className="mt-3 flex h-2.5 overflow-hidden rounded-full bg-stone-100">
          {levels.map((level) => (
            <div key={level} className={BAR_COLORS[level]} style={{ width: `${share(education[level], education.total)}%` }} />
          ))}
        </div>
        <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1.5 text-sm sm:grid-cols-3">
          {levels.map((level) => (
            <div key={level} className="flex items-baseline gap-2">
              <dt className="flex items-baseline gap-2 text-stone-700">
                <span aria-hidden="true" className={`inline-block size-2.5 shrink-0 rounded-sm ${BAR_COLORS[level]}`} />
                {t(level)}
              </dt>
              <dd className="numeric ml-auto font-semibold text-stone-900">{format.percent(education[level], education.total)}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-xs">
        <h3 className="text-sm font-semibold text-stone-900">{t('partySeats')}</h3>
        <dl className="mt-3 space-y-3 text-sm">
          {COMMITTEES.map((committee) => {
            const seats = partySeats[committee];
            return (
              <div key={committee} className="grid grid-cols-[minmax(0,1fr)_auto] items-baseline gap-x-3">
                <dt className="text-stone-700">{t(committee)}</dt>
                <dd className="numeric whitespace-nowrap text-right font-semibold text-stone-900">
                  {t('seats', { appointed: format.number(seats.appointed), planned: format.number(seats.planned) })}
                  <span className="block text-xs font-normal text-stone-600 sm:ml-2 sm:inline">
                    {t('seatsNote', { percent: format.percent(seats.appointed, seats.planned) })}
                  </span>
                </dd>
                <dd aria-hidden="true" className="col-span-2 mt-1 h-2 overflow-hidden rounded-full bg-stone-100">
                  <div className="h-full bg-brand-700" style={{ width: `${share(seats.appointed, seats.planned)}%` }} />
                </dd>
              </div>
            );
          })}
        </dl>
      </div>
    </div>
  );
}
