import { candidateOnForward, listAfterDecisions, type CandidateState, type ListState, type PostKind } from '@/lib/domain/secondment';
import type { Prisma } from '@/lib/generated/prisma/client';
import { StaleWrite, expectWritten } from './errors';
import { bumpVersion } from './versions';
import { notifyListDecided, notifyListReturned, notifyListSubmitted } from './workflow-notifications';

// The writes of the 5% secondment workflow (lib/actions/secondments), each inside the caller's transaction
// (ctx.write), which records the audit events. A change to a phase, list or candidate starts by bumping its
// version from the one the form was rendered with, on the condition that it is still in the state the change
// expects, so of two concurrent changes exactly one is written and the other throws StaleWrite. The database's
// own guards (one list per department and phase, one open list per cadre, no overlapping secondments) are
// mapped to messages by lib/db/errors.ts. Dates are ISO (YYYY-MM-DD). `at` is the instant a write records
// (created_at, updated_at): the database's clock unless a replayed story gives its own (lib/demo/replay.ts).

type Tx = Prisma.TransactionClient;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The states in which the department may still edit its list (lib/domain/secondment.ts isEditableList). */
const EDITABLE = "state IN ('draft', 'returned')";
const SUBMITTED = "state = 'submitted'";
const FORWARDED = "state = 'forwarded'";

export async function createPhase(
  tx: Tx,
  input: { provinceId: number; year: number; number: number; dueDate: string; note: string | null; openedOn: string },
  at?: Date,
): Promise<{ phaseId: number }> {
  const phase = await tx.secondmentPhase.create({
    data: {
      provinceId: input.provinceId, year: input.year, number: input.number, dueDate: day(input.dueDate), note: input.note, openedOn: day(input.openedOn), createdAt: at,
    },
    select: { id: true },
  });
  return { phaseId: phase.id };
}

/** A later due date; a blank note keeps the phase's note. */
export async function extendPhase(tx: Tx, input: { phaseId: number; version: number; dueDate: string; note: string | null }): Promise<void> {
  await bumpVersion(tx, 'secondment_phase', input.phaseId, input.version);
  await tx.secondmentPhase.update({ where: { id: input.phaseId }, data: { dueDate: day(input.dueDate), ...(input.note !== null ? { note: input.note } : {}) } });
}

export async function createList(tx: Tx, input: { phaseId: number; departmentId: number }, at?: Date): Promise<{ listId: number }> {
  const list = await tx.secondmentList.create({ data: { phaseId: input.phaseId, departmentId: input.departmentId, createdAt: at, updatedAt: at }, select: { id: true } });
  return { listId: list.id };
}

export async function proposeCandidate(
  tx: Tx,
  input: { listId: number; version: number; cadreId: number; kind: PostKind; field: string | null; preferredCommuneId: number | null },
  at?: Date,
): Promise<{ candidateId: number }> {
  await bumpVersion(tx, 'secondment_list', input.listId, input.version, EDITABLE, at);
  const candidate = await tx.secondmentCandidate.create({
    data: {
      listId: input.listId, cadreId: input.cadreId, kind: input.kind, field: input.field, preferredCommuneId: input.preferredCommuneId, createdAt: at, updatedAt: at,
    },
    select: { id: true },
  });
  return { candidateId: candidate.id };
}

export async function removeCandidate(tx: Tx, input: { listId: number; version: number; candidateId: number }): Promise<void> {
  await bumpVersion(tx, 'secondment_list', input.listId, input.version, EDITABLE);
  const removed = await tx.secondmentCandidate.deleteMany({ where: { id: input.candidateId, listId: input.listId } });
  expectWritten(removed.count, 'secondment_candidate');
}

