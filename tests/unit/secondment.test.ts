import { describe, expect, test } from 'vitest';
import { isAllowed } from '@/lib/auth/policy';
import { ROLES, type Role } from '@/lib/auth/roles';
import { retirementDate } from '@/lib/domain/retirement';
import {
  CANDIDATE_ACTIONS,
  CANDIDATE_STATES,
  LIST_ACTIONS,
  LIST_STATES,
  candidateOnForward,
  candidateWarnings,
  checkCandidateTransition,
  checkListTransition,
  countListed,
  holdsCadre,
  isOverdue,
  isSubmittedLate,
  listAfterDecisions,
  minimumListSize,
  needsJustification,
  type CandidateAction,
  type CandidateState,
  type ListAction,
  type ListState,
} from '@/lib/domain/secondment';

const allowedFor = (role: Role) => (permission: Parameters<typeof isAllowed>[1]) => isAllowed(role, permission);

// The expected machine, written out independently of the implementation's tables.
const LIST_EXPECTED: Record<ListAction, { from: ListState[]; to: ListState; roles: Role[] }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['department_officer'] },
  return: { from: ['submitted'], to: 'returned', roles: ['organizing_committee'] },
  forward: { from: ['submitted'], to: 'forwarded', roles: ['organizing_committee'] },
};

/** Inputs that satisfy every requirement, so only state and role decide. */
const COMPLETE_LIST_INPUT = { candidates: ['meets', 'does_not_meet'] as CandidateState[], justification: 'Sở chỉ có 12 công chức.', belowMinimum: true, comment: 'Bổ sung hồ sơ.' };

describe('list machine: every state × every action × every role', () => {
  const cases = LIST_ACTIONS.flatMap((action) => LIST_STATES.flatMap((state) => ROLES.map((role) => [action, state, role] as const)));
  test.each(cases)('%s from %s by %s', (action, state, role) => {
    const expected = LIST_EXPECTED[action];
    const result = checkListTransition(action, state, allowedFor(role), COMPLETE_LIST_INPUT);
    if (!expected.roles.includes(role)) expect(result).toEqual({ ok: false, error: 'secondment.errors.forbidden' });
    else if (!expected.from.includes(state)) expect(result).toEqual({ ok: false, error: 'secondment.errors.wrongState' });
    else expect(result).toEqual({ ok: true, to: expected.to });
  });
});

describe('list requirements', () => {
  const officer = allowedFor('department_officer');
  const committee = allowedFor('organizing_committee');
  test('an empty list cannot be submitted or forwarded', () => {
    expect(checkListTransition('submit', 'draft', officer, { candidates: [] })).toEqual({ ok: false, error: 'secondment.errors.emptyList' });
    expect(checkListTransition('forward', 'submitted', committee, { candidates: [] })).toEqual({ ok: false, error: 'secondment.errors.emptyList' });
  });
  test('below the minimum a submission needs a justification; blank does not count', () => {
    const input = { candidates: ['proposed'] as CandidateState[], belowMinimum: true };
    expect(checkListTransition('submit', 'draft', officer, { ...input, justification: '   ' })).toEqual({ ok: false, error: 'secondment.errors.justificationRequired' });
    expect(checkListTransition('submit', 'draft', officer, { ...input, justification: 'Lý do' })).toEqual({ ok: true, to: 'submitted' });
    expect(checkListTransition('submit', 'draft', officer, { candidates: ['proposed'], belowMinimum: false })).toEqual({ ok: true, to: 'submitted' });
  });
  test('a return needs a comment', () => {
    expect(checkListTransition('return', 'submitted', committee, { candidates: ['proposed'], comment: '' })).toEqual({ ok: false, error: 'secondment.errors.commentRequired' });
    expect(checkListTransition('return', 'submitted', committee, { candidates: ['proposed'], comment: 'Thiếu hồ sơ' })).toEqual({ ok: true, to: 'returned' });
  });
  test('a forward needs every candidate assessed and at least one who meets', () => {
    expect(checkListTransition('forward', 'submitted', committee, { candidates: ['meets', 'proposed'] })).toEqual({ ok: false, error: 'secondment.errors.notAllAssessed' });
    expect(checkListTransition('forward', 'submitted', committee, { candidates: ['does_not_meet'] })).toEqual({ ok: false, error: 'secondment.errors.noneMeets' });
    expect(checkListTransition('forward', 'submitted', committee, { candidates: ['does_not_meet', 'meets'] })).toEqual({ ok: true, to: 'forwarded' });
  });
  test('forwarding moves only those who meet; the list is decided when nobody awaits a decision', () => {
    expect(CANDIDATE_STATES.map(candidateOnForward)).toEqual(['proposed', 'forwarded', 'does_not_meet', 'forwarded', 'approved', 'declined', 'placed', 'ended']);
    expect(listAfterDecisions('forwarded', ['approved', 'forwarded'])).toBe('forwarded');
    expect(listAfterDecisions('forwarded', ['approved', 'declined', 'does_not_meet'])).toBe('decided');
    expect(listAfterDecisions('submitted', ['approved'])).toBe('submitted');
  });
});

