import type { Block, CommuneCounts, KeyPlaceCount } from '@/lib/domain/types';

// Builders for CommuneCounts shaped like the published figures (docs/domain.md). Every key position is held by
// one primary holder unless the case names it vacant or held only concurrently.

export const KEY_CATALOGUE: readonly { code: string; block: Block; concurrentByDesign?: boolean }[] = [
  { code: 'party_secretary', block: 'party_front' },
  { code: 'deputy_standing_secretary', block: 'party_front' },
  { code: 'party_office_deputy_chief', block: 'party_front' },
  { code: 'front_chair', block: 'party_front' },
  { code: 'farmers_chair', block: 'party_front' },
  { code: 'veterans_chair', block: 'party_front' },
  { code: 'youth_secretary', block: 'party_front' },
  { code: 'council_chair', block: 'government', concurrentByDesign: true },
  { code: 'council_vice_chair', block: 'government' },
  { code: 'committee_chair', block: 'government' },
  { code: 'office_deputy_chief', block: 'government' },
  { code: 'economic_head', block: 'government' },
  { code: 'culture_social_head', block: 'government' },
  { code: 'culture_social_deputy_head', block: 'government' },
  { code: 'pasc_deputy_director', block: 'government' },
];

export type CommuneCase = {
  id: number;
  name: string;
  quota: Record<Block, number | null>;
  headcount: Record<Block, number>;
  vacant?: readonly string[];
  concurrentOnly?: readonly string[];
  oldDistrict?: { id: number; name: string };
};

function buildKeyPlace(entry: (typeof KEY_CATALOGUE)[number], index: number, c: CommuneCase): KeyPlaceCount {
  const isVacant = c.vacant?.includes(entry.code) ?? false;
  const isConcurrentOnly = c.concurrentOnly?.includes(entry.code) ?? false;
  return {
    positionId: index + 1,
    positionCode: entry.code,
    block: entry.block,
    required: 1,
    holders: isVacant ? 0 : 1,
    primaryHolders: isVacant || isConcurrentOnly ? 0 : 1,
    concurrentByDesign: entry.concurrentByDesign ?? false,
  };
}

export function buildCommuneCounts(c: CommuneCase): CommuneCounts {
  const district = c.oldDistrict ?? { id: 1, name: 'Con Cuông' };
  return {
    communeId: c.id,
    code: `X${String(c.id).padStart(3, '0')}`,
    name: c.name,
    kind: 'commune',
    oldDistrictId: district.id,
    oldDistrictName: district.name,
    mountainous: false,
    extremelyDisadvantaged: false,
    border: false,
    quotaYear: 2025,
    quota: c.quota,
    headcount: c.headcount,
    keyPlaces: KEY_CATALOGUE.map((entry, index) => buildKeyPlace(entry, index, c)),
  };
}

export const NGA_MY: CommuneCase = {
  id: 1,
  name: 'Nga My',
  quota: { party_front: 24, government: 37 },
  headcount: { party_front: 18, government: 26 },
  vacant: ['economic_head', 'culture_social_deputy_head', 'pasc_deputy_director'],
};

export const BAC_LY: CommuneCase = {
  id: 2,
  name: 'Bắc Lý',
  quota: { party_front: 18, government: 25 },
  headcount: { party_front: 12, government: 16 },
  vacant: ['party_office_deputy_chief', 'farmers_chair', 'youth_secretary'],
};

export const HOA_QUAN: CommuneCase = {
  id: 3,
  name: 'Hoa Quân',
  quota: { party_front: 20, government: 30 },
  headcount: { party_front: 23, government: 34 },
  vacant: [
    'deputy_standing_secretary',
    'council_vice_chair',
    'culture_social_head',
    'office_deputy_chief',
    'veterans_chair',
    'youth_secretary',
  ],
};

function splitByBlock(total: number): Record<Block, number> {
  const partyFront = Math.floor(total * 0.4);
  return { party_front: partyFront, government: total - partyFront };
}

/**
 * 130 units that reproduce the province figures: 8,635 against 7,988 (+647), and 56 units both short-staffed and
 * with key gaps (the three named communes, 54 short by 2 with one vacancy, 73 in surplus with none).
 */
export function buildPublishedProvince(): CommuneCounts[] {
  const named = [NGA_MY, BAC_LY, HOA_QUAN].map(buildCommuneCounts);
  const short = Array.from({ length: 54 }, (_, i) =>
    buildCommuneCounts({
      id: 100 + i,
      name: `Xã thiếu ${i + 1}`,
      quota: splitByBlock(62),
      headcount: splitByBlock(60),
      vacant: ['economic_head'],
    }),
  );
  const surplus = Array.from({ length: 73 }, (_, i) =>
    buildCommuneCounts({
      id: 200 + i,
      name: `Xã dôi dư ${i + 1}`,
      quota: splitByBlock(61 + (i < 33 ? 1 : 0)),
      headcount: splitByBlock(72 + (i < 10 ? 1 : 0)),
    }),
  );
  return [...named, ...short, ...surplus];
}
