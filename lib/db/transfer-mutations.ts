import { countsAsStaff } from '@/lib/domain/employment';
import { checkTransferGuards, dayBefore, transferStatus, type BlockLoad, type GuardCode, type KeyLoad, type TransferFacts } from '@/lib/domain/transfer';
import type { Block } from '@/lib/domain/types';
import type { AuditEvent } from '@/lib/audit/events';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordDecision } from './decision-mutations';
import { Refusal, StaleWrite, expectWritten, guardMessage, violatesGuard } from './errors';
import type { Db } from './prisma';
import { checkBlockQuota } from './quota-guard';
import { isConfirmedQuotaYear } from './quota-year-queries';
import { COUNTED_AT_DATE, OPEN_AT_DATE } from './staffing-counts';
import { transferAwaitingEffectSql, transferHoldsCadreWhere } from './transfer-status';
import { notifyOpinionRequested, notifyTransferDecided } from './workflow-notifications';

// The writes of the transfer workflow (decision 016), shared by the actions (lib/actions/transfers, each inside its
// ctx.write transaction, which records the audit event), the engine's "accept the proposals" step and the tests.
// Every function runs inside the caller's transaction and writes no audit record. The guards themselves are pure
// (lib/domain/transfer.ts); this module gathers their facts with a few set-based statements. Refusals are message
// keys (transfer.errors.*) with the form field they concern: the edge renders them. `at` is the instant a write
// records (created_at, updated_at): the database's clock unless a replayed story gives its own (lib/demo/replay.ts).

type Tx = Prisma.TransactionClient;

export type TransferDraft = {
  provinceId: number;
  cadreId: number;
  toCommuneId: number;
  positionId: number;
  /** YYYY-MM-DD */
  effectiveDate: string;
  reason: string;
  justification?: string | null;
  source: 'manual' | 'engine';
  proposedById: number;
};

/** A refusal's message key: a guard of lib/domain/transfer.ts, or a proposal the person's post no longer matches. */
export type TransferRefusalKey = `transfer.errors.${GuardCode | 'assignmentChanged'}`;

/** Why a transfer is refused: a message key (transfer.errors.*) and the form field it concerns. */
export type TransferRefusal = { key: TransferRefusalKey; field: string };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

type CurrentAssignment = { id: number; communeId: number; oldDistrictId: number; positionId: number; block: Block | null; startDate: string };

/**
 * The assignment a transfer moves, as SQL on the assignment row `a`: a primary one in a commune with no end (a post
 * whose end is recorded, a departure or a change decided ahead, is not moved). The proposal engine picks its
 * candidates with the same fragment, so it never proposes a move this module's guards would refuse.
 */
export const MOVABLE_ASSIGNMENT_SQL = 'a.is_primary AND a.end_date IS NULL AND a.commune_id IS NOT NULL';

/** The person's open-ended primary assignment in a commune (the one a transfer moves). */
async function currentAssignment(tx: Tx, cadreId: number): Promise<CurrentAssignment | null> {
  const rows = await tx.$queryRawUnsafe<{ id: number; commune_id: number; old_district_id: number; position_id: number; block: Block | null; start_date: Date }[]>(
    `SELECT a.id, a.commune_id, cm.old_district_id, a.position_id, p.block::text AS block, a.start_date
       FROM assignment a JOIN commune cm ON cm.id = a.commune_id JOIN position p ON p.id = a.position_id
      WHERE a.cadre_id = $1 AND ${MOVABLE_ASSIGNMENT_SQL}
      ORDER BY a.start_date DESC LIMIT 1`,
    cadreId,
  );
  const r = rows[0];
  return r ? { id: r.id, communeId: r.commune_id, oldDistrictId: r.old_district_id, positionId: r.position_id, block: r.block, startDate: iso(r.start_date) } : null;
}

/**
 * A commune block's load at `today`: the quota of its latest year, the headcount (as the counting pipeline
 * counts it), and the approved transfers not yet effective into and out of it (the reservations).
 */