const CANDIDATE_EXPECTED: Record<CandidateAction, { from: CandidateState[]; lists: ListState[]; to: CandidateState; roles: Role[] }> = {
  assess_meets: { from: ['proposed', 'meets', 'does_not_meet'], lists: ['submitted'], to: 'meets', roles: ['organizing_committee'] },
  assess_not_meets: { from: ['proposed', 'meets', 'does_not_meet'], lists: ['submitted'], to: 'does_not_meet', roles: ['organizing_committee'] },
  approve: { from: ['forwarded'], lists: ['forwarded'], to: 'approved', roles: ['standing_committee'] },
  decline: { from: ['forwarded'], lists: ['forwarded'], to: 'declined', roles: ['standing_committee'] },
  place: { from: ['approved'], lists: ['forwarded', 'decided'], to: 'placed', roles: ['organizing_committee', 'home_affairs'] },
  end: { from: ['placed'], lists: ['forwarded', 'decided'], to: 'ended', roles: ['organizing_committee', 'home_affairs'] },
};

const COMPLETE_CANDIDATE_INPUT = {
  reason: 'Chưa đủ 5 năm công tác',
  conclusionNumber: '599-KL/TU',
  conclusionDate: '2025-09-19',
  placement: { communeId: 1, positionId: 2, startDate: '2025-10-01', endDate: '2028-09-30' },
  ending: { date: '2026-01-15', plannedEnd: '2028-09-30', reason: 'Về sở theo yêu cầu công tác' },
};

describe('candidate machine: every state × list state × action × role', () => {
  const cases = CANDIDATE_ACTIONS.flatMap((action) =>
    CANDIDATE_STATES.flatMap((state) => LIST_STATES.flatMap((listState) => ROLES.map((role) => [action, state, listState, role] as const))),
  );
  test('covers them all', () => expect(cases.length).toBe(6 * 8 * 5 * 6));
  test.each(cases)('%s from %s (list %s) by %s', (action, state, listState, role) => {
    const expected = CANDIDATE_EXPECTED[action];
    const result = checkCandidateTransition(action, state, listState, allowedFor(role), COMPLETE_CANDIDATE_INPUT);
    if (!expected.roles.includes(role)) expect(result).toEqual({ ok: false, error: 'secondment.errors.forbidden' });
    else if (!expected.from.includes(state) || !expected.lists.includes(listState)) expect(result).toEqual({ ok: false, error: 'secondment.errors.wrongState' });
    else expect(result).toEqual({ ok: true, to: expected.to });
  });
});

