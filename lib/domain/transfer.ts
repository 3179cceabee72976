// Transfers between communes (decision 016; docs/domain.md, Transfers): the state machine and the guards. Pure: no
// I/O, no clock (`today` is passed in). Who may take a transition is a policy action (lib/auth/policy.ts); scope
// (a chairman acts on the transfers of his own commune, as source or target) is the caller's to check with `can`.
//
//   proposed ──approve──▶ approved ┄┄(effective date reached)┄┄▶ executed (derived, never stored)
//      │  ╰──decline──▶ declined
//      ╰────cancel───▶ cancelled
//
// The approval writes both assignments (docs/domain.md, Time and dates); execution is then only a reading of the date
// (docs/domain.md, Derived states): an approved transfer is executed at a date once its effective date has come.
// lib/db/transfer-status.ts is the same rule as SQL and Prisma filters, checked against these functions by
// tests/integration/derived-states-sql.test.ts.

import type { Action } from '@/lib/auth/policy';
import { decisionDateProblem } from './decisions';
import type { Block } from './types';

/** The states a transfer row stores. */
export const TRANSFER_STATES = ['proposed', 'approved', 'declined', 'cancelled'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** What a reader is shown at a date: the stored state, or `executed` for an approved transfer whose date has come. */
export const TRANSFER_STATUSES = ['proposed', 'approved', 'executed', 'declined', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

type Dated = { state: TransferState; effectiveDate: string };

/** Executed at `date`: approved, and the effective date (the first day in the new commune) reached. */
export const isExecutedTransfer = (transfer: Dated, date: string) => transfer.state === 'approved' && transfer.effectiveDate <= date;

/** The transfer's status at `date` (lists, pages, the report, the timeline). */
export const transferStatus = (transfer: Dated, date: string): TransferStatus => (isExecutedTransfer(transfer, date) ? 'executed' : transfer.state);

/** Approved and not yet executed at the date shown: the page says from when it takes effect. */
export const awaitsEffect = (status: TransferStatus) => status === 'approved';

/**
 * Whether the transfer holds its cadre at `date` (no other transfer may be proposed for him): undecided, or
 * approved and not yet effective. The database's exclusion constraint `transfer_one_open_per_cadre` keeps the same
 * window per row: from the day it was proposed to its effective date once approved, open-ended while undecided.
 */
export const holdsTransferCadre = (transfer: Dated, date: string) =>
  transfer.state === 'proposed' || (transfer.state === 'approved' && date < transfer.effectiveDate);

export const TRANSFER_ACTIONS = ['propose', 'opinion', 'approve', 'decline', 'cancel'] as const;
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];

type Transition = { from: readonly (TransferState | null)[]; to: TransferState; permission: Action };

/** `opinion` keeps the state (it records a chairman's view). */
export const TRANSFER_TRANSITIONS: Record<TransferAction, Transition> = {
  propose: { from: [null], to: 'proposed', permission: 'transfer.propose' },
  opinion: { from: ['proposed'], to: 'proposed', permission: 'transfer.opinion' },
  approve: { from: ['proposed'], to: 'approved', permission: 'transfer.decide' },
  decline: { from: ['proposed'], to: 'declined', permission: 'transfer.decide' },
  cancel: { from: ['proposed'], to: 'cancelled', permission: 'transfer.cancel' },
};

export type TransferError =
  | 'transfer.errors.forbidden'
  | 'transfer.errors.wrongState'
  | 'transfer.errors.decisionRequired'
  | 'transfer.errors.decisionDateFuture'
  | 'transfer.errors.decisionBeforeProposal'
  | 'transfer.errors.reasonRequired'
  | 'transfer.errors.opinionRequired';

export type TransferTransitionInput = {
  /** approve: the decision's number and date (YYYY-MM-DD), and the day the transfer was proposed. */
  decisionNumber?: string | null;
  decisionDate?: string | null;
  proposedOn?: string | null;
  /** decline and cancel: the reason. */
  reason?: string | null;
  /** opinion: agree or disagree. */
  opinion?: 'agree' | 'disagree' | null;
  today?: string;
};

export type TransferTransitionResult = { ok: true; to: TransferState } | { ok: false; error: TransferError };

const blank = (value: string | null | undefined) => value === undefined || value === null || value.trim() === '';

/** Whether the step is open to the user now (role, scope and state), before any input: which forms a page shows. */
export function mayTakeTransferAction(action: TransferAction, state: TransferState | null, allowed: (permission: Action) => boolean): boolean {
  const transition = TRANSFER_TRANSITIONS[action];
  return allowed(transition.permission) && transition.from.includes(state);
}

/**
 * Whether `allowed(permission)` (the role's policy, bound by the caller to the transfer's scope) lets the
 * transfer move by `action` from `state` (null: it does not exist yet), and what the move requires.
 */

export function checkTransferTransition(
  action: TransferAction,
  state: TransferState | null,
  allowed: (permission: Action) => boolean,
  input: TransferTransitionInput = {},
): TransferTransitionResult {
  const transition = TRANSFER_TRANSITIONS[action];
  if (!allowed(transition.permission)) return { ok: false, error: 'transfer.errors.forbidden' };
  if (!transition.from.includes(state)) return { ok: false, error: 'transfer.errors.wrongState' };
  switch (action) {
    case 'approve':
      if (blank(input.decisionNumber) || blank(input.decisionDate)) return { ok: false, error: 'transfer.errors.decisionRequired' };
      if (input.today) {
        const problem = decisionDateProblem(input.decisionDate!, { today: input.today, openedOn: input.proposedOn });
        if (problem === 'inFuture') return { ok: false, error: 'transfer.errors.decisionDateFuture' };
        if (problem === 'beforeOpening') return { ok: false, error: 'transfer.errors.decisionBeforeProposal' };
      }
      break;
    case 'decline':
    case 'cancel':
      if (blank(input.reason)) return { ok: false, error: 'transfer.errors.reasonRequired' };
      break;
    case 'opinion':
      if (input.opinion !== 'agree' && input.opinion !== 'disagree') return { ok: false, error: 'transfer.errors.opinionRequired' };
      break;
  }
  return { ok: true, to: transition.to };
}

/**
 * A proposal whose effective date has passed without a decision (flagged on its page, in the list and in
 * the navigation's counts). Derived at read time, never stored; only an undecided proposal can be overdue (docs/domain.md,
 * Transfers). lib/db/transfer-queries.ts#overdueTransferWhere is the same rule as a query filter.
 */
export const isOverdueTransfer = (transfer: { state: TransferState | TransferStatus; effectiveDate: string }, today: string) =>
  transfer.state === 'proposed' && transfer.effectiveDate < today;

/** The chairman's side of a transfer: the source, the target, or neither (null: not his transfer). */
export function chairmanSide(communeId: number | null, transfer: { fromCommuneId: number; toCommuneId: number }): 'from' | 'to' | null {
  if (communeId === null) return null;
  if (communeId === transfer.fromCommuneId) return 'from';
  if (communeId === transfer.toCommuneId) return 'to';
  return null;
}

/** The day before `iso` (YYYY-MM-DD): the closing date of the old assignment. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

// ---- Guards -------------------------------------------------------------------------------------------

/**
 * A commune block's figures for the guards: quota and current headcount, plus the approved transfers not yet
 * effective into (`incoming`) and out of (`outgoing`) it — the reservations every approval counts.
 */
export type BlockLoad = { quota: number; headcount: number; incoming: number; outgoing: number };

/** A key position of the target: the norm, its holders today, and approved transfers into / out of it. */
export type KeyLoad = { required: number; holders: number; incoming: number; outgoing: number };

export const projectedHeadcount = (load: BlockLoad) => load.headcount + load.incoming - load.outgoing;

/** The source block stays at or above its quota once this person leaves, after all approved moves. */
export const sourceStaysAtQuota = (source: BlockLoad) => projectedHeadcount(source) - 1 >= source.quota;

/** The person fills a key place of the target still vacant after all approved moves. */
export const fillsKeyPlace = (key: KeyLoad | null) => key !== null && key.holders + key.incoming - key.outgoing < key.required;

export type TransferFacts = {
  cadreActive: boolean;
  /** The person's open primary assignment in a commune (null: none, e.g. department staff). */
  current: { communeId: number; oldDistrictId: number; startDate: string } | null;
  target: { communeId: number; oldDistrictId: number; provinceMatches: boolean };
  /** The target position: it needs a block and may not be an elected post. */
  position: { block: Block | null; isElected: boolean; provinceMatches: boolean };
  effectiveDate: string;
  justification: string | null | undefined;
  reason: string | null | undefined;
  openTransfer: boolean;
  activeSecondment: boolean;
  /** The load of the person's current block in the source. */
  sourceLoad: BlockLoad;
  /**
   * One more person in the position's block of the target stays within its quota at the effective date and every
   * later scheduled date: the one quota guard's answer (lib/db/quota-guard.ts).
   */
  targetWithinQuota: boolean;
  /** The target key place the position is (null: the position is not key). */
  targetKey: KeyLoad | null;
};

/** Message keys (transfer.errors.*) of the refusals, each with the form field it concerns. */
export const GUARD_FIELDS = {
  notActive: 'cadreId',
  noCurrentAssignment: 'cadreId',
  openTransfer: 'cadreId',
  activeSecondment: 'cadreId',
  targetOtherProvince: 'toCommuneId',
  sameCommune: 'toCommuneId',
  positionInvalid: 'positionId',
  positionElected: 'positionId',
  reasonRequired: 'reason',
  justificationRequired: 'justification',
  effectiveBeforeStart: 'effectiveDate',
  sourceBelowQuota: 'cadreId',
  targetNotShort: 'toCommuneId',
} as const;
export type GuardCode = keyof typeof GUARD_FIELDS;

export type GuardOutcome = { ok: true; crossDistrict: boolean; fillsKey: boolean } | { ok: false; code: GuardCode; field: string };

const refuse = (code: GuardCode): GuardOutcome => ({ ok: false, code, field: GUARD_FIELDS[code] });

/**
 * Every guard of a transfer, in the order a user fixes them (the person, the target, the dates and texts, the
 * figures). Used when proposing and again, under row locks, when approving.
 */
export function checkTransferGuards(f: TransferFacts): GuardOutcome {
  if (!f.cadreActive) return refuse('notActive');
  if (!f.current) return refuse('noCurrentAssignment');
  if (f.openTransfer) return refuse('openTransfer');
  if (f.activeSecondment) return refuse('activeSecondment');
  if (!f.target.provinceMatches) return refuse('targetOtherProvince');
  if (f.target.communeId === f.current.communeId) return refuse('sameCommune');
  if (!f.position.provinceMatches || f.position.block === null) return refuse('positionInvalid');
  if (f.position.isElected) return refuse('positionElected');
  if (blank(f.reason)) return refuse('reasonRequired');
  const crossDistrict = f.target.oldDistrictId !== f.current.oldDistrictId;
  if (crossDistrict && blank(f.justification)) return refuse('justificationRequired');
  // The old assignment closes the day before the effective date, so it must have started before it.
  if (f.effectiveDate <= f.current.startDate) return refuse('effectiveBeforeStart');
  if (!sourceStaysAtQuota(f.sourceLoad)) return refuse('sourceBelowQuota');
  const fillsKey = fillsKeyPlace(f.targetKey);
  if (!f.targetWithinQuota && !fillsKey) return refuse('targetNotShort');
  return { ok: true, crossDistrict, fillsKey };
}
