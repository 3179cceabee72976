import type { DashboardFilter, SituationCategory, UnitGroup } from '@/lib/domain/dashboard';
import { DEFAULT_UNIT_QUERY, unitListParams, type UnitListQuery } from '@/lib/domain/unit-list';

// Where the dashboard's figures lead: the unit list (overview, or the old district's page) and the needs list behind
// a figure, with the dashboard's filters carried over.

/** The unit list behind a figure, with the dashboard's filters carried over. */
export function unitsHref(filter: DashboardFilter, changes: Partial<UnitListQuery> = {}): string {
  const query: UnitListQuery = {
    ...DEFAULT_UNIT_QUERY,
    block: filter.block,
    mountainous: filter.mountainous === 'yes',
    lowland: filter.mountainous === 'no',
    ...changes,
  };
  const district = changes.district ?? filter.district;
  const params = unitListParams({ ...query, district: '' }).toString();
  const base = district ? `/districts/${encodeURIComponent(district)}` : '/';
  return `${base}${params ? `?${params}` : ''}#units`;
}

/** The declared needs naming a field, in the overview's needs list, with the filters it supports. */
export function needsHref(filter: DashboardFilter, field: string): string {
  const params = new URLSearchParams({ vwhat: `field:${field}` });
  if (filter.district) params.set('vdistrict', filter.district);
  if (filter.block) params.set('vblock', filter.block);
  if (filter.mountainous === 'yes') params.set('vmountainous', '1');
  return `/?${params}#needs`;
}

export const GROUP_QUERY: Record<UnitGroup, Partial<UnitListQuery>> = {
  all: {},
  mountainous: { mountainous: true, lowland: false },
  disadvantaged: { disadvantaged: true },
  lowland: { lowland: true, mountainous: false },
};

export function situationQuery(category: SituationCategory): Partial<UnitListQuery> {
  const gaps = category.endsWith('Gaps');
  const situation = category.replace('Gaps', '') as UnitListQuery['situation'];
  return { situation, keyGaps: gaps, noKeyGaps: !gaps };
}
