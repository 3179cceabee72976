import type { Action } from '@/lib/auth/policy';
import { can, isAllowed } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import { Refusal, StaleWrite } from '@/lib/db/errors';
import type { Db } from '@/lib/db/prisma';
import { chairmanSide, checkTransferTransition, type TransferAction, type TransferError, type TransferState, type TransferTransitionInput } from '@/lib/domain/transfer';
import { formatDate } from '@/lib/domain/format';
import type { ActionContext } from '../define-action';

// Shared by the transfer actions: load a transfer within the user's province and scope, with the policy check
// the state machine asks.

export type LoadedTransfer = {
  id: number; provinceId: number; state: TransferState; version: number; cadreId: number; cadreCode: string;
  fromCommuneId: number; toCommuneId: number; fromCommuneCode: string; toCommuneCode: string; effectiveDate: string;
  /** The day it was proposed: its decision is not dated before it. */
  proposedOn: string;
};

/**
 * The transfer, if it exists in the user's province and the user may see it (a commune chairman: only transfers
 * out of or into his commune; anyone else's is "not found").
 */
export async function loadTransfer(db: Db, user: SessionUser, transferId: number): Promise<LoadedTransfer | null> {
  const t = await db.transfer.findFirst({
    where: { id: transferId, provinceId: user.provinceId },
    select: {
      id: true, provinceId: true, state: true, version: true, cadreId: true, fromCommuneId: true, toCommuneId: true, effectiveDate: true, proposedOn: true,
      cadre: { select: { code: true } }, fromCommune: { select: { code: true } }, toCommune: { select: { code: true } },
    },
  });
  if (!t) return null;
  if (user.role === 'commune_chairman' && chairmanSide(user.communeId, t) === null) return null;
  return {
    id: t.id, provinceId: t.provinceId, state: t.state, version: t.version, cadreId: t.cadreId, cadreCode: t.cadre.code,
    fromCommuneId: t.fromCommuneId, toCommuneId: t.toCommuneId, fromCommuneCode: t.fromCommune.code, toCommuneCode: t.toCommune.code,
    effectiveDate: t.effectiveDate.toISOString().slice(0, 10), proposedOn: t.proposedOn.toISOString().slice(0, 10),
  };
}

/**
 * The policy as the state machine asks it, bound to the transfer: the chairman's opinion is on his commune's side
 * (the resource is his commune); the province-wide steps are on the province.
 */
export function allowedOnTransfer(user: SessionUser, transfer: { provinceId: number; fromCommuneId: number; toCommuneId: number }) {
  return (permission: Action) => {
    if (!isAllowed(user.role, permission)) return false;
    if (permission === 'transfer.opinion') {
      const side = chairmanSide(user.communeId, transfer);
      return side !== null && can(user, permission, { provinceId: transfer.provinceId, communeId: user.communeId });
    }
    return can(user, permission, { provinceId: transfer.provinceId });
  };
}

/**
 * The preamble of every step on an existing transfer: the transfer is in the user's scope (else not found), the
 * state machine lets the user take `step` from its state (else forbidden, or "changed meanwhile" when it moved on),
 * the step's input is complete (else its message, also on `field`, or on the field `field` names for it) and the
 * form was rendered from the current version (else "changed meanwhile"). `details` may depend on the loaded transfer (the approval's dates).
 * Throws Refusal or StaleWrite; defineAction answers.
 */
export async function loadTransferStep(
  ctx: ActionContext,
  step: Exclude<TransferAction, 'propose'>,
  input: { transferId: number; version: number },
  details: TransferTransitionInput | ((transfer: LoadedTransfer) => TransferTransitionInput),
  field: string | ((error: TransferError) => string),
): Promise<LoadedTransfer> {
  const transfer = await loadTransfer(ctx.db, ctx.user, input.transferId);
  if (!transfer) throw new Refusal('transfer.errors.notFound');
  const check = checkTransferTransition(step, transfer.state, allowedOnTransfer(ctx.user, transfer), typeof details === 'function' ? details(transfer) : details);
  if (!check.ok) {
    if (check.error === 'transfer.errors.forbidden') throw new Refusal('errors.forbidden');
    if (check.error === 'transfer.errors.wrongState') throw new StaleWrite('transfer');
    const params = check.error === 'transfer.errors.decisionBeforeProposal' ? { date: formatDate(transfer.proposedOn) } : undefined;
    throw new Refusal(check.error, { [typeof field === 'function' ? field(check.error) : field]: check.error }, params);
  }
  if (transfer.version !== input.version) throw new StaleWrite('transfer');
  return transfer;
}
