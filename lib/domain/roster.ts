// Pure rules for roster changes (no I/O, no clock: `today` is passed in). Dates are ISO strings YYYY-MM-DD,
// which compare correctly as strings.

import { checkWorkingAge } from './people';
import { pensionStart, retirementDate } from './retirement';

export type BlockFigure = { quota: number; headcount: number };

/** How far ahead a change may be scheduled: a decision takes effect within the year it is made. */
export const MAX_DAYS_AHEAD = 366;

/** Is `date` more than MAX_DAYS_AHEAD days after `today`? */
export function tooFarAhead(date: string, today: string): boolean {
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + MAX_DAYS_AHEAD);
  return date > limit.toISOString().slice(0, 10);
}

/**
 * Domain rule 6: a new recruitment must not take the block's headcount past its quota. `adding` people
 * would join the block; a block without a quota row counts as quota 0 (so recruitment there is refused).
 */
export function checkRecruitmentWithinQuota(block: BlockFigure, adding = 1): { ok: true } | { ok: false; error: 'roster.errors.overQuota' } {
  return block.headcount + adding <= block.quota ? { ok: true } : { ok: false, error: 'roster.errors.overQuota' };
}

/** A departure date: not after today, not before the start of any assignment it closes. */
export function checkDepartureDate(date: string, today: string, latestStart: string | null): null | 'roster.errors.tooFarAhead' | 'roster.errors.dateBeforeStart' {
  if (tooFarAhead(date, today)) return 'roster.errors.tooFarAhead';
  if (latestStart !== null && date < latestStart) return 'roster.errors.dateBeforeStart';
  return null;
}

/** A recruit's start date: not after today, and he is at least 18 on that day. */
export function checkRecruitmentDates(
  birthDate: string,
  startDate: string,
  today: string,
  gender: 'male' | 'female',
): { field: 'startDate' | 'birthDate'; error: string } | null {
  if (tooFarAhead(startDate, today)) return { field: 'startDate', error: 'roster.errors.tooFarAhead' };
  const age = checkWorkingAge(birthDate, gender, startDate);
  if (age === 'tooYoung') return { field: 'birthDate', error: 'roster.errors.tooYoung' };
  if (age === 'pastRetirement') return { field: 'birthDate', error: 'roster.errors.pastRetirement' };
  return null;
}

