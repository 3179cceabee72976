import { getTranslations } from 'next-intl/server';
import type { QuotaYearNote as Note } from '@/lib/domain/quota-years';
import { getFormatters } from '@/lib/i18n/server';

/**
 * Which year's quotas a figure uses, said where it is not the year asked (docs/domain.md, Quota years and campaigns): "Biên chế năm 2025 – chưa giao
 * năm 2026", or, when the units differ, how many use which year. Nothing when every unit has that year's quotas.
 */
export async function QuotaYearNote({ note, units, testId, className = 'text-sm text-amber-900' }: {
  note: Note | null;
  units: 'communes' | 'departments';
  testId?: string;
  className?: string;
}) {
  if (!note) return null;
  const [t, format] = await Promise.all([getTranslations('quotaYears.note'), getFormatters()]);
  const unitsLabel = t(`units.${units}`);
  const parts: string[] = [];
  switch (note.kind) {
    case 'earlierOnly':
      parts.push(t('earlierOnly', { year: String(note.year), asked: String(note.asked) }));
      if (note.withoutQuota > 0) parts.push(t('without', { count: format.number(note.withoutQuota), units: unitsLabel }));
      break;
    case 'mixed':
      if (note.current > 0) parts.push(t('current', { count: format.number(note.current), units: unitsLabel, year: String(note.asked) }));
      for (const e of note.earlier) parts.push(t('earlier', { count: format.number(e.units), units: unitsLabel, year: String(e.year), asked: String(note.asked) }));
      if (note.withoutQuota > 0) parts.push(t('without', { count: format.number(note.withoutQuota), units: unitsLabel }));
      break;
    case 'none':
      parts.push(t('none', { units: unitsLabel, asked: String(note.asked) }));
      break;
  }
  return (
    <p className={className} data-testid={testId}>
      {parts.join('; ')}.
    </p>
  );
}