export async function loadBlock(tx: Tx | Db, communeId: number, block: Block, today: string): Promise<BlockLoad> {
  const rows = await (tx as Tx).$queryRawUnsafe<{ quota: number | null; headcount: number; incoming: number; outgoing: number }[]>(
    `SELECT
       -- The quota of the commune's latest confirmed quota year not after the date's, a block missing there being 0:
       -- as staffing-counts.ts reads it.
       (SELECT q.quota FROM quota q WHERE q.commune_id = $1 AND q.block = $3::"Block"
           AND q.year = (SELECT max(y.year) FROM quota y JOIN commune cm ON cm.id = y.commune_id
                          WHERE y.commune_id = $1 AND y.year <= extract(year FROM $2::date)::int
                            AND ${isConfirmedQuotaYear('cm.province_id', 'y.year')})) AS quota,
       (SELECT count(*)::int FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN position p ON p.id = a.position_id
         WHERE a.commune_id = $1 AND a.is_primary AND p.block = $3::"Block" AND ${OPEN_AT_DATE} AND ${COUNTED_AT_DATE}) AS headcount,
       (SELECT count(*)::int FROM transfer t
         WHERE t.to_commune_id = $1 AND t.block = $3::"Block" AND ${transferAwaitingEffectSql('t', '$2::date')}) AS incoming,
       (SELECT count(*)::int FROM transfer t JOIN assignment fa ON fa.id = t.from_assignment_id JOIN position fp ON fp.id = fa.position_id
         WHERE t.from_commune_id = $1 AND fp.block = $3::"Block" AND ${transferAwaitingEffectSql('t', '$2::date')}) AS outgoing`,
    communeId,
    today,
    block,
  );
  const r = rows[0];
  return { quota: r.quota ?? 0, headcount: r.headcount, incoming: r.incoming, outgoing: r.outgoing };
}

/** A key position of a commune: norm, holders at `today`, approved transfers into and out of it. */
export async function loadKeyPlace(tx: Tx | Db, communeId: number, positionId: number, today: string): Promise<KeyLoad> {
  const rows = await (tx as Tx).$queryRawUnsafe<{ required: number; holders: number; incoming: number; outgoing: number }[]>(
    `SELECT
       COALESCE((SELECT n.required FROM key_position_norm n WHERE n.commune_id = $1 AND n.position_id = $3), 1)::int AS required,
       (SELECT count(DISTINCT a.cadre_id)::int FROM assignment a JOIN cadre c ON c.id = a.cadre_id
         WHERE a.commune_id = $1 AND a.position_id = $3 AND ${OPEN_AT_DATE} AND ${COUNTED_AT_DATE}) AS holders,
       (SELECT count(*)::int FROM transfer t
         WHERE t.to_commune_id = $1 AND t.position_id = $3 AND ${transferAwaitingEffectSql('t', '$2::date')}) AS incoming,
       (SELECT count(*)::int FROM transfer t JOIN assignment fa ON fa.id = t.from_assignment_id
         WHERE t.from_commune_id = $1 AND fa.position_id = $3 AND ${transferAwaitingEffectSql('t', '$2::date')}) AS outgoing`,
    communeId,
    today,
    positionId,
  );
  return rows[0];
}

type FactsInput = {
  provinceId: number; cadreId: number; toCommuneId: number; positionId: number; effectiveDate: string;
  reason: string | null | undefined; justification: string | null | undefined;
  /** At approval: the transfer itself, not counted as the cadre's other open transfer. */
  excludeTransferId?: number;
};

