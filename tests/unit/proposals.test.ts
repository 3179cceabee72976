import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  compareObjectives,
  evaluatePlan,
  greedyPlan,
  proposeTransfers,
  type PlanObjective,
  type ProposalCandidate,
  type ProposalCommune,
  type ProposalInput,
  type ProposalPosition,
  type ProposedMove,
} from '@/lib/domain/proposals';
import type { Block } from '@/lib/domain/types';
import { renderMoveReason, renderPlanExplanation } from '@/lib/i18n/plan-messages';
import { translatorFor } from '@/lib/i18n/translator';

// The engine's sentences are message keys; these tests read them as the command line and the plan page print them.
const vi = translatorFor('vi');
const reasonOf = (move: ProposedMove) => renderMoveReason(vi, move.reason);
const explanationOf = (plan: { summary: { explanation: Parameters<typeof renderPlanExplanation>[1] | null } }) =>
  plan.summary.explanation && renderPlanExplanation(vi, plan.summary.explanation);

const POSITIONS: ProposalPosition[] = [
  { id: 1, code: 'ECONOMIC_HEAD', title: 'Trưởng phòng Kinh tế', block: 'government', isKey: true, isElected: false, field: 'economy' },
  { id: 2, code: 'OFFICE_DEPUTY', title: 'Phó Chánh Văn phòng HĐND – UBND', block: 'government', isKey: true, isElected: false, field: null },
  { id: 3, code: 'COMMITTEE_CHAIR', title: 'Chủ tịch UBND', block: 'government', isKey: true, isElected: true, field: null },
  { id: 4, code: 'YOUTH_SECRETARY', title: 'Bí thư Đoàn Thanh niên', block: 'party_front', isKey: true, isElected: false, field: 'party_work' },
  { id: 10, code: 'ACCOUNTANT', title: 'Công chức Tài chính – Kế toán', block: 'government', isKey: false, isElected: false, field: 'accounting' },
  { id: 11, code: 'PARTY_SPECIALIST', title: 'Công chức Văn phòng – Các ban Đảng', block: 'party_front', isKey: false, isElected: false, field: 'party_work' },
];
const POSITION = new Map(POSITIONS.map((p) => [p.code, p]));

type CommuneSpec = {
  code: string;
  name?: string;
  district?: string;
  quota: [number | null, number | null];
  headcount: [number, number];
  mountainous?: boolean;
  ed?: boolean;
  vacant?: string[];
  needs?: Record<string, number>;
};

function commune(id: number, spec: CommuneSpec): ProposalCommune {
  const district = spec.district ?? 'D1';
  return {
    id,
    code: spec.code,
    name: spec.name ?? `Xã ${spec.code}`,
    oldDistrict: { code: district, name: `Huyện ${district}` },
    mountainous: spec.mountainous ?? false,
    extremelyDisadvantaged: spec.ed ?? false,
    quota: { party_front: spec.quota[0], government: spec.quota[1] },
    headcount: { party_front: spec.headcount[0], government: spec.headcount[1] },
    keyPlaces: (spec.vacant ?? []).map((code) => {
      const p = POSITION.get(code)!;
      return { positionId: p.id, positionCode: p.code, title: p.title, block: p.block!, field: p.field, required: 1, holders: 0 };
    }),
    fieldNeeds: Object.entries(spec.needs ?? {}).map(([field, count]) => ({ field, count })),
  };
}

let nextCadre = 1;
function person(communeId: number, code: string, block: Block, field: string | null, extra: Partial<ProposalCandidate> = {}): ProposalCandidate {
  const position = block === 'government' ? POSITION.get('ACCOUNTANT')! : POSITION.get('PARTY_SPECIALIST')!;
  return {
    cadreId: nextCadre++, cadreCode: code, communeId, block, positionId: position.id, positionCode: position.code, field,
    isKeyHolder: false, isConcurrentKeyHolder: false, ...extra,
  };
}

const tuple = (o: PlanObjective) => [o.keyPlacesFilled, o.shortageCoveredWeighted, o.moves, o.crossDistrictMoves, o.fieldNeedsMet];
const shape = (moves: ProposedMove[]) => moves.map((m) => `${m.cadreCode}:${m.fromCommuneCode}>${m.toCommuneCode}:${m.positionCode}`);