/** The next free cadre code of a province: prefix + (max number used + 1), zero-padded to `width`. */
export function nextCadreCode(existing: string[], prefix = 'CB', width = 6): string {
  let max = 0;
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  for (const code of existing) {
    const match = pattern.exec(code);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return `${prefix}${String(max + 1).padStart(width, '0')}`;
}

// ---- Primary and concurrent positions (decision 012). Ranges are inclusive [start, end]; a change
// "effective on D" means the old post is held until the day before D and the new one from D on.

/** The calendar day before an ISO date (UTC arithmetic, so no time zone can shift it). */
export function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

type FieldProblem<F extends string> = { field: F; error: string } | null;

/**
 * A change of primary position effective on `effectiveDate`: another position than the current one, at most a
 * year ahead (a change decided in advance is scheduled and takes effect on its day), and strictly after the
 * current primary assignment started (it must keep at least one day, so it ends the day before).
 */
export function checkPrimaryChange(input: {
  currentPositionId: number;
  currentStart: string;
  newPositionId: number;
  effectiveDate: string;
  today: string;
}): FieldProblem<'positionId' | 'effectiveDate'> {
  if (input.newPositionId === input.currentPositionId) return { field: 'positionId', error: 'roster.errors.samePosition' };
  if (tooFarAhead(input.effectiveDate, input.today)) return { field: 'effectiveDate', error: 'roster.errors.tooFarAhead' };
  if (input.effectiveDate <= input.currentStart) return { field: 'effectiveDate', error: 'roster.errors.changeBeforeStart' };
  return null;
}

/**
 * How an assignment that started on `startDate` stops being held from `effectiveDate`: it ends the day
 * before, or, when it would not have begun by then, it is withdrawn altogether (it never took effect).
 */
export function endingOf(startDate: string, effectiveDate: string): { kind: 'end'; endDate: string } | { kind: 'withdraw' } {
  return effectiveDate <= startDate ? { kind: 'withdraw' } : { kind: 'end', endDate: dayBefore(effectiveDate) };
}

/**
 * A new concurrent position (kiêm nhiệm): never the person's primary position, never one he already holds
 * concurrently (a person holds a position once), from a day not after today and after any earlier time he
 * held that position here ended (`lastEnded`), so his history never overlaps itself.
 */
export function checkConcurrentAddition(input: {
  positionId: number;
  primaryPositionId: number | null;
  concurrentPositionIds: readonly number[];
  lastEnded: string | null;
  startDate: string;
  today: string;
}): FieldProblem<'positionId' | 'startDate'> {
  if (input.positionId === input.primaryPositionId) return { field: 'positionId', error: 'roster.errors.concurrentIsPrimary' };
  if (input.concurrentPositionIds.includes(input.positionId)) return { field: 'positionId', error: 'roster.errors.alreadyConcurrent' };
  if (tooFarAhead(input.startDate, input.today)) return { field: 'startDate', error: 'roster.errors.tooFarAhead' };
  if (input.lastEnded !== null && input.startDate <= input.lastEnded) return { field: 'startDate', error: 'roster.errors.overlapsEarlier' };
  return null;
}

/** Ending a concurrent position from `date`: not after today, not before it started (on its first day it is withdrawn). */
export function checkConcurrentRemoval(startDate: string, date: string, today: string): null | 'roster.errors.tooFarAhead' | 'roster.errors.removalBeforeStart' {
  if (tooFarAhead(date, today)) return 'roster.errors.tooFarAhead';
  if (date < startDate) return 'roster.errors.removalBeforeStart';
  return null;
}

// ---- How key places are filled --------------------------------------------------------------------------

export type KeyPlace = {
  isKey: boolean;
  /** The commune's norm for the position (places). */
  norm: number;
  /** Distinct people holding it (primary or concurrent) on or after the date asked, with their names. */
  holders: readonly { cadreId: number; fullName: string }[];
};

/**
 * One holder per key place: a key position with norm N takes at most N distinct holders, primary and concurrent
 * together, over time. Refused (with the current holders' names, for the message) when the others already fill
 * every place; the person himself never counts against himself.
 */
export function checkKeyPlace(place: KeyPlace, cadreId: number): { error: 'roster.errors.keyPlaceTaken'; holders: string } | null {
  if (!place.isKey) return null;
  const others = place.holders.filter((h) => h.cadreId !== cadreId);
  if (others.length < place.norm) return null;
  return { error: 'roster.errors.keyPlaceTaken', holders: others.map((h) => h.fullName).join(', ') };
}

/**
 * A post flagged elected (Party committee, People's Council, an organisation's congress) is held by a cadre
 * (cán bộ) chosen by election or designation, never by a civil servant's change of post.
 */
export function checkElectedPost(post: { isElected: boolean }, employmentType: string): 'roster.errors.electedNeedsCadre' | null {
  return post.isElected && employmentType !== 'cadre' ? 'roster.errors.electedNeedsCadre' : null;
}

// ---- Cancelling a mistaken change ------------------------------------------------------------------------

/**
 * Who may cancel a person's latest roster change (docs/domain.md, Decisions and effective dates): the user who recorded it, on the day
 * it was recorded, with a reason; later, anyone of the same role, with a reason and a correcting decision.
 */
export function cancelPermission(
  change: { actorId: number | null; actorRole: string; recordedOn: string | null },
  user: { id: number; role: string },
  today: string,
): { ok: true; sameDay: boolean } | { ok: false; error: 'roster.errors.cancelNotYours' } {
  if (change.actorId === user.id && change.recordedOn === today) return { ok: true, sameDay: true };
  if (change.actorRole === user.role) return { ok: true, sameDay: false };
  return { ok: false, error: 'roster.errors.cancelNotYours' };
}

/**
 * The departure form's retirement default (docs/domain.md, Departures and retirement): a retirement takes effect on
 * the first day of the month after the retirement month (lib/domain/retirement.ts `pensionStart`). The form opens as
 * a retirement from that day when it can be recorded now (not more than a year ahead); otherwise it only says the date.
 */
export function retirementDeparture(facts: { birthDate: string; gender: 'male' | 'female' } | null, today: string): { date: string; pension: string; preselect: boolean } | null {
  if (!facts) return null;
  const pension = pensionStart(facts.birthDate, facts.gender);
  return { date: retirementDate(facts.birthDate, facts.gender), pension, preselect: !tooFarAhead(pension, today) };
}
