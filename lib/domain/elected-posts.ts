import type { Block, CommuneStaffing } from './types';

// Elected posts left vacant (decision 025; docs/domain.md, How posts are filled): a post flagged elected in the
// catalogue (Party Secretary, council and committee chairs and vice-chairs, heads of the Front and the mass
// organisations) is filled by an election or a designation (bầu cử / chỉ định), never by a transfer, so the engine
// never targets it and its vacant places are reported apart. Derived once, here, from the counting pipeline's key
// positions; the plan page, its what-if, the dashboard, the report and the command line all call this.

/** One elected post vacant in one commune: "cần bầu / chỉ định". */
export type VacantElectedPost = {
  communeId: number;
  communeCode: string;
  communeName: string;
  oldDistrictId: number;
  oldDistrictName: string;
  positionId: number;
  positionCode: string;
  block: Block;
  /** Vacant places of the post in the commune (norm − holders). */
  vacancies: number;
};

type CommuneKeyPositions = Pick<CommuneStaffing, 'communeId' | 'code' | 'name' | 'oldDistrictId' | 'oldDistrictName' | 'keyPositions'>;

/** The ids of the catalogue's elected posts. */
export function electedPositionIds(positions: readonly { id: number; isElected: boolean }[]): ReadonlySet<number> {
  return new Set(positions.filter((p) => p.isElected).map((p) => p.id));
}

/**
 * Every vacant elected post of the given communes, by commune code (code-point order) then in the catalogue's order
 * (the order of the communes' key positions). Communes restricted to a block (dashboard filter) give that block's.
 */
export function listVacantElectedPosts(communes: readonly CommuneKeyPositions[], elected: ReadonlySet<number>): VacantElectedPost[] {
  const posts: VacantElectedPost[] = [];
  if (elected.size === 0) return posts;
  const ordered = [...communes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.communeId - b.communeId));
  for (const commune of ordered) {
    for (const place of commune.keyPositions) {
      if (place.vacancies <= 0 || !elected.has(place.positionId)) continue;
      posts.push({
        communeId: commune.communeId,
        communeCode: commune.code,
        communeName: commune.name,
        oldDistrictId: commune.oldDistrictId,
        oldDistrictName: commune.oldDistrictName,
        positionId: place.positionId,
        positionCode: place.positionCode,
        block: place.block,
        vacancies: place.vacancies,
      });
    }
  }
  return posts;
}

/** How many places and how many communes the list covers. */
export function countVacantElectedPosts(posts: readonly VacantElectedPost[]): { places: number; units: number } {
  return { places: posts.reduce((sum, p) => sum + p.vacancies, 0), units: new Set(posts.map((p) => p.communeId)).size };
}
