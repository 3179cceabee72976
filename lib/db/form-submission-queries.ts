import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from './prisma';

/** A submitted form's token (lib/db/form-submission-mutations.ts): who submitted it to which action, and what came of it. */
export async function findFormSubmission(db: Db | Prisma.TransactionClient, token: string) {
  return db.formSubmission.findUnique({ where: { token }, select: { userId: true, action: true, value: true, result: true } });
}
