import { describe, expect, test } from 'vitest';
import { isAllowed } from '@/lib/auth/policy';
import { ROLES, type Role } from '@/lib/auth/roles';
import {
  TRANSFER_ACTIONS, TRANSFER_STATES, chairmanSide, checkTransferGuards, checkTransferTransition, dayBefore, fillsKeyPlace, holdsTransferCadre,
  isExecutedTransfer, sourceStaysAtQuota, transferStatus, type TransferAction, type TransferFacts, type TransferState,
} from '@/lib/domain/transfer';

const allowedFor = (role: Role) => (permission: Parameters<typeof isAllowed>[1]) => isAllowed(role, permission);

// The expected machine, written out independently of the implementation's table.
const EXPECTED: Record<TransferAction, { from: (TransferState | null)[]; to: TransferState; roles: Role[] }> = {
  propose: { from: [null], to: 'proposed', roles: ['home_affairs'] },
  opinion: { from: ['proposed'], to: 'proposed', roles: ['commune_chairman'] },
  approve: { from: ['proposed'], to: 'approved', roles: ['home_affairs', 'organizing_committee'] },
  decline: { from: ['proposed'], to: 'declined', roles: ['home_affairs', 'organizing_committee'] },
  cancel: { from: ['proposed'], to: 'cancelled', roles: ['home_affairs'] },
};

/** Inputs that satisfy every requirement, so only state and role decide. */
const COMPLETE = { decisionNumber: '125/QĐ-SNV', decisionDate: '2025-11-01', reason: 'Không phù hợp', opinion: 'agree' as const, today: '2025-11-10' };

describe('machine: every state × every action × every role', () => {
  for (const action of TRANSFER_ACTIONS) {
    for (const state of [null, ...TRANSFER_STATES]) {
      for (const role of ROLES) {
        const expected = EXPECTED[action];
        const roleOk = expected.roles.includes(role);
        const stateOk = expected.from.includes(state);
        test(`${action} from ${state ?? '(new)'} by ${role}`, () => {
          const result = checkTransferTransition(action, state, allowedFor(role), COMPLETE);
          if (!roleOk) expect(result).toEqual({ ok: false, error: 'transfer.errors.forbidden' });
          else if (!stateOk) expect(result).toEqual({ ok: false, error: 'transfer.errors.wrongState' });
          else expect(result).toEqual({ ok: true, to: expected.to });
        });
      }
    }
  }
});

describe('what each transition requires', () => {
  const home = allowedFor('home_affairs');
  test('approve: a decision number and date, not after today', () => {
    expect(checkTransferTransition('approve', 'proposed', home, { decisionNumber: ' ', decisionDate: '2025-11-01' })).toEqual({ ok: false, error: 'transfer.errors.decisionRequired' });
    expect(checkTransferTransition('approve', 'proposed', home, { decisionNumber: '1/QĐ', decisionDate: null })).toEqual({ ok: false, error: 'transfer.errors.decisionRequired' });
    expect(checkTransferTransition('approve', 'proposed', home, { decisionNumber: '1/QĐ', decisionDate: '2025-11-11', today: '2025-11-10' })).toEqual({ ok: false, error: 'transfer.errors.decisionDateFuture' });
    expect(checkTransferTransition('approve', 'proposed', home, { decisionNumber: '1/QĐ', decisionDate: '2025-11-10', today: '2025-11-10' })).toEqual({ ok: true, to: 'approved' });
  });
  test('decline and cancel: a reason', () => {
    expect(checkTransferTransition('decline', 'proposed', home, { reason: '' })).toEqual({ ok: false, error: 'transfer.errors.reasonRequired' });
    expect(checkTransferTransition('cancel', 'proposed', home, { reason: null })).toEqual({ ok: false, error: 'transfer.errors.reasonRequired' });
  });
  test('opinion: agree or disagree', () => {
    expect(checkTransferTransition('opinion', 'proposed', allowedFor('commune_chairman'), {})).toEqual({ ok: false, error: 'transfer.errors.opinionRequired' });
  });
  test('execution is derived from the date, never stored', () => {
    expect(TRANSFER_STATES).not.toContain('executed');
    const approved = (effectiveDate: string) => ({ state: 'approved' as const, effectiveDate });
    expect(transferStatus(approved('2025-11-10'), '2025-11-10')).toBe('executed');
    expect(transferStatus(approved('2025-11-01'), '2025-11-10')).toBe('executed');
    expect(transferStatus(approved('2025-11-11'), '2025-11-10')).toBe('approved');
    expect(isExecutedTransfer(approved('2025-11-10'), '2025-11-10')).toBe(true);
    expect(isExecutedTransfer(approved('2025-11-11'), '2025-11-10')).toBe(false);
    expect(isExecutedTransfer({ state: 'proposed', effectiveDate: '2025-11-01' }, '2025-11-10')).toBe(false);
    expect(transferStatus({ state: 'proposed', effectiveDate: '2025-11-01' }, '2025-11-10')).toBe('proposed');
  });
  test('a transfer holds its person while undecided, or approved until its effective date', () => {
    const at = (state: TransferState, effectiveDate: string) => holdsTransferCadre({ state, effectiveDate }, '2025-11-10');
    expect(TRANSFER_STATES.filter((s) => at(s, '2025-12-01'))).toEqual(['proposed', 'approved']);
    expect(TRANSFER_STATES.filter((s) => at(s, '2025-11-10'))).toEqual(['proposed']);
    expect(at('proposed', '2025-11-01')).toBe(true);
  });
  test('the old post closes the day before (month and year boundaries, leap day)', () => {
    expect(dayBefore('2025-12-01')).toBe('2025-11-30');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
  });
  test("a chairman's side", () => {
    expect(chairmanSide(5, { fromCommuneId: 5, toCommuneId: 7 })).toBe('from');
    expect(chairmanSide(7, { fromCommuneId: 5, toCommuneId: 7 })).toBe('to');
    expect(chairmanSide(9, { fromCommuneId: 5, toCommuneId: 7 })).toBeNull();
    expect(chairmanSide(null, { fromCommuneId: 5, toCommuneId: 7 })).toBeNull();
  });
});

