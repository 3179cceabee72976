// The 5% secondment lists (decision 011; docs/domain.md, The 5% secondment lists): two state machines, the
// minimum list size, the warnings shown per candidate and the overdue rule. Pure: no I/O, no clock (`today`
// is passed in). Who may take a transition is a policy action (lib/auth/policy.ts), so the one policy table
// stays the only list of roles; scope (a department officer acts on her own department's list) is the
// caller's to check with `can`.

import type { Action } from '@/lib/auth/policy';
import { decisionDateProblem } from './decisions';
import { countsAsStaff } from './employment';
import { retirementDate } from './retirement';

// ---- States -------------------------------------------------------------------------------------------

/** A department's list for one phase: draft → submitted → (returned → submitted)* → forwarded → decided. */
export const LIST_STATES = ['draft', 'submitted', 'returned', 'forwarded', 'decided'] as const;
export type ListState = (typeof LIST_STATES)[number];

/** A candidate: proposed → meets | does_not_meet → forwarded → approved | declined → placed → ended. */
export const CANDIDATE_STATES = ['proposed', 'meets', 'does_not_meet', 'forwarded', 'approved', 'declined', 'placed', 'ended'] as const;
export type CandidateState = (typeof CANDIDATE_STATES)[number];

/** The kind of post proposed for a candidate. */
export const POST_KINDS = ['secondment', 'assignment', 'reinforcement'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** A list the department may still change (add, edit or remove candidates). */
export const isEditableList = (state: ListState) => state === 'draft' || state === 'returned';

// ---- List transitions ---------------------------------------------------------------------------------

export const LIST_ACTIONS = ['submit', 'return', 'forward'] as const;
export type ListAction = (typeof LIST_ACTIONS)[number];

type ListTransition = { from: readonly ListState[]; to: ListState; permission: Action };

/**
 * The list's transitions. "decided" is reached by no action of its own: the list becomes decided when the
 * Standing Committee has approved or declined every candidate forwarded (see `listAfterDecisions`).
 */
export const LIST_TRANSITIONS: Record<ListAction, ListTransition> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', permission: 'secondment.propose' },
  return: { from: ['submitted'], to: 'returned', permission: 'secondment.review' },
  forward: { from: ['submitted'], to: 'forwarded', permission: 'secondment.review' },
};

/** What a list transition needs to know besides the state and the role. */
export type ListTransitionInput = {
  /** Candidates on the list, with their states. */
  candidates: readonly CandidateState[];
  /** submit: the justification typed (blank when none). */
  justification?: string | null;
  /** submit: whether the department's count including this list is below its 5% minimum. */
  belowMinimum?: boolean;
  /** return: the comment to the department. */
  comment?: string | null;
};

export type TransitionError =
  | 'secondment.errors.forbidden'
  | 'secondment.errors.wrongState'
  | 'secondment.errors.emptyList'
  | 'secondment.errors.justificationRequired'
  | 'secondment.errors.commentRequired'
  | 'secondment.errors.notAllAssessed'
  | 'secondment.errors.noneMeets'
  | 'secondment.errors.reasonRequired'
  | 'secondment.errors.conclusionRequired'
  | 'secondment.errors.conclusionDateFuture'
  | 'secondment.errors.conclusionBeforePhase'
  | 'secondment.errors.placementRequired'
  | 'secondment.errors.endBeforeStart'
  | 'secondment.errors.endDateRequired'
  | 'secondment.errors.earlyEndReasonRequired'
  | 'secondment.errors.startBeforeConclusion'
  | 'secondment.errors.endOutsideRange';

export type TransitionResult<S> = { ok: true; to: S } | { ok: false; error: TransitionError };

const blank = (value: string | null | undefined) => value === undefined || value === null || value.trim() === '';

/**
 * Whether `allowed(permission)` (the role's policy, bound by the caller) lets the list move by `action`
 * from `state`, and what the move requires: a submitted list is never empty and, below the minimum, carries
 * a justification; a return carries a comment; a forward needs every candidate assessed and one who meets.
 */
export function checkListTransition(
  action: ListAction,
  state: ListState,
  allowed: (permission: Action) => boolean,
  input: ListTransitionInput,
): TransitionResult<ListState> {
  const transition = LIST_TRANSITIONS[action];
  if (!allowed(transition.permission)) return { ok: false, error: 'secondment.errors.forbidden' };
  if (!transition.from.includes(state)) return { ok: false, error: 'secondment.errors.wrongState' };
  switch (action) {
    case 'submit':
      if (input.candidates.length === 0) return { ok: false, error: 'secondment.errors.emptyList' };
      if (input.belowMinimum && blank(input.justification)) return { ok: false, error: 'secondment.errors.justificationRequired' };
      break;
    case 'return':
      if (blank(input.comment)) return { ok: false, error: 'secondment.errors.commentRequired' };
      break;
    case 'forward':
      if (input.candidates.length === 0) return { ok: false, error: 'secondment.errors.emptyList' };
      if (input.candidates.some((c) => c === 'proposed')) return { ok: false, error: 'secondment.errors.notAllAssessed' };
      if (!input.candidates.includes('meets')) return { ok: false, error: 'secondment.errors.noneMeets' };
      break;
  }
  return { ok: true, to: transition.to };
}