describe('candidate requirements', () => {
  const committee = allowedFor('organizing_committee');
  const standing = allowedFor('standing_committee');
  const homeAffairs = allowedFor('home_affairs');
  test('not meeting the standards and declining need a reason', () => {
    expect(checkCandidateTransition('assess_not_meets', 'proposed', 'submitted', committee, { reason: ' ' })).toEqual({ ok: false, error: 'secondment.errors.reasonRequired' });
    expect(checkCandidateTransition('assess_meets', 'proposed', 'submitted', committee, {})).toEqual({ ok: true, to: 'meets' });
    expect(checkCandidateTransition('decline', 'forwarded', 'forwarded', standing, {})).toEqual({ ok: false, error: 'secondment.errors.reasonRequired' });
  });
  test('approving needs the Conclusion number and date', () => {
    expect(checkCandidateTransition('approve', 'forwarded', 'forwarded', standing, { conclusionNumber: '', conclusionDate: '2025-09-19' })).toEqual({ ok: false, error: 'secondment.errors.conclusionRequired' });
    expect(checkCandidateTransition('approve', 'forwarded', 'forwarded', standing, { conclusionNumber: '599-KL/TU', conclusionDate: null })).toEqual({ ok: false, error: 'secondment.errors.conclusionRequired' });
    expect(checkCandidateTransition('approve', 'forwarded', 'forwarded', standing, { conclusionNumber: '599-KL/TU', conclusionDate: '2025-09-19' })).toEqual({ ok: true, to: 'approved' });
  });
  test('a placement needs a commune, a position and an end date after its start', () => {
    const placement = { communeId: 1, positionId: 2, startDate: '2025-10-01', endDate: '2025-10-01' };
    expect(checkCandidateTransition('place', 'approved', 'decided', homeAffairs, { placement })).toEqual({ ok: false, error: 'secondment.errors.endBeforeStart' });
    expect(checkCandidateTransition('place', 'approved', 'decided', homeAffairs, { placement: { ...placement, communeId: null } })).toEqual({ ok: false, error: 'secondment.errors.placementRequired' });
    expect(checkCandidateTransition('place', 'approved', 'decided', homeAffairs, { placement: { ...placement, endDate: '2028-09-30' } })).toEqual({ ok: true, to: 'placed' });
  });
  test('a placement cannot start before its Conclusion; an end must fall within the secondment', () => {
    const placement = { communeId: 1, positionId: 2, startDate: '2025-09-01', endDate: '2028-08-31', conclusionDate: '2025-09-19' };
    expect(checkCandidateTransition('place', 'approved', 'decided', homeAffairs, { placement })).toEqual({ ok: false, error: 'secondment.errors.startBeforeConclusion' });
    expect(checkCandidateTransition('place', 'approved', 'decided', homeAffairs, { placement: { ...placement, startDate: '2025-09-19' } })).toEqual({ ok: true, to: 'placed' });
    const ending = { startDate: '2025-10-01', plannedEnd: '2028-09-30', reason: 'Về sở' };
    expect(checkCandidateTransition('end', 'placed', 'decided', committee, { ending: { ...ending, date: '2025-09-30' } })).toEqual({ ok: false, error: 'secondment.errors.endOutsideRange' });
    expect(checkCandidateTransition('end', 'placed', 'decided', committee, { ending: { ...ending, date: '2028-10-01' } })).toEqual({ ok: false, error: 'secondment.errors.endOutsideRange' });
  });
  test('ending early needs a reason; on the planned end it does not', () => {
    expect(checkCandidateTransition('end', 'placed', 'decided', committee, { ending: { date: '2026-01-15', plannedEnd: '2028-09-30', reason: '' } })).toEqual({ ok: false, error: 'secondment.errors.earlyEndReasonRequired' });
    expect(checkCandidateTransition('end', 'placed', 'decided', committee, { ending: { date: '2028-09-30', plannedEnd: '2028-09-30', reason: null } })).toEqual({ ok: true, to: 'ended' });
    expect(checkCandidateTransition('end', 'placed', 'decided', committee, { ending: { date: null, plannedEnd: '2028-09-30', reason: null } })).toEqual({ ok: false, error: 'secondment.errors.endDateRequired' });
  });
});

describe('holding a cadre (one open list per cadre)', () => {
  test.each([
    ['proposed', 'draft', true],
    ['meets', 'submitted', true],
    ['forwarded', 'forwarded', true],
    ['approved', 'decided', true],
    ['does_not_meet', 'submitted', true],
    ['does_not_meet', 'returned', true],
    ['does_not_meet', 'forwarded', false],
    ['does_not_meet', 'decided', false],
    ['declined', 'decided', false],
    ['placed', 'decided', false],
    ['ended', 'decided', false],
  ] as const)('%s on a %s list → %s', (state, listState, expected) => {
    expect(holdsCadre(state, listState)).toBe(expected);
  });
});