describe('proposeTransfers on hand-made instances', () => {
  test('fills the key post with the person whose field fits, and writes the reason in Vietnamese', async () => {
    const input: ProposalInput = {
      communes: [
        commune(1, { code: 'NA102', name: 'Hoa Quân', district: 'TC', quota: [0, 10], headcount: [0, 12] }),
        commune(2, { code: 'NA113', name: 'Nga My', district: 'TD', quota: [0, 10], headcount: [0, 9], vacant: ['ECONOMIC_HEAD'] }),
      ],
      candidates: [person(1, 'C001', 'government', 'accounting'), person(1, 'C002', 'government', 'economy'), person(1, 'C003', 'government', 'land')],
      positions: POSITIONS,
    };
    const plan = await proposeTransfers(input);
    expect(shape(plan.moves)).toEqual(['C002:NA102>NA113:ECONOMIC_HEAD']);
    expect(plan.moves[0]).toMatchObject({ fillsKeyPosition: true, sameOldDistrict: false, block: 'government' });
    expect(reasonOf(plan.moves[0])).toBe('Hoa Quân +2 → Nga My \u22121; bổ sung Trưởng phòng Kinh tế; khác địa bàn huyện cũ');
    expect(plan.summary).toMatchObject({ keyPlacesFilled: 1, shortageCovered: 1, moves: 1, crossDistrictMoves: 1, solverStatus: 'optimal', optimalityGap: 0, explanation: null });
  });

  test('a key post may be filled in a block that is not short; a non-key move only into a short block', async () => {
    const input: ProposalInput = {
      communes: [
        commune(1, { code: 'A', quota: [0, 2], headcount: [0, 5] }),
        commune(2, { code: 'B', quota: [0, 5], headcount: [0, 5], vacant: ['OFFICE_DEPUTY', 'COMMITTEE_CHAIR'] }),
        commune(3, { code: 'C', quota: [0, 5], headcount: [0, 4] }),
      ],
      candidates: [1, 2, 3, 4, 5].map((i) => person(1, `C00${i}`, 'government', 'accounting')),
      positions: POSITIONS,
    };
    const plan = await proposeTransfers(input);
    // The elected post is never a target; B is not short, so only its key post; C's one place of shortage.
    expect(shape(plan.moves)).toEqual(['C001:A>B:OFFICE_DEPUTY', 'C002:A>C:ACCOUNTANT']);
    expect(reasonOf(plan.moves[1])).toBe('Xã A +3 → Xã C \u22121; bù thiếu biên chế khối Chính quyền; cùng địa bàn huyện cũ');
    expect(evaluatePlan(input, plan.moves).violations).toEqual([]);
  });

  test('prefers the mountainous and extremely disadvantaged target, then the same old district', async () => {
    const input: ProposalInput = {
      communes: [
        commune(1, { code: 'A', district: 'D1', quota: [0, 2], headcount: [0, 3] }),
        commune(2, { code: 'B', district: 'D1', quota: [0, 5], headcount: [0, 4] }),
        commune(3, { code: 'C', district: 'D2', quota: [0, 5], headcount: [0, 4], mountainous: true, ed: true }),
        commune(4, { code: 'D', district: 'D1', quota: [0, 5], headcount: [0, 4], mountainous: true, ed: true }),
      ],
      candidates: [person(1, 'C001', 'government', null), person(1, 'C002', 'government', null), person(1, 'C003', 'government', null)],
      positions: POSITIONS,
    };
    const plan = await proposeTransfers(input);
    expect(shape(plan.moves)).toEqual(['C001:A>D:ACCOUNTANT']);
    expect(plan.summary).toMatchObject({ shortageCoveredWeighted: 3, shortageCovered: 1, crossDistrictMoves: 0 });
  });

  test('same block only, never a key holder, and the source never goes below quota', async () => {
    const input: ProposalInput = {
      communes: [
        commune(1, { code: 'A', quota: [3, 3], headcount: [5, 3] }),
        commune(2, { code: 'B', quota: [3, 5], headcount: [3, 2], vacant: ['ECONOMIC_HEAD'] }),
      ],
      candidates: [
        person(1, 'C001', 'party_front', 'economy'),
        person(1, 'C002', 'party_front', 'economy', { isKeyHolder: true }),
        person(1, 'C003', 'government', 'economy'),
      ],
      positions: POSITIONS,
    };
    const plan = await proposeTransfers(input);
    expect(plan.moves).toEqual([]);
    expect(explanationOf(plan)).toMatch(/^Không có phương án điều chuyển nào phù hợp trong tỉnh/);
  });

  test('ties: the lowest cadre code moves; one person goes to the lowest target code', async () => {
    const input: ProposalInput = {
      communes: [
        commune(1, { code: 'A', quota: [0, 1], headcount: [0, 2] }),
        commune(2, { code: 'B', quota: [0, 1], headcount: [0, 2] }),
        commune(3, { code: 'C', quota: [0, 3], headcount: [0, 2] }),
        commune(4, { code: 'D', quota: [0, 3], headcount: [0, 2] }),
      ],
      candidates: [person(2, 'K001', 'government', null), person(1, 'K002', 'government', null)],
      positions: POSITIONS,
    };
    const plan = await proposeTransfers(input);
    // Both move; which goes where is a tie of the summed ranks (documented in decision 014).
    expect(plan.moves.map((m) => m.cadreCode).sort()).toEqual(['K001', 'K002']);
    expect(plan.moves.map((m) => m.toCommuneCode).sort()).toEqual(['C', 'D']);
    const one = await proposeTransfers({ ...input, communes: input.communes.map((c) => (c.code === 'B' ? { ...c, headcount: { party_front: 0, government: 1 } } : c)) });
    expect(shape(one.moves)).toEqual(['K002:A>C:ACCOUNTANT']);
    const shortOnce = await proposeTransfers({ ...input, communes: input.communes.map((c) => (c.code === 'D' ? { ...c, headcount: { party_front: 0, government: 3 } } : c)) });
    expect(shape(shortOnce.moves)).toEqual(['K001:B>C:ACCOUNTANT']);
  });

  test('an old-district scope keeps both ends inside it', async () => {
    const input: ProposalInput = {
      communes: [
        commune(1, { code: 'A', district: 'D1', quota: [0, 1], headcount: [0, 3] }),
        commune(2, { code: 'B', district: 'D2', quota: [0, 5], headcount: [0, 1], mountainous: true }),
        commune(3, { code: 'C', district: 'D1', quota: [0, 5], headcount: [0, 4] }),
      ],
      candidates: [person(1, 'C001', 'government', null), person(1, 'C002', 'government', null)],
      positions: POSITIONS,
    };
    const province = await proposeTransfers(input);
    expect(shape(province.moves)).toEqual(['C001:A>B:ACCOUNTANT', 'C002:A>B:ACCOUNTANT']);
    const district = await proposeTransfers(input, { scope: { kind: 'oldDistrict', oldDistrictCode: 'D1' } });
    expect(shape(district.moves)).toEqual(['C001:A>C:ACCOUNTANT']);
    const none = await proposeTransfers(input, { scope: { kind: 'oldDistrict', oldDistrictCode: 'D2' } });
    expect(explanationOf(none)).toBe('Không có xã nào thừa biên chế trên địa bàn huyện D2 cũ: không có ai để điều chuyển.');
  });

  test('a province with no surplus gives an empty plan with an explanation, not an error', async () => {
    const input: ProposalInput = {
      communes: [commune(1, { code: 'A', quota: [2, 2], headcount: [2, 2] }), commune(2, { code: 'B', quota: [3, 3], headcount: [1, 1], vacant: ['ECONOMIC_HEAD'] })],
      candidates: [person(1, 'C001', 'government', 'economy')],
      positions: POSITIONS,
    };
    const plan = await proposeTransfers(input);
    expect(plan.moves).toEqual([]);
    expect(plan.summary).toMatchObject({ moves: 0, solverStatus: 'not_needed' });
    expect(explanationOf(plan)).toBe('Không có xã nào thừa biên chế trong tỉnh: không có ai để điều chuyển.');
    expect(greedyPlan(input).summary.explanation).toEqual(plan.summary.explanation);
  });

  test('an open declared need of the person’s field is preferred after the four terms', async () => {
    const input: ProposalInput = {
      communes: [
        commune(1, { code: 'A', quota: [0, 1], headcount: [0, 3] }),
        commune(2, { code: 'B', quota: [0, 5], headcount: [0, 4], needs: { land: 1 } }),
      ],
      candidates: [person(1, 'C001', 'government', 'accounting'), person(1, 'C002', 'government', 'land')],
      positions: POSITIONS,
    };
    const plan = await proposeTransfers(input);
    expect(shape(plan.moves)).toEqual(['C002:A>B:ACCOUNTANT']);
    expect(reasonOf(plan.moves[0])).toBe('Xã A +2 → Xã B \u22121; bù thiếu biên chế khối Chính quyền, đúng chuyên môn Địa chính – Đất đai; cùng địa bàn huyện cũ');
    expect(plan.summary.fieldNeedsMet).toBe(1);
  });
});

