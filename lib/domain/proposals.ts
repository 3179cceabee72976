import loadHighs, { type Highs } from 'highs';
import { BLOCKS, type Block } from './types';

// The transfer proposal engine (docs/domain.md, The proposal engine; domain rule 5). Pure: plain
// data in, plain data out; no database, no clock. The optimisation is an integer programme solved with HiGHS
// (the `highs` package, WebAssembly); `greedyPlan` is the greedy baseline and `evaluatePlan` scores any plan on
// the same objective and lists every guard it breaks. docs/decisions/014-proposal-engine.md has the reasoning.

// ---------------------------------------------------------------------------------------------------------------
// Input

/** A key place of a commune: `required` is the norm, `holders` the distinct current holders (docs/domain.md, Counting). */
export type ProposalKeyPlace = {
  positionId: number;
  positionCode: string;
  title: string;
  block: Block;
  /** Field of expertise the post needs; null: anyone of the block fits. */
  field: string | null;
  required: number;
  holders: number;
};

/** Open declared needs of a commune naming a field of expertise (a "specialised gap"), summed per field. */
export type ProposalFieldNeed = { field: string; count: number };

export type ProposalCommune = {
  id: number;
  code: string;
  name: string;
  oldDistrict: { code: string; name: string };
  mountainous: boolean;
  extremelyDisadvantaged: boolean;
  /** Quota per block; null when the block has no quota row: such a block neither gives nor receives. */
  quota: Record<Block, number | null>;
  /** Active cadres and civil servants with their primary position here, per block. */
  headcount: Record<Block, number>;
  keyPlaces: readonly ProposalKeyPlace[];
  fieldNeeds: readonly ProposalFieldNeed[];
};

/**
 * An active cadre or civil servant counted in a commune's headcount. Key holders and concurrent key holders may be
 * passed (evaluatePlan then reports a move of theirs as a broken guard) but the engine never moves them.
 */
export type ProposalCandidate = {
  cadreId: number;
  cadreCode: string;
  communeId: number;
  /** Block of the person's primary position. */
  block: Block;
  positionId: number;
  positionCode: string;
  field: string | null;
  /** Holds a key position as primary. */
  isKeyHolder: boolean;
  /** Holds a key position concurrently. */
  isConcurrentKeyHolder: boolean;
};

export type ProposalPosition = {
  id: number;
  code: string;
  title: string;
  block: Block | null;
  isKey: boolean;
  /** Filled by election (Party Secretary, council chairs): never a transfer target. */
  isElected: boolean;
  field: string | null;
};

export type ProposalInput = {
  communes: readonly ProposalCommune[];
  candidates: readonly ProposalCandidate[];
  positions: readonly ProposalPosition[];
};

/** Whole province, or one old district: both ends of every move inside it. */
export type ProposalScope = { kind: 'province' } | { kind: 'oldDistrict'; oldDistrictCode: string };

/**
 * Priority of a target commune in the shortage term: base + mountainous + extremely disadvantaged (non-negative
 * integers, base ≥ 1). The default gives 1, 2 or 3 per unit of shortage covered.
 */
export type ProposalWeights = { base: number; mountainous: number; extremelyDisadvantaged: number };

export type ProposalOptions = {
  scope?: ProposalScope;
  weights?: Partial<ProposalWeights>;
  /** Solver time budget for the whole run (seconds); on expiry the best plan found is returned with its gap. */
  timeLimitSeconds?: number;
  /** 'auto' (default): LP stages on the optimal face, MIP where a stage is fractional; 'mip': every stage a MIP. */
  method?: 'auto' | 'mip';
};

export const DEFAULT_WEIGHTS: ProposalWeights = { base: 1, mountainous: 1, extremelyDisadvantaged: 1 };

// ---------------------------------------------------------------------------------------------------------------
// Output
//
// The engine's sentences (a move's reason, why a plan is empty, a broken guard) are message keys of the catalogues
// (transferPlan.reasons / explanations / violations) with their parameters; lib/i18n/plan-messages.ts renders them
// on the plan page, in the command line's file and in the text a proposal stores.

/** One clause of a move's reason; the clauses are joined with "; ". */
export type MoveReasonPart =
  /** "Hoa Quân +7 → Nga My −17": both communes with their difference (headcount − quota) before the plan. */
  | { key: 'transferPlan.reasons.balance'; params: { from: string; fromDifference: number; to: string; toDifference: number } }
  | { key: 'transferPlan.reasons.fillsKey'; params: { title: string } }
  | { key: 'transferPlan.reasons.coversShortage'; params: { block: Block } }
  /** The person's field is an open declared need of the target (`field`: its code, shown by its label). */
  | { key: 'transferPlan.reasons.coversShortageInField'; params: { block: Block; field: string } }
  | { key: 'transferPlan.reasons.sameOldDistrict' | 'transferPlan.reasons.otherOldDistrict'; params: Record<string, never> };

/** Where a plan was computed: the province or one old district (by name, "Huyện Kỳ Sơn"). */
export type PlanScopeName = { kind: 'province' } | { kind: 'oldDistrict'; name: string };

/** Why a plan is empty. */
export type PlanExplanation = {
  key: 'transferPlan.explanations.noSurplus' | 'transferPlan.explanations.noNeed' | 'transferPlan.explanations.noMovable' | 'transferPlan.explanations.noMatch';
  params: { scope: PlanScopeName };
};

/** What a broken guard is about, for the user. */
export type ViolationMessage =
  | {
      key:
        | 'transferPlan.violations.notInData'
        | 'transferPlan.violations.movedTwice'
        | 'transferPlan.violations.outOfScope'
        | 'transferPlan.violations.wrongSource'
        | 'transferPlan.violations.sameCommune'
        | 'transferPlan.violations.keyHolder'
        | 'transferPlan.violations.otherBlock'
        | 'transferPlan.violations.positionChanged'
        | 'transferPlan.violations.electedPost'
        | 'transferPlan.violations.keyPlaceOtherBlock'
        | 'transferPlan.violations.fieldMismatch'
        | 'transferPlan.violations.keyPlaceFull';
      params: Record<string, never>;
    }
  | { key: 'transferPlan.violations.noQuota' | 'transferPlan.violations.notShort'; params: { commune: string } }
  | { key: 'transferPlan.violations.overSurplus'; params: { commune: string; outgoing: number; surplus: number } };

