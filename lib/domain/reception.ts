// Reception into the commune civil service (tiếp nhận vào công chức cấp xã; Decree 170/2025/NĐ-CP,
// docs/decisions/043-reception-and-recruitment.md): the state machine and the conditions. Pure: no I/O, no clock (`today` is passed
// in). Who may take a step is a policy action (lib/auth/policy.ts); scope (a chairman acts on his commune's
// proposals) is the caller's to check with `can`.
//
//   proposed ──appraise──▶ appraised ──decide──▶ decided
//      │   ╲                   │ ╲
//      │    ╰──refuse──▶ refused ◀──refuse──╯ ╲
//      ╰──withdraw──▶ withdrawn ◀──withdraw────╯
//
// The decision (the Provincial People's Committee's, recorded by Home Affairs) writes the person's civil-servant post
// from its effective date; "in post" is then a reading of the date, as for a transfer (docs/domain.md, Derived states).

import type { Action } from '@/lib/auth/policy';
import { decisionDateProblem } from './decisions';
import { tooFarAhead } from './roster';

export const RECEPTION_STATES = ['proposed', 'appraised', 'decided', 'refused', 'withdrawn'] as const;
export type ReceptionState = (typeof RECEPTION_STATES)[number];

/** An open proposal holds its person: no second proposal for him (index reception_one_open_per_person). */
export const OPEN_RECEPTION_STATES = ['proposed', 'appraised'] as const satisfies readonly ReceptionState[];
export const isOpenReception = (state: ReceptionState) => (OPEN_RECEPTION_STATES as readonly string[]).includes(state);

export const RECEPTION_ACTIONS = ['propose', 'appraise', 'refuse', 'decide', 'withdraw'] as const;
export type ReceptionAction = (typeof RECEPTION_ACTIONS)[number];

type Transition = { from: readonly (ReceptionState | null)[]; to: ReceptionState; permission: Action };

export const RECEPTION_TRANSITIONS: Record<ReceptionAction, Transition> = {
  propose: { from: [null], to: 'proposed', permission: 'reception.propose' },
  appraise: { from: ['proposed'], to: 'appraised', permission: 'reception.appraise' },
  refuse: { from: ['proposed', 'appraised'], to: 'refused', permission: 'reception.appraise' },
  decide: { from: ['appraised'], to: 'decided', permission: 'reception.decide' },
  withdraw: { from: ['proposed', 'appraised'], to: 'withdrawn', permission: 'reception.withdraw' },
};

/** Whether the step is open to the user now (role, scope and state), before any input: which forms a page shows. */
export function mayTakeReceptionAction(action: ReceptionAction, state: ReceptionState | null, allowed: (permission: Action) => boolean): boolean {
  const transition = RECEPTION_TRANSITIONS[action];
  return allowed(transition.permission) && transition.from.includes(state);
}

/** The step an open proposal awaits (Home Affairs' appraisal, then the decision); null once it is closed. */
export function awaitedStep(state: ReceptionState): 'appraise' | 'decide' | null {
  if (RECEPTION_TRANSITIONS.appraise.from.includes(state)) return 'appraise';
  if (RECEPTION_TRANSITIONS.decide.from.includes(state)) return 'decide';
  return null;
}

// ---- The conditions (Decree 170/2025/NĐ-CP Art. 13, from public summaries; decision 043) ----------------------------

export const DEGREES = ['intermediate', 'college', 'university', 'master', 'doctorate'] as const;
export type Degree = (typeof DEGREES)[number];

/** A commune civil servant holds a university degree or higher (the standard of the civil-servant ranks). */
export const MIN_DEGREE: Degree = 'university';

export type ConditionCode = 'insurance' | 'degree' | 'field';

export type ReceptionEvidence = {
  /** Months of compulsory social insurance in comparable work, probation excluded. */
  insuranceMonths: number;
  degree: Degree | null;
  degreeField: string | null;
};

export type ConditionCheck = { code: ConditionCode; met: boolean };

/**
 * Each condition of a reception, checked against the evidence: at least `minInsuranceYears` × 12 months of
 * insurance (the setting reception.minInsuranceYears in force), a degree at least MIN_DEGREE, and the degree's field
 * matching the post's (a post of no field takes any).
 */
export function checkReceptionConditions(evidence: ReceptionEvidence, post: { field: string | null }, minInsuranceYears: number): ConditionCheck[] {
  const degreeRank = evidence.degree === null ? -1 : DEGREES.indexOf(evidence.degree);
  return [
    { code: 'insurance', met: evidence.insuranceMonths >= minInsuranceYears * 12 },
    { code: 'degree', met: degreeRank >= DEGREES.indexOf(MIN_DEGREE) },
    { code: 'field', met: post.field === null || (evidence.degreeField !== null && evidence.degreeField === post.field) },
  ];
}