/** Everything the pure guards need, read within the caller's transaction. */
export async function loadTransferFacts(tx: Tx, db: Db, input: FactsInput, today: string): Promise<{ facts: TransferFacts; current: CurrentAssignment | null }> {
  // One statement after the other: a transaction is one connection.
  const cadre = await tx.cadre.findUnique({ where: { id: input.cadreId }, select: { provinceId: true, status: true, employmentType: true } });
  const current = await currentAssignment(tx, input.cadreId);
  const target = await tx.commune.findUnique({ where: { id: input.toCommuneId }, select: { id: true, provinceId: true, oldDistrictId: true } });
  const position = await tx.position.findUnique({ where: { id: input.positionId }, select: { provinceId: true, block: true, isElected: true, isKey: true } });
  const open = await tx.transfer.findFirst({
    where: { cadreId: input.cadreId, ...transferHoldsCadreWhere(today), ...(input.excludeTransferId ? { id: { not: input.excludeTransferId } } : {}) },
    select: { id: true },
  });
  const secondment = await tx.secondment.findFirst({ where: { cadreId: input.cadreId, endedOn: null }, select: { id: true } });
  const cadreActive = cadre !== null && cadre.provinceId === input.provinceId && cadre.status === 'active' && countsAsStaff(cadre.employmentType);
  const empty: BlockLoad = { quota: 0, headcount: 0, incoming: 0, outgoing: 0 };
  const targetBlock = (position?.block ?? null) as Block | null;
  const sourceLoad = current?.block ? await loadBlock(tx, current.communeId, current.block, today) : empty;
  // The one quota guard (lib/db/quota-guard.ts), at the effective date and every later scheduled date; it locks the target's row.
  const targetWithinQuota = target !== null && targetBlock !== null && target.provinceId === input.provinceId
    && (await checkBlockQuota(tx, db, target, targetBlock, input.effectiveDate)).ok;
  const targetKey = target && position?.isKey ? await loadKeyPlace(tx, target.id, input.positionId, today) : null;
  const facts: TransferFacts = {
    cadreActive,
    current: current ? { communeId: current.communeId, oldDistrictId: current.oldDistrictId, startDate: current.startDate } : null,
    target: { communeId: input.toCommuneId, oldDistrictId: target?.oldDistrictId ?? -1, provinceMatches: target !== null && target.provinceId === input.provinceId },
    position: { block: targetBlock, isElected: position?.isElected ?? false, provinceMatches: position !== null && position.provinceId === input.provinceId },
    effectiveDate: input.effectiveDate,
    justification: input.justification,
    reason: input.reason,
    openTransfer: open !== null,
    activeSecondment: secondment !== null,
    sourceLoad,
    targetWithinQuota,
    targetKey,
  };
  return { facts, current };
}

/** A database guard's refusal of a transfer row (lib/db/errors.ts), as a transfer refusal; null for anything else. */
function transferGuardRefusal(error: unknown): TransferRefusal | null {
  const guard = guardMessage(error);
  if (!guard?.key.startsWith('transfer.errors.')) return null;
  return { key: guard.key as TransferRefusalKey, field: guard.field ?? 'cadreId' };
}

/**
 * Checks every guard (active cadre with a primary commune assignment, other commune, source block stays at or
 * above quota after all approved moves, target block short or a key place the person fills, no open transfer,
 * no active secondment, effective date not before the current assignment's start) and inserts the `proposed`
 * row inside the caller's transaction, or returns the refusal. The caller writes the audit record.
 */
