import type { Action } from '@/lib/auth/policy';
import { can, isAllowed } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { Refusal, StaleWrite } from '@/lib/db/errors';
import { findReception, type ReceptionDetail } from '@/lib/db/reception-queries';
import { checkReceptionTransition, type ReceptionAction, type ReceptionTransitionInput } from '@/lib/domain/reception';
import { formatDate } from '@/lib/domain/format';
import type { ActionContext } from '../define-action';

// Shared by the reception actions: a proposal within the user's province and scope, and the policy the state
// machine asks, bound to the proposal's commune (a chairman's steps on his commune's proposals only).

/**
 * The proposal, if it exists in the user's province; another commune's is the chairman's to be refused as forbidden
 * by the policy bound to its commune (docs/domain.md, Who sees what: 403 for a row that exists, 404 for one that does not).
 */
export function loadReception(ctx: ActionContext, receptionId: number): Promise<ReceptionDetail | null> {
  return findReception(ctx.db, ctx.user.provinceId, receptionId);
}

/** The policy as the state machine asks it, bound to the proposal's commune. */
export const allowedOnReception = (user: SessionUser, reception: { provinceId: number; commune: { id: number } }) => (permission: Action) =>
  isAllowed(user.role, permission) && can(user, permission, { provinceId: reception.provinceId, communeId: reception.commune.id });

/**
 * The preamble of every step on an existing proposal: in scope (else not found), the machine lets the user take the
 * step from its state (else forbidden, or "changed meanwhile" when it moved on), the step's input complete (else its
 * message beside its field), and the form rendered from the current version (else "changed meanwhile").
 */
export async function loadReceptionStep(
  ctx: ActionContext,
  step: Exclude<ReceptionAction, 'propose'>,
  input: { receptionId: number; version: number },
  details: (reception: ReceptionDetail) => ReceptionTransitionInput,
): Promise<ReceptionDetail> {
  const reception = await loadReception(ctx, input.receptionId);
  if (!reception) throw new Refusal('reception.errors.notFound');
  const check = checkReceptionTransition(step, reception.state, allowedOnReception(ctx.user, reception), details(reception));
  if (!check.ok) {
    if (check.error === 'reception.errors.forbidden') throw new Refusal('errors.forbidden');
    if (check.error === 'reception.errors.wrongState') throw new StaleWrite('reception');
    const params = check.error === 'reception.errors.decisionBeforeProposal' ? { date: formatDate(reception.proposedOn) } : undefined;
    throw new Refusal(check.error, check.field ? { [check.field]: check.error } : undefined, params);
  }
  if (reception.version !== input.version) throw new StaleWrite('reception');
  return reception;
}
