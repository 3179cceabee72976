import { describe, expect, test } from 'vitest';
import { matchSelection, moveFieldName, moveFieldValue, parseSelection, toWhatIfMoves, MAX_SELECTED_MOVES } from '@/lib/domain/plan-selection';
import { buildProposalInput, buildWhatIf, movesToMovements, projectedStaffing, type CandidateRow, type CommuneMovement } from '@/lib/domain/proposal-input';
import { proposeTransfers, type ProposalPosition, type ProposedMove } from '@/lib/domain/proposals';
import { computeCommuneStaffing, rollUp } from '@/lib/domain/staffing';
import { buildCommuneCounts, buildPublishedProvince, HOA_QUAN, KEY_CATALOGUE, NGA_MY } from '@/tests/support/commune-counts';

// The engine's input and the what-if built from the staffing pipeline's figures (decision 017), and the ticked
// moves of the plan page.

const TODAY = '2025-11-10';
const DISTRICT = { id: 7, name: 'Huyện Thanh Chương' };
const ngaMy = computeCommuneStaffing(buildCommuneCounts({ ...NGA_MY, oldDistrict: DISTRICT }));
const hoaQuan = computeCommuneStaffing(buildCommuneCounts({ ...HOA_QUAN, oldDistrict: DISTRICT }));
const positions: ProposalPosition[] = [
  ...KEY_CATALOGUE.map((k, i) => ({ id: i + 1, code: k.code, title: k.code, block: k.block, isKey: true, isElected: k.code.endsWith('_chair') && k.code.startsWith('co'), field: null })),
  { id: 100, code: 'specialist', title: 'Công chức', block: 'government', isKey: false, isElected: false, field: null },
];
const person = (i: number, communeId: number, busy = false): CandidateRow => ({
  cadreId: i, cadreCode: `CB${String(i).padStart(4, '0')}`, communeId, block: 'government', positionId: 100, positionCode: 'specialist',
  field: null, isKeyHolder: false, isConcurrentKeyHolder: false, busy,
});
const build = (pending: CommuneMovement[], candidates: CandidateRow[]) =>
  buildProposalInput({ communes: [ngaMy, hoaQuan], pending, candidates, positions, fieldNeeds: [], oldDistrictCodes: new Map([[7, 'THANH_CHUONG']]), today: TODAY });

describe('buildProposalInput', () => {
  test('the current figures as they are, busy people left out', () => {
    const input = build([], [person(1, 3), person(2, 3, true)]);
    const hq = input.communes.find((c) => c.id === 3)!;
    expect(hq.quota).toEqual(HOA_QUAN.quota);
    expect(hq.headcount).toEqual(HOA_QUAN.headcount);
    expect(hq.oldDistrict).toEqual({ code: 'THANH_CHUONG', name: 'Huyện Thanh Chương' });
    expect(hq.keyPlaces.filter((p) => p.holders === 0).map((p) => p.positionCode).sort()).toEqual([...(HOA_QUAN.vacant ?? [])].sort());
    expect(input.candidates.map((c) => c.cadreCode)).toEqual(['CB0001']);
    expect('busy' in input.candidates[0]).toBe(false);
  });

  test('a pending approved transfer moves one head and fills its key place; an effective one is already in the figures', () => {
    const pending: CommuneMovement[] = [
      { kind: 'transfer', direction: 'out', block: 'government', positionId: 100, startDate: '2025-12-01', communeId: 3 },
      { kind: 'transfer', direction: 'in', block: 'government', positionId: 12, startDate: '2025-12-01', communeId: 1 },
      { kind: 'transfer', direction: 'in', block: 'government', positionId: 100, startDate: TODAY, communeId: 1 },
    ];
    const input = build(pending, []);
    const [nm, hq] = [input.communes.find((c) => c.id === 1)!, input.communes.find((c) => c.id === 3)!];
    expect(hq.headcount.government).toBe(HOA_QUAN.headcount.government - 1);
    expect(nm.headcount.government).toBe(NGA_MY.headcount.government + 1);
    expect(nm.keyPlaces.find((p) => p.positionCode === 'economic_head')!.holders).toBe(1);
  });

  test('the engine runs on it: Hoa Quân +7 fills Nga My', async () => {
    const candidates = Array.from({ length: 6 }, (_, i) => person(i + 1, 3));
    const plan = await proposeTransfers(build([], candidates));
    expect(plan.moves.length).toBeGreaterThan(0);
    expect(plan.moves.every((m) => m.fromCommuneCode === hoaQuan.code && m.toCommuneCode === ngaMy.code && m.sameOldDistrict)).toBe(true);
  });
});