export async function insertTransferProposal(
  tx: Tx,
  db: Db,
  draft: TransferDraft,
  today: string,
  at?: Date,
): Promise<{ ok: true; transferId: number; justification: string | null } | { ok: false; refusal: TransferRefusal }> {
  const reason = draft.reason.normalize('NFC').trim();
  const justification = draft.justification?.normalize('NFC').trim() || null;
  const { facts, current } = await loadTransferFacts(tx, db, { ...draft, reason, justification }, today);
  const outcome = checkTransferGuards(facts);
  if (!outcome.ok) return { ok: false, refusal: { key: `transfer.errors.${outcome.code}`, field: outcome.field } };
  try {
    // A savepoint, so a refusal by the database (a concurrent proposal for the same person: the guards' facts were
    // read before it committed) leaves the caller's transaction usable and answers like the guard it races.
    await tx.$executeRawUnsafe('SAVEPOINT transfer_insert');
    const row = await tx.transfer.create({
      data: {
        provinceId: draft.provinceId, cadreId: draft.cadreId, fromCommuneId: current!.communeId, toCommuneId: draft.toCommuneId,
        fromAssignmentId: current!.id, positionId: draft.positionId, block: facts.position.block!, crossDistrict: outcome.crossDistrict,
        effectiveDate: day(draft.effectiveDate), reason, justification,
        source: draft.source, proposedById: draft.proposedById, proposedOn: day(today), createdAt: at, updatedAt: at,
      },
      select: { id: true },
    });
    await tx.$executeRawUnsafe('RELEASE SAVEPOINT transfer_insert');
    await notifyOpinionRequested(tx, row.id, at);
    return { ok: true, transferId: row.id, justification };
  } catch (error) {
    const refusal = transferGuardRefusal(error);
    if (!refusal) throw error;
    await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT transfer_insert');
    return { ok: false, refusal };
  }
}

/** The codes an audit record of a new proposal names. */
export async function findProposalCodes(tx: Tx, transferId: number) {
  const row = await tx.transfer.findUniqueOrThrow({
    where: { id: transferId },
    select: { crossDistrict: true, cadre: { select: { code: true } }, fromCommune: { select: { code: true } }, toCommune: { select: { code: true } }, position: { select: { code: true } } },
  });
  return { crossDistrict: row.crossDistrict, cadre: row.cadre.code, from: row.fromCommune.code, toCommune: row.toCommune.code, position: row.position.code };
}

/**
 * Proposes a transfer inside the caller's transaction, as the proposal action and the demo's replay both do: the
 * proposal (insertTransferProposal), a guard's refusal thrown beside the field it concerns too, and the audit
 * event of the new proposal with the codes it names. The value is the new transfer's id.
 */
export async function proposeTransfer(
  tx: Tx,
  db: Db,
  draft: TransferDraft,
  today: string,
  at?: Date,
): Promise<{ audit: AuditEvent<'transfer.propose'>; value: number }> {
  const inserted = await insertTransferProposal(tx, db, draft, today, at);
  if (!inserted.ok) throw new Refusal(inserted.refusal.key, { [inserted.refusal.field]: inserted.refusal.key });
  const codes = await findProposalCodes(tx, inserted.transferId);
  return {
    audit: {
      action: 'transfer.propose',
      entityId: inserted.transferId,
      after: {
        to: 'proposed', source: draft.source, cadre: codes.cadre, from: codes.from, toCommune: codes.toCommune, position: codes.position,
        effectiveDate: draft.effectiveDate, crossDistrict: codes.crossDistrict, comment: draft.reason, justification: inserted.justification,
      },
    },
    value: inserted.transferId,
  };
}

export type ApprovalInput = {
  transferId: number;
  provinceId: number;
  version: number;
  decisionNumber: string;
  /** YYYY-MM-DD */
  decisionDate: string;
  /** A province-level body (Sở Nội vụ, Ban Tổ chức Tỉnh ủy, UBND tỉnh …): a transfer crosses communes. */
  issuingBodyId: number;
  decidedById: number;
};

export type Approval = {
  /** What the approval leads to today: `executed` when the effective date is today or past (derived; the row stays approved). */
  status: 'approved' | 'executed'; newAssignmentId: number; closedAssignmentIds: number[]; fromCommuneId: number; toCommuneId: number; effectiveDate: string; cadreId: number;
  decisionId: number;
};

