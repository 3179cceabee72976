import type { DepartureReason, Prisma } from '@/lib/generated/prisma/client';
import { expectWritten } from './errors';
import { bumpVersion } from './versions';

// The writes of the roster changes (lib/actions/roster), each inside the caller's transaction (ctx.write), which
// records the audit event. Each starts by bumping the person's version from the one the form was rendered
// with, so of two concurrent changes to one person exactly one is written. Dates are ISO (YYYY-MM-DD).

type Tx = Prisma.TransactionClient;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The person leaves on `date` with `reason`: status left, and every post of his still open in the commune ends that day. */
export async function recordDeparture(tx: Tx, input: { cadreId: number; version: number; communeId: number; date: string; reason: DepartureReason }): Promise<{ closedAssignments: number }> {
  await bumpVersion(tx, 'cadre', input.cadreId, input.version, "status = 'active'");
  await tx.cadre.update({ where: { id: input.cadreId }, data: { status: 'left', leftOn: day(input.date), leftReason: input.reason } });
  const closed = await tx.assignment.updateMany({ where: { cadreId: input.cadreId, communeId: input.communeId, endDate: null }, data: { endDate: day(input.date) } });
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
  input: { cadreId: number; version: number; communeId: number; currentAssignmentId: number; closeOn: string; positionId: number; effectiveDate: string; absorbed: AbsorbedConcurrent | null },
): Promise<{ assignmentId: number }> {
  await bumpVersion(tx, 'cadre', input.cadreId, input.version, "status = 'active'");
  const closed = await tx.assignment.updateMany({ where: { id: input.currentAssignmentId, endDate: null }, data: { endDate: day(input.closeOn) } });
  expectWritten(closed.count, 'primary assignment');
  if (input.absorbed) {
    const where = { id: input.absorbed.assignmentId, endDate: null };
    const done = input.absorbed.ending.kind === 'withdraw'
      ? await tx.assignment.deleteMany({ where })
      : await tx.assignment.updateMany({ where, data: { endDate: day(input.absorbed.ending.endDate) } });
    expectWritten(done.count, 'concurrent assignment');
  }
  const created = await tx.assignment.create({
    data: { cadreId: input.cadreId, communeId: input.communeId, positionId: input.positionId, isPrimary: true, startDate: day(input.effectiveDate) },
    select: { id: true },
  });
  return { assignmentId: created.id };
}

/** A concurrent post (kiêm nhiệm) in the commune from `startDate`. */
export async function addConcurrentPosition(tx: Tx, input: { cadreId: number; version: number; communeId: number; positionId: number; startDate: string }): Promise<{ assignmentId: number }> {
  await bumpVersion(tx, 'cadre', input.cadreId, input.version, "status = 'active'");
  const created = await tx.assignment.create({
    data: { cadreId: input.cadreId, communeId: input.communeId, positionId: input.positionId, isPrimary: false, startDate: day(input.startDate) },
    select: { id: true },
  });
  return { assignmentId: created.id };
}

/** A concurrent post stops: it ends on `ending.endDate`, or is withdrawn when it never took effect. */
export async function removeConcurrentPosition(
  tx: Tx,
  input: { cadreId: number; version: number; assignmentId: number; ending: { kind: 'withdraw' } | { kind: 'end'; endDate: string } },
): Promise<void> {
  await bumpVersion(tx, 'cadre', input.cadreId, input.version, "status = 'active'");
  const where = { id: input.assignmentId, endDate: null };
  const done = input.ending.kind === 'withdraw'
    ? await tx.assignment.deleteMany({ where })
    : await tx.assignment.updateMany({ where, data: { endDate: day(input.ending.endDate) } });
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
    provinceId: number; communeId: number; positionId: number; startDate: string; nextCode: (taken: string[]) => string;
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
  await tx.assignment.create({ data: { cadreId: cadre.id, communeId: input.communeId, positionId: input.positionId, isPrimary: true, startDate: day(input.startDate) } });
  return { id: cadre.id, code };
}