describe('the what-if', () => {
  const move = (cadreCode: string, toPositionCode: string): ProposedMove => ({
    cadreId: Number(cadreCode.slice(2)), cadreCode, fromCommuneCode: hoaQuan.code, toCommuneCode: ngaMy.code, positionCode: toPositionCode, block: 'government',
    sameOldDistrict: true, fillsKeyPosition: toPositionCode !== 'specialist', reason: [],
  });
  const ids = new Map([[ngaMy.code, 1], [hoaQuan.code, 3]]);

  test('movesToMovements: one out at the source, one in at the target, always pending', () => {
    const movements = movesToMovements([{ fromCommuneCode: hoaQuan.code, toCommuneCode: ngaMy.code, block: 'government', fromPositionId: 100, toPositionId: 12 }], ids);
    expect(movements.map((m) => [m.communeId, m.direction, m.positionId])).toEqual([[3, 'out', 100], [1, 'in', 12]]);
    expect(movements.every((m) => m.startDate > '9000-01-01')).toBe(true);
    expect(() => movesToMovements([{ fromCommuneCode: 'X999', toCommuneCode: ngaMy.code, block: 'government', fromPositionId: 100, toPositionId: 12 }], ids)).toThrow(RangeError);
  });

  test('projectedStaffing applies the same short-staffed and key-gap rules', () => {
    const after = projectedStaffing(ngaMy, movesToMovements(toWhatIfMoves([move('CB0001', 'economic_head')], build([], [person(1, 3)])), ids).filter((m) => m.communeId === 1), TODAY);
    expect(after.total).toEqual({ quota: 61, headcount: 45, difference: -16 });
    expect(after.keyVacancies).toBe(2);
    expect(after.isShortStaffed && after.hasKeyGaps).toBe(true);
  });

  test('buildWhatIf: province and districts now, after approved movements, after the ticked moves; only touched communes listed', () => {
    const province = buildPublishedProvince().map(computeCommuneStaffing);
    const [a, b] = [province[0], province[1]];
    const pending: CommuneMovement[] = [{ kind: 'secondment', direction: 'in', block: 'government', positionId: 12, startDate: '2025-09-01', endDate: '2027-09-01', communeId: a.communeId }];
    const selected = movesToMovements([{ fromCommuneCode: b.code, toCommuneCode: a.code, block: 'government', fromPositionId: 100, toPositionId: 13 }], new Map(province.map((c) => [c.code, c.communeId])));
    const whatIf = buildWhatIf(province, pending, selected, TODAY);
    expect(whatIf.province.current).toEqual(rollUp(province));
    expect(whatIf.province.current.shortStaffedWithKeyGapsUnits).toBe(56);
    expect(whatIf.province.approved.keyVacancies).toBe(whatIf.province.current.keyVacancies - 1);
    expect(whatIf.province.approved.total.headcount).toBe(whatIf.province.current.total.headcount + 1);
    expect(whatIf.province.selected.total.headcount).toBe(whatIf.province.approved.total.headcount);
    expect(whatIf.communes.map((c) => c.communeId).sort()).toEqual([a.communeId, b.communeId].sort());
    expect(whatIf.oldDistricts.reduce((s, d) => s + d.selected.units, 0)).toBe(130);
  });
});

describe('the ticked moves', () => {
  const m = { cadreCode: 'CB0001', toCommuneCode: 'NA113', positionCode: 'ECONOMIC_HEAD' };
  test('round trip through form fields, malformed entries skipped', () => {
    const entries: [string, string][] = [[moveFieldName(m), moveFieldValue(m)], ['m_CB0002', 'NA001'], ['m_bad code', 'NA1~X'], ['od', 'TAN_KY'], ['m_CB0003', 'NA1~X~Y']];
    expect(parseSelection(entries)).toEqual([m]);
    expect(parseSelection([['m_CB9', ['NA1~A', 'NA2~B']]])).toEqual([{ cadreCode: 'CB9', toCommuneCode: 'NA2', positionCode: 'B' }]);
    const many = Array.from({ length: MAX_SELECTED_MOVES + 1 }, (_, i): [string, string] => [`m_CB${i}`, 'NA1~X']);
    expect(parseSelection(many)).toBeNull();
  });

  test('matchSelection keeps the plan moves (with their reasons) and names the ones no longer there', () => {
    const plan = [{ ...m, cadreId: 1, fromCommuneCode: 'NA002', block: 'government' as const, sameOldDistrict: true, fillsKeyPosition: true, reason: [{ key: 'transferPlan.reasons.sameOldDistrict' as const, params: {} }] }];
    expect(matchSelection(plan, [m, { ...m, cadreCode: 'CB0009' }])).toEqual({ moves: plan, missing: [{ ...m, cadreCode: 'CB0009' }] });
    expect(matchSelection(plan, [{ ...m, toCommuneCode: 'NA114' }]).missing).toHaveLength(1);
  });
});
