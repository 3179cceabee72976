import { listVacantElectedPosts, type VacantElectedPost } from './elected-posts';
import { isPending, projectCommuneStaffing, type StaffingMovement } from './projection';
import type { ProposalCandidate, ProposalCommune, ProposalFieldNeed, ProposalInput, ProposalPosition, ProposedMove } from './proposals';
import { rollUp } from './staffing';
import { BLOCKS, type Block, type CommuneStaffing, type Rollup } from './types';

// The proposal engine's input and the "what-if" (decision 017), built from the one staffing pipeline:
// lib/db counts, lib/domain/staffing computes the current figures, lib/domain/projection applies the approved
// movements. Pure: the rows and `today` are passed in. docs/decisions/017-proposals-in-the-app.md.

/** An approved movement not yet reflected in the current figures, with the commune it touches. */
export type CommuneMovement = StaffingMovement & { communeId: number };

/** A person counted in a commune's headcount (primary assignment open today), before exclusions. */
export type CandidateRow = ProposalCandidate & {
  /** In a proposed or approved transfer, or seconded: never proposed again. */
  busy: boolean;
};

/**
 * The engine's input: the communes as the projection sees them after the approved movements (a pending transfer's
 * source has one fewer, its target one more and the key place it fills is taken; a placed secondment fills its
 * place), so the engine plans on top of what is already decided. People already in a transfer or a secondment are
 * left out; key holders stay in (the engine itself never moves them).
 */
export function buildProposalInput(args: {
  communes: readonly CommuneStaffing[];
  pending: readonly CommuneMovement[];
  candidates: readonly CandidateRow[];
  positions: readonly ProposalPosition[];
  fieldNeeds: readonly (ProposalFieldNeed & { communeId: number })[];
  oldDistrictCodes: ReadonlyMap<number, string>;
  today: string;
}): ProposalInput {
  const byCommune = groupBy(args.pending, (m) => m.communeId);
  const needs = groupBy(args.fieldNeeds, (n) => n.communeId);
  const positionById = new Map(args.positions.map((p) => [p.id, p]));
  const communes: ProposalCommune[] = args.communes.map((c) => {
    const movements = byCommune.get(c.communeId) ?? [];
    const projection = projectCommuneStaffing(c, movements, args.today);
    const headcount = { party_front: 0, government: 0 } as Record<Block, number>;
    for (const block of BLOCKS) headcount[block] = projection.blocks[block].projectedHeadcount;
    return {
      id: c.communeId,
      code: c.code,
      name: c.name,
      oldDistrict: { code: args.oldDistrictCodes.get(c.oldDistrictId) ?? String(c.oldDistrictId), name: c.oldDistrictName },
      mountainous: c.mountainous,
      extremelyDisadvantaged: c.extremelyDisadvantaged,
      quota: c.quota,
      headcount,
      keyPlaces: c.keyPositions.map((place) => {
        const position = positionById.get(place.positionId);
        return {
          positionId: place.positionId,
          positionCode: place.positionCode,
          title: position?.title ?? place.positionCode,
          block: place.block,
          field: position?.field ?? null,
          required: place.required,
          holders: projectedHolders(place.positionId, place.holders, movements, args.today),
        };
      }),
      fieldNeeds: (needs.get(c.communeId) ?? []).map(({ field, count }) => ({ field, count })),
    };
  });
  return {
    communes,
    candidates: args.candidates.filter((c) => !c.busy).map(({ busy: _busy, ...candidate }) => candidate),
    positions: args.positions,
  };
}

/** Holders of one key place after the pending movements: projectCommuneStaffing's rule, per place. */
function projectedHolders(positionId: number, holders: number, movements: readonly StaffingMovement[], today: string): number {
  let change = 0;
  for (const m of movements) {
    if (m.positionId !== positionId || !isPending(m, today)) continue;
    if (m.direction === 'in') change += 1;
    else if (m.kind !== 'secondment') change -= 1;
  }
  return Math.max(0, holders + change);
}

// ---------------------------------------------------------------------------------------------------------------
// What-if

/** A move as the what-if needs it: who, from where to where, into which position (a key post or their own). */
export type WhatIfMove = Pick<ProposedMove, 'fromCommuneCode' | 'toCommuneCode' | 'block'> & {
  /** The position the person leaves (their current primary position). */
  fromPositionId: number;
  /** The position they take at the target. */
  toPositionId: number;
};

/** Far enough in the future that a selected move is always pending in the projection. */
const HYPOTHETICAL_DATE = '9999-12-31';