/** Whether the list step is open to the user now (role, scope and state), before any input: which forms a page shows. */
export function mayTakeListAction(action: ListAction, state: ListState, allowed: (permission: Action) => boolean): boolean {
  const transition = LIST_TRANSITIONS[action];
  return allowed(transition.permission) && transition.from.includes(state);
}

/** Whether the department may change the list's candidates now (add or remove one): its own list, still editable. */
export const mayEditList = (state: ListState, allowed: (permission: Action) => boolean) => allowed('secondment.propose') && isEditableList(state);

/** A forwarded list is decided once none of its candidates awaits the Standing Committee. */
export function listAfterDecisions(state: ListState, candidates: readonly CandidateState[]): ListState {
  return state === 'forwarded' && !candidates.includes('forwarded') ? 'decided' : state;
}

/** What forwarding a list does to each candidate: those who meet the standards go forward; the rest stay. */
export const candidateOnForward = (state: CandidateState): CandidateState => (state === 'meets' ? 'forwarded' : state);

// ---- Candidate transitions ----------------------------------------------------------------------------

export const CANDIDATE_ACTIONS = ['assess_meets', 'assess_not_meets', 'approve', 'decline', 'place', 'end'] as const;
export type CandidateAction = (typeof CANDIDATE_ACTIONS)[number];

type CandidateTransition = { from: readonly CandidateState[]; listStates: readonly ListState[]; to: CandidateState; permission: Action };

/**
 * The candidate's own transitions, each allowed only while its list is in `listStates`. An assessment may be
 * changed until the list is forwarded (the Organizing Committee may reconsider after a resubmission).
 */
export const CANDIDATE_TRANSITIONS: Record<CandidateAction, CandidateTransition> = {
  assess_meets: { from: ['proposed', 'meets', 'does_not_meet'], listStates: ['submitted'], to: 'meets', permission: 'secondment.review' },
  assess_not_meets: { from: ['proposed', 'meets', 'does_not_meet'], listStates: ['submitted'], to: 'does_not_meet', permission: 'secondment.review' },
  approve: { from: ['forwarded'], listStates: ['forwarded'], to: 'approved', permission: 'secondment.decide' },
  decline: { from: ['forwarded'], listStates: ['forwarded'], to: 'declined', permission: 'secondment.decide' },
  place: { from: ['approved'], listStates: ['forwarded', 'decided'], to: 'placed', permission: 'secondment.place' },
  end: { from: ['placed'], listStates: ['forwarded', 'decided'], to: 'ended', permission: 'secondment.place' },
};

export type CandidateTransitionInput = {
  /** assess_not_meets and decline: the reason. */
  reason?: string | null;
  /**
   * approve: the Conclusion's number (e.g. 599-KL/TU) and date; with `today`, the date is checked too (never in the
   * future, never before `phaseOpenedOn`, the day the list's phase was opened).
   */
  conclusionNumber?: string | null;
  conclusionDate?: string | null;
  today?: string;
  phaseOpenedOn?: string | null;
  /** place: the commune, position and dates of the secondment. */
  placement?: { communeId: number | null; positionId: number | null; startDate: string | null; endDate: string | null; conclusionDate?: string | null };
  /** end: the day the secondment ends, its start and planned end dates, and the reason when it ends early. */
  ending?: { date: string | null; startDate?: string; plannedEnd: string; reason: string | null };
};

