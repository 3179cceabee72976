import type { CommuneStaffing } from '@/lib/domain/types';
import type { Table } from './tabular';

// The status contract (README "export status"): one row per commune, sorted by commune_code in
// code-point order, exactly these columns.
export const STATUS_COLUMNS = [
  'commune_code', 'commune_name',
  'quota_total', 'headcount_total', 'difference_total',
  'quota_party_front', 'headcount_party_front', 'difference_party_front',
  'quota_government', 'headcount_government', 'difference_government',
  'key_vacancies', 'short_staffed', 'key_gaps',
] as const;
export type StatusColumn = (typeof STATUS_COLUMNS)[number];

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export function buildStatusTable(communes: CommuneStaffing[]): Table<StatusColumn> {
  const rows = [...communes]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((c) => ({
      commune_code: c.code,
      commune_name: c.name,
      quota_total: c.total.quota,
      headcount_total: c.total.headcount,
      difference_total: c.total.difference,
      quota_party_front: c.blocks.party_front.quota,
      headcount_party_front: c.blocks.party_front.headcount,
      difference_party_front: c.blocks.party_front.difference,
      quota_government: c.blocks.government.quota,
      headcount_government: c.blocks.government.headcount,
      difference_government: c.blocks.government.difference,
      key_vacancies: c.keyVacancies,
      short_staffed: yesNo(c.isShortStaffed),
      key_gaps: yesNo(c.hasKeyGaps),
    }));
  return { columns: STATUS_COLUMNS, rows };
}
