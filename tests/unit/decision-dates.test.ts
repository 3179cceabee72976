import { describe, expect, test } from 'vitest';
import { isAllowed } from '@/lib/auth/policy';
import { decisionDateProblem } from '@/lib/domain/decisions';
import { checkCandidateTransition } from '@/lib/domain/secondment';
import { checkTransferTransition, isOverdueTransfer, type TransferStatus } from '@/lib/domain/transfer';

// Decision 023 and docs/domain.md (Transfers): the date of a decision or a Conclusion, each rule once in lib/domain, as
// the transfer and secondment machines apply it; and the overdue proposal.

describe('decisionDateProblem', () => {
  test.each([
    ['today', '2026-12-07', null, null],
    ['yesterday', '2026-12-06', null, null],
    ['tomorrow: not on paper yet', '2026-12-08', null, 'inFuture'],
    ['the issue\'s Conclusion of 01/03/2027', '2027-03-01', '2026-11-01', 'inFuture'],
    ['the day the phase was opened', '2026-11-01', '2026-11-01', null],
    ['the day before it was opened', '2026-10-31', '2026-11-01', 'beforeOpening'],
  ] as const)('%s', (_label, date, openedOn, expected) => {
    expect(decisionDateProblem(date, { today: '2026-12-07', openedOn })).toBe(expected);
  });
});

describe('the machines refuse by it', () => {
  const home = (permission: Parameters<typeof isAllowed>[1]) => isAllowed('home_affairs', permission);
  const standing = (permission: Parameters<typeof isAllowed>[1]) => isAllowed('standing_committee', permission);
  const approve = (decisionDate: string) =>
    checkTransferTransition('approve', 'proposed', home, { decisionNumber: '125/QĐ-SNV', decisionDate, today: '2025-11-10', proposedOn: '2025-11-03' });
  const conclude = (conclusionDate: string) =>
    checkCandidateTransition('approve', 'forwarded', 'forwarded', standing, { conclusionNumber: '612-KL/TU', conclusionDate, today: '2025-11-10', phaseOpenedOn: '2025-09-30' });

  test.each([
    ['2025-11-11', { ok: false, error: 'transfer.errors.decisionDateFuture' }],
    ['2025-11-02', { ok: false, error: 'transfer.errors.decisionBeforeProposal' }],
    ['2025-11-03', { ok: true, to: 'approved' }],
  ] as const)('a transfer decided on %s', (date, expected) => {
    expect(approve(date)).toEqual(expected);
  });

  test.each([
    ['2025-11-11', { ok: false, error: 'secondment.errors.conclusionDateFuture' }],
    ['2025-09-29', { ok: false, error: 'secondment.errors.conclusionBeforePhase' }],
    ['2025-09-30', { ok: true, to: 'approved' }],
  ] as const)('a Conclusion dated %s', (date, expected) => {
    expect(conclude(date)).toEqual(expected);
  });
});

describe('isOverdueTransfer: only an undecided proposal whose effective date has passed', () => {
  test.each([
    ['proposed', '2025-11-09', true],
    ['proposed', '2025-11-10', false],
    ['proposed', '2025-12-01', false],
    ['approved', '2025-11-01', false],
    ['executed', '2025-11-01', false],
    ['declined', '2025-11-01', false],
    ['cancelled', '2025-11-01', false],
  ] as const)('%s, effective %s', (state: TransferStatus, effectiveDate, expected) => {
    expect(isOverdueTransfer({ state, effectiveDate }, '2025-11-10')).toBe(expected);
  });
});
