import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { projectedStaffing, type CommuneMovement } from '@/lib/domain/proposal-input';
import { isPending } from '@/lib/domain/projection';
import { rollUp } from '@/lib/domain/staffing';
import type { CommuneStaffing } from '@/lib/domain/types';
import type { Formatters } from '@/lib/i18n/format';
import { Difference } from '@/components/staffing/difference';

// "Dự kiến" of the province overview and the old-district page (decision 017): the headline figures after the
// approved transfers not yet effective and the placed secondments not yet ended, by the projection of
// lib/domain/projection.ts over the same current figures the page shows.

export async function ProjectedSummary({
  communes,
  pending,
  today,
  format,
  planHref,
}: {
  communes: readonly CommuneStaffing[];
  pending: readonly CommuneMovement[];
  today: string;
  format: Formatters;
  /** The plan page for this scope, when the user may open it. */
  planHref?: string;
}) {
  const t = await getTranslations('transferPlan.projected');
  const ids = new Set(communes.map((c) => c.communeId));
  const mine = pending.filter((m) => ids.has(m.communeId) && isPending(m, today));
  const byCommune = new Map<number, CommuneMovement[]>();
  for (const m of mine) byCommune.set(m.communeId, [...(byCommune.get(m.communeId) ?? []), m]);
  const now = rollUp([...communes]);
  const projected = rollUp(communes.map((c) => projectedStaffing(c, byCommune.get(c.communeId) ?? [], today)));
  // A transfer is two movements (out and in); one counted per move, by its incoming half.
  const transfers = mine.filter((m) => m.kind === 'transfer' && m.direction === 'in').length;
  const secondments = mine.filter((m) => m.kind === 'secondment').length;
  // A post change is two movements (out of the old post, into the new one); counted once, by its incoming half,
  // and a departure by its outgoing half.
  const roster = mine.filter((m) => m.kind === 'roster' && (m.direction === 'in' || !mine.some((o) => o.kind === 'roster' && o.direction === 'in' && o.startDate === m.startDate && o.communeId === m.communeId))).length;
  const items = [
    { label: t('headcount'), now: format.number(now.total.headcount), after: format.number(projected.total.headcount) },
    { label: t('difference'), now: format.signed(now.total.difference), after: <Difference value={projected.total.difference} format={format} /> },
    { label: t('keyVacancies'), now: format.number(now.keyVacancies), after: format.number(projected.keyVacancies) },
    { label: t('shortWithGaps'), now: format.number(now.shortStaffedWithKeyGapsUnits), after: `${format.number(projected.shortStaffedWithKeyGapsUnits)}/${format.number(projected.units)}` },
  ];
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-xs" data-testid="projected-summary">
      <p className="text-sm text-stone-700">{mine.length === 0 ? t('none') : t('description', { transfers, secondments, roster })}</p>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {items.map((item) => (
          <div key={item.label}>
            <dt className="text-xs font-medium text-stone-600">{item.label}</dt>
            <dd className="numeric mt-0.5 text-lg font-semibold text-stone-900">
              <span className="text-sm font-normal text-stone-600">{item.now} → </span>
              {item.after}
            </dd>
          </div>
        ))}
      </dl>
      {planHref ? (
        <p className="mt-3 text-sm">
          <Link prefetch={false} href={planHref} className="font-semibold text-brand-800 underline hover:text-brand-900">
            {t('planLink')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
