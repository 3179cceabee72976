import 'server-only';
import { BLOCKS, type Block } from '@/lib/domain/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DEFAULT_KEY_POSITION_NORM, toBlockQuotas, type BlockQuotas } from './quota-queries';
import { bumpVersion } from './versions';

// The writes of a commune's quotas and key-position norms (lib/actions/quotas), each in the caller's transaction,
// which records the audit event. Each starts by bumping the commune's version from the one the form was rendered
// with: of two saves from forms rendered together exactly one is written, the other is told it is stale.

type Tx = Prisma.TransactionClient;

/** Both blocks' quota of one year (rows created where missing); returns the quotas as they were. */
export async function saveCommuneQuotas(tx: Tx, input: { communeId: number; version: number; year: number; quota: Record<Block, number> }): Promise<BlockQuotas> {
  await bumpVersion(tx, 'commune', input.communeId, input.version);
  const existing = await tx.quota.findMany({ where: { communeId: input.communeId, year: input.year }, select: { block: true, quota: true } });
  for (const block of BLOCKS) {
    await tx.quota.upsert({
      where: { communeId_block_year: { communeId: input.communeId, block, year: input.year } },
      create: { communeId: input.communeId, block, year: input.year, quota: input.quota[block] },
      update: { quota: input.quota[block] },
    });
  }
  return toBlockQuotas(existing);
}

export type NormChange = { positionId: number; was: number; required: number };

/** The commune's norms of the given key positions; writes only those that change and returns them with what they were. */
export async function saveKeyPositionNorms(
  tx: Tx,
  input: { communeId: number; version: number; norms: readonly { positionId: number; required: number }[] },
): Promise<NormChange[]> {
  await bumpVersion(tx, 'commune', input.communeId, input.version);
  const existing = await tx.keyPositionNorm.findMany({ where: { communeId: input.communeId }, select: { positionId: true, required: true } });
  const current = new Map(existing.map((row) => [row.positionId, row.required]));
  const changed: NormChange[] = [];
  for (const norm of input.norms) {
    const was = current.get(norm.positionId) ?? DEFAULT_KEY_POSITION_NORM;
    if (was === norm.required) continue;
    await tx.keyPositionNorm.upsert({
      where: { communeId_positionId: { communeId: input.communeId, positionId: norm.positionId } },
      create: { communeId: input.communeId, positionId: norm.positionId, required: norm.required },
      update: { required: norm.required },
    });
    changed.push({ positionId: norm.positionId, was, required: norm.required });
  }
  return changed;
}
