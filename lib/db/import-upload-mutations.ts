import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ImportReport } from '@/lib/import/types';

// The writes of the upload page's two steps (lib/actions/imports) on the stored workbook, each in the caller's
// transaction, which records the audit event. The staffing data itself is written by the import engine
// (lib/import), in its own transaction with its own audit records.

type Tx = Prisma.TransactionClient;

const stored = (report: ImportReport) => JSON.parse(JSON.stringify(report)) as Prisma.InputJsonValue;

/** Purges the province's uploads older than `before` (kept between dry run and apply only for a while). */
export async function purgeImportUploads(tx: Tx, provinceId: number, before: Date): Promise<void> {
  await tx.importUpload.deleteMany({ where: { provinceId, createdAt: { lt: before } } });
}

/** A checked workbook with its dry run's report, for the apply step on any instance. */
export async function insertImportUpload(
  tx: Tx,
  input: { id: string; provinceId: number; uploadedById: number; fileName: string; sha256: string; bytes: Uint8Array<ArrayBuffer>; report: ImportReport },
): Promise<void> {
  await tx.importUpload.create({
    data: {
      id: input.id,
      provinceId: input.provinceId,
      uploadedById: input.uploadedById,
      fileName: input.fileName,
      byteSize: input.bytes.byteLength,
      sha256: input.sha256,
      content: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
      report: stored(input.report),
      problemCount: input.report.problemCount,
    },
  });
}

/** The apply found problems (the data changed since the dry run): the upload, still checked, keeps the new report. */
export async function recordImportRefused(tx: Tx, input: { id: string; report: ImportReport }): Promise<void> {
  await tx.importUpload.updateMany({ where: { id: input.id, status: 'checked' }, data: { report: stored(input.report), problemCount: input.report.problemCount } });
}

/** The upload was applied by `appliedById`, with the apply's report. */
export async function markImportApplied(tx: Tx, input: { id: string; appliedById: number; report: ImportReport }): Promise<void> {
  await tx.importUpload.updateMany({
    where: { id: input.id, status: 'checked' },
    data: { status: 'applied', appliedAt: new Date(), appliedById: input.appliedById, report: stored(input.report), problemCount: 0 },
  });
}
