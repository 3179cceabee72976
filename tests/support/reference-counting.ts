import { latestConfirmedYear } from '@/lib/domain/quota-years';
import type { Block, KeyPlaceCount } from '@/lib/domain/types';

// A row-level reference for the set-based counts in lib/db/staffing-counts.ts (docs/decisions/005-counting-pipeline.md): slow and obvious, so random data can check the SQL against it.

export type EmploymentType = 'cadre' | 'civil_servant' | 'public_employee' | 'non_professional';

export type ReferenceCadre = { id: number; employmentType: EmploymentType; status: 'active' | 'left'; leftOn: string | null };
export type ReferenceAssignment = {
  cadreId: number;
  communeId: number | null;
  departmentId: number | null;
  positionId: number;
  isPrimary: boolean;
  startDate: string;
  endDate: string | null;
};
export type ReferencePosition = { id: number; code: string; block: Block | null; isKey: boolean; concurrentByDesign: boolean };
export type ReferenceNorm = { communeId: number; positionId: number; required: number };
export type ReferenceQuota = { communeId: number; block: Block; year: number; quota: number };

export type ReferenceInput = {
  communeIds: number[];
  cadres: ReferenceCadre[];
  assignments: ReferenceAssignment[];
  positions: ReferencePosition[];
  norms: ReferenceNorm[];
  quotas: ReferenceQuota[];
  /** Quota years of the province that are drafts (decision 027): they never count. */
  draftYears?: number[];
};

export type ReferenceCommuneCounts = {
  quotaYear: number | null;
  quota: Record<Block, number | null>;
  headcount: Record<Block, number>;
  keyPlaces: KeyPlaceCount[];
};

/** Domain rule 1: only cadres and civil servants count, while active (leaving takes effect the day after leftOn). */
function isCountedAt(cadre: ReferenceCadre, date: string): boolean {
  const isActive = cadre.status === 'active' || (cadre.leftOn !== null && cadre.leftOn > date);
  return isActive && (cadre.employmentType === 'cadre' || cadre.employmentType === 'civil_servant');
}

function isOpenAt(assignment: ReferenceAssignment, date: string): boolean {
  return assignment.startDate <= date && (assignment.endDate === null || assignment.endDate >= date);
}

/**
 * docs/domain.md, Counting: the commune's latest confirmed quota year not after the date's year
 * (lib/domain/quota-years.ts latestConfirmedYear over the years it has rows in); a block missing that year is null.
 */
function findLatestQuota(
  quotas: ReferenceQuota[],
  communeId: number,
  date: string,
  draftYears: readonly number[],
): Pick<ReferenceCommuneCounts, 'quotaYear' | 'quota'> {
  const years = [...new Set(quotas.filter((q) => q.communeId === communeId).map((q) => q.year))];
  const states = years.map((year) => ({ year, status: draftYears.includes(year) ? ('draft' as const) : ('confirmed' as const) }));
  const quotaYear = latestConfirmedYear(states, Number(date.slice(0, 4)));
  if (quotaYear === null) return { quotaYear: null, quota: { party_front: null, government: null } };
  const quotaOf = (block: Block) => quotas.find((q) => q.communeId === communeId && q.year === quotaYear && q.block === block)?.quota ?? null;
  return { quotaYear, quota: { party_front: quotaOf('party_front'), government: quotaOf('government') } };
}

export function referenceCounts(input: ReferenceInput, date: string): Map<number, ReferenceCommuneCounts> {
  const cadres = new Map(input.cadres.map((c) => [c.id, c]));
  const positions = new Map(input.positions.map((p) => [p.id, p]));
  const open = input.assignments.filter((a) => {
    const cadre = cadres.get(a.cadreId);
    return a.communeId !== null && cadre !== undefined && isCountedAt(cadre, date) && isOpenAt(a, date);
  });
  const keyPositions = input.positions.filter((p): p is ReferencePosition & { block: Block } => p.isKey && p.block !== null);

  const result = new Map<number, ReferenceCommuneCounts>();
  for (const communeId of input.communeIds) {
    const here = open.filter((a) => a.communeId === communeId);
    const countPersons = (block: Block) =>
      new Set(here.filter((a) => a.isPrimary && positions.get(a.positionId)?.block === block).map((a) => a.cadreId)).size;
    const headcount = { party_front: countPersons('party_front'), government: countPersons('government') };
    const keyPlaces = keyPositions.map((position): KeyPlaceCount => {
      const holding = here.filter((a) => a.positionId === position.id);
      const norm = input.norms.find((n) => n.communeId === communeId && n.positionId === position.id);
      return {
        positionId: position.id,
        positionCode: position.code,
        block: position.block,
        required: norm?.required ?? 1,
        holders: new Set(holding.map((a) => a.cadreId)).size,
        primaryHolders: new Set(holding.filter((a) => a.isPrimary).map((a) => a.cadreId)).size,
        concurrentByDesign: position.concurrentByDesign,
      };
    });
    result.set(communeId, { ...findLatestQuota(input.quotas, communeId, date, input.draftYears ?? []), headcount, keyPlaces });
  }
  return result;
}