/** The audit event of an approval (the approval action and the demo's replay write the same). */
export const approvalAudit = (
  transferId: number,
  cadreCode: string,
  decision: { decisionNumber: string; decisionDate: string },
  approved: Approval,
): AuditEvent<'transfer.approve'> => ({
  action: 'transfer.approve',
  entityId: transferId,
  envelope: { effectiveOn: approved.effectiveDate, decisionId: approved.decisionId, affectsFigures: true },
  after: {
    from: 'proposed', to: 'approved', decisionNumber: decision.decisionNumber, decisionDate: decision.decisionDate, cadre: cadreCode,
    effectiveDate: approved.effectiveDate, newAssignmentId: approved.newAssignmentId, closedAssignmentIds: approved.closedAssignmentIds,
  },
});

/**
 * Approves a proposed transfer inside the caller's transaction: locks both communes (in id order: the quota
 * reservation, so two concurrent approvals are serialised and the second counts the first), re-checks every
 * guard with all approved-not-yet-effective transfers counted, records the decision (lib/db/decision-mutations.ts:
 * one row per document, shared by every transfer it decides; refused beside the field when the body is not a
 * province-level one or the number was recorded with another date), then writes the move (docs/domain.md,
 * Time and dates): the old primary assignment — and the person's other posts in the source commune — close the day before
 * the effective date by that decision, the new primary assignment opens on it by that decision. The transfer keeps
 * the decision's id and, as copies, its number and date. It stays `approved`: executed is read from the date.
 * Throws StaleWrite when the transfer is gone or moved on (state, version) and Refusal(transfer.errors.*) when a
 * guard refuses (the decision form has none of the proposal's fields: no field).
 */