describe('evaluatePlan', () => {
  test('reports every broken guard', () => {
    const input: ProposalInput = {
      communes: [
        commune(1, { code: 'A', quota: [1, 1], headcount: [2, 2] }),
        commune(2, { code: 'B', quota: [1, 1], headcount: [1, 1], vacant: ['ECONOMIC_HEAD', 'COMMITTEE_CHAIR'] }),
      ],
      candidates: [
        person(1, 'C001', 'government', 'land'),
        person(1, 'C002', 'government', 'economy', { isKeyHolder: true }),
        person(1, 'C003', 'party_front', null),
      ],
      positions: POSITIONS,
    };
    const [c1, c2, c3] = input.candidates;
    const move = (c: ProposalCandidate, positionCode: string, to = 'B') => ({ cadreId: c.cadreId, cadreCode: c.cadreCode, fromCommuneCode: 'A', toCommuneCode: to, positionCode, block: c.block });
    const codes = (moves: ReturnType<typeof move>[]) => evaluatePlan(input, moves).violations.map((v) => v.code).sort();
    expect(codes([move(c1, 'ECONOMIC_HEAD')])).toEqual(['field_mismatch']);
    expect(codes([move(c1, 'COMMITTEE_CHAIR')])).toEqual(['elected_post']);
    expect(codes([move(c2, 'ECONOMIC_HEAD')])).toEqual(['key_holder_moved']);
    expect(codes([move(c3, 'PARTY_SPECIALIST')])).toEqual(['target_not_short']);
    expect(codes([move(c1, 'ACCOUNTANT', 'A')])).toEqual(['same_commune', 'target_not_short']);
    expect(codes([move(c1, 'ACCOUNTANT'), move(c1, 'ACCOUNTANT')])).toEqual(['duplicate_move', 'source_below_quota', 'target_not_short']);
    expect(codes([move(c1, 'YOUTH_SECRETARY')])).toEqual(['not_a_key_place', 'target_not_short']);
    expect(evaluatePlan(input, [move(c2, 'ACCOUNTANT')]).objective.keyPlacesFilled).toBe(-1);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Random small provinces: the engine equals brute force on the lexicographic objective and is never worse than
// greedy; neither breaks a guard; the same data gives the same plan.

const FIELDS = ['economy', 'party_work', 'accounting', null] as const;

const provinceArbitrary = fc
  .record({
    communes: fc.array(
      fc.record({
        quota: fc.tuple(fc.option(fc.integer({ min: 0, max: 4 }), { freq: 8 }), fc.option(fc.integer({ min: 0, max: 4 }), { freq: 8 })),
        headcount: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })),
        district: fc.constantFrom('D1', 'D2'),
        mountainous: fc.boolean(),
        ed: fc.boolean(),
        vacant: fc.subarray(['ECONOMIC_HEAD', 'OFFICE_DEPUTY', 'COMMITTEE_CHAIR', 'YOUTH_SECRETARY']),
        needs: fc.subarray(['economy', 'accounting', 'party_work'], { maxLength: 1 }),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    people: fc.array(
      fc.record({ commune: fc.nat(3), block: fc.constantFrom<Block>('party_front', 'government'), field: fc.constantFrom(...FIELDS), keyHolder: fc.integer({ min: 0, max: 5 }) }),
      { maxLength: 4 },
    ),
  })
  .map(({ communes, people }): ProposalInput => {
    const built = communes.map((c, i) =>
      commune(i + 1, { code: `X${i}`, district: c.district, quota: c.quota, headcount: c.headcount, mountainous: c.mountainous, ed: c.ed, vacant: c.vacant, needs: Object.fromEntries(c.needs.map((f) => [f, 1])) }),
    );
    const candidates = people.map((p, i) =>
      person((p.commune % built.length) + 1, `P${String(people.length - i).padStart(2, '0')}`, p.block, p.field, { isKeyHolder: p.keyHolder === 0, isConcurrentKeyHolder: p.keyHolder === 1 }),
    );
    for (const c of candidates) {
      const target = built[c.communeId - 1];
      const inBlock = candidates.filter((o) => o.communeId === c.communeId && o.block === c.block).length;
      target.headcount[c.block] = Math.max(target.headcount[c.block], inBlock);
    }
    return { communes: built, candidates, positions: POSITIONS };
  });

function bruteForce(input: ProposalInput): PlanObjective {
  const options = input.candidates.map((c) => {
    const choices: (ProposedMove | null)[] = [null];
    if (c.isKeyHolder || c.isConcurrentKeyHolder) return choices;
    const from = input.communes.find((x) => x.id === c.communeId)!;
    for (const to of input.communes) {
      if (to === from) continue;
      const base = { cadreId: c.cadreId, cadreCode: c.cadreCode, fromCommuneCode: from.code, toCommuneCode: to.code, block: c.block, sameOldDistrict: true, fillsKeyPosition: false, reason: [] };
      choices.push({ ...base, positionCode: c.positionCode });
      for (const place of to.keyPlaces) choices.push({ ...base, positionCode: place.positionCode, fillsKeyPosition: true });
    }
    return choices;
  });
  let best: PlanObjective | null = null;
  const chosen: ProposedMove[] = [];
  const walk = (i: number) => {
    if (i === options.length) {
      const { objective, violations } = evaluatePlan(input, chosen);
      if (violations.length === 0 && (!best || compareObjectives(objective, best) < 0)) best = objective;
      return;
    }
    for (const choice of options[i]) {
      if (choice) chosen.push(choice);
      walk(i + 1);
      if (choice) chosen.pop();
    }
  };
  walk(0);
  return best!;
}

describe('proposeTransfers on random small provinces', () => {
  test('is optimal (brute force), never worse than greedy, never breaks a guard, and is deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(provinceArbitrary, async (input) => {
        const plan = await proposeTransfers(input);
        const evaluation = evaluatePlan(input, plan.moves);
        expect(evaluation.violations).toEqual([]);
        expect(tuple(plan.summary)).toEqual(tuple(evaluation.objective));
        expect(tuple(plan.summary)).toEqual(tuple(bruteForce(input)));
        const greedy = greedyPlan(input);
        expect(evaluatePlan(input, greedy.moves).violations).toEqual([]);
        expect(compareObjectives(plan.summary, greedy.summary)).toBeLessThanOrEqual(0);
        const again = await proposeTransfers({ ...input, communes: [...input.communes].reverse(), candidates: [...input.candidates].reverse() });
        expect(again.moves).toEqual(plan.moves);
        expect(again.summary).toEqual(plan.summary);
        if (plan.moves.length === 0) expect(plan.summary.explanation).toBeTruthy();
        const sorted = [...plan.moves].sort((a, b) => (a.fromCommuneCode < b.fromCommuneCode ? -1 : a.fromCommuneCode > b.fromCommuneCode ? 1 : a.cadreCode < b.cadreCode ? -1 : 1));
        expect(plan.moves).toEqual(sorted);
      }),
      { numRuns: 300, seed: 20251115 },
    );
  }, 20_000);

  test('the LP-face method and the staged MIP agree', async () => {
    await fc.assert(
      fc.asyncProperty(provinceArbitrary, async (input) => {
        const fast = await proposeTransfers(input);
        const exact = await proposeTransfers(input, { method: 'mip' });
        expect(tuple(fast.summary)).toEqual(tuple(exact.summary));
        expect(evaluatePlan(input, exact.moves).violations).toEqual([]);
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 20_000);
});
