import { describe, expect, test } from 'vitest';
import { isPending, projectCommuneStaffing, type StaffingMovement } from '@/lib/domain/projection';
import type { KeyPositionStatus } from '@/lib/domain/types';

const TODAY = '2025-11-10';
// Nga My as published: 44 in post, 17 short (11 government, 6 Party and Front).
const NGA_MY = {
  blocks: {
    party_front: { quota: 22, headcount: 16, difference: -6 },
    government: { quota: 39, headcount: 28, difference: -11 },
  },
};

const transferIn = (block: 'party_front' | 'government', startDate: string, positionId?: number): StaffingMovement => ({ kind: 'transfer', direction: 'in', block, startDate, positionId });
const transferOut = (block: 'party_front' | 'government', startDate: string, positionId?: number): StaffingMovement => ({ kind: 'transfer', direction: 'out', block, startDate, positionId });
const secondment = (block: 'party_front' | 'government', startDate: string, endDate: string | null, positionId?: number): StaffingMovement => ({
  kind: 'secondment', direction: 'in', block, startDate, endDate, positionId,
});

describe('projectCommuneStaffing', () => {
  test('no movements: projected equals current (the workspace says none is approved yet)', () => {
    const p = projectCommuneStaffing(NGA_MY, [], TODAY);
    expect(p.counted).toBe(0);
    expect(p.total).toMatchObject({ quota: 61, headcount: 44, difference: -17, projectedHeadcount: 44, projectedDifference: -17 });
    expect(p.blocks.government).toMatchObject({ incoming: 0, outgoing: 0, projectedDifference: -11 });
    expect(p.keyVacancies).toBeNull();
  });

  test.each([
    { label: 'an approved transfer in, effective next month, adds one to its block', movements: [transferIn('government', '2025-12-01')], gov: 29, pf: 16 },
    { label: 'a transfer already effective is in the current figures: not added again', movements: [transferIn('government', '2025-11-10')], gov: 28, pf: 16 },
    { label: 'an approved transfer out removes one', movements: [transferOut('party_front', '2025-12-01')], gov: 28, pf: 15 },
    { label: 'a placed secondment not yet ended adds one', movements: [secondment('government', '2025-10-01', '2028-09-30')], gov: 29, pf: 16 },
    { label: 'an open-ended secondment adds one', movements: [secondment('government', '2025-10-01', null)], gov: 29, pf: 16 },
    { label: 'a secondment ending today still counts today', movements: [secondment('government', '2025-10-01', TODAY)], gov: 29, pf: 16 },
    { label: 'an ended secondment adds nothing', movements: [secondment('government', '2025-01-01', '2025-11-09')], gov: 28, pf: 16 },
    {
      label: 'in and out together',
      movements: [transferIn('government', '2025-12-01'), transferIn('government', '2026-01-01'), transferOut('government', '2025-12-15'), secondment('party_front', '2025-11-01', null)],
      gov: 29,
      pf: 17,
    },
  ])('$label', ({ movements, gov, pf }) => {
    const p = projectCommuneStaffing(NGA_MY, movements, TODAY);
    expect(p.blocks.government.projectedHeadcount).toBe(gov);
    expect(p.blocks.party_front.projectedHeadcount).toBe(pf);
    expect(p.total.projectedHeadcount).toBe(gov + pf);
    expect(p.total.projectedDifference).toBe(gov + pf - 61);
    // Current figures never change.
    expect(p.total.headcount).toBe(44);
  });

  test('key places: an incoming holder fills a vacancy, an outgoing transfer of the only holder opens one', () => {
    const place = (positionId: number, required: number, holders: number): KeyPositionStatus => ({
      positionId, positionCode: `P${positionId}`, block: 'government', required, holders, primaryHolders: holders, concurrentByDesign: false,
      vacancies: required - Math.min(required, holders), concurrentOnly: false,
    });
    // Nga My's three: Head of the Economic Department, Deputy Head of Culture, Deputy Director of the Service Center.
    const keyPositions = [place(1, 1, 0), place(2, 1, 0), place(3, 1, 0), place(4, 1, 1)];
    expect(projectCommuneStaffing({ ...NGA_MY, keyPositions }, [], TODAY).keyVacancies).toBe(3);
    const filled = projectCommuneStaffing({ ...NGA_MY, keyPositions }, [secondment('government', '2025-11-01', null, 1), transferIn('government', '2025-12-01', 2)], TODAY);
    expect(filled.keyVacancies).toBe(1);
    const emptied = projectCommuneStaffing({ ...NGA_MY, keyPositions }, [transferOut('government', '2025-12-01', 4)], TODAY);
    expect(emptied.keyVacancies).toBe(4);
    // Two incoming for one place: still one place.
    expect(projectCommuneStaffing({ ...NGA_MY, keyPositions }, [transferIn('government', '2025-12-01', 1), transferIn('government', '2025-12-02', 1)], TODAY).keyVacancies).toBe(2);
  });
});

describe('isPending', () => {
  test.each([
    ['transfer effective tomorrow', transferIn('government', '2025-11-11'), true],
    ['transfer effective today', transferIn('government', TODAY), false],
    ['secondment until tomorrow', secondment('government', '2025-01-01', '2025-11-11'), true],
    ['secondment ended yesterday', secondment('government', '2025-01-01', '2025-11-09'), false],
  ] as const)('%s', (_label, movement, expected) => {
    expect(isPending(movement, TODAY)).toBe(expected);
  });
});