export type ProposedMove = {
  cadreId: number;
  cadreCode: string;
  fromCommuneCode: string;
  toCommuneCode: string;
  /** The key post filled, else the person's own position (docs/domain.md, The proposal engine). */
  positionCode: string;
  block: Block;
  sameOldDistrict: boolean;
  fillsKeyPosition: boolean;
  /** Rendered in Vietnamese: "Hoa Quân +7 → Nga My −17; bổ sung Trưởng phòng Kinh tế; cùng địa bàn huyện cũ". */
  reason: readonly MoveReasonPart[];
};

/** The lexicographic objective of docs/domain.md (The proposal engine), in priority order, plus the tie-free extras. */
export type PlanObjective = {
  /** (1) Net key places filled: filled at the target minus emptied at the source. */
  keyPlacesFilled: number;
  /** (2) Net shortage covered, weighted by the target's priority (base + mountainous + extremely disadvantaged). */
  shortageCoveredWeighted: number;
  /** The same, unweighted. */
  shortageCovered: number;
  /** (3) Moves (fewer is better). */
  moves: number;
  /** (4) Moves between two old districts (fewer is better). */
  crossDistrictMoves: number;
  /** (5, after the four of docs/domain.md) Open declared field needs met by a non-key move of someone of that field. */
  fieldNeedsMet: number;
};

export type SolverStatus = 'optimal' | 'time_limit' | 'not_needed' | 'greedy';

export type ProposalSummary = PlanObjective & {
  solverStatus: SolverStatus;
  /** Relative MIP gap of the last stage (0 when proven optimal); null for greedy or when nothing was solved. */
  optimalityGap: number | null;
  /** Why the plan is empty; null when there are moves. */
  explanation: PlanExplanation | null;
};

/** The lexicographic objective's stages, in the order they are solved (labels `transferPlan.diagnostics.stages.<stage>`). */
export const SOLVER_STAGES = ['key_places', 'shortage', 'moves', 'cross_district', 'field_needs', 'ties'] as const;
export type SolverStage = (typeof SOLVER_STAGES)[number];

/** One solved stage: as a linear programme (`lp`) or a mixed-integer one (`mip`), proved optimal or cut by the time limit. */
export type StageDiagnostic = { stage: SolverStage; method: 'lp' | 'mip'; status: 'optimal' | 'time_limit'; objective: number; ms: number };

export type ProposalPlan = {
  moves: ProposedMove[];
  summary: ProposalSummary;
  /** Model size and per-stage timing; not part of the deterministic output. */
  diagnostics: { columns: number; rows: number; stages: StageDiagnostic[]; ms: number };
};

export type GuardViolation = { code: GuardCode; cadreCode: string; message: ViolationMessage };
export type GuardCode =
  | 'unknown_candidate'
  | 'duplicate_move'
  | 'key_holder_moved'
  | 'wrong_source'
  | 'same_commune'
  | 'out_of_scope'
  | 'wrong_block'
  | 'source_below_quota'
  | 'target_not_short'
  | 'not_a_key_place'
  | 'elected_post'
  | 'key_place_overfilled'
  | 'field_mismatch'
  | 'position_changed';

export type PlanEvaluation = { objective: PlanObjective; violations: GuardViolation[] };

// ---------------------------------------------------------------------------------------------------------------
// Preparation shared by the engine, greedy and evaluation

type OpenKeyPlace = { place: ProposalKeyPlace; open: number; rank: number };

type Site = {
  commune: ProposalCommune;
  rank: number;
  weight: number;
  difference: number;
  surplus: Record<Block, number>;
  shortage: Record<Block, number>;
  quotaKnown: Record<Block, boolean>;
  /** Non-elected key places with room, sorted by position code. */
  openKeyPlaces: OpenKeyPlace[];
  fieldNeeds: Map<string, number>;
};

type Prepared = {
  sites: Site[];
  siteById: Map<number, Site>;
  siteByCode: Map<string, Site>;
  /** Every candidate of the input, by id (evaluation checks moves against them). */
  candidateById: Map<number, ProposalCandidate>;
  /** Candidates the engine may move: in scope, not key holders, in a block with a known quota; by cadre code. */
  movable: ProposalCandidate[];
  positionById: Map<number, ProposalPosition>;
  positionByCode: Map<string, ProposalPosition>;
  weights: ProposalWeights;
  scopeName: PlanScopeName;
};

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function resolveWeights(weights: Partial<ProposalWeights> | undefined): ProposalWeights {
  const resolved = { ...DEFAULT_WEIGHTS, ...weights };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`proposals: weight ${name} must be a non-negative integer`);
  }
  if (resolved.base < 1) throw new RangeError('proposals: weight base must be at least 1');
  return resolved;
}

