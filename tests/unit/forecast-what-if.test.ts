import { describe, expect, test } from 'vitest';
import { forecastWithMoves, type ForecastInput, type ForecastPerson } from '@/lib/domain/forecast';
import { plannedMoveDate, toForecastMoves } from '@/lib/domain/plan-selection';
import { buildProposalInput } from '@/lib/domain/proposal-input';
import type { ProposalPosition, ProposedMove } from '@/lib/domain/proposals';
import { computeCommuneStaffing } from '@/lib/domain/staffing';
import { buildCommuneCounts, HOA_QUAN, NGA_MY } from '@/tests/support/commune-counts';

// The forecast after the transfer plan's ticked moves (docs/decisions/042-retirement-and-forecast.md): the same
// forecast with each move added as a transfer's two changes on its planned date. Communes 1 and 2, quota 10 in each
// block, from 20/11/2026 over three years.

const FROM = '2026-11-20';
const input = (people: ForecastPerson[]): ForecastInput => ({
  from: FROM,
  years: 3,
  communes: [
    { communeId: 1, code: 'X01', name: 'A', oldDistrictId: 1, oldDistrictName: 'D', headcount: { party_front: 10, government: 10 } },
    { communeId: 2, code: 'X02', name: 'B', oldDistrictId: 1, oldDistrictName: 'D', headcount: { party_front: 10, government: 8 } },
  ],
  quotas: [1, 2].flatMap((communeId) => (['party_front', 'government'] as const).map((block) => ({ communeId, year: 2025, block, quota: 10 }))),
  people,
  changes: [],
});
// A man born 04/1966 retires on 30/04/2028 (62 years).
const mover: ForecastPerson = { cadreId: 7, code: 'CB7', fullName: 'Nguyễn Văn Bảy', birthDate: '1966-04-10', gender: 'male', at: { communeId: 1, block: 'government' } };
const move = (date: string) => ({ cadreId: 7, from: { communeId: 1, block: 'government' as const }, to: { communeId: 2, block: 'government' as const }, date });
const series = (rows: { communeId: number; block: string; year: number; headcount: number; retirements: number }[], communeId: number) =>
  rows.filter((r) => r.communeId === communeId && r.block === 'government').map((r) => [r.year, r.headcount, r.retirements]);

describe('forecastWithMoves', () => {
  test('a move in 2027: one out of the source and into the target from that year; he retires in the target in 2028', () => {
    const result = forecastWithMoves(input([mover]), [move('2027-03-01')]);
    expect(result.communeIds).toEqual([1, 2]);
    expect(series(result.without.rows, 1)).toEqual([[2026, 10, 0], [2027, 10, 0], [2028, 9, 1]]);
    expect(series(result.without.rows, 2)).toEqual([[2026, 8, 0], [2027, 8, 0], [2028, 8, 0]]);
    expect(series(result.with.rows, 1)).toEqual([[2026, 10, 0], [2027, 9, 0], [2028, 9, 0]]);
    expect(series(result.with.rows, 2)).toEqual([[2026, 8, 0], [2027, 9, 0], [2028, 8, 1]]);
    // The scheduled changes of the input are never changed by the what-if.
    expect(result.with.rows.filter((r) => r.block === 'party_front')).toEqual(result.without.rows.filter((r) => r.block === 'party_front'));
  });

  test('a move planned after his retirement date does not count: he retires from the source', () => {
    const result = forecastWithMoves(input([mover]), [move('2028-06-01')]);
    expect(result.with.rows).toEqual(result.without.rows);
  });

  test('no moves: the same forecast twice, nothing touched', () => {
    const result = forecastWithMoves(input([mover]), []);
    expect(result.with).toEqual(result.without);
    expect(result.communeIds).toEqual([]);
  });
});

describe('the planned date of the ticked moves', () => {
  test('the effective date of the form when it is a real date after today, else the default', () => {
    expect(plannedMoveDate('15/01/2027', FROM, '2026-12-01')).toBe('2027-01-15');
    expect(plannedMoveDate('2027-01-15', FROM, '2026-12-01')).toBe('2027-01-15');
    expect(plannedMoveDate('21/11/2026', FROM, '2026-12-01')).toBe('2026-11-21');
    // Today itself is already counted; a past date, a bad date or none: the default.
    expect(plannedMoveDate('20/11/2026', FROM, '2026-12-01')).toBe('2026-12-01');
    expect(plannedMoveDate('01/01/2020', FROM, '2026-12-01')).toBe('2026-12-01');
    expect(plannedMoveDate('31/02/2027', FROM, '2026-12-01')).toBe('2026-12-01');
    expect(plannedMoveDate(undefined, FROM, '2026-12-01')).toBe('2026-12-01');
  });

  test('toForecastMoves: from the person’s commune and block today, to the target commune and the move’s block', () => {
    const district = { id: 7, name: 'Huyện Thanh Chương' };
    const ngaMy = computeCommuneStaffing(buildCommuneCounts({ ...NGA_MY, oldDistrict: district }));
    const hoaQuan = computeCommuneStaffing(buildCommuneCounts({ ...HOA_QUAN, oldDistrict: district }));
    const positions: ProposalPosition[] = [
      { id: 100, code: 'specialist', title: 'Công chức', block: 'government', isKey: false, isElected: false, field: null },
      { id: 101, code: 'party_office', title: 'Văn phòng Đảng ủy', block: 'party_front', isKey: false, isElected: false, field: null },
    ];
    const proposalInput = buildProposalInput({
      communes: [ngaMy, hoaQuan], pending: [], positions, fieldNeeds: [], oldDistrictCodes: new Map([[7, 'THANH_CHUONG']]), today: FROM,
      candidates: [{ cadreId: 5, cadreCode: 'CB0005', communeId: hoaQuan.communeId, block: 'party_front', positionId: 101, positionCode: 'party_office', field: null, isKeyHolder: false, isConcurrentKeyHolder: false, busy: false }],
    });
    const proposed: ProposedMove = {
      cadreId: 5, cadreCode: 'CB0005', fromCommuneCode: hoaQuan.code, toCommuneCode: ngaMy.code, positionCode: 'specialist', block: 'government',
      sameOldDistrict: true, fillsKeyPosition: false, reason: [],
    };
    expect(toForecastMoves([proposed], proposalInput, '2026-12-01')).toEqual([
      { cadreId: 5, from: { communeId: hoaQuan.communeId, block: 'party_front' }, to: { communeId: ngaMy.communeId, block: 'government' }, date: '2026-12-01' },
    ]);
    expect(() => toForecastMoves([{ ...proposed, cadreId: 6 }], proposalInput, '2026-12-01')).toThrow(RangeError);
  });
});
