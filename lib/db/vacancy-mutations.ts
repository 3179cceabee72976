import 'server-only';
import type { Prisma, Urgency } from '@/lib/generated/prisma/client';
import { bumpVersion } from './versions';

// The writes of a commune's declared needs (lib/actions/vacancies), each in the caller's transaction, which
// records the audit event. Dates are ISO (YYYY-MM-DD).

type Tx = Prisma.TransactionClient;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A need of the commune, declared on `declaredOn`; returns its id. */
export async function insertVacancy(
  tx: Tx,
  input: { communeId: number; positionId: number | null; field: string | null; count: number; urgency: Urgency; note: string | null; declaredById: number; declaredOn: string },
): Promise<number> {
  const created = await tx.vacancy.create({ data: { ...input, declaredOn: day(input.declaredOn) }, select: { id: true } });
  return created.id;
}

/** Closes an open need from the version the form was rendered with (StaleWrite when it changed or is closed). */
export async function closeVacancy(tx: Tx, input: { vacancyId: number; version: number; closedOn: string; closedById: number; closeNote: string | null }): Promise<void> {
  await bumpVersion(tx, 'vacancy', input.vacancyId, input.version, "status = 'open'");
  await tx.vacancy.update({
    where: { id: input.vacancyId },
    data: { status: 'closed', closedOn: day(input.closedOn), closedById: input.closedById, closeNote: input.closeNote },
  });
}