function prepare(input: ProposalInput, options: ProposalOptions = {}): Prepared {
  const scope = options.scope ?? { kind: 'province' };
  const weights = resolveWeights(options.weights);
  const positionById = new Map(input.positions.map((p) => [p.id, p]));
  const positionByCode = new Map(input.positions.map((p) => [p.code, p]));
  const inScope = input.communes.filter((c) => scope.kind === 'province' || c.oldDistrict.code === scope.oldDistrictCode);
  if (scope.kind === 'oldDistrict' && inScope.length === 0) throw new RangeError(`proposals: no commune in old district ${scope.oldDistrictCode}`);
  const sorted = [...inScope].sort((a, b) => byCode(a.code, b.code));
  const sites: Site[] = sorted.map((commune, rank) => {
    const surplus = { party_front: 0, government: 0 };
    const shortage = { party_front: 0, government: 0 };
    const quotaKnown = { party_front: false, government: false };
    let difference = 0;
    for (const block of BLOCKS) {
      const quota = commune.quota[block];
      difference += commune.headcount[block] - (quota ?? 0);
      if (quota === null) continue;
      quotaKnown[block] = true;
      surplus[block] = Math.max(0, commune.headcount[block] - quota);
      shortage[block] = Math.max(0, quota - commune.headcount[block]);
    }
    const openKeyPlaces = commune.keyPlaces
      .filter((place) => !(positionById.get(place.positionId)?.isElected ?? false) && place.required - place.holders > 0)
      .map((place) => ({ place, open: place.required - place.holders, rank: 0 }))
      .sort((a, b) => byCode(a.place.positionCode, b.place.positionCode));
    const fieldNeeds = new Map<string, number>();
    for (const need of commune.fieldNeeds) if (need.count > 0) fieldNeeds.set(need.field, (fieldNeeds.get(need.field) ?? 0) + need.count);
    const weight = weights.base + (commune.mountainous ? weights.mountainous : 0) + (commune.extremelyDisadvantaged ? weights.extremelyDisadvantaged : 0);
    return { commune, rank, weight, difference, surplus, shortage, quotaKnown, openKeyPlaces, fieldNeeds };
  });
  const positionCodes = [...new Set(input.positions.map((p) => p.code))].sort(byCode);
  const positionRank = new Map(positionCodes.map((code, i) => [code, i]));
  for (const site of sites) for (const open of site.openKeyPlaces) open.rank = positionRank.get(open.place.positionCode) ?? 0;
  const siteById = new Map(sites.map((s) => [s.commune.id, s]));
  const candidateById = new Map(input.candidates.map((c) => [c.cadreId, c]));
  const movable = input.candidates
    .filter((c) => {
      const site = siteById.get(c.communeId);
      const position = positionById.get(c.positionId);
      return site !== undefined && site.quotaKnown[c.block] && !c.isKeyHolder && !c.isConcurrentKeyHolder && !(position?.isKey ?? false) && !(position?.isElected ?? false);
    })
    .sort((a, b) => byCode(a.cadreCode, b.cadreCode) || a.cadreId - b.cadreId);
  const scopeName: PlanScopeName = scope.kind === 'province' ? { kind: 'province' } : { kind: 'oldDistrict', name: sorted[0].oldDistrict.name };
  return {
    sites,
    siteById,
    siteByCode: new Map(sites.map((s) => [s.commune.code, s])),
    candidateById,
    movable,
    positionById,
    positionByCode,
    weights,
    scopeName,
  };
}

const fits = (postField: string | null, personField: string | null) => postField === null || postField === personField;

// ---------------------------------------------------------------------------------------------------------------
// Evaluation: the objective of any plan, and every guard it breaks

export function evaluatePlan(input: ProposalInput, moves: readonly Pick<ProposedMove, 'cadreId' | 'cadreCode' | 'fromCommuneCode' | 'toCommuneCode' | 'positionCode' | 'block'>[], options: ProposalOptions = {}): PlanEvaluation {
  return evaluatePrepared(prepare(input, options), moves);
}