export function checkCandidateTransition(
  action: CandidateAction,
  state: CandidateState,
  listState: ListState,
  allowed: (permission: Action) => boolean,
  input: CandidateTransitionInput = {},
): TransitionResult<CandidateState> {
  const transition = CANDIDATE_TRANSITIONS[action];
  if (!allowed(transition.permission)) return { ok: false, error: 'secondment.errors.forbidden' };
  if (!transition.from.includes(state) || !transition.listStates.includes(listState)) return { ok: false, error: 'secondment.errors.wrongState' };
  switch (action) {
    case 'assess_not_meets':
    case 'decline':
      if (blank(input.reason)) return { ok: false, error: 'secondment.errors.reasonRequired' };
      break;
    case 'approve':
      if (blank(input.conclusionNumber) || blank(input.conclusionDate)) return { ok: false, error: 'secondment.errors.conclusionRequired' };
      if (input.today) {
        const problem = decisionDateProblem(input.conclusionDate!, { today: input.today, openedOn: input.phaseOpenedOn });
        if (problem === 'inFuture') return { ok: false, error: 'secondment.errors.conclusionDateFuture' };
        if (problem === 'beforeOpening') return { ok: false, error: 'secondment.errors.conclusionBeforePhase' };
      }
      break;
    case 'place': {
      const p = input.placement;
      if (!p || p.communeId === null || p.positionId === null || blank(p.startDate) || blank(p.endDate)) {
        return { ok: false, error: 'secondment.errors.placementRequired' };
      }
      if (p.endDate! <= p.startDate!) return { ok: false, error: 'secondment.errors.endBeforeStart' };
      // A secondment cannot start before the Conclusion that approved it.
      if (p.conclusionDate && p.startDate! < p.conclusionDate) return { ok: false, error: 'secondment.errors.startBeforeConclusion' };
      break;
    }
    case 'end': {
      const e = input.ending;
      if (!e || blank(e.date)) return { ok: false, error: 'secondment.errors.endDateRequired' };
      if (e.date! < e.plannedEnd && blank(e.reason)) return { ok: false, error: 'secondment.errors.earlyEndReasonRequired' };
      if (e.date! > e.plannedEnd || (e.startDate !== undefined && e.date! < e.startDate)) return { ok: false, error: 'secondment.errors.endOutsideRange' };
      break;
    }
  }
  return { ok: true, to: transition.to };
}

/** Whether the candidate step is open to the user now (role, scope, the candidate's and the list's states), before any input. */
export function mayTakeCandidateAction(
  action: CandidateAction,
  state: CandidateState,
  listState: ListState,
  allowed: (permission: Action) => boolean,
): boolean {
  const transition = CANDIDATE_TRANSITIONS[action];
  return allowed(transition.permission) && transition.from.includes(state) && transition.listStates.includes(listState);
}

/** How the Organizing Committee assessed a candidate: not yet (proposed), or whether he met the standards. */
export type Assessment = 'notAssessed' | 'meets' | 'doesNotMeet';

export function assessmentOf(state: CandidateState): Assessment {
  if (state === 'proposed') return 'notAssessed';
  return state === 'does_not_meet' ? 'doesNotMeet' : 'meets';
}

/** The Standing Committee declined the candidate (the decision column says so; an approval shows its Conclusion). */
export const isDeclinedCandidate = (state: CandidateState) => state === 'declined';

/**
 * Whether a candidate row still holds its cadre ("never in two open lists": the database refuses a second such row
 * per cadre). A candidate who did not meet the standards is released once the list moves on; one declined, placed
 * (the secondment record takes over) or ended is released at once. Derived, never stored: the database's
 * `secondment_candidate_holds(state, list_state)` is the same rule (migration 20261207000300_derived_states),
 * checked against this function by tests/integration/derived-states-sql.test.ts.
 */
export function holdsCadre(state: CandidateState, listState: ListState): boolean {
  switch (state) {
    case 'proposed':
    case 'meets':
    case 'forwarded':
    case 'approved':
      return true;
    case 'does_not_meet':
      return listState !== 'forwarded' && listState !== 'decided';
    default:
      return false;
  }
}

// ---- Figures ------------------------------------------------------------------------------------------

/** The 5% minimum of a department's allocated civil-servant quota, rounded up, in integer arithmetic. */
export function minimumListSize(quota: number): number {
  if (!Number.isInteger(quota) || quota < 0) throw new RangeError(`quota must be a non-negative integer, got ${quota}`);
  return Math.floor((quota * 5 + 99) / 100);
}

/** States from which a list counts towards its department's 5% (submitted or later). */
export const COUNTING_LIST_STATES: readonly ListState[] = ['submitted', 'returned', 'forwarded', 'decided'];

export type ListedRow = { cadreId: number | string; employmentType: string; listState: ListState; listId?: number };

/**
 * A department's count toward its 5% minimum for the year: the distinct cadres and civil servants on its lists that
 * were submitted (or went further). Public employees may be listed, with a warning, but do not count. `returned`
 * counts: the list was submitted once and is being revised, not withdrawn. With `includingListId`, the count if
 * that list were submitted too (what its submission is judged on). A person on two lists counts once.
 * lib/db/secondment-counting.ts is the same count in SQL (checked against this by derived-states-sql.test.ts).
 */
