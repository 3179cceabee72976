import { parseDate } from './format';
import type { ForecastMove } from './forecast';
import type { WhatIfMove } from './proposal-input';
import type { ProposalInput, ProposedMove } from './proposals';

// The moves a user ticks on the plan page (decision 017): one form field per person, `m_<cadre code>` =
// `<target commune code>~<position code>`, read the same way from the what-if's GET address and from the accept
// action's POST. Pure.

export type SelectedMove = { cadreCode: string; toCommuneCode: string; positionCode: string };

export const MOVE_FIELD_PREFIX = 'm_';
/** More than any plan page shows at once is refused rather than read (the address stays short). */
export const MAX_SELECTED_MOVES = 600;
const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

export const moveFieldName = (move: Pick<ProposedMove, 'cadreCode'>) => `${MOVE_FIELD_PREFIX}${move.cadreCode}`;
export const moveFieldValue = (move: Pick<ProposedMove, 'toCommuneCode' | 'positionCode'>) => `${move.toCommuneCode}~${move.positionCode}`;
export const moveKey = (move: SelectedMove) => `${move.cadreCode}|${move.toCommuneCode}|${move.positionCode}`;

/** The selected moves among form fields or search parameters; malformed entries are skipped, null when too many. */
export function parseSelection(entries: Iterable<[string, string | string[] | undefined]>): SelectedMove[] | null {
  const moves = new Map<string, SelectedMove>();
  for (const [name, raw] of entries) {
    if (!name.startsWith(MOVE_FIELD_PREFIX)) continue;
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    const cadreCode = name.slice(MOVE_FIELD_PREFIX.length);
    const [toCommuneCode, positionCode, extra] = (value ?? '').split('~');
    if (extra !== undefined || !CODE.test(cadreCode) || !CODE.test(toCommuneCode ?? '') || !CODE.test(positionCode ?? '')) continue;
    moves.set(cadreCode, { cadreCode, toCommuneCode, positionCode });
    if (moves.size > MAX_SELECTED_MOVES) return null;
  }
  return [...moves.values()].sort((a, b) => (a.cadreCode < b.cadreCode ? -1 : a.cadreCode > b.cadreCode ? 1 : 0));
}

/** The selected moves that are in the plan (with its reasons), and those that are not (a stale page). */
export function matchSelection(plan: readonly ProposedMove[], selected: readonly SelectedMove[]): { moves: ProposedMove[]; missing: SelectedMove[] } {
  const byKey = new Map(plan.map((m) => [moveKey(m), m]));
  const moves: ProposedMove[] = [];
  const missing: SelectedMove[] = [];
  for (const s of selected) {
    const move = byKey.get(moveKey(s));
    if (move) moves.push(move);
    else missing.push(s);
  }
  return { moves, missing };
}

/** The plan's moves as the what-if counts them: the position each person leaves and the one they take. */
export function toWhatIfMoves(moves: readonly ProposedMove[], input: ProposalInput): WhatIfMove[] {
  const candidates = new Map(input.candidates.map((c) => [c.cadreId, c]));
  const positions = new Map(input.positions.map((p) => [p.code, p.id]));
  return moves.map((m) => {
    const candidate = candidates.get(m.cadreId);
    const toPositionId = positions.get(m.positionCode);
    if (!candidate || toPositionId === undefined) throw new RangeError(`what-if: move of ${m.cadreCode} is not in the input`);
    return { fromCommuneCode: m.fromCommuneCode, toCommuneCode: m.toCommuneCode, block: m.block, fromPositionId: candidate.positionId, toPositionId };
  });
}

/**
 * The date the what-if's forecast counts the ticked moves from: the effective date typed in the plan's form (the same
 * field the accept action reads, sent in the address by the what-if's GET) when it is a real date after `today`,
 * else `fallback` (the form's default). A move on `today` itself would already be in today's counts.
 */
export function plannedMoveDate(value: string | undefined, today: string, fallback: string): string {
  const date = value === undefined ? null : parseDate(value);
  return date !== null && date > today ? date : fallback;
}

/** The plan's moves as the forecast counts them (lib/domain/forecast.ts forecastWithMoves): who, from and to which commune and block, from `date`. */
export function toForecastMoves(moves: readonly ProposedMove[], input: ProposalInput, date: string): ForecastMove[] {
  const candidates = new Map(input.candidates.map((c) => [c.cadreId, c]));
  const communes = new Map(input.communes.map((c) => [c.code, c.id]));
  return moves.map((m) => {
    const candidate = candidates.get(m.cadreId);
    const to = communes.get(m.toCommuneCode);
    if (!candidate || to === undefined) throw new RangeError(`forecast: move of ${m.cadreCode} is not in the input`);
    return { cadreId: m.cadreId, from: { communeId: candidate.communeId, block: candidate.block }, to: { communeId: to, block: m.block }, date };
  });
}
