import type { ForecastResult } from '@/lib/domain/forecast';
import { sortForecastRows } from '@/lib/domain/forecast';
import type { Table } from './tabular';

// The forecast contract (README "forecast"): one row per commune, block and year, sorted by commune_code (code-point
// order), block (party_front, then government) and year, exactly these columns.
export const FORECAST_COLUMNS = ['commune_code', 'block', 'year', 'quota', 'headcount', 'retirements', 'difference'] as const;
export type ForecastColumn = (typeof FORECAST_COLUMNS)[number];

export function buildForecastTable(result: ForecastResult, codes: ReadonlyMap<number, string>): Table<ForecastColumn> {
  const rows = sortForecastRows(result.rows.map((r) => ({ ...r, code: codes.get(r.communeId)! }))).map((r) => ({
    commune_code: r.code,
    block: r.block,
    year: r.year,
    quota: r.quota,
    headcount: r.headcount,
    retirements: r.retirements,
    difference: r.difference,
  }));
  return { columns: FORECAST_COLUMNS, rows };
}
