import type { Action } from '@/lib/auth/policy';
import { can, isAllowed } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import type { Db } from '@/lib/db/prisma';
import { chairmanSide, type TransferState } from '@/lib/domain/transfer';

// Shared by the transfer actions: load a transfer within the user's province and scope, with the policy check
// the state machine asks.

export type LoadedTransfer = {
  id: number; provinceId: number; state: TransferState; version: number; cadreId: number; cadreCode: string;
  fromCommuneId: number; toCommuneId: number; fromCommuneCode: string; toCommuneCode: string; effectiveDate: string;
};

/**
 * The transfer, if it exists in the user's province and the user may see it (a commune chairman: only transfers
 * out of or into his commune; anyone else's is "not found").
 */
export async function loadTransfer(db: Db, user: SessionUser, transferId: number): Promise<LoadedTransfer | null> {
  const t = await db.transfer.findFirst({
    where: { id: transferId, provinceId: user.provinceId },
    select: {
      id: true, provinceId: true, state: true, version: true, cadreId: true, fromCommuneId: true, toCommuneId: true, effectiveDate: true,
      cadre: { select: { code: true } }, fromCommune: { select: { code: true } }, toCommune: { select: { code: true } },
    },
  });
  if (!t) return null;
  if (user.role === 'commune_chairman' && chairmanSide(user.communeId, t) === null) return null;
  return {
    id: t.id, provinceId: t.provinceId, state: t.state, version: t.version, cadreId: t.cadreId, cadreCode: t.cadre.code,
    fromCommuneId: t.fromCommuneId, toCommuneId: t.toCommuneId, fromCommuneCode: t.fromCommune.code, toCommuneCode: t.toCommune.code,
    effectiveDate: t.effectiveDate.toISOString().slice(0, 10),
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