function evaluatePrepared(prep: Prepared, moves: readonly Pick<ProposedMove, 'cadreId' | 'cadreCode' | 'fromCommuneCode' | 'toCommuneCode' | 'positionCode' | 'block'>[]): PlanEvaluation {
  const violations: GuardViolation[] = [];
  const flag = (code: GuardCode, cadreCode: string, message: ViolationMessage) => violations.push({ code, cadreCode, message });
  const says = (key: Extract<ViolationMessage, { params: Record<string, never> }>['key']): ViolationMessage => ({ key, params: {} });
  const key = (site: Site, block: Block) => `${site.commune.code}|${block}`;
  const outgoing = new Map<string, number>();
  const incoming = new Map<string, { key: number; nonKey: number }>();
  const keyFills = new Map<string, number>();
  const fieldMoves = new Map<string, number>();
  const seen = new Set<number>();
  let emptiedKeyPlaces = 0;
  let crossDistrictMoves = 0;
  for (const move of moves) {
    const candidate = prep.candidateById.get(move.cadreId);
    if (!candidate || candidate.cadreCode !== move.cadreCode) {
      flag('unknown_candidate', move.cadreCode, says('transferPlan.violations.notInData'));
      continue;
    }
    if (seen.has(move.cadreId)) flag('duplicate_move', move.cadreCode, says('transferPlan.violations.movedTwice'));
    seen.add(move.cadreId);
    const from = prep.siteById.get(candidate.communeId);
    const to = prep.siteByCode.get(move.toCommuneCode);
    if (!from || !to) {
      flag('out_of_scope', move.cadreCode, says('transferPlan.violations.outOfScope'));
      continue;
    }
    if (from.commune.code !== move.fromCommuneCode) flag('wrong_source', move.cadreCode, says('transferPlan.violations.wrongSource'));
    if (from === to) flag('same_commune', move.cadreCode, says('transferPlan.violations.sameCommune'));
    if (candidate.isKeyHolder || candidate.isConcurrentKeyHolder) {
      flag('key_holder_moved', move.cadreCode, says('transferPlan.violations.keyHolder'));
      if (candidate.isKeyHolder) {
        const place = from.commune.keyPlaces.find((p) => p.positionId === candidate.positionId);
        if (!place || place.holders <= place.required) emptiedKeyPlaces += 1;
      } else emptiedKeyPlaces += 1;
    }
    const block = candidate.block;
    if (move.block !== block) flag('wrong_block', move.cadreCode, says('transferPlan.violations.otherBlock'));
    if (from.commune.oldDistrict.code !== to.commune.oldDistrict.code) crossDistrictMoves += 1;
    outgoing.set(key(from, block), (outgoing.get(key(from, block)) ?? 0) + 1);
    const into = incoming.get(key(to, block)) ?? { key: 0, nonKey: 0 };
    incoming.set(key(to, block), into);
    if (move.positionCode === candidate.positionCode) {
      into.nonKey += 1;
      if (candidate.field !== null && to.fieldNeeds.has(candidate.field)) {
        const k = `${to.commune.code}|${candidate.field}`;
        fieldMoves.set(k, (fieldMoves.get(k) ?? 0) + 1);
      }
      continue;
    }
    const position = prep.positionByCode.get(move.positionCode);
    const place = to.commune.keyPlaces.find((p) => p.positionCode === move.positionCode);
    if (!position || !position.isKey || !place) {
      flag(position?.isKey ? 'not_a_key_place' : 'position_changed', move.cadreCode, says('transferPlan.violations.positionChanged'));
      into.nonKey += 1;
      continue;
    }
    if (position.isElected) flag('elected_post', move.cadreCode, says('transferPlan.violations.electedPost'));
    if (place.block !== block) flag('wrong_block', move.cadreCode, says('transferPlan.violations.keyPlaceOtherBlock'));
    if (!fits(place.field, candidate.field)) flag('field_mismatch', move.cadreCode, says('transferPlan.violations.fieldMismatch'));
    const fillKey = `${to.commune.code}|${place.positionId}`;
    const filled = (keyFills.get(fillKey) ?? 0) + 1;
    keyFills.set(fillKey, filled);
    if (filled > place.required - place.holders) flag('key_place_overfilled', move.cadreCode, says('transferPlan.violations.keyPlaceFull'));
    into.key += 1;
  }
  let filledKeyPlaces = 0;
  for (const [fillKey, count] of keyFills) {
    const [code, positionId] = fillKey.split('|');
    const place = prep.siteByCode.get(code)!.commune.keyPlaces.find((p) => p.positionId === Number(positionId))!;
    const position = prep.positionById.get(place.positionId);
    if (position?.isElected) continue;
    filledKeyPlaces += Math.min(count, Math.max(0, place.required - place.holders));
  }
  let weighted = 0;
  let plain = 0;
  for (const site of prep.sites) {
    for (const block of BLOCKS) {
      const k = key(site, block);
      const out = outgoing.get(k) ?? 0;
      const into = incoming.get(k) ?? { key: 0, nonKey: 0 };
      if (out === 0 && into.key + into.nonKey === 0) continue;
      const quota = site.commune.quota[block];
      const headcount = site.commune.headcount[block];
      if (quota === null) {
        const noQuota: ViolationMessage = { key: 'transferPlan.violations.noQuota', params: { commune: site.commune.name } };
        if (out > 0) flag('source_below_quota', '', noQuota);
        if (into.nonKey > 0) flag('target_not_short', '', noQuota);
        continue;
      }
      if (out > site.surplus[block]) {
        flag('source_below_quota', '', { key: 'transferPlan.violations.overSurplus', params: { commune: site.commune.name, outgoing: out, surplus: site.surplus[block] } });
      }
      if (into.nonKey > 0 && into.key + into.nonKey > site.shortage[block]) {
        flag('target_not_short', '', { key: 'transferPlan.violations.notShort', params: { commune: site.commune.name } });
      }
      const before = Math.max(0, quota - headcount);
      const after = Math.max(0, quota - (headcount + into.key + into.nonKey - out));
      plain += before - after;
      weighted += site.weight * (before - after);
    }
  }
  let fieldNeedsMet = 0;
  for (const [k, count] of fieldMoves) {
    const [code, field] = k.split('|');
    fieldNeedsMet += Math.min(count, prep.siteByCode.get(code)!.fieldNeeds.get(field) ?? 0);
  }
  return {
    objective: {
      keyPlacesFilled: filledKeyPlaces - emptiedKeyPlaces,
      shortageCoveredWeighted: weighted,
      shortageCovered: plain,
      moves: moves.length,
      crossDistrictMoves,
      fieldNeedsMet,
    },
    violations,
  };
}