/** The form field each condition's evidence is entered in. */
export const CONDITION_FIELDS: Record<ConditionCode, 'insuranceMonths' | 'degree' | 'degreeField'> = {
  insurance: 'insuranceMonths',
  degree: 'degree',
  field: 'degreeField',
};

export type ReceptionError =
  | 'reception.errors.forbidden'
  | 'reception.errors.wrongState'
  | 'reception.errors.insuranceShort'
  | 'reception.errors.degreeBelow'
  | 'reception.errors.fieldMismatch'
  | 'reception.errors.councilRequired'
  | 'reception.errors.councilFailed'
  | 'reception.errors.conditionsNotMet'
  | 'reception.errors.reasonRequired'
  | 'reception.errors.decisionDateFuture'
  | 'reception.errors.decisionBeforeProposal'
  | 'reception.errors.tooFarAhead';

export const CONDITION_ERRORS: Record<ConditionCode, ReceptionError> = {
  insurance: 'reception.errors.insuranceShort',
  degree: 'reception.errors.degreeBelow',
  field: 'reception.errors.fieldMismatch',
};

const blank = (value: string | null | undefined) => value === undefined || value === null || value.trim() === '';

/**
 * A proposal's conditions: every condition not met needs the recorded exception reason, else it is refused beside
 * its evidence field with the rule it breaks. Returns the problems (empty: the proposal may go on).
 */
export function checkProposalConditions(checks: readonly ConditionCheck[], exceptionReason: string | null): { field: string; error: ReceptionError }[] {
  if (!blank(exceptionReason)) return [];
  return checks.filter((c) => !c.met).map((c) => ({ field: CONDITION_FIELDS[c.code], error: CONDITION_ERRORS[c.code] }));
}

export type ReceptionTransitionInput = {
  /** refuse: the reason. */
  reason?: string | null;
  /** appraise: the testing council's result; and Home Affairs' findings on each condition. */
  councilResult?: 'passed' | 'failed' | null;
  conditionsMet?: boolean;
  /** The proposal's recorded exception, which lets an unmet condition pass. */
  exceptionReason?: string | null;
  /** decide: the decision's date, the effective date, the day of the proposal, today. */
  decisionDate?: string | null;
  effectiveDate?: string | null;
  proposedOn?: string | null;
  today?: string;
};

export type ReceptionTransitionResult = { ok: true; to: ReceptionState } | { ok: false; error: ReceptionError; field?: string };

/**
 * Whether `allowed(permission)` (the role's policy, bound by the caller to the proposal's commune) lets the proposal
 * move by `action` from `state` (null: it does not exist yet), and what the move requires:
 * - appraise: the council's result, which must be a pass (a council that fails is a refusal), and each condition
 *   met or excepted;
 * - refuse: a reason;
 * - decide: the decision dated neither in the future nor before the proposal, the effective date at most a year
 *   ahead (an effective date before the decision, or before this month, needs the reason: lib/domain/decisions.ts).
 */
export function checkReceptionTransition(
  action: ReceptionAction,
  state: ReceptionState | null,
  allowed: (permission: Action) => boolean,
  input: ReceptionTransitionInput = {},
): ReceptionTransitionResult {
  const transition = RECEPTION_TRANSITIONS[action];
  if (!allowed(transition.permission)) return { ok: false, error: 'reception.errors.forbidden' };
  if (!transition.from.includes(state)) return { ok: false, error: 'reception.errors.wrongState' };
  switch (action) {
    case 'appraise':
      if (input.councilResult !== 'passed' && input.councilResult !== 'failed') return { ok: false, error: 'reception.errors.councilRequired', field: 'councilResult' };
      if (input.councilResult === 'failed') return { ok: false, error: 'reception.errors.councilFailed', field: 'councilResult' };
      if (input.conditionsMet === false && blank(input.exceptionReason)) return { ok: false, error: 'reception.errors.conditionsNotMet', field: 'insuranceMet' };
      break;
    case 'refuse':
      if (blank(input.reason)) return { ok: false, error: 'reception.errors.reasonRequired', field: 'reason' };
      break;
    case 'decide':
      if (input.today && input.decisionDate) {
        const problem = decisionDateProblem(input.decisionDate, { today: input.today, openedOn: input.proposedOn });
        if (problem === 'inFuture') return { ok: false, error: 'reception.errors.decisionDateFuture', field: 'decisionDate' };
        if (problem === 'beforeOpening') return { ok: false, error: 'reception.errors.decisionBeforeProposal', field: 'decisionDate' };
      }
      if (input.effectiveDate && input.today && tooFarAhead(input.effectiveDate, input.today)) return { ok: false, error: 'reception.errors.tooFarAhead', field: 'effectiveDate' };
      break;
    default:
      break;
  }
  return { ok: true, to: transition.to };
}

/** The post a person may be received into: a post of a commune block (party_front or government) that is not elected. */
export function isReceptionPost(post: { block: string | null; isElected: boolean }): boolean {
  return post.block !== null && !post.isElected;
}