describe('guards over counts', () => {
  test('the source stays at or above quota after all approved moves and this one', () => {
    expect(sourceStaysAtQuota({ quota: 10, headcount: 11, incoming: 0, outgoing: 0 })).toBe(true);
    expect(sourceStaysAtQuota({ quota: 10, headcount: 10, incoming: 0, outgoing: 0 })).toBe(false);
    expect(sourceStaysAtQuota({ quota: 10, headcount: 12, incoming: 0, outgoing: 2 })).toBe(false);
    expect(sourceStaysAtQuota({ quota: 10, headcount: 10, incoming: 1, outgoing: 0 })).toBe(true);
  });
  test('a vacant key place counts approved moves into and out of it', () => {
    expect(fillsKeyPlace(null)).toBe(false);
    expect(fillsKeyPlace({ required: 1, holders: 0, incoming: 0, outgoing: 0 })).toBe(true);
    expect(fillsKeyPlace({ required: 1, holders: 0, incoming: 1, outgoing: 0 })).toBe(false);
    expect(fillsKeyPlace({ required: 2, holders: 1, incoming: 0, outgoing: 0 })).toBe(true);
    expect(fillsKeyPlace({ required: 1, holders: 1, incoming: 0, outgoing: 1 })).toBe(true);
  });

  const facts = (over: Partial<TransferFacts> = {}): TransferFacts => ({
    cadreActive: true,
    current: { communeId: 1, oldDistrictId: 10, startDate: '2025-07-01' },
    target: { communeId: 2, oldDistrictId: 10, provinceMatches: true },
    position: { block: 'government', isElected: false, provinceMatches: true },
    effectiveDate: '2025-12-01',
    justification: null,
    reason: 'Xã nơi đến thiếu công chức.',
    openTransfer: false,
    activeSecondment: false,
    sourceLoad: { quota: 20, headcount: 25, incoming: 0, outgoing: 0 },
    targetWithinQuota: true,
    targetKey: null,
    ...over,
  });

  test('a valid move within the old district', () => {
    expect(checkTransferGuards(facts())).toEqual({ ok: true, crossDistrict: false, fillsKey: false });
  });
  test.each([
    ['notActive', 'cadreId', { cadreActive: false }],
    ['noCurrentAssignment', 'cadreId', { current: null }],
    ['openTransfer', 'cadreId', { openTransfer: true }],
    ['activeSecondment', 'cadreId', { activeSecondment: true }],
    ['targetOtherProvince', 'toCommuneId', { target: { communeId: 2, oldDistrictId: 10, provinceMatches: false } }],
    ['sameCommune', 'toCommuneId', { target: { communeId: 1, oldDistrictId: 10, provinceMatches: true } }],
    ['positionInvalid', 'positionId', { position: { block: null, isElected: false, provinceMatches: true } }],
    ['positionElected', 'positionId', { position: { block: 'party_front', isElected: true, provinceMatches: true } }],
    ['reasonRequired', 'reason', { reason: '  ' }],
    ['justificationRequired', 'justification', { target: { communeId: 2, oldDistrictId: 11, provinceMatches: true } }],
    ['effectiveBeforeStart', 'effectiveDate', { effectiveDate: '2025-07-01' }],
    ['effectiveBeforeStart', 'effectiveDate', { effectiveDate: '2025-06-30' }],
    ['sourceBelowQuota', 'cadreId', { sourceLoad: { quota: 20, headcount: 20, incoming: 0, outgoing: 0 } }],
    ['targetNotShort', 'toCommuneId', { targetWithinQuota: false }],
  ] as const)('refuses %s (field %s)', (code, field, over) => {
    expect(checkTransferGuards(facts(over as Partial<TransferFacts>))).toEqual({ ok: false, code, field });
  });
  test('across old districts with a justification: accepted and marked', () => {
    expect(checkTransferGuards(facts({ target: { communeId: 2, oldDistrictId: 11, provinceMatches: true }, justification: 'Huyện cũ không còn người.' }))).toEqual({ ok: true, crossDistrict: true, fillsKey: false });
  });
  test('a target not short accepts a person filling one of its vacant key places', () => {
    expect(checkTransferGuards(facts({ targetWithinQuota: false, targetKey: { required: 1, holders: 0, incoming: 0, outgoing: 0 } }))).toEqual({ ok: true, crossDistrict: false, fillsKey: true });
    expect(checkTransferGuards(facts({ targetWithinQuota: false, targetKey: { required: 1, holders: 0, incoming: 1, outgoing: 0 } }))).toMatchObject({ ok: false, code: 'targetNotShort' });
    // An elected key place is never filled by a transfer, vacant or not.
    expect(checkTransferGuards(facts({ targetWithinQuota: false, position: { block: 'party_front', isElected: true, provinceMatches: true }, targetKey: { required: 1, holders: 0, incoming: 0, outgoing: 0 } }))).toMatchObject({ ok: false, code: 'positionElected' });
  });
});