describe('the 5% minimum', () => {
  test.each([
    [0, 0],
    [1, 1],
    [20, 1],
    [21, 2],
    [100, 5],
    [101, 6],
    [579, 29],
    [580, 29],
    [581, 30],
  ])('quota %i → %i', (quota, minimum) => expect(minimumListSize(quota)).toBe(minimum));
  test('is ceil(quota × 5 / 100) for every quota up to 10.000', () => {
    for (let quota = 0; quota <= 10_000; quota++) expect(minimumListSize(quota)).toBe(Math.ceil((quota * 5) / 100));
  });
  test('refuses a negative or fractional quota', () => {
    expect(() => minimumListSize(-1)).toThrow(RangeError);
    expect(() => minimumListSize(2.5)).toThrow(RangeError);
  });
  test('counts distinct cadres and civil servants on submitted-or-later lists only', () => {
    const rows = [
      { cadreId: 1, employmentType: 'civil_servant', listState: 'submitted' as const },
      { cadreId: 1, employmentType: 'civil_servant', listState: 'decided' as const },
      { cadreId: 2, employmentType: 'cadre', listState: 'returned' as const },
      { cadreId: 3, employmentType: 'public_employee', listState: 'forwarded' as const },
      { cadreId: 4, employmentType: 'civil_servant', listState: 'draft' as const },
    ];
    expect(countListed(rows)).toBe(2);
    expect(needsJustification(2, 3)).toBe(true);
    expect(needsJustification(3, 3)).toBe(false);
  });
});

describe('due dates', () => {
  test('overdue is a flag on an unsubmitted list after its due date', () => {
    expect(isOverdue('draft', '2025-09-10', '2025-09-11')).toBe(true);
    expect(isOverdue('returned', '2025-09-10', '2025-09-11')).toBe(true);
    expect(isOverdue('draft', '2025-09-10', '2025-09-10')).toBe(false);
    expect(isOverdue('submitted', '2025-09-10', '2025-12-01')).toBe(false);
    expect(isSubmittedLate('2025-09-11', '2025-09-10')).toBe(true);
    expect(isSubmittedLate('2025-09-10', '2025-09-10')).toBe(false);
  });
});

describe('warnings (Decree 135/2020 retirement roadmap)', () => {
  test('each warning', () => {
    const base = { gender: 'male' as const, employmentType: 'civil_servant', currentPostSince: '2020-01-01', today: '2025-09-01' };
    expect(candidateWarnings({ ...base, birthDate: '1985-01-01' })).toEqual([]);
    expect(candidateWarnings({ ...base, birthDate: '1965-06-15' })).toEqual(['retiresWithinTerm']);
    expect(candidateWarnings({ ...base, birthDate: '1985-01-01', employmentType: 'public_employee' })).toEqual(['notCadreOrCivilServant']);
    expect(candidateWarnings({ ...base, birthDate: '1985-01-01', currentPostSince: '2025-03-01' })).toEqual(['recentlyAppointed']);
    expect(candidateWarnings({ ...base, birthDate: '1985-01-01', currentPostSince: '2024-09-01' })).toEqual([]);
    // A shorter term: the same man no longer retires within it.
    expect(candidateWarnings({ ...base, birthDate: '1965-06-15', termMonths: 12 })).toEqual([]);
    // The term ends on the day the age is reached, but the retirement date is that month's last day (31/12/2026):
    // he does not retire within the term.
    const reaching = { ...base, today: '2025-12-15', termMonths: 12 };
    expect(retirementDate('1965-06-15', 'male')).toBe('2026-12-31');
    expect(candidateWarnings({ ...reaching, birthDate: '1965-06-15' })).toEqual([]);
    expect(candidateWarnings({ ...reaching, today: '2025-12-31', birthDate: '1965-06-15' })).toEqual(['retiresWithinTerm']);
  });
});
