import type { DepartureReason, Prisma } from '@/lib/generated/prisma/client';
import type { CancellableRosterEvent } from '@/lib/audit/events';
import { Refusal, StaleWrite, expectWritten } from './errors';
import { transferHoldsCadreWhere } from './transfer-status';
import { bumpVersion } from './versions';

// The writes of the roster changes (lib/actions/roster), each inside the caller's transaction (ctx.write), which
// records the audit event. Each starts by bumping the person's version from the one the form was rendered
// with, so of two concurrent changes to one person exactly one is written. Dates are ISO (YYYY-MM-DD).

type Tx = Prisma.TransactionClient;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The person leaves on `date` with `reason`: status left, and every post of his still open in the commune ends that day. */
export async function recordDeparture(
  tx: Tx,
  input: { cadreId: number; version: number; communeId: number; date: string; reason: DepartureReason; decisionId: number },
): Promise<{ closedAssignments: number }> {
  await bumpVersion(tx, 'cadre', input.cadreId, input.version, "status = 'active'");
  await tx.cadre.update({ where: { id: input.cadreId }, data: { status: 'left', leftOn: day(input.date), leftReason: input.reason, leftDecisionId: input.decisionId } });
  const closed = await tx.assignment.updateMany({
    where: { cadreId: input.cadreId, communeId: input.communeId, endDate: null },
    data: { endDate: day(input.date), endDecisionId: input.decisionId },
  });
  return { closedAssignments: closed.count };
}

export type AbsorbedConcurrent = { assignmentId: number; ending: { kind: 'withdraw' } | { kind: 'end'; endDate: string } };

/**
 * The primary post changes from `effectiveDate`: the open primary assignment ends the day before, a new one
 * opens that day (the database refuses two open primaries and overlapping primary ranges); a concurrent
 * holding of the new position stops (ends, or is withdrawn when it had not started).
 */
export async function changePrimaryPosition(
  tx: Tx,
  input: {
    cadreId: number; version: number; communeId: number; currentAssignmentId: number; closeOn: string; positionId: number; effectiveDate: string;
    absorbed: AbsorbedConcurrent | null; decisionId: number;
  },
): Promise<{ assignmentId: number }> {
  await bumpVersion(tx, 'cadre', input.cadreId, input.version, "status = 'active'");
  const closed = await tx.assignment.updateMany({
    where: { id: input.currentAssignmentId, endDate: null },
    data: { endDate: day(input.closeOn), endDecisionId: input.decisionId },
  });
  expectWritten(closed.count, 'primary assignment');
  if (input.absorbed) {
    const where = { id: input.absorbed.assignmentId, endDate: null };
    const done = input.absorbed.ending.kind === 'withdraw'
      ? await tx.assignment.deleteMany({ where })
      : await tx.assignment.updateMany({ where, data: { endDate: day(input.absorbed.ending.endDate), endDecisionId: input.decisionId } });
    expectWritten(done.count, 'concurrent assignment');
  }
  const created = await tx.assignment.create({
    data: { cadreId: input.cadreId, communeId: input.communeId, positionId: input.positionId, isPrimary: true, startDate: day(input.effectiveDate), decisionId: input.decisionId },
    select: { id: true },
  });
  return { assignmentId: created.id };
}

/** A concurrent post (kiêm nhiệm) in the commune from `startDate`. */
export async function addConcurrentPosition(
  tx: Tx,
  input: { cadreId: number; version: number; communeId: number; positionId: number; startDate: string; decisionId: number },
): Promise<{ assignmentId: number }> {
  await bumpVersion(tx, 'cadre', input.cadreId, input.version, "status = 'active'");
  const created = await tx.assignment.create({
    data: { cadreId: input.cadreId, communeId: input.communeId, positionId: input.positionId, isPrimary: false, startDate: day(input.startDate), decisionId: input.decisionId },
    select: { id: true },
  });
  return { assignmentId: created.id };
}

/** A concurrent post stops: it ends on `ending.endDate`, or is withdrawn when it never took effect. */
export async function removeConcurrentPosition(
  tx: Tx,
  input: { cadreId: number; version: number; assignmentId: number; ending: { kind: 'withdraw' } | { kind: 'end'; endDate: string }; decisionId: number },
): Promise<void> {
  await bumpVersion(tx, 'cadre', input.cadreId, input.version, "status = 'active'");
  const where = { id: input.assignmentId, endDate: null };
  const done = input.ending.kind === 'withdraw'
    ? await tx.assignment.deleteMany({ where })
    : await tx.assignment.updateMany({ where, data: { endDate: day(input.ending.endDate), endDecisionId: input.decisionId } });
  expectWritten(done.count, 'concurrent assignment');
}

// Advisory-lock namespace of the province's cadre codes (first key of pg_advisory_xact_lock(int, int)).
const LOCK_CADRE_CODE = 5102;

/**
 * Locks the commune's row for the rest of the transaction: every change that adds a person to one of its blocks
 * or fills one of its key places takes this lock first (recruitment, change of primary post, concurrent post,
 * transfer approval), so a check read after it sees every earlier change committed and two cannot both pass.
 */
export async function lockCommune(tx: Tx, communeId: number): Promise<void> {
  await tx.$queryRawUnsafe('SELECT id FROM commune WHERE id = $1 FOR UPDATE', communeId);
}