/** The list goes to the Organizing Committee (told in its inbox): a new round, dated, with its justification when below the minimum. */
export async function submitList(
  tx: Tx,
  input: { listId: number; version: number; to: ListState; submittedOn: string; justification: string | null },
  at?: Date,
): Promise<void> {
  await bumpVersion(tx, 'secondment_list', input.listId, input.version, EDITABLE, at);
  await tx.secondmentList.update({
    where: { id: input.listId },
    data: { state: input.to, submittedOn: day(input.submittedOn), justification: input.justification, round: { increment: 1 }, updatedAt: at },
  });
  await notifyListSubmitted(tx, input.listId, at);
}

/**
 * Records an assessment while the list is under review: the list's row is locked first, so a concurrent
 * forward or return waits for this one (and this one is stale if the list moved on before it).
 */
export async function assessCandidate(
  tx: Tx,
  input: { listId: number; candidateId: number; version: number; to: CandidateState; reason: string | null },
  at?: Date,
): Promise<void> {
  const locked = await tx.$queryRaw<{ state: string }[]>`SELECT state::text FROM secondment_list WHERE id = ${input.listId} FOR UPDATE`;
  if (locked[0]?.state !== 'submitted') throw new StaleWrite('secondment_list');
  await bumpVersion(tx, 'secondment_candidate', input.candidateId, input.version, undefined, at);
  await tx.secondmentCandidate.update({
    where: { id: input.candidateId },
    data: { state: input.to, assessmentReason: input.reason, updatedAt: at },
  });
}

/** The list goes back to its department with its own new due date, and its officers are told (the same transaction). */
export async function returnList(tx: Tx, input: { listId: number; version: number; to: ListState; dueDate: string }, at?: Date): Promise<void> {
  await bumpVersion(tx, 'secondment_list', input.listId, input.version, SUBMITTED, at);
  await tx.secondmentList.update({ where: { id: input.listId }, data: { state: input.to, dueDate: day(input.dueDate), updatedAt: at } });
  await notifyListReturned(tx, input.listId, at);
}

/**
 * The list goes to the Standing Committee: those who meet the standards are forwarded; those who do not are
 * released (they no longer hold their cadre). Returns the forwarded candidates.
 */
export async function forwardList(tx: Tx, input: { listId: number; version: number; to: ListState }, at?: Date): Promise<{ forwardedIds: number[] }> {
  await bumpVersion(tx, 'secondment_list', input.listId, input.version, SUBMITTED, at);
  await tx.secondmentList.update({ where: { id: input.listId }, data: { state: input.to, updatedAt: at } });
  // The list's row is now this transaction's (assessCandidate locks it first): its candidates cannot change meanwhile.
  const candidates = await tx.secondmentCandidate.findMany({ where: { listId: input.listId }, select: { id: true, state: true } });
  if (candidates.some((c) => c.state === 'proposed') || !candidates.some((c) => c.state === 'meets')) throw new Error('forward: candidates changed under the list lock');
  const forwardedIds = candidates.filter((c) => candidateOnForward(c.state) === 'forwarded').map((c) => c.id);
  await tx.secondmentCandidate.updateMany({
    where: { id: { in: forwardedIds } },
    data: { state: 'forwarded', version: { increment: 1 }, updatedAt: at },
  });
  return { forwardedIds };
}

export type Decision = { kind: 'approve'; conclusionNumber: string; conclusionDate: string } | { kind: 'decline'; reason: string | null };

/**
 * The Standing Committee decides forwarded candidates of a list. An approval cites a Conclusion, recorded once
 * per number in the province (a second decision citing the same number links to it); the stored date is
 * returned so the caller can refuse a citation whose date differs. The list is decided once none of its
 * candidates awaits a decision.
 */