export function countListed(rows: readonly ListedRow[], includingListId?: number): number {
  const counted = new Set<number | string>();
  for (const row of rows) {
    const submitted = COUNTING_LIST_STATES.includes(row.listState) || (includingListId !== undefined && row.listId === includingListId);
    if (submitted && countsAsStaff(row.employmentType)) counted.add(row.cadreId);
  }
  return counted.size;
}

/** A submission needs a justification when the count including this list stays below the minimum. */
export const needsJustification = (countIncludingThisList: number, minimum: number) => countIncludingThisList < minimum;

/** Overdue: not yet submitted (draft or returned) after the due date. Never a state, only a flag. */
export const isOverdue = (state: ListState, dueDate: string, today: string) => isEditableList(state) && today > dueDate;

/** The figures of the 5% compilation, per department or in total. */
export type CompilationFigures = { quota: number; required: number; listed: number; meets: number; approved: number; placed: number };

/**
 * One department's line of the compilation (the page's table, the report's Table 7): its figures, whether it is below
 * the minimum, and the quota year behind `quota` and `required` (the department's latest confirmed year not after the
 * campaign's; null when it has none; absent on a total, which no one year stands behind).
 */
export type CompilationLine = CompilationFigures & { name: string; quotaYear?: number | null; belowMinimum: boolean };

/** What a department still owes toward its minimum: 0 once it has listed enough (a surplus is not negative). */
export const shortfall = (figures: Pick<CompilationFigures, 'required' | 'listed'>) => Math.max(0, figures.required - figures.listed);

/** Below the 5% minimum: the justification rule, applied to a department's figures. */
export const isBelowMinimum = (figures: Pick<CompilationFigures, 'required' | 'listed'>) => needsJustification(figures.listed, figures.required);

/**
 * The 5% totals (the compilation's total row, the report's Table 7 and its sentences, the dashboard's headline, the
 * exports): each figure summed over the departments; the shortfall is what the departments below their minimum
 * still owe, so a surplus elsewhere never makes up for it, and the total is below the minimum when any department is.
 */
export function compilationTotal(
  rows: readonly (Omit<CompilationFigures, 'quota'> & { quota?: number })[],
): CompilationFigures & { belowMinimum: boolean; departmentsBelow: number; shortfall: number } {
  const total = { quota: 0, required: 0, listed: 0, meets: 0, approved: 0, placed: 0, belowMinimum: false, departmentsBelow: 0, shortfall: 0 };
  for (const r of rows) {
    total.quota += r.quota ?? 0;
    total.required += r.required;
    total.listed += r.listed;
    total.meets += r.meets;
    total.approved += r.approved;
    total.placed += r.placed;
    if (isBelowMinimum(r)) total.departmentsBelow += 1;
    total.shortfall += shortfall(r);
  }
  total.belowMinimum = total.departmentsBelow > 0;
  return total;
}

/** A phase as shown: open up to its due date, closed after it (a list submitted later is flagged late, not refused). */
export const PHASE_STATES = ['open', 'closed'] as const;
export type PhaseState = (typeof PHASE_STATES)[number];

export const phaseState = (dueDate: string, today: string): PhaseState => (today > dueDate ? 'closed' : 'open');

/** Submitted after the due date (a flag on the submission). */
export const isSubmittedLate = (submittedOn: string, dueDate: string) => submittedOn > dueDate;

// ---- Warnings per candidate ---------------------------------------------------------------------------

export const DEFAULT_TERM_MONTHS = 36;
export const RECENT_APPOINTMENT_MONTHS = 12;

export type CandidateWarning = 'retiresWithinTerm' | 'notCadreOrCivilServant' | 'recentlyAppointed';

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  // The same day of the month, or the month's last day when it has fewer days (31/01 + 1 month = 28/02).
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The warnings a department officer and the reviewers see beside a candidate (none of them blocks). */
export function candidateWarnings(person: {
  birthDate: string;
  gender: 'male' | 'female';
  employmentType: string;
  /** Start of the person's current primary post. */
  currentPostSince: string | null;
  today: string;
  termMonths?: number;
}): CandidateWarning[] {
  const warnings: CandidateWarning[] = [];
  const termEnd = addMonths(person.today, person.termMonths ?? DEFAULT_TERM_MONTHS);
  // Decree 135/2020: the retirement date is the last day of the month the age is reached (lib/domain/retirement.ts).
  if (retirementDate(person.birthDate, person.gender) <= termEnd) warnings.push('retiresWithinTerm');
  if (!countsAsStaff(person.employmentType)) warnings.push('notCadreOrCivilServant');
  if (person.currentPostSince !== null && addMonths(person.currentPostSince, RECENT_APPOINTMENT_MONTHS) > person.today) warnings.push('recentlyAppointed');
  return warnings;
}

export { addMonths as addMonthsToDate };
