import type { CommuneStaffing } from './types';

// "The key positions most often vacant" (decisions 018 and 019: the dashboard's chart and table, the report's Table 4 and its
// sentence, the snapshots' record): one ranking, so the same data gives the same order on every screen and
// document. Computed from the counting pipeline's key positions of the communes given (a dashboard filter passes
// its scope, a block filter communes restricted to the block).

/** One key position vacant somewhere: its vacant places and the communes where it is vacant. */
export type VacantKeyPosition = { positionId: number; positionCode: string; vacancies: number; units: number };

/** Most vacant places first; then the one vacant in more communes; then by code (code-point order), so ties are stable. */
export function compareVacantKeyPositions(a: VacantKeyPosition, b: VacantKeyPosition): number {
  return b.vacancies - a.vacancies || b.units - a.units || (a.positionCode < b.positionCode ? -1 : a.positionCode > b.positionCode ? 1 : a.positionId - b.positionId);
}

/** Every key position vacant in `communes`, ranked by compareVacantKeyPositions; `limit` keeps the first ones. */
export function rankVacantKeyPositions(communes: readonly Pick<CommuneStaffing, 'keyPositions'>[], limit?: number): VacantKeyPosition[] {
  const byPosition = new Map<number, VacantKeyPosition>();
  for (const commune of communes) {
    for (const place of commune.keyPositions) {
      if (place.vacancies === 0) continue;
      let entry = byPosition.get(place.positionId);
      if (!entry) byPosition.set(place.positionId, (entry = { positionId: place.positionId, positionCode: place.positionCode, vacancies: 0, units: 0 }));
      entry.vacancies += place.vacancies;
      entry.units += 1;
    }
  }
  const ranked = [...byPosition.values()].sort(compareVacantKeyPositions);
  return limit === undefined ? ranked : ranked.slice(0, limit);
}