export async function approveTransfer(tx: Tx, db: Db, input: ApprovalInput, today: string, at?: Date): Promise<Approval> {
  const head = await tx.transfer.findFirst({
    where: { id: input.transferId, provinceId: input.provinceId },
    select: { fromCommuneId: true, toCommuneId: true },
  });
  if (!head) throw new StaleWrite('transfer');
  const [first, second] = [head.fromCommuneId, head.toCommuneId].sort((a, b) => a - b);
  await tx.$queryRawUnsafe(`SELECT id FROM commune WHERE id IN ($1, $2) ORDER BY id FOR UPDATE`, first, second);
  const rows = await tx.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM transfer WHERE id = $1 FOR UPDATE`, input.transferId);
  if (rows.length === 0) throw new StaleWrite('transfer');
  const t = await tx.transfer.findUniqueOrThrow({
    where: { id: input.transferId },
    select: {
      state: true, version: true, cadreId: true, fromCommuneId: true, toCommuneId: true, fromAssignmentId: true, positionId: true,
      effectiveDate: true, reason: true, justification: true,
    },
  });
  if (t.state !== 'proposed' || t.version !== input.version) throw new StaleWrite('transfer');
  const effectiveDate = iso(t.effectiveDate);
  const { facts, current } = await loadTransferFacts(
    tx,
    db,
    { provinceId: input.provinceId, cadreId: t.cadreId, toCommuneId: t.toCommuneId, positionId: t.positionId, effectiveDate, reason: t.reason, justification: t.justification, excludeTransferId: input.transferId },
    today,
  );
  // The person's post changed since the proposal (a roster change): the proposal no longer describes the move.
  if (current && (current.id !== t.fromAssignmentId || current.communeId !== t.fromCommuneId)) throw new Refusal('transfer.errors.assignmentChanged');
  const outcome = checkTransferGuards(facts);
  if (!outcome.ok) throw new Refusal(`transfer.errors.${outcome.code}`);
  const decisionNumber = input.decisionNumber.normalize('NFC').trim();
  const decision = await recordDecision(tx, {
    provinceId: input.provinceId, communeId: null, issuingBodyId: input.issuingBodyId, number: decisionNumber, date: input.decisionDate, kind: 'transfer',
  }, at);
  try {
    // The primary assignment and the person's other posts in the source commune still open on the effective date.
    const closed = await tx.$queryRawUnsafe<{ id: number }[]>(
      `UPDATE assignment SET end_date = $3::date, end_decision_id = $4
        WHERE cadre_id = $1 AND commune_id = $2 AND start_date <= $3::date AND (end_date IS NULL OR end_date > $3::date)
        RETURNING id`,
      t.cadreId,
      t.fromCommuneId,
      dayBefore(effectiveDate),
      decision.id,
    );
    const created = await tx.assignment.create({
      data: { cadreId: t.cadreId, communeId: t.toCommuneId, positionId: t.positionId, isPrimary: true, startDate: t.effectiveDate, decisionId: decision.id, createdAt: at },
      select: { id: true },
    });
    const updated = await tx.transfer.updateMany({
      where: { id: input.transferId, version: input.version, state: 'proposed' },
      data: {
        state: 'approved', decisionId: decision.id, decisionNumber, decisionDate: day(input.decisionDate), decidedById: input.decidedById,
        newAssignmentId: created.id, version: { increment: 1 }, updatedAt: at,
      },
    });
    if (updated.count !== 1) throw new Error(`transfer ${input.transferId} changed under its row lock`);
    await notifyTransferDecided(tx, input.transferId, 'approved', input.decidedById, at);
    return {
      status: transferStatus({ state: 'approved', effectiveDate }, today) as Approval['status'], newAssignmentId: created.id, closedAssignmentIds: closed.map((r) => r.id).sort((a, b) => a - b),
      fromCommuneId: t.fromCommuneId, toCommuneId: t.toCommuneId, effectiveDate, cadreId: t.cadreId, decisionId: decision.id,
    };
  } catch (error) {
    // A roster change racing the approval (the person's primary post moved meanwhile) trips the assignment guards;
    // the transfer's own guards answer with their transfer.errors.* key.
    if (violatesGuard(error, 'assignment_one_open_primary') || violatesGuard(error, 'assignment_primary_no_overlap')) throw new Refusal('transfer.errors.assignmentChanged');
    const refusal = transferGuardRefusal(error);
    if (refusal) throw new Refusal(refusal.key);
    throw error;
  }
}

type StepInput = { transferId: number; version: number };

/** Writes `data` on a transfer still proposed at the form's version, bumping it; StaleWrite when it moved on meanwhile. */
async function updateProposed(tx: Tx, input: StepInput, data: Prisma.TransferUncheckedUpdateManyInput, at?: Date): Promise<void> {
  const updated = await tx.transfer.updateMany({
    where: { id: input.transferId, version: input.version, state: 'proposed' },
    data: { ...data, version: { increment: 1 }, updatedAt: at },
  });
  expectWritten(updated.count, 'transfer');
}

/** A chairman's opinion on his side of a proposed transfer, given at `at` (the instant the row records too). */
export async function recordTransferOpinion(
  tx: Tx,
  input: StepInput & { side: 'from' | 'to'; opinion: 'agree' | 'disagree'; note: string | null; at: Date },
): Promise<void> {
  await updateProposed(
    tx,
    input,
    input.side === 'from'
      ? { fromOpinion: input.opinion, fromOpinionNote: input.note, fromOpinionAt: input.at }
      : { toOpinion: input.opinion, toOpinionNote: input.note, toOpinionAt: input.at },
    input.at,
  );
}

/** A proposed transfer declined (by the decider) or cancelled (withdrawn), with its reason. */
export async function closeTransfer(
  tx: Tx,
  input: StepInput & ({ state: 'declined'; reason: string; decidedById: number } | { state: 'cancelled'; reason: string }),
  at?: Date,
): Promise<void> {
  await updateProposed(
    tx,
    input,
    input.state === 'declined' ? { state: 'declined', declineReason: input.reason, decidedById: input.decidedById } : { state: 'cancelled', cancelReason: input.reason },
    at,
  );
  if (input.state === 'declined') await notifyTransferDecided(tx, input.transferId, 'declined', input.decidedById, at);
}
