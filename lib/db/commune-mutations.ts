import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { COMMUNE_ATTRIBUTES_SELECT, communeAttributesOf, type CommuneAttributesSnapshot } from './quota-queries';
import { bumpVersion } from './versions';

// The writes of a commune's attributes (lib/actions/communes), in the caller's transaction, which records the
// audit event. The commune's one version guards its attributes, quotas and key-position norms alike.

type Tx = Prisma.TransactionClient;

/** Old district and priority flags, from the version the form was rendered with; returns the audited view after. */
export async function updateCommuneAttributes(
  tx: Tx,
  input: { communeId: number; version: number; oldDistrictId: number; mountainous: boolean; extremelyDisadvantaged: boolean; border: boolean },
): Promise<CommuneAttributesSnapshot> {
  await bumpVersion(tx, 'commune', input.communeId, input.version);
  const row = await tx.commune.update({
    where: { id: input.communeId },
    data: { oldDistrictId: input.oldDistrictId, mountainous: input.mountainous, extremelyDisadvantaged: input.extremelyDisadvantaged, border: input.border },
    select: COMMUNE_ATTRIBUTES_SELECT,
  });
  return communeAttributesOf(row);
}