/** The selected moves as the movements a projection counts (one out at the source, one in at the target). */
export function movesToMovements(moves: readonly WhatIfMove[], communeIdByCode: ReadonlyMap<string, number>): CommuneMovement[] {
  const movements: CommuneMovement[] = [];
  for (const move of moves) {
    const from = communeIdByCode.get(move.fromCommuneCode);
    const to = communeIdByCode.get(move.toCommuneCode);
    if (from === undefined || to === undefined) throw new RangeError(`what-if: unknown commune in move ${move.fromCommuneCode} → ${move.toCommuneCode}`);
    movements.push({ kind: 'transfer', direction: 'out', block: move.block, positionId: move.fromPositionId, startDate: HYPOTHETICAL_DATE, communeId: from });
    movements.push({ kind: 'transfer', direction: 'in', block: move.block, positionId: move.toPositionId, startDate: HYPOTHETICAL_DATE, communeId: to });
  }
  return movements;
}

/**
 * A commune's staffing as it will be after the movements: the projection's headcounts and key vacancies, with the
 * same short-staffed and key-gap rules as the current figures (so rollUp gives the projected "56 of 130").
 */
export function projectedStaffing(current: CommuneStaffing, movements: readonly StaffingMovement[], today: string): CommuneStaffing {
  const projection = projectCommuneStaffing(current, movements, today);
  const blocks = {} as CommuneStaffing['blocks'];
  const headcount = {} as CommuneStaffing['headcount'];
  for (const block of BLOCKS) {
    const b = projection.blocks[block];
    blocks[block] = { quota: b.quota, headcount: b.projectedHeadcount, difference: b.projectedDifference };
    headcount[block] = b.projectedHeadcount;
  }
  const total = { quota: projection.total.quota, headcount: projection.total.projectedHeadcount, difference: projection.total.projectedDifference };
  const keyVacancies = projection.keyVacancies ?? current.keyVacancies;
  const keyPositions = projection.keyPositions ?? current.keyPositions;
  return { ...current, headcount, blocks, total, keyPositions, keyVacancies, isShortStaffed: total.difference < 0, hasKeyGaps: keyVacancies > 0 };
}

export type WhatIfCommune = { communeId: number; code: string; name: string; oldDistrictName: string; before: CommuneStaffing; after: CommuneStaffing };
export type WhatIf = {
  /** Current figures, after the approved movements, and after those plus the selected moves. */
  province: { current: Rollup; approved: Rollup; selected: Rollup };
  oldDistricts: { oldDistrictId: number; oldDistrictName: string; current: Rollup; approved: Rollup; selected: Rollup }[];
  /** Communes the selected moves touch, by code: after the approved movements, then with the selected moves too. */
  communes: WhatIfCommune[];
};

/**
 * The what-if: the province, each old district and each commune the selected moves touch, now, after
 * approved transfers and placed secondments, and after those plus the selected moves.
 */
export function buildWhatIf(current: readonly CommuneStaffing[], pending: readonly CommuneMovement[], selected: readonly CommuneMovement[], today: string): WhatIf {
  const pendingBy = groupBy(pending, (m) => m.communeId);
  const selectedBy = groupBy(selected, (m) => m.communeId);
  const approved = current.map((c) => projectedStaffing(c, pendingBy.get(c.communeId) ?? [], today));
  const withSelected = current.map((c) => projectedStaffing(c, [...(pendingBy.get(c.communeId) ?? []), ...(selectedBy.get(c.communeId) ?? [])], today));
  const districtIds = [...new Set(current.map((c) => c.oldDistrictId))];
  const districtRollup = (list: CommuneStaffing[], id: number) => rollUp(list.filter((c) => c.oldDistrictId === id));
  const oldDistricts = districtIds
    .map((id) => ({
      oldDistrictId: id,
      oldDistrictName: current.find((c) => c.oldDistrictId === id)!.oldDistrictName,
      current: districtRollup([...current], id),
      approved: districtRollup(approved, id),
      selected: districtRollup(withSelected, id),
    }))
    .sort((a, b) => a.oldDistrictName.localeCompare(b.oldDistrictName, 'vi') || a.oldDistrictId - b.oldDistrictId);
  const communes = current
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => selectedBy.has(c.communeId))
    .map(({ c, i }) => ({ communeId: c.communeId, code: c.code, name: c.name, oldDistrictName: c.oldDistrictName, before: approved[i], after: withSelected[i] }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { province: { current: rollUp([...current]), approved: rollUp(approved), selected: rollUp(withSelected) }, oldDistricts, communes };
}

/**
 * The elected posts still vacant in the communes the selected moves touch, after them: a move never fills one (the
 * engine never targets an elected post), so they still need an election or a designation ("cần bầu / chỉ định").
 */
export function electedVacanciesAfter(whatIf: WhatIf, elected: ReadonlySet<number>): VacantElectedPost[] {
  return listVacantElectedPosts(whatIf.communes.map((c) => c.after), elected);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
