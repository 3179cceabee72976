import { BLOCKS, type Block, type BlockFigures, type KeyPositionStatus } from './types';

// "Now and projected" (issue 5 item 1, rules.md "Counting"): projected figures = current + incoming approved
// transfers not yet effective − outgoing ones + placed secondments not yet ended (which also fill key places
// in the projection). Pure: the movements and `today` are passed in; lib/db will produce the movements once
// transfers and secondments exist.

/**
 * One approved movement touching the commune. `positionId` is the post it fills (incoming) or leaves
 * (outgoing), when known; `endDate` is the last day of a secondment (null: open-ended).
 */
export type StaffingMovement = {
  kind: 'transfer' | 'secondment';
  direction: 'in' | 'out';
  block: Block;
  positionId?: number | null;
  startDate: string;
  endDate?: string | null;
};

export type ProjectedFigures = BlockFigures & { incoming: number; outgoing: number; projectedHeadcount: number; projectedDifference: number };

export type CommuneProjection = {
  blocks: Record<Block, ProjectedFigures>;
  total: ProjectedFigures;
  /** Projected key vacancies (only when the current key positions were given). */
  keyVacancies: number | null;
  /** The movements that changed the projection. */
  counted: number;
};

/**
 * Whether a movement still changes the future: a transfer until it takes effect (from then on the current
 * figures include it), a secondment until it ends (a secondee never counts in the current figures).
 */
export function isPending(movement: StaffingMovement, today: string): boolean {
  if (movement.kind === 'transfer') return movement.startDate > today;
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
    // Secondments only ever come in: a commune's own staff are transferred, never seconded out.
    const outgoing = inBlock.filter((movement) => movement.direction === 'out' && movement.kind === 'transfer').length;
    const now = current.blocks[block];
    blocks[block] = figures(now.quota, now.headcount, incoming, outgoing);
  }
  const total = BLOCKS.reduce(
    (sum, block) => figures(sum.quota + blocks[block].quota, sum.headcount + blocks[block].headcount, sum.incoming + blocks[block].incoming, sum.outgoing + blocks[block].outgoing),
    figures(0, 0, 0, 0),
  );
  let keyVacancies: number | null = null;
  if (current.keyPositions) {
    keyVacancies = 0;
    for (const place of current.keyPositions) {
      const change = pending.reduce((delta, movement) => {
        if (movement.positionId !== place.positionId) return delta;
        if (movement.direction === 'in') return delta + 1;
        return movement.kind === 'transfer' ? delta - 1 : delta;
      }, 0);
      const holders = Math.max(0, place.holders + change);
      keyVacancies += place.required - Math.min(place.required, holders);
    }
  }
  return { blocks, total, keyVacancies, counted: pending.filter((m) => m.direction === 'in' || m.kind === 'transfer').length };
}
