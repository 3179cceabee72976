// Plain data shared by lib/db (which produces counts with set-based SQL) and the pure rules in
// lib/domain (which turn counts into differences, vacancies, flags and roll-ups). No I/O here.

export const BLOCKS = ['party_front', 'government'] as const;
export type Block = (typeof BLOCKS)[number];

/**
 * A position of the catalogue as the province declares it (docs/domain.md): its titles, block, whether it is a key
 * place, an elected post or held concurrently by design, its field (`F`: the field codes a caller knows) and its
 * place in the catalogue's order.
 */
export type PositionAttributes<F extends string = string> = {
  titleVi: string;
  titleEn: string;
  block: Block | null;
  isKey: boolean;
  isElected: boolean;
  concurrentByDesign: boolean;
  field: F | null;
  sortOrder: number;
};

export type UnitKind = 'commune' | 'ward';

/** Counts for one key position in one commune, as produced by lib/db. */
export type KeyPlaceCount = {
  positionId: number;
  positionCode: string;
  block: Block;
  /** The norm: how many of this position the commune needs (default 1). */
  required: number;
  /** Distinct active cadres and civil servants holding it here as primary or concurrent. */
  holders: number;
  /** Of those, how many hold it as their primary position. */
  primaryHolders: number;
  /** Held concurrently by design (Party Secretary chairing the People's Council): never flagged. */
  concurrentByDesign: boolean;
  /** Places covered by a placed secondee (current, not yet ended). Never reduces current vacancies. */
  coveredBySecondment?: number;
};

/** Everything the staffing rules need about one commune. */
export type CommuneCounts = {
  communeId: number;
  /** Set by lib/db when several provinces are counted at once. */
  provinceId?: number;
  code: string;
  name: string;
  kind: UnitKind;
  oldDistrictId: number;
  oldDistrictName: string;
  mountainous: boolean;
  extremelyDisadvantaged: boolean;
  border: boolean;
  /** The quota year used (latest year present for the commune, or the requested year); null when none. */
  quotaYear: number | null;
  /** Quota per block for quotaYear; null when that block has no quota row that year (counted as 0, flagged). */
  quota: Record<Block, number | null>;
  /** Active cadres and civil servants whose primary position is in this commune and block. */
  headcount: Record<Block, number>;
  keyPlaces: KeyPlaceCount[];
};

export type BlockFigures = { quota: number; headcount: number; difference: number };

export type KeyPositionStatus = KeyPlaceCount & {
  /** required − min(required, holders). */
  vacancies: number;
  /** Filled only by concurrent holders (and not concurrent by design): filled, but flagged. */
  concurrentOnly: boolean;
};

export type CommuneStaffing = Omit<CommuneCounts, 'keyPlaces'> & {
  blocks: Record<Block, BlockFigures>;
  total: BlockFigures;
  keyPositions: KeyPositionStatus[];
  keyVacancies: number;
  /** Key places filled only concurrently (a flag, never subtracted from vacancies). */
  concurrentOnlyPlaces: number;
  /** difference_total < 0 */
  isShortStaffed: boolean;
  /** key_vacancies > 0 */
  hasKeyGaps: boolean;
  /** Blocks with no quota row in the quota year. */
  missingQuotaBlocks: Block[];
};

export type Rollup = {
  units: number;
  blocks: Record<Block, BlockFigures>;
  total: BlockFigures;
  keyVacancies: number;
  shortStaffedUnits: number;
  keyGapUnits: number;
  /** Units both short-staffed and with key gaps (the articles' "56 of 130"). */
  shortStaffedWithKeyGapsUnits: number;
  surplusUnits: number;
  balancedUnits: number;
};

export type OldDistrictRollup = Rollup & { oldDistrictId: number; oldDistrictName: string };
