import type { CommuneCompleteness } from '@/lib/domain/completeness';
import type { Table } from './tabular';

// The completeness contract (README "export completeness"): one row per commune, sorted by commune_code in
// code-point order, exactly these columns (docs/decisions/039-completeness-search-personal-history.md).
export const COMPLETENESS_COLUMNS = [
  'commune_code', 'commune_name', 'people', 'complete',
  'missing_national_id', 'missing_ethnicity', 'missing_rank', 'missing_salary',
] as const;
export type CompletenessColumn = (typeof COMPLETENESS_COLUMNS)[number];

export function buildCompletenessTable(communes: readonly CommuneCompleteness[]): Table<CompletenessColumn> {
  const rows = [...communes]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((c) => ({
      commune_code: c.code,
      commune_name: c.name,
      people: c.people,
      complete: c.complete,
      missing_national_id: c.missing.nationalId,
      missing_ethnicity: c.missing.ethnicity,
      missing_rank: c.missing.rank,
      missing_salary: c.missing.salary,
    }));
  return { columns: COMPLETENESS_COLUMNS, rows };
}
