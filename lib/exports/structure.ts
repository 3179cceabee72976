import type { StructureCounts } from '@/lib/domain/structure';
import type { Table } from './tabular';

// The structure contract (README "export structure"): one row per commune, sorted by commune_code in code-point
// order, exactly these columns (docs/decisions/041-structure-and-planning.md).
export const STRUCTURE_COLUMNS = [
  'commune_code', 'commune_name',
  'staff', 'staff_female', 'staff_young', 'staff_ethnic_minority',
  'key_holders', 'key_female', 'key_young', 'key_ethnic_minority',
] as const;
export type StructureColumn = (typeof STRUCTURE_COLUMNS)[number];

export function buildStructureTable(communes: readonly (StructureCounts & { code: string; name: string })[]): Table<StructureColumn> {
  const rows = [...communes]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((c) => ({
      commune_code: c.code,
      commune_name: c.name,
      staff: c.staff,
      staff_female: c.staffFemale,
      staff_young: c.staffYoung,
      staff_ethnic_minority: c.staffEthnicMinority,
      key_holders: c.keyHolders,
      key_female: c.keyFemale,
      key_young: c.keyYoung,
      key_ethnic_minority: c.keyEthnicMinority,
    }));
  return { columns: STRUCTURE_COLUMNS, rows };
}