/** Negative when `a` is the better plan on the lexicographic objective (docs/domain.md, The proposal engine), 0 when equal. */
export function compareObjectives(a: PlanObjective, b: PlanObjective): number {
  return (
    b.keyPlacesFilled - a.keyPlacesFilled ||
    b.shortageCoveredWeighted - a.shortageCoveredWeighted ||
    a.moves - b.moves ||
    a.crossDistrictMoves - b.crossDistrictMoves ||
    b.fieldNeedsMet - a.fieldNeedsMet
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Moves and reasons

type RawMove = { candidate: ProposalCandidate; from: Site; to: Site; keyPlace: ProposalKeyPlace | null };

function toMove(raw: RawMove): ProposedMove {
  const { candidate, from, to, keyPlace } = raw;
  const sameOldDistrict = from.commune.oldDistrict.code === to.commune.oldDistrict.code;
  const reason: MoveReasonPart[] = [
    { key: 'transferPlan.reasons.balance', params: { from: from.commune.name, fromDifference: from.difference, to: to.commune.name, toDifference: to.difference } },
  ];
  if (keyPlace) reason.push({ key: 'transferPlan.reasons.fillsKey', params: { title: keyPlace.title } });
  else if (candidate.field !== null && to.fieldNeeds.has(candidate.field)) {
    reason.push({ key: 'transferPlan.reasons.coversShortageInField', params: { block: candidate.block, field: candidate.field } });
  } else reason.push({ key: 'transferPlan.reasons.coversShortage', params: { block: candidate.block } });
  reason.push({ key: sameOldDistrict ? 'transferPlan.reasons.sameOldDistrict' : 'transferPlan.reasons.otherOldDistrict', params: {} });
  return {
    cadreId: candidate.cadreId,
    cadreCode: candidate.cadreCode,
    fromCommuneCode: from.commune.code,
    toCommuneCode: to.commune.code,
    positionCode: keyPlace ? keyPlace.positionCode : candidate.positionCode,
    block: candidate.block,
    sameOldDistrict,
    fillsKeyPosition: keyPlace !== null,
    reason,
  };
}

function sortMoves(moves: ProposedMove[]): ProposedMove[] {
  return moves.sort((a, b) => byCode(a.fromCommuneCode, b.fromCommuneCode) || byCode(a.cadreCode, b.cadreCode));
}

function explainEmpty(prep: Prepared): PlanExplanation {
  const because = (key: PlanExplanation['key']): PlanExplanation => ({ key, params: { scope: prep.scopeName } });
  const hasSurplus = prep.sites.some((s) => BLOCKS.some((b) => s.surplus[b] > 0));
  if (!hasSurplus) return because('transferPlan.explanations.noSurplus');
  const hasNeed = prep.sites.some((s) => BLOCKS.some((b) => s.shortage[b] > 0) || s.openKeyPlaces.length > 0);
  if (!hasNeed) return because('transferPlan.explanations.noNeed');
  const movableInSurplus = prep.movable.some((c) => prep.siteById.get(c.communeId)!.surplus[c.block] > 0);
  if (!movableInSurplus) return because('transferPlan.explanations.noMovable');
  return because('transferPlan.explanations.noMatch');
}

function finish(prep: Prepared, raws: RawMove[], status: SolverStatus, gap: number | null, diagnostics: ProposalPlan['diagnostics']): ProposalPlan {
  const moves = sortMoves(raws.map(toMove));
  const { objective, violations } = evaluatePrepared(prep, moves);
  if (violations.length > 0) throw new Error(`proposals: internal error, a plan breaks a guard: ${violations[0].code} ${violations[0].cadreCode} ${violations[0].message.key}`);
  return {
    moves,
    summary: { ...objective, solverStatus: moves.length === 0 && status !== 'greedy' ? 'not_needed' : status, optimalityGap: gap, explanation: moves.length === 0 ? explainEmpty(prep) : null },
    diagnostics,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Greedy baseline (decision 014): per block, the largest remaining surplus sends its lowest-coded movable person
// to the largest remaining shortage (ties: lowest commune code), filling a vacant key post there when the person
// fits one. It ignores districts, priority weights, and key posts in communes that are not short.

export function greedyPlan(input: ProposalInput, options: ProposalOptions = {}): ProposalPlan {
  const started = performance.now();
  const prep = prepare(input, options);
  const raws: RawMove[] = [];
  for (const block of BLOCKS) {
    const pools = new Map<Site, ProposalCandidate[]>();
    for (const c of prep.movable) {
      if (c.block !== block) continue;
      const site = prep.siteById.get(c.communeId)!;
      if (site.surplus[block] === 0) continue;
      const pool = pools.get(site) ?? [];
      pool.push(c);
      pools.set(site, pool);
    }
    const surplus = new Map(prep.sites.map((s) => [s, Math.min(s.surplus[block], pools.get(s)?.length ?? 0)]));
    const shortage = new Map(prep.sites.map((s) => [s, s.shortage[block]]));
    const openPlaces = new Map(prep.sites.map((s) => [s, s.openKeyPlaces.filter((o) => o.place.block === block).map((o) => ({ ...o }))]));
    for (;;) {
      const source = prep.sites.reduce<Site | null>((best, s) => (surplus.get(s)! > 0 && (!best || surplus.get(s)! > surplus.get(best)!) ? s : best), null);
      if (!source) break;
      const target = prep.sites.reduce<Site | null>((best, s) => (s !== source && shortage.get(s)! > 0 && (!best || shortage.get(s)! > shortage.get(best)!) ? s : best), null);
      if (!target) break;
      const candidate = pools.get(source)!.shift()!;
      const open = openPlaces.get(target)!.find((o) => o.open > 0 && fits(o.place.field, candidate.field));
      if (open) open.open -= 1;
      raws.push({ candidate, from: source, to: target, keyPlace: open ? open.place : null });
      surplus.set(source, surplus.get(source)! - 1);
      shortage.set(target, shortage.get(target)! - 1);
    }
  }
  return finish(prep, raws, 'greedy', null, { columns: 0, rows: 0, stages: [], ms: performance.now() - started });
}

// ---------------------------------------------------------------------------------------------------------------
// The integer programme
//
// People of one source commune, block and field are interchangeable, so the model counts moves per arc instead of
// choosing people (a few thousand integer columns for a province instead of candidates × targets binaries); the
// people are picked afterwards, lowest cadre codes first. For each source S = (commune c, block b) with surplus
// u = headcount − quota > 0 and N movable people, split into classes g = (c, b, field) of n_g people:
//   generic[S,t]  ≥ 0  non-key moves from S to commune t ≠ c whose block b is short (shortage s_tb > 0);
//   need[g,t]     ≥ 0  the same, of someone whose field is an open declared need of t (counted in term 5);
//   key[g,p]      ≥ 0  moves of class g into key place p of block b at t ≠ c, p not elected, field null or = g's;
//   cover[t,b]    ∈ [0, s_tb] shortage covered at (t, b).
// Constraints:
//   source:      Σ all moves out of S ≤ min(u, N)           (a source block never goes below quota)
//   class:       Σ key + need moves out of g ≤ n_g          (the rest of S's people take the generic arcs)
//   key place:   Σ key[·,p] ≤ required − holders
//   field need:  Σ need[·,t] of field f ≤ open declared needs of t in f
//   coverage:    cover[t,b] ≤ all moves into (t, b)
//   target:      nonKeyIn ≤ s_tb; a key post may arrive in a block that is not short.
//   The full guard (a non-key arrival only while the shortage covers every arrival) holds in every plan with the
//   fewest moves: with nonKeyIn > 0 and keyIn + nonKeyIn > s, dropping one non-key arrival keeps terms 1 and 2 and
//   saves a move. Stage 3 therefore enforces it; a plan cut short by the time limit is repaired after the solve.
// Outgoing moves are bounded by the current surplus, not by surplus plus arrivals, and a non-key arrival by the
// shortage left after every arrival, so every subset of a plan is itself valid: users accept moves one by one.
//
// The lexicographic objective is solved by sequential stages (each stage's optimum is kept for the next: the LP
// optimal face, or a constraint in MIP mode; see runStages below), not by big weights: with up to ~10^3 moves and ~10^4 weighted shortage, strictly lexicographic weights for
// five terms would need coefficients near 10^15, beyond what a MIP gap tolerance can separate. Every stage has
// small integer costs, mip_rel_gap = 0, and an integer optimum. Stages: max key places; max weighted shortage;
// min moves; min cross-district moves; max field needs met; then min tie cost, where an arc costs
// (rank of its source's lowest cadre code) × (communes + 1) × (positions + 1) + (target rank) × (positions + 1)
// + (position rank): ties go to the lowest cadre code, then the lowest target commune code.

type Arc = { kind: 'generic' | 'need' | 'key'; source: SourceGroup; cls: FieldClass | null; target: Site; open: OpenKeyPlace | null; cross: boolean; tie: number };
type FieldClass = { field: string | null; people: ProposalCandidate[] };
type SourceGroup = { site: Site; block: Block; people: ProposalCandidate[]; classes: FieldClass[]; cap: number };

let highsPromise: Promise<Highs> | null = null;
function getHighs(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

type Row = { lower: number; upper: number; cols: number[]; vals: number[] };

export async function proposeTransfers(input: ProposalInput, options: ProposalOptions = {}): Promise<ProposalPlan> {
  const started = performance.now();
  const prep = prepare(input, options);
  const empty = (): ProposalPlan => finish(prep, [], 'not_needed', null, { columns: 0, rows: 0, stages: [], ms: performance.now() - started });

  // Sources and classes
  const groups: SourceGroup[] = [];
  const movableAt = new Map<string, ProposalCandidate[]>();
  for (const c of prep.movable) {
    const k = `${c.communeId}|${c.block}`;
    (movableAt.get(k) ?? movableAt.set(k, []).get(k)!).push(c);
  }
  for (const site of prep.sites) {
    for (const block of BLOCKS) {
      if (site.surplus[block] === 0) continue;
      const people = movableAt.get(`${site.commune.id}|${block}`) ?? [];
      if (people.length === 0) continue;
      const byField = new Map<string | null, ProposalCandidate[]>();
      for (const p of people) (byField.get(p.field) ?? byField.set(p.field, []).get(p.field)!).push(p);
      const classes = [...byField.entries()]
        .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : byCode(a, b)))
        .map(([field, members]) => ({ field, people: members }));
      groups.push({ site, block, people, classes, cap: Math.min(site.surplus[block], people.length) });
    }
  }
  if (groups.length === 0) return empty();

  const candidateRank = new Map(prep.movable.map((c, i) => [c.cadreId, i]));
  const nSites = prep.sites.length;
  const nPositions = input.positions.length;
  const tieOf = (lowest: ProposalCandidate, target: Site, open: OpenKeyPlace | null) =>
    (candidateRank.get(lowest.cadreId)! * (nSites + 1) + target.rank) * (nPositions + 1) + (open ? open.rank + 1 : 0);

  const arcs: Arc[] = [];
  for (const source of groups) {
    const block = source.block;
    for (const target of prep.sites) {
      if (target === source.site) continue;
      const cross = source.site.commune.oldDistrict.code !== target.commune.oldDistrict.code;
      if (target.shortage[block] > 0) {
        arcs.push({ kind: 'generic', source, cls: null, target, open: null, cross, tie: tieOf(source.people[0], target, null) });
        for (const cls of source.classes) {
          if (cls.field !== null && (target.fieldNeeds.get(cls.field) ?? 0) > 0) {
            arcs.push({ kind: 'need', source, cls, target, open: null, cross, tie: tieOf(cls.people[0], target, null) });
          }
        }
      }
      for (const open of target.openKeyPlaces) {
        if (open.place.block !== block) continue;
        for (const cls of source.classes) {
          if (fits(open.place.field, cls.field)) arcs.push({ kind: 'key', source, cls, target, open, cross, tie: tieOf(cls.people[0], target, open) });
        }
      }
    }
  }
  if (arcs.length === 0) return empty();

  // Columns: arcs, then cover[t,b].
  const lower: number[] = [];
  const upper: number[] = [];
  const rows: Row[] = [];
  const addRow = (lo: number, up: number, entries: Map<number, number>) => {
    const cols = [...entries.keys()].sort((a, b) => a - b);
    rows.push({ lower: lo, upper: up, cols, vals: cols.map((c) => entries.get(c)!) });
  };
  for (const arc of arcs) {
    const cap = arc.kind === 'generic' ? Math.min(arc.source.cap, arc.target.shortage[arc.source.block])
      : arc.kind === 'need' ? Math.min(arc.cls!.people.length, arc.source.cap, arc.target.shortage[arc.source.block], arc.target.fieldNeeds.get(arc.cls!.field!)!)
      : Math.min(arc.cls!.people.length, arc.source.cap, arc.open!.open);
    lower.push(0);
    upper.push(cap);
  }
  // Target sides
  type TargetSide = { site: Site; block: Block; key: number[]; nonKey: number[]; cover: number };
  const targets = new Map<string, TargetSide>();
  arcs.forEach((arc, j) => {
    const k = `${arc.target.rank}|${arc.source.block}`;
    let side = targets.get(k);
    if (!side) {
      side = { site: arc.target, block: arc.source.block, key: [], nonKey: [], cover: -1 };
      targets.set(k, side);
    }
    (arc.kind === 'key' ? side.key : side.nonKey).push(j);
  });
  const sides = [...targets.values()].sort((a, b) => a.site.rank - b.site.rank || BLOCKS.indexOf(a.block) - BLOCKS.indexOf(b.block));
  const coverCols: { col: number; weight: number }[] = [];
  for (const side of sides) {
    const s = side.site.shortage[side.block];
    if (s > 0) {
      side.cover = lower.length;
      lower.push(0);
      upper.push(s);
      coverCols.push({ col: side.cover, weight: side.site.weight });
      const entries = new Map<number, number>([[side.cover, 1]]);
      for (const j of [...side.key, ...side.nonKey]) entries.set(j, -1);
      addRow(-Infinity, 0, entries);
    }
    if (side.nonKey.length > 0) addRow(-Infinity, s, new Map(side.nonKey.map((j) => [j, 1])));
  }
  const nCols = lower.length;
  // Sources and classes
  const bySource = new Map<SourceGroup, number[]>();
  const byClass = new Map<FieldClass, number[]>();
  const byPlace = new Map<OpenKeyPlace, number[]>();
  const byNeed = new Map<string, number[]>();
  arcs.forEach((arc, j) => {
    (bySource.get(arc.source) ?? bySource.set(arc.source, []).get(arc.source)!).push(j);
    if (arc.cls) (byClass.get(arc.cls) ?? byClass.set(arc.cls, []).get(arc.cls)!).push(j);
    if (arc.open) (byPlace.get(arc.open) ?? byPlace.set(arc.open, []).get(arc.open)!).push(j);
    if (arc.kind === 'need') {
      const k = `${arc.target.rank}|${arc.cls!.field}`;
      (byNeed.get(k) ?? byNeed.set(k, []).get(k)!).push(j);
    }
  });
  const ones = (cols: number[]) => new Map(cols.map((j) => [j, 1]));
  for (const [source, cols] of bySource) addRow(-Infinity, source.cap, ones(cols));
  for (const [cls, cols] of byClass) addRow(-Infinity, cls.people.length, ones(cols));
  for (const [open, cols] of byPlace) addRow(-Infinity, open.open, ones(cols));
  for (const [k, cols] of byNeed) {
    const [rank, field] = k.split('|');
    addRow(-Infinity, prep.sites[Number(rank)].fieldNeeds.get(field)!, ones(cols));
  }

  // Each stage's cost as sparse parallel arrays (column, coefficient), in column order.
  type StageCost = { name: SolverStage; maximize: boolean; cols: Int32Array; coefs: Float64Array };
  const sparse = (name: SolverStage, maximize: boolean, coefOf: (j: number) => number, cols: Iterable<number>): StageCost => {
    const js: number[] = [];
    const cs: number[] = [];
    for (const j of cols) {
      const c = coefOf(j);
      if (c !== 0) {
        js.push(j);
        cs.push(c);
      }
    }
    return { name, maximize, cols: Int32Array.from(js), coefs: Float64Array.from(cs) };
  };
  const arcCols = arcs.map((_, j) => j);
  const coverWeight = new Map(coverCols.map((c) => [c.col, c.weight]));
  const stageCosts: StageCost[] = [
    sparse('key_places', true, (j) => (arcs[j].kind === 'key' ? 1 : 0), arcCols),
    sparse('shortage', true, (j) => coverWeight.get(j)!, [...coverWeight.keys()].sort((a, b) => a - b)),
    sparse('moves', false, () => 1, arcCols),
    sparse('cross_district', false, (j) => (arcs[j].cross ? 1 : 0), arcCols),
    sparse('field_needs', true, (j) => (arcs[j].kind === 'need' ? 1 : 0), arcCols),
    sparse('ties', false, (j) => arcs[j].tie, arcCols),
  ];

  const highs = await getHighs();
  const inf = highs.infinity;
  const deadline = started + (options.timeLimitSeconds ?? 60) * 1000;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    for (let k = 0; k < row.cols.length; k++) {
      indices.push(row.cols[k]);
      values.push(row.vals[k]);
    }
    starts.push(indices.length);
  }
  const modelData = {
    numCols: nCols,
    numRows: rows.length,
    colCost: new Float64Array(nCols),
    colLower: lower,
    colUpper: upper,
    rowLower: rows.map((r) => (r.lower === -Infinity ? -inf : r.lower)),
    rowUpper: rows.map((r) => r.upper),
    matrix: { format: 'csr' as const, numRows: rows.length, numCols: nCols, starts, indices, values },
  };
  const minimizeCosts = (stage: StageCost) => {
    const costs = new Float64Array(nCols);
    for (let k = 0; k < stage.cols.length; k++) costs[stage.cols[k]] = stage.maximize ? -stage.coefs[k] : stage.coefs[k];
    return costs;
  };
  const stageObjective = (stage: StageCost, x: Float64Array) => {
    let objective = 0;
    for (let k = 0; k < stage.cols.length; k++) objective += stage.coefs[k] * x[stage.cols[k]];
    return objective;
  };
  const all = { kind: 'range' as const, from: 0, to: nCols - 1 };
  const stages: ProposalPlan['diagnostics']['stages'] = [];
  let solution: Float64Array | null = null;
  let status: SolverStatus = 'optimal';
  let gap = 0;

  // Fast path. Without the field-need rows the constraint matrix is that of a network (two laminar families of
  // arc sets, source side and target side), so the first four stages are linear programmes. After each LP stage
  // the optimal face is kept by fixing every column with a non-zero reduced cost and every row with a non-zero
  // dual at its current value (complementary slackness with one optimal dual describes all optimal solutions);
  // the matrix is untouched, only bounds change. The field-need and tie stages then run as MIPs on that face,
  // where few columns are still free. Should the face hold no integer point (it cannot when the LP optima are
  // integral, which the brute-force property test checks), the exact staged MIP below runs instead.
  const runStages = (fast: boolean): boolean => {
    const model = highs.createModel(modelData);
    // The current bounds, kept here rather than read back from the solver (a copy of the whole model).
    const colLower = Float64Array.from(modelData.colLower);
    const colUpper = Float64Array.from(modelData.colUpper);
    const nRows = modelData.numRows;
    const rowLower = Float64Array.from(modelData.rowLower);
    const rowUpper = Float64Array.from(modelData.rowUpper);
    try {
      model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9, random_seed: 0 });
      // LP stages: each starts from the previous stage's optimum, which stays feasible (only the costs change and
      // columns are fixed at their values), so primal simplex from that basis without presolve is the quickest
      // (about a fifth less time on the demo province than the default dual simplex with presolve).
      if (fast) model.options.set({ presolve: 'off', simplex_strategy: 4 });
      model.changeObjectiveSense(highs.constants.objectiveSense.minimize);
      let integer = false;
      const makeInteger = () => {
        if (integer) return;
        model.options.set({ presolve: 'on', simplex_strategy: 1 });
        model.changeColsIntegrality(all, new Int32Array(nCols).fill(1));
        integer = true;
      };
      if (!fast) makeInteger();
      for (let index = 0; index < stageCosts.length; index++) {
        const stage = stageCosts[index];
        if (stage.cols.length === 0) continue;
        const stageStart = performance.now();
        const lp = !integer;
        model.changeColsCost(all, minimizeCosts(stage));
        model.options.set({ time_limit: Math.max(0.1, (deadline - performance.now()) / 1000) });
        if (solution && integer) model.setSolution({ colValue: solution });
        const result = model.run();
        const ok = result.modelStatus === highs.constants.modelStatus.optimal;
        const limited = result.modelStatus === highs.constants.modelStatus.timeLimit || result.modelStatus === highs.constants.modelStatus.interrupted;
        if (!ok && (lp || !limited)) {
          if (fast) return false;
          throw new Error(`proposals: solver stage ${stage.name} ended with model status ${result.modelStatus}`);
        }
        const hasPrimal = Number(model.info.get('primal_solution_status')) === 2;
        if (!hasPrimal) {
          if (solution) break;
          throw new Error(`proposals: solver stage ${stage.name} found no plan in time`);
        }
        const current = model.getSolution();
        const x = current.colValue;
        const fractional = x.some((v) => Math.abs(v - Math.round(v)) > 1e-6);
        if (fractional) {
          if (!lp) throw new Error(`proposals: solver stage ${stage.name} returned a fractional plan`);
          // An LP vertex that is not integral (the field-need rows are not a network): this stage and the next
          // ones run as MIPs on the face kept so far.
          makeInteger();
          index--;
          continue;
        }
        const rounded = Float64Array.from(x, (v) => Math.round(v));
        const objective = stageObjective(stage, rounded);
        stages.push({ stage: stage.name, method: lp ? 'lp' : 'mip', status: ok ? 'optimal' : 'time_limit', objective, ms: performance.now() - stageStart });
        solution = rounded;
        if (!ok) {
          status = 'time_limit';
          gap = Number(model.info.get('mip_gap'));
          break;
        }
        if (lp) {
          // Keep the optimal face: fix what has a non-zero reduced cost or dual at its current (integral) value.
          // (LP stages come before any added row, so the bounds kept here are the whole model's.)
          for (let j = 0; j < nCols; j++) {
            if (Math.abs(current.colDual[j]) > 1e-7) colLower[j] = colUpper[j] = rounded[j];
          }
          model.changeColsBounds(all, colLower, colUpper);
          if (nRows > 0) {
            for (let i = 0; i < nRows; i++) {
              if (Math.abs(current.rowDual[i]) > 1e-7) rowLower[i] = rowUpper[i] = Math.round(current.rowValue[i]);
            }
            model.changeRowsBounds({ kind: 'range', from: 0, to: nRows - 1 }, rowLower, rowUpper);
          }
          continue;
        }
        // Keep this stage's optimum in the next stages.
        const bound = stage.maximize ? -objective : objective;
        model.addRow(-inf, bound + 0.5, { indices: Array.from(stage.cols), values: Array.from(stage.coefs, (c) => (stage.maximize ? -c : c)) });
      }
      return solution !== null;
    } finally {
      model.dispose();
    }
  };
  if (options.method === 'mip' || !runStages(true)) {
    stages.length = 0;
    solution = null;
    runStages(false);
  }
  if (!solution) return empty();

  // People: per source, key and field-need arcs take their class's lowest codes, generic arcs the lowest remaining.
  const raws: RawMove[] = [];
  const order = arcs
    .map((arc, j) => ({ arc, count: solution![j] }))
    .filter((x) => x.count > 0)
    .sort((a, b) => (a.arc.kind === 'generic' ? 1 : 0) - (b.arc.kind === 'generic' ? 1 : 0) || a.arc.target.rank - b.arc.target.rank || (a.arc.open?.rank ?? -1) - (b.arc.open?.rank ?? -1));
  const taken = new Set<number>();
  const take = (pool: ProposalCandidate[]) => {
    const person = pool.find((p) => !taken.has(p.cadreId));
    if (!person) throw new Error('proposals: internal error, a class ran out of people');
    taken.add(person.cadreId);
    return person;
  };
  for (const { arc, count } of order) {
    for (let i = 0; i < count; i++) {
      const person = take(arc.cls ? arc.cls.people : arc.source.people);
      raws.push({ candidate: person, from: arc.source.site, to: arc.target, keyPlace: arc.open ? arc.open.place : null });
    }
  }
  // An optimal plan never has a non-key arrival into a block that its other arrivals already fill (dropping it
  // would save a move); a plan cut short by the time limit might, so such arrivals are dropped here.
  const arrivals = new Map<string, RawMove[]>();
  for (const raw of raws) {
    const k = `${raw.to.rank}|${raw.candidate.block}`;
    (arrivals.get(k) ?? arrivals.set(k, []).get(k)!).push(raw);
  }
  const dropped = new Set<RawMove>();
  for (const group of arrivals.values()) {
    const shortage = group[0].to.shortage[group[0].candidate.block];
    const nonKey = group.filter((r) => r.keyPlace === null).sort((a, b) => byCode(b.candidate.cadreCode, a.candidate.cadreCode));
    let total = group.length;
    for (const raw of nonKey) {
      if (total <= shortage) break;
      dropped.add(raw);
      total -= 1;
    }
  }
  const kept = raws.filter((raw) => !dropped.has(raw));
  return finish(prep, kept, status, gap, { columns: nCols, rows: rows.length, stages, ms: performance.now() - started });
}
