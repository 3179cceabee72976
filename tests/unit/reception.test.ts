import { describe, expect, test } from 'vitest';
import {
  awaitedStep, checkProposalConditions, checkReceptionConditions, checkReceptionTransition, isOpenReception, isReceptionPost, mayTakeReceptionAction,
  RECEPTION_STATES, type ReceptionAction, type ReceptionState,
} from '@/lib/domain/reception';
import { checkTargetWithinQuota, isInPlanYear, planProgress, targetProgress, unusedQuota } from '@/lib/domain/recruitment';

// The reception's conditions and machine, and the recruitment plan's rules (docs/decisions/043-reception-and-recruitment.md).

const everyone = () => true;
const only = (...permissions: string[]) => (permission: string) => permissions.includes(permission);

describe('conditions of Decree 170/2025', () => {
  const post = { field: 'accounting' };
  test('five years is 60 months: 60 meets, 59 does not', () => {
    expect(checkReceptionConditions({ insuranceMonths: 60, degree: 'university', degreeField: 'accounting' }, post, 5).every((c) => c.met)).toBe(true);
    expect(checkReceptionConditions({ insuranceMonths: 59, degree: 'university', degreeField: 'accounting' }, post, 5).find((c) => c.code === 'insurance')!.met).toBe(false);
  });
  test('the minimum is the setting in force', () => {
    expect(checkReceptionConditions({ insuranceMonths: 40, degree: 'university', degreeField: 'accounting' }, post, 3).find((c) => c.code === 'insurance')!.met).toBe(true);
  });
  test('a college degree is below the standard; a master is above', () => {
    const degree = (d: 'college' | 'master') => checkReceptionConditions({ insuranceMonths: 80, degree: d, degreeField: 'accounting' }, post, 5).find((c) => c.code === 'degree')!.met;
    expect(degree('college')).toBe(false);
    expect(degree('master')).toBe(true);
  });
  test("the degree's field must be the post's; a post of no field takes any", () => {
    expect(checkReceptionConditions({ insuranceMonths: 80, degree: 'university', degreeField: 'land' }, post, 5).find((c) => c.code === 'field')!.met).toBe(false);
    expect(checkReceptionConditions({ insuranceMonths: 80, degree: 'university', degreeField: null }, { field: null }, 5).find((c) => c.code === 'field')!.met).toBe(true);
  });
  test('a condition not met is refused beside its evidence, unless the exception is recorded', () => {
    const checks = checkReceptionConditions({ insuranceMonths: 30, degree: 'college', degreeField: 'accounting' }, post, 5);
    expect(checkProposalConditions(checks, null)).toEqual([
      { field: 'insuranceMonths', error: 'reception.errors.insuranceShort' },
      { field: 'degree', error: 'reception.errors.degreeBelow' },
    ]);
    expect(checkProposalConditions(checks, '   ')).toHaveLength(2);
    expect(checkProposalConditions(checks, 'Xã đặc biệt khó khăn, không có người khác')).toEqual([]);
  });
});