/** A new person with his primary post in the commune from `startDate`, under the province's next free code. */
export async function insertRecruit(
  tx: Tx,
  input: {
    provinceId: number; communeId: number; positionId: number; startDate: string; decisionId: number; nextCode: (taken: string[]) => string;
    person: { fullName: string; gender: 'male' | 'female'; birthDate: string; education: Prisma.CadreCreateInput['education']; field: string | null; employmentType: Prisma.CadreCreateInput['employmentType'] };
  },
): Promise<{ id: number; code: string }> {
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1::int, $2::int)', LOCK_CADRE_CODE, input.provinceId);
  const last = await tx.$queryRawUnsafe<{ code: string }[]>(
    `SELECT code FROM cadre WHERE province_id = $1 AND code ~ '^CB[0-9]+$' ORDER BY length(code) DESC, code DESC LIMIT 1`,
    input.provinceId,
  );
  const code = input.nextCode(last.map((r) => r.code));
  const cadre = await tx.cadre.create({
    data: {
      provinceId: input.provinceId, code, fullName: input.person.fullName, gender: input.person.gender, birthDate: day(input.person.birthDate),
      education: input.person.education, field: input.person.field, employmentType: input.person.employmentType,
    },
    select: { id: true },
  });
  await tx.assignment.create({
    data: { cadreId: cadre.id, communeId: input.communeId, positionId: input.positionId, isPrimary: true, startDate: day(input.startDate), decisionId: input.decisionId },
  });
  return { id: cadre.id, code };
}

// ---- Cancelling a mistaken change: the record returns to its previous state (both steps stay in the trail) ----

type RevertInput = {
  cadreId: number; communeId: number; provinceId: number; action: CancellableRosterEvent; before: Record<string, unknown> | null; after: Record<string, unknown> | null;
  /** The business day: a transfer holds the person until its effective date (lib/domain/transfer.ts holdsTransferCadre). */
  today: string;
};

/**
 * Undoes a person's latest roster change from what its audit record says it wrote. Throws StaleWrite when a row
 * it must restore changed since (the record no longer describes the database), Refusal when a later workflow holds
 * the person (an open transfer) or the change cannot be rebuilt from its record.
 */
export async function revertRosterChange(tx: Tx, input: RevertInput): Promise<{ reopened: number[] }> {
  const open = await tx.transfer.count({ where: { cadreId: input.cadreId, ...transferHoldsCadreWhere(input.today) } });
  if (open > 0) throw new Refusal('roster.errors.cancelBlockedByTransfer');
  const num = (value: unknown) => (typeof value === 'number' ? value : null);
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const reopen = async (assignmentId: number | null, endDate?: string | null) => {
    if (assignmentId === null) throw new StaleWrite('assignment');
    const done = await tx.assignment.updateMany({
      where: { id: assignmentId, cadreId: input.cadreId, ...(endDate ? { endDate: day(endDate) } : { endDate: { not: null } }) },
      data: { endDate: null, endDecisionId: null },
    });
    expectWritten(done.count, 'assignment');
    return assignmentId;
  };
  const remove = async (assignmentId: number | null) => {
    if (assignmentId === null) throw new StaleWrite('assignment');
    expectWritten((await tx.assignment.deleteMany({ where: { id: assignmentId, cadreId: input.cadreId } })).count, 'assignment');
  };
  const recreate = async (positionCode: string | null, startDate: string | null, isPrimary: boolean) => {
    if (!positionCode || !startDate) throw new Refusal('roster.errors.cannotCancel');
    const position = await tx.position.findUnique({ where: { provinceId_code: { provinceId: input.provinceId, code: positionCode } }, select: { id: true } });
    if (!position) throw new Refusal('roster.errors.cannotCancel');
    return (await tx.assignment.create({ data: { cadreId: input.cadreId, communeId: input.communeId, positionId: position.id, isPrimary, startDate: day(startDate) }, select: { id: true } })).id;
  };
  const before = input.before ?? {};
  const after = input.after ?? {};
  switch (input.action) {
    case 'cadre.recruit': {
      // The person's row stays (its code is never reused); without a post he is never counted or listed.
      const removed = await tx.assignment.deleteMany({ where: { cadreId: input.cadreId } });
      if (removed.count === 0) throw new StaleWrite('assignment');
      return { reopened: [] };
    }
    case 'cadre.depart': {
      const leftOn = text(after.leftOn);
      const restored = await tx.cadre.updateMany({
        where: { id: input.cadreId, status: 'left', ...(leftOn ? { leftOn: day(leftOn) } : {}) },
        data: { status: 'active', leftOn: null, leftReason: null, leftDecisionId: null },
      });
      expectWritten(restored.count, 'cadre');
      const ids = Array.isArray(before.openAssignments) ? before.openAssignments.filter((id): id is number => typeof id === 'number') : [];
      const reopened = await tx.assignment.updateMany({ where: { id: { in: ids }, cadreId: input.cadreId, ...(leftOn ? { endDate: day(leftOn) } : {}) }, data: { endDate: null, endDecisionId: null } });
      expectWritten(reopened.count, 'assignments', ids.length);
      return { reopened: ids };
    }
    case 'cadre.changePrimaryPosition': {
      const primary = (after.primary ?? {}) as Record<string, unknown>;
      const closed = (after.closedPrimary ?? {}) as Record<string, unknown>;
      await remove(num(primary.assignmentId));
      const reopened = [await reopen(num(closed.assignmentId), text(closed.endDate))];
      const absorbed = after.absorbedConcurrent as Record<string, unknown> | undefined;
      if (absorbed) {
        if (absorbed.withdrawn) reopened.push(await recreate(text(absorbed.positionCode), text(absorbed.startDate), false));
        else reopened.push(await reopen(num(absorbed.assignmentId), text(absorbed.endDate)));
      }
      return { reopened };
    }
    case 'cadre.addConcurrentPosition':
      await remove(num(after.assignmentId));
      return { reopened: [] };
    case 'cadre.removeConcurrentPosition':
      if (after.withdrawn) return { reopened: [await recreate(text(before.positionCode), text(before.startDate), false)] };
      return { reopened: [await reopen(num(after.assignmentId), text(after.endDate))] };
  }
}
