// Decisions and effective dates (docs/decisions/023-decisions-and-effective-dates.md). Every personnel change
// records the decision behind it (number, date, issuing body) and its effective date: the first day the new
// state holds. Pure rules: `today` is passed in; dates are ISO strings (YYYY-MM-DD).

/**
 * A decision number as written on the paper: digits, then the document's sign after "/" or "-", e.g.
 * "125/QĐ-UBND", "45-QĐ/ĐU", "599-KL/TU", "12/2026/QĐ-UBND". Letters of any script, digits, "/", "-" and "."; no spaces.
 */
export function isDecisionNumber(value: string): boolean {
  const text = value.normalize('NFC').trim();
  return text.length <= 50 && /^\d+[\p{L}\d]*(?:[/.-][\p{L}\p{M}\d]+)+$/u.test(text);
}

/** The first day of the month of an ISO date. */
export const startOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

/**
 * The date of a decision or a Conclusion: it exists on paper, so never after `today`; and it decides something
 * already before it (a transfer proposal, a phase of the 5% campaign), so never before the day that was opened
 * (`openedOn`, when given). 'inFuture' or 'beforeOpening', or null when the date may stand.
 */
export function decisionDateProblem(date: string, bounds: { today: string; openedOn?: string | null }): 'inFuture' | 'beforeOpening' | null {
  if (date > bounds.today) return 'inFuture';
  if (bounds.openedOn && date < bounds.openedOn) return 'beforeOpening';
  return null;
}

export type DecisionProblem =
  | { field: 'decisionDate'; error: 'decisions.errors.dateInFuture' }
  | { field: 'effectiveDate'; error: 'decisions.errors.beforeDecision' }
  | { field: 'backdatedReason'; error: 'decisions.errors.backdatedReasonRequired' };

/**
 * The dates of a change and its decision:
 * - a decision is never dated in the future (it exists on paper);
 * - the change may take effect in the future (an appointment decided in advance), or in the past only back to the
 *   first day of the current month unless the user gives the reason for entering it late ("điều chỉnh hồi tố");
 * - it does not take effect before the decision that makes it, except with that reason too (a retroactive decision).
 * Returns the problems (empty when none) and whether the change is backdated.
 */
export function checkDecisionDates(input: { decisionDate: string; effectiveDate: string; today: string; backdatedReason: string | null }): {
  problems: DecisionProblem[];
  backdated: boolean;
} {
  const problems: DecisionProblem[] = [];
  if (decisionDateProblem(input.decisionDate, { today: input.today }) === 'inFuture') problems.push({ field: 'decisionDate', error: 'decisions.errors.dateInFuture' });
  const backdated = input.effectiveDate < startOfMonth(input.today);
  const reasoned = (input.backdatedReason ?? '').trim().length > 0;
  if (backdated && !reasoned) problems.push({ field: 'backdatedReason', error: 'decisions.errors.backdatedReasonRequired' });
  if (input.effectiveDate < input.decisionDate && !reasoned) problems.push({ field: 'effectiveDate', error: 'decisions.errors.beforeDecision' });
  return { problems, backdated };
}

/** Is a change effective after `today` (scheduled: shown "từ dd/MM/yyyy" until then)? */
export const isScheduled = (effectiveDate: string, today: string) => effectiveDate > today;