describe('the machine', () => {
  const cases: [ReceptionAction, ReceptionState | null, boolean][] = [
    ['propose', null, true], ['propose', 'proposed', false],
    ['appraise', 'proposed', true], ['appraise', 'appraised', false], ['appraise', 'decided', false],
    ['refuse', 'proposed', true], ['refuse', 'appraised', true], ['refuse', 'decided', false], ['refuse', 'withdrawn', false],
    ['decide', 'appraised', true], ['decide', 'proposed', false], ['decide', 'refused', false],
    ['withdraw', 'proposed', true], ['withdraw', 'appraised', true], ['withdraw', 'decided', false], ['withdraw', 'refused', false],
  ];
  test.each(cases)('%s from %s: %s', (action, state, open) => expect(mayTakeReceptionAction(action, state, everyone)).toBe(open));

  test('each step names its permission', () => {
    expect(mayTakeReceptionAction('propose', null, only('reception.propose'))).toBe(true);
    expect(mayTakeReceptionAction('withdraw', 'proposed', only('reception.propose'))).toBe(false);
    expect(mayTakeReceptionAction('appraise', 'proposed', only('reception.decide'))).toBe(false);
    expect(mayTakeReceptionAction('decide', 'appraised', only('reception.decide'))).toBe(true);
    expect(checkReceptionTransition('refuse', 'proposed', only('reception.propose'), { reason: 'x' })).toEqual({ ok: false, error: 'reception.errors.forbidden' });
  });

  test('open states hold the person', () => {
    expect(RECEPTION_STATES.filter((s) => isOpenReception(s))).toEqual(['proposed', 'appraised']);
  });

  test('appraisal: the council result is required, a failed council is a refusal, unmet conditions need the exception', () => {
    expect(checkReceptionTransition('appraise', 'proposed', everyone, {})).toMatchObject({ ok: false, error: 'reception.errors.councilRequired' });
    expect(checkReceptionTransition('appraise', 'proposed', everyone, { councilResult: 'failed', conditionsMet: true })).toMatchObject({ ok: false, error: 'reception.errors.councilFailed' });
    expect(checkReceptionTransition('appraise', 'proposed', everyone, { councilResult: 'passed', conditionsMet: false })).toMatchObject({ ok: false, error: 'reception.errors.conditionsNotMet' });
    expect(checkReceptionTransition('appraise', 'proposed', everyone, { councilResult: 'passed', conditionsMet: false, exceptionReason: 'lý do' })).toEqual({ ok: true, to: 'appraised' });
  });

  test('refusal needs a reason', () => {
    expect(checkReceptionTransition('refuse', 'appraised', everyone, { reason: ' ' })).toMatchObject({ ok: false, error: 'reception.errors.reasonRequired', field: 'reason' });
    expect(checkReceptionTransition('refuse', 'appraised', everyone, { reason: 'Chưa đủ 5 năm' })).toEqual({ ok: true, to: 'refused' });
  });

  test('decision: not in the future, not before the proposal, at most a year ahead', () => {
    const base = { today: '2025-11-10', proposedOn: '2025-10-06', effectiveDate: '2025-12-01' };
    expect(checkReceptionTransition('decide', 'appraised', everyone, { ...base, decisionDate: '2025-11-11' })).toMatchObject({ error: 'reception.errors.decisionDateFuture' });
    expect(checkReceptionTransition('decide', 'appraised', everyone, { ...base, decisionDate: '2025-10-05' })).toMatchObject({ error: 'reception.errors.decisionBeforeProposal' });
    expect(checkReceptionTransition('decide', 'appraised', everyone, { ...base, decisionDate: '2025-10-06' })).toEqual({ ok: true, to: 'decided' });
    expect(checkReceptionTransition('decide', 'appraised', everyone, { ...base, decisionDate: '2025-11-03', effectiveDate: '2026-11-12' })).toMatchObject({ error: 'reception.errors.tooFarAhead' });
  });

  test('a reception post is of a commune block and not elected', () => {
    expect(isReceptionPost({ block: 'government', isElected: false })).toBe(true);
    expect(isReceptionPost({ block: null, isElected: false })).toBe(false);
    expect(isReceptionPost({ block: 'party_front', isElected: true })).toBe(false);
  });
});

describe('the recruitment plan', () => {
  test('unused quota = quota − headcount − reserved, never negative', () => {
    expect(unusedQuota({ quota: 37, headcount: 24, reserved: 3 })).toBe(10);
    expect(unusedQuota({ quota: 20, headcount: 27, reserved: 0 })).toBe(0);
  });
  test('a target fits up to the unused quota, and is refused one above with the figure', () => {
    expect(checkTargetWithinQuota({ quota: 37, headcount: 24, reserved: 3 }, 10)).toEqual({ ok: true });
    expect(checkTargetWithinQuota({ quota: 37, headcount: 24, reserved: 3 }, 11)).toEqual({ ok: false, error: 'recruitment.errors.overUnusedQuota', unused: 10 });
  });
  test('the planned date is in the plan year', () => {
    expect(isInPlanYear('2026-06-01', 2026)).toBe(true);
    expect(isInPlanYear('2025-12-31', 2026)).toBe(false);
  });
  test('progress is capped at the count and summed over the plan', () => {
    expect(targetProgress(2, 3)).toEqual({ count: 2, filled: 2, remaining: 0, done: true });
    expect(planProgress([targetProgress(2, 1), targetProgress(3, 3)])).toEqual({ count: 5, filled: 4, remaining: 1, targets: 2, done: 1 });
  });
});

describe('the step a proposal awaits (what its page says is next)', () => {
  test('appraisal while proposed, the decision once appraised, nothing once closed', () => {
    expect(Object.fromEntries(RECEPTION_STATES.map((state) => [state, awaitedStep(state)]))).toEqual({
      proposed: 'appraise', appraised: 'decide', decided: null, refused: null, withdrawn: null,
    });
  });
});
