import { describe, expect, test } from 'vitest';
import { isAllowed } from '@/lib/auth/policy';
import { ROLES, type Role } from '@/lib/auth/roles';
import { applyUploadProblem, importUploadStatus } from '@/lib/domain/import-upload';
import { isActiveCadre } from '@/lib/domain/people';
import { confirmYearProblem, isDraftYear, QUOTA_YEAR_STATUSES } from '@/lib/domain/quota-years';
import {
  assessmentOf,
  CANDIDATE_ACTIONS,
  CANDIDATE_STATES,
  checkCandidateTransition,
  checkListTransition,
  isDeclinedCandidate,
  LIST_ACTIONS,
  LIST_STATES,
  mayEditList,
  mayTakeCandidateAction,
  mayTakeListAction,
  phaseState,
  type CandidateState,
} from '@/lib/domain/secondment';
import { awaitsEffect, TRANSFER_STATUSES } from '@/lib/domain/transfer';

// What a page may offer, asked of the machines (docs/architecture.md, "a page … asks can() and the state machines what
// may be done"): the same answer as the transition the action checks, before any input.

const allowedFor = (role: Role) => (permission: Parameters<typeof isAllowed>[1]) => isAllowed(role, permission);

/** Inputs that satisfy every requirement, so only the role and the states decide the transition. */
const COMPLETE_LIST_INPUT = { candidates: ['meets'] as CandidateState[], justification: 'Lý do', belowMinimum: true, comment: 'Bổ sung hồ sơ.' };
const COMPLETE_CANDIDATE_INPUT = {
  reason: 'Chưa đủ 5 năm công tác',
  conclusionNumber: '599-KL/TU',
  conclusionDate: '2025-09-19',
  placement: { communeId: 1, positionId: 2, startDate: '2025-10-01', endDate: '2028-09-30' },
  ending: { date: '2026-01-15', plannedEnd: '2028-09-30', reason: 'Về sở theo yêu cầu công tác' },
};

describe('a page offers a list step exactly when the action would take it', () => {
  const cases = LIST_ACTIONS.flatMap((action) => LIST_STATES.flatMap((state) => ROLES.map((role) => [action, state, role] as const)));
  test.each(cases)('%s from %s by %s', (action, state, role) => {
    const accepted = checkListTransition(action, state, allowedFor(role), COMPLETE_LIST_INPUT).ok;
    expect(mayTakeListAction(action, state, allowedFor(role))).toBe(accepted);
  });
  test('the candidates are edited by the department while its list is a draft or returned, as it is submitted', () => {
    for (const state of LIST_STATES) {
      for (const role of ROLES) {
        expect(mayEditList(state, allowedFor(role))).toBe(role === 'department_officer' && (state === 'draft' || state === 'returned'));
        expect(mayEditList(state, allowedFor(role))).toBe(mayTakeListAction('submit', state, allowedFor(role)));
      }
    }
  });
  test('out of scope nothing is offered', () => {
    for (const action of LIST_ACTIONS) for (const state of LIST_STATES) expect(mayTakeListAction(action, state, () => false)).toBe(false);
  });
});

describe('a page offers a candidate step exactly when the action would take it', () => {
  const cases = CANDIDATE_ACTIONS.flatMap((action) =>
    CANDIDATE_STATES.flatMap((state) => LIST_STATES.flatMap((listState) => ROLES.map((role) => [action, state, listState, role] as const))),
  );
  test.each(cases)('%s from %s (list %s) by %s', (action, state, listState, role) => {
    const accepted = checkCandidateTransition(action, state, listState, allowedFor(role), COMPLETE_CANDIDATE_INPUT).ok;
    expect(mayTakeCandidateAction(action, state, listState, allowedFor(role))).toBe(accepted);
  });
});

describe('how a candidate reads', () => {
  test.each([
    ['proposed', 'notAssessed'],
    ['meets', 'meets'],
    ['does_not_meet', 'doesNotMeet'],
    ['forwarded', 'meets'],
    ['approved', 'meets'],
    ['declined', 'meets'],
    ['placed', 'meets'],
    ['ended', 'meets'],
  ] as const)('%s: assessment %s', (state, assessment) => expect(assessmentOf(state)).toBe(assessment));
  test('only a declined candidate reads as declined', () => {
    expect(CANDIDATE_STATES.filter(isDeclinedCandidate)).toEqual(['declined']);
  });
});

describe('a phase is open up to its due date', () => {
  test.each([
    ['2025-09-10', '2025-09-09', 'open'],
    ['2025-09-10', '2025-09-10', 'open'],
    ['2025-09-10', '2025-09-11', 'closed'],
  ] as const)('due %s, today %s: %s', (due, today, state) => expect(phaseState(due, today)).toBe(state));
});

describe('a quota year', () => {
  test('a draft is edited and confirmed once; a confirmed year is not confirmed again', () => {
    expect(QUOTA_YEAR_STATUSES.filter((status) => isDraftYear({ status }))).toEqual(['draft']);
    expect(confirmYearProblem({ year: 2026, status: 'draft' })).toBeNull();
    expect(confirmYearProblem({ year: 2025, status: 'confirmed' })).toBe('quotaYears.errors.alreadyConfirmed');
  });
});

describe('a workbook upload', () => {
  test.each([
    [{ status: 'checked', clean: true }, 'ready', null],
    [{ status: 'checked', clean: false }, 'problems', 'imports.errors.hasProblems'],
    [{ status: 'applied', clean: true }, 'applied', 'imports.errors.alreadyApplied'],
    [{ status: 'applied', clean: false }, 'applied', 'imports.errors.alreadyApplied'],
  ] as const)('%o reads %s, apply refused with %s', (upload, status, problem) => {
    expect(importUploadStatus(upload)).toBe(status);
    expect(applyUploadProblem(upload)).toBe(problem);
  });
});

describe('a person and a transfer', () => {
  test('only an active person is changed', () => {
    expect(isActiveCadre({ status: 'active' })).toBe(true);
    expect(isActiveCadre({ status: 'left' })).toBe(false);
  });
  test('only an approved transfer not yet executed awaits its effective date', () => {
    expect(TRANSFER_STATUSES.filter(awaitsEffect)).toEqual(['approved']);
  });
});
