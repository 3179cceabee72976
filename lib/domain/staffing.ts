import { compareVietnamese } from './vietnamese';
import {
  BLOCKS,
  type Block,
  type BlockFigures,
  type CommuneCounts,
  type CommuneStaffing,
  type KeyPlaceCount,
  type KeyPositionStatus,
  type OldDistrictRollup,
  type Rollup,
} from './types';

// Domain rules 1-3 and the counting contract (docs/domain.md, Counting): headcount against quota per block, key
// vacancies and concurrent-only flags. Surplus and key gaps are reported side by side, never netted.

const ZERO: BlockFigures = { quota: 0, headcount: 0, difference: 0 };

function toFigures(quota: number, headcount: number): BlockFigures {
  return { quota, headcount, difference: headcount - quota };
}

function addFigures(a: BlockFigures, b: BlockFigures): BlockFigures {
  return { quota: a.quota + b.quota, headcount: a.headcount + b.headcount, difference: a.difference + b.difference };
}

function sumFigures(figures: BlockFigures[]): BlockFigures {
  return figures.reduce(addFigures, ZERO);
}

function mapBlocks<T>(compute: (block: Block) => T): Record<Block, T> {
  return { party_front: compute('party_front'), government: compute('government') };
}

// The hot path (every commune × key position of a province, on every page) builds its objects property by
// property: object spread is two orders of magnitude slower on Node 20 here (measured in npm run bench).
export function computeKeyPositionStatus(place: KeyPlaceCount): KeyPositionStatus {
  const filled = Math.min(place.required, place.holders);
  const status: KeyPositionStatus = {
    positionId: place.positionId,
    positionCode: place.positionCode,
    block: place.block,
    required: place.required,
    holders: place.holders,
    primaryHolders: place.primaryHolders,
    concurrentByDesign: place.concurrentByDesign,
    vacancies: place.required - filled,
    concurrentOnly: place.holders > 0 && place.primaryHolders === 0 && !place.concurrentByDesign && place.required > 0,
  };
  if (place.coveredBySecondment !== undefined) status.coveredBySecondment = place.coveredBySecondment;
  return status;
}

type StaffingWithoutKeyFigures = Omit<
  CommuneStaffing,
  'keyPositions' | 'keyVacancies' | 'concurrentOnlyPlaces' | 'isShortStaffed' | 'hasKeyGaps'
>;

/** Completes `base` in place: callers always pass a freshly built object. */
function withKeyFigures(base: StaffingWithoutKeyFigures, keyPositions: KeyPositionStatus[]): CommuneStaffing {
  const keyVacancies = keyPositions.reduce((sum, p) => sum + p.vacancies, 0);
  const concurrentOnlyPlaces = keyPositions
    .filter((p) => p.concurrentOnly)
    .reduce((sum, p) => sum + Math.min(p.required, p.holders), 0);
  const staffing = base as CommuneStaffing;
  staffing.keyPositions = keyPositions;
  staffing.keyVacancies = keyVacancies;
  staffing.concurrentOnlyPlaces = concurrentOnlyPlaces;
  staffing.isShortStaffed = base.total.difference < 0;
  staffing.hasKeyGaps = keyVacancies > 0;
  return staffing;
}

export function computeCommuneStaffing(counts: CommuneCounts): CommuneStaffing {
  const blocks = mapBlocks((block) => toFigures(counts.quota[block] ?? 0, counts.headcount[block]));
  return withKeyFigures(
    {
      communeId: counts.communeId,
      provinceId: counts.provinceId,
      code: counts.code,
      name: counts.name,
      kind: counts.kind,
      oldDistrictId: counts.oldDistrictId,
      oldDistrictName: counts.oldDistrictName,
      mountainous: counts.mountainous,
      extremelyDisadvantaged: counts.extremelyDisadvantaged,
      border: counts.border,
      quotaYear: counts.quotaYear,
      quota: counts.quota,
      headcount: counts.headcount,
      blocks,
      total: sumFigures(BLOCKS.map((block) => blocks[block])),
      missingQuotaBlocks: BLOCKS.filter((block) => counts.quota[block] === null),
    },
    counts.keyPlaces.map(computeKeyPositionStatus),
  );
}

/** docs/domain.md, Counting (filters): with a block filter, difference, short-staffed and key gaps use that block only. */
export function restrictToBlock(staffing: CommuneStaffing, block: Block): CommuneStaffing {
  return withKeyFigures(
    {
      ...staffing,
      total: staffing.blocks[block],
      missingQuotaBlocks: staffing.missingQuotaBlocks.filter((missing) => missing === block),
    },
    staffing.keyPositions.filter((position) => position.block === block),
  );
}

function countWhere(communes: CommuneStaffing[], predicate: (commune: CommuneStaffing) => boolean): number {
  return communes.filter(predicate).length;
}

export function rollUp(communes: CommuneStaffing[]): Rollup {
  return {
    units: communes.length,
    blocks: mapBlocks((block) => sumFigures(communes.map((c) => c.blocks[block]))),
    total: sumFigures(communes.map((c) => c.total)),
    keyVacancies: communes.reduce((sum, c) => sum + c.keyVacancies, 0),
    shortStaffedUnits: countWhere(communes, (c) => c.isShortStaffed),
    keyGapUnits: countWhere(communes, (c) => c.hasKeyGaps),
    shortStaffedWithKeyGapsUnits: countWhere(communes, (c) => c.isShortStaffed && c.hasKeyGaps),
    surplusUnits: countWhere(communes, (c) => c.total.difference > 0),
    balancedUnits: countWhere(communes, (c) => c.total.difference === 0),
  };
}

/** One roll-up per old district, ordered by name (Vietnamese collation), then id. */
export function rollUpByOldDistrict(communes: CommuneStaffing[]): OldDistrictRollup[] {
  const groups = new Map<number, CommuneStaffing[]>();
  for (const commune of communes) {
    const group = groups.get(commune.oldDistrictId);
    if (group) group.push(commune);
    else groups.set(commune.oldDistrictId, [commune]);
  }
  return [...groups.values()]
    .map((members) => ({
      ...rollUp(members),
      oldDistrictId: members[0].oldDistrictId,
      oldDistrictName: members[0].oldDistrictName,
    }))
    .sort((a, b) => compareVietnamese(a.oldDistrictName, b.oldDistrictName) || a.oldDistrictId - b.oldDistrictId);
}