export async function decideCandidates(
  tx: Tx,
  input: { listId: number; version: number; provinceId: number; candidateIds: number[]; decision: Decision },
  at?: Date,
): Promise<{ listState: ListState; conclusionDate: string | null }> {
  await bumpVersion(tx, 'secondment_list', input.listId, input.version, FORWARDED, at);
  const { decision } = input;
  const conclusion = decision.kind === 'approve' ? await recordConclusion(tx, input.provinceId, decision.conclusionNumber, decision.conclusionDate, at) : null;
  const to = decision.kind === 'approve' ? 'approved' : 'declined';
  const updated = await tx.secondmentCandidate.updateMany({
    where: { id: { in: input.candidateIds }, listId: input.listId, state: 'forwarded' },
    data: conclusion
      ? { state: to, conclusionId: conclusion.id, version: { increment: 1 }, updatedAt: at }
      : { state: to, decisionReason: decision.kind === 'decline' ? decision.reason : null, version: { increment: 1 }, updatedAt: at },
  });
  if (updated.count !== input.candidateIds.length) throw new Error('decide: candidates changed under the list lock');
  const remaining = await tx.secondmentCandidate.findMany({ where: { listId: input.listId }, select: { state: true } });
  const listState = listAfterDecisions('forwarded', remaining.map((c) => c.state));
  if (listState !== 'forwarded') await tx.secondmentList.update({ where: { id: input.listId }, data: { state: listState, updatedAt: at } });
  if (listState === 'decided') await notifyListDecided(tx, input.listId, at);
  return { listState, conclusionDate: conclusion?.date ?? null };
}

/**
 * The Conclusion with this number in the province, created with `date` unless it exists: one statement, so two
 * decisions citing a new number at once both link to the one row (a read-then-insert would let the second fail
 * on the unique index).
 */
async function recordConclusion(tx: Tx, provinceId: number, number: string, date: string, at?: Date): Promise<{ id: number; date: string }> {
  const rows = await tx.$queryRaw<{ id: number; date: string }[]>`
    INSERT INTO conclusion (province_id, number, date, created_at) VALUES (${provinceId}, ${number}, ${date}::date, COALESCE(${at?.toISOString() ?? null}::timestamptz, now()))
    ON CONFLICT (province_id, number) DO UPDATE SET number = EXCLUDED.number
    RETURNING id, to_char(date, 'YYYY-MM-DD') AS date`;
  return rows[0];
}

/**
 * An approved candidate is placed: a secondment record (never an assignment: he stays on the department's
 * staff), which from now on is what holds the cadre (the no-overlap guard), so the candidate row lets go.
 */
export async function placeCandidate(
  tx: Tx,
  input: { candidateId: number; version: number; cadreId: number; departmentId: number; communeId: number; positionId: number; startDate: string; endDate: string; decisionId: number },
  at?: Date,
): Promise<{ secondmentId: number }> {
  await bumpVersion(tx, 'secondment_candidate', input.candidateId, input.version, "state = 'approved'", at);
  await tx.secondmentCandidate.update({ where: { id: input.candidateId }, data: { state: 'placed', updatedAt: at } });
  const secondment = await tx.secondment.create({
    data: {
      candidateId: input.candidateId, cadreId: input.cadreId, departmentId: input.departmentId, communeId: input.communeId, positionId: input.positionId,
      startDate: day(input.startDate), endDate: day(input.endDate), decisionId: input.decisionId, createdAt: at,
    },
    select: { id: true },
  });
  return { secondmentId: secondment.id };
}

/** The secondment ends on `date` (early with a reason) by its decision, and its candidate with it: the cadre is back at the department. */
export async function endSecondment(tx: Tx, input: { secondmentId: number; version: number; candidateId: number; date: string; reason: string | null; decisionId: number }): Promise<void> {
  const ended = await tx.secondment.updateMany({
    where: { id: input.secondmentId, version: input.version, endedOn: null },
    data: { endedOn: day(input.date), endReason: input.reason, endDecisionId: input.decisionId, version: { increment: 1 } },
  });
  expectWritten(ended.count, 'secondment');
  const candidate = await tx.secondmentCandidate.updateMany({ where: { id: input.candidateId, state: 'placed' }, data: { state: 'ended', version: { increment: 1 } } });
  expectWritten(candidate.count, 'secondment_candidate');
}
