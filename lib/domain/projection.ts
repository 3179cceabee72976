import { BLOCKS, type Block, type BlockFigures, type KeyPositionStatus } from './types';

// "Now and projected" (the counting contract in docs/domain.md): projected figures = current + every scheduled
// change (approved transfers and roster changes not yet effective, in and out) + placed secondments not yet ended
// (which also fill key places in the projection). Pure: the movements and `today` are passed in; lib/db will produce the movements once
// transfers and secondments exist.

/**
 * One approved movement touching the commune. `positionId` is the post it fills (incoming) or leaves
 * (outgoing), when known; `endDate` is the last day of a secondment (null: open-ended).
 */
export type StaffingMovement = {
  /**
   * `roster`: a recruitment, post change or departure recorded with an effective date after today; `reception`: a
   * person received into the commune civil service by a decision taking effect after today.
   */
  kind: 'transfer' | 'secondment' | 'roster' | 'reception';
  direction: 'in' | 'out';
  block: Block;
  positionId?: number | null;
  startDate: string;
  endDate?: string | null;
  /** The person who moves, when known (the forecast counts each person's first exit only). */
  cadreId?: number | null;
  /** An outgoing departure: the person leaves the counted staff (not a move to another post or commune). */
  exit?: boolean;
};

export type ProjectedFigures = BlockFigures & { incoming: number; outgoing: number; projectedHeadcount: number; projectedDifference: number };

export type CommuneProjection = {
  blocks: Record<Block, ProjectedFigures>;
  total: ProjectedFigures;
  /** Projected key vacancies (only when the current key positions were given). */
  keyVacancies: number | null;
  /** Each key place with its projected holders and vacancies (only when the current key positions were given). */
  keyPositions: KeyPositionStatus[] | null;
  /** The movements that changed the projection. */
  counted: number;
};

/**
 * Whether a movement still changes the future: a transfer until it takes effect (from then on the current
 * figures include it), a secondment until it ends (a secondee never counts in the current figures).
 */
export function isPending(movement: StaffingMovement, today: string): boolean {
  if (movement.kind !== 'secondment') return movement.startDate > today;
  return movement.endDate === null || movement.endDate === undefined || movement.endDate >= today;
}

const figures = (quota: number, headcount: number, incoming: number, outgoing: number): ProjectedFigures => {
  const projectedHeadcount = headcount + incoming - outgoing;
  return { quota, headcount, difference: headcount - quota, incoming, outgoing, projectedHeadcount, projectedDifference: projectedHeadcount - quota };
};

export function projectCommuneStaffing(
  current: { blocks: Record<Block, BlockFigures>; keyPositions?: readonly KeyPositionStatus[] },
  movements: readonly StaffingMovement[],
  today: string,
): CommuneProjection {
  const pending = movements.filter((movement) => isPending(movement, today));
  const blocks = {} as Record<Block, ProjectedFigures>;
  for (const block of BLOCKS) {
    const inBlock = pending.filter((movement) => movement.block === block);
    const incoming = inBlock.filter((movement) => movement.direction === 'in').length;
    // Secondments only ever come in: a commune's own staff are transferred (or leave), never seconded out.
    const outgoing = inBlock.filter((movement) => movement.direction === 'out' && movement.kind !== 'secondment').length;
    const now = current.blocks[block];
    blocks[block] = figures(now.quota, now.headcount, incoming, outgoing);
  }
  const total = BLOCKS.reduce(
    (sum, block) => figures(sum.quota + blocks[block].quota, sum.headcount + blocks[block].headcount, sum.incoming + blocks[block].incoming, sum.outgoing + blocks[block].outgoing),
    figures(0, 0, 0, 0),
  );
  const keyPositions = current.keyPositions ? projectKeyPositions(current.keyPositions, pending, today) : null;
  const keyVacancies = keyPositions ? keyPositions.reduce((sum, place) => sum + place.vacancies, 0) : null;
  return { blocks, total, keyVacancies, keyPositions, counted: pending.filter((m) => m.direction === 'in' || m.kind !== 'secondment').length };
}

/**
 * Each key place after the movements still pending: an incoming movement into the post adds a holder, an outgoing
 * transfer from it removes one (a secondment never leaves); places no movement touches are returned as they are.
 */
export function projectKeyPositions(keyPositions: readonly KeyPositionStatus[], movements: readonly StaffingMovement[], today: string): KeyPositionStatus[] {
  const change = new Map<number, number>();
  for (const movement of movements) {
    if (movement.positionId === null || movement.positionId === undefined || !isPending(movement, today)) continue;
    const delta = movement.direction === 'in' ? 1 : movement.kind !== 'secondment' ? -1 : 0;
    if (delta !== 0) change.set(movement.positionId, (change.get(movement.positionId) ?? 0) + delta);
  }
  return keyPositions.map((place) => {
    const delta = change.get(place.positionId);
    if (delta === undefined || delta === 0) return place;
    const holders = Math.max(0, place.holders + delta);
    return { ...place, holders, vacancies: place.required - Math.min(place.required, holders) };
  });
}
