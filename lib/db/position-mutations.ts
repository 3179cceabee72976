import 'server-only';
import type { PositionAttributes } from '@/lib/domain/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { expectWritten } from './errors';
import { POSITION_SNAPSHOT_SELECT } from './position-queries';
import { bumpVersion } from './versions';

// The writes of the positions catalogue (lib/actions/positions), each in the caller's transaction, which records
// the audit event. The code is never changed after creation: imports and other code rely on it.

type Tx = Prisma.TransactionClient;

/**
 * Everything of a position but its code (the form's fields; extra properties are ignored). `level` (the rank
 * planning compares, docs/decisions/041-structure-and-planning.md) left out: a new post is unranked (0), an existing
 * one keeps its level.
 */
export type PositionFields = Omit<PositionAttributes, 'titleEn'> & { titleEn: string | null; level?: number };

/** The columns written for the fields; an empty English title takes the Vietnamese one. */
const columnsOf = (fields: PositionFields) => ({
  titleVi: fields.titleVi,
  titleEn: fields.titleEn ?? fields.titleVi,
  block: fields.block,
  isKey: fields.isKey,
  isElected: fields.isElected,
  concurrentByDesign: fields.concurrentByDesign,
  field: fields.field,
  sortOrder: fields.sortOrder,
  level: fields.level,
});

/** A new position of the province (the unique code per province is position_province_id_code_key). */
export async function insertPosition(tx: Tx, input: { provinceId: number; code: string; fields: PositionFields }) {
  return tx.position.create({
    data: { provinceId: input.provinceId, code: input.code, ...columnsOf(input.fields) },
    select: { id: true, ...POSITION_SNAPSHOT_SELECT },
  });
}

/** Everything but the code, from the version the form was rendered with; returns the position's audited view after. */
export async function updatePosition(tx: Tx, input: { positionId: number; version: number; fields: PositionFields }) {
  await bumpVersion(tx, 'position', input.positionId, input.version);
  return tx.position.update({ where: { id: input.positionId }, data: columnsOf(input.fields), select: POSITION_SNAPSHOT_SELECT });
}

// Serialises a deletion with assignments, vacancies and norms created meanwhile on the same position
// (first key of pg_advisory_xact_lock(int, int); the roster uses 5101-5102).
const LOCK_POSITION = 5201;

/** Holds the position's lock for the rest of the transaction: its usage read after it stays true until commit. */
export async function lockPosition(tx: Tx, positionId: number): Promise<void> {
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1::int, $2::int)', LOCK_POSITION, positionId);
}

/** Deletes the position at the version the page showed (StaleWrite when it was edited since). */
export async function deletePosition(tx: Tx, input: { positionId: number; version: number }): Promise<void> {
  const deleted = await tx.position.deleteMany({ where: { id: input.positionId, version: input.version } });
  expectWritten(deleted.count, 'position');
}
