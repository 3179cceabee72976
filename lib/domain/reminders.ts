// What reaches a user's inbox and email digest (docs/decisions/045-inbox-and-reminders.md). Two kinds of item:
// - events, stored when they happen, in the transaction of the change (a list submitted, returned or decided, an
//   opinion requested, a transfer decided): lib/db/workflow-notifications.ts;
// - reminders, derived from dates and the record whenever the inbox or a digest is built (a phase due within
//   DUE_SOON_DAYS or overdue, records to complete): never written by a page; a reminder's key is the dedupe key of
//   the row that records it read.
// Pure: plain data in, plain data out; the sentences are the catalogue's `notifications.kinds.<kind>`.

import { isEditableList, type ListState } from './secondment';

/** A due date at most this many days ahead (today included) is "due soon". */
export const DUE_SOON_DAYS = 7;

/** An overdue phase is reminded of for this many days after its due date, so a campaign long over stops reminding. */
export const OVERDUE_REMINDER_DAYS = 90;

export const EVENT_KINDS = ['listSubmitted', 'listReturned', 'listDecided', 'opinionRequested', 'transferApproved', 'transferDeclined'] as const;
export const REMINDER_KINDS = ['phaseDueSoon', 'phaseOverdue', 'recordsIncomplete'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A derived reminder: its key (the dedupe key a read mark is stored under), kind, parameters and link. */
export type Reminder = { key: string; kind: ReminderKind; params: Record<string, string | number>; link: string };

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * A list's due date: its own once it was returned with a new one (a return requires it), else its phase's
 * (docs/domain.md, The 5% secondment lists).
 */
export const listDueDate = (list: { dueDate: string | null }, phaseDueDate: string): string => list.dueDate ?? phaseDueDate;

/**
 * Whether a department is to be reminded of a phase: its list is not submitted (no list yet, a draft, or
 * returned) and the due date is within DUE_SOON_DAYS (due soon) or passed less than OVERDUE_REMINDER_DAYS ago
 * (overdue). `state` null: the department has no list in the phase yet.
 */
export function phaseReminderKind(state: ListState | null, dueDate: string, today: string): 'phaseDueSoon' | 'phaseOverdue' | null {
  if (state !== null && !isEditableList(state)) return null;
  if (today > dueDate) return addDays(dueDate, OVERDUE_REMINDER_DAYS) >= today ? 'phaseOverdue' : null;
  return addDays(today, DUE_SOON_DAYS) >= dueDate ? 'phaseDueSoon' : null;
}

/** One reminder per phase, kind and due date: a new due date (a return) is a new reminder, read or not. */
export const phaseReminderKey = (phaseId: number, kind: 'phaseDueSoon' | 'phaseOverdue', dueDate: string) => `${kind}:${phaseId}:${dueDate}`;

/** One reminder per commune and day while records lack what the national file needs first. */
export const recordsReminderKey = (communeId: number, today: string) => `recordsIncomplete:${communeId}:${today}`;

/** The keys of derived reminders never collide with an event's (events have no key, or one of another shape). */
export const isReminderKey = (key: string) => REMINDER_KINDS.some((kind) => key.startsWith(`${kind}:`));
