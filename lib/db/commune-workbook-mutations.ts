import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { WorkbookReport } from '@/lib/commune-workbook/types';
import { changeCount } from '@/lib/commune-workbook/types';
import { recordAudit, type AuditActor, type RequestContext } from './audit-writer';
import type { Db } from './prisma';

// The writes of the commune workbook's uploads (docs/decisions/047-commune-workbook.md). The upload route stores the
// file with its dry run and its audit event in one transaction; the apply action marks it applied (or keeps the new
// report when it is refused) inside its own transaction, which records the audit events.

type Tx = Prisma.TransactionClient;

const stored = (report: WorkbookReport) => JSON.parse(JSON.stringify(report)) as Prisma.InputJsonValue;

/** Stores an uploaded workbook with its dry run's report and the `communeWorkbook.check` event; purges old uploads. */
export async function storeWorkbookUpload(
  database: Db,
  actor: AuditActor,
  context: RequestContext,
  input: { id: string; communeId: number; uploadedById: number; fileName: string; sha256: string; bytes: Uint8Array; report: WorkbookReport; purgeBefore: Date },
): Promise<void> {
  await database.$transaction(async (tx) => {
    await tx.communeWorkbookUpload.deleteMany({ where: { communeId: input.communeId, createdAt: { lt: input.purgeBefore } } });
    await tx.communeWorkbookUpload.create({
      data: {
        id: input.id, communeId: input.communeId, uploadedById: input.uploadedById, fileName: input.fileName, byteSize: input.bytes.byteLength,
        sha256: input.sha256, content: new Uint8Array(input.bytes), report: stored(input.report),
      },
    });
    await recordAudit(tx, actor, context, {
      action: 'communeWorkbook.check', entityType: 'commune', entityId: input.communeId,
      after: {
        uploadId: input.id, fileName: input.fileName, byteSize: input.bytes.byteLength, sha256: input.sha256, ok: input.report.ok,
        problemCount: input.report.problems.length, conflictCount: input.report.conflicts.length, changeCount: changeCount(input.report),
      },
    });
  });
}

/** The upload is applied with `report`; false when it was not waiting (applied already, or gone). */
export async function markWorkbookApplied(tx: Tx, input: { id: string; appliedById: number; report: WorkbookReport }): Promise<boolean> {
  const done = await tx.communeWorkbookUpload.updateMany({
    where: { id: input.id, status: 'checked' },
    data: { status: 'applied', appliedAt: new Date(), appliedById: input.appliedById, report: stored(input.report) },
  });
  return done.count === 1;
}

/** The apply found problems or conflicts (the data changed since the dry run): the upload keeps the new report. */
export async function recordWorkbookRefused(tx: Tx, input: { id: string; report: WorkbookReport }): Promise<void> {
  await tx.communeWorkbookUpload.updateMany({ where: { id: input.id, status: 'checked' }, data: { report: stored(input.report) } });
}

/**
 * Runs `work` in a savepoint of the caller's transaction: when it throws, what it wrote is undone and the error is
 * rethrown, and the transaction goes on (a refused change of a workbook does not stop the others being tried).
 */
export async function inSavepoint(tx: Tx, work: () => Promise<void>): Promise<void> {
  await tx.$executeRawUnsafe('SAVEPOINT workbook_change');
  try {
    await work();
  } catch (error) {
    await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT workbook_change');
    throw error;
  }
  await tx.$executeRawUnsafe('RELEASE SAVEPOINT workbook_change');
}

class RolledBack extends Error {}

/** Runs `work` in a transaction that is always rolled back (a dry run), and returns what it returned. */
export async function inRolledBackTransaction<T>(database: Db, work: (tx: Tx) => Promise<T>, timeout: number): Promise<T> {
  let value: T | undefined;
  try {
    await database.$transaction(async (tx) => {
      value = await work(tx);
      throw new RolledBack();
    }, { timeout });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return value as T;
}
