import 'server-only';
import type { ImportReport } from '@/lib/import/types';
import type { Db } from './prisma';

export type ImportSummary = {
  id: string;
  fileName: string;
  byteSize: number;
  status: 'checked' | 'applied';
  problemCount: number;
  createdAt: Date;
  appliedAt: Date | null;
  uploadedBy: string | null;
  appliedBy: string | null;
};

export type ImportDetail = ImportSummary & { sha256: string; report: ImportReport | null; provinceId: number };

/** Uploads are kept this long between dry run and apply; older ones are purged on the next upload. */
export const IMPORT_RETENTION_DAYS = 7;

async function userNames(db: Db, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map<number, string>();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** The province's recent uploads, newest first (without their content). */
export async function listImports(db: Db, provinceId: number, limit = 20): Promise<ImportSummary[]> {
  const rows = await db.importUpload.findMany({
    where: { provinceId },
    select: { id: true, fileName: true, byteSize: true, status: true, problemCount: true, createdAt: true, appliedAt: true, uploadedById: true, appliedById: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: limit,
  });
  const names = await userNames(db, rows.flatMap((r) => [r.uploadedById, r.appliedById]));
  return rows.map((r) => ({
    id: r.id,
    fileName: r.fileName,
    byteSize: r.byteSize,
    status: r.status,
    problemCount: r.problemCount,
    createdAt: r.createdAt,
    appliedAt: r.appliedAt,
    uploadedBy: r.uploadedById === null ? null : (names.get(r.uploadedById) ?? null),
    appliedBy: r.appliedById === null ? null : (names.get(r.appliedById) ?? null),
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One upload of the province with its report (without its content); null when unknown or of another province. */
export async function findImport(db: Db, provinceId: number, id: string): Promise<ImportDetail | null> {
  if (!UUID.test(id)) return null;
  const row = await db.importUpload.findFirst({
    where: { id, provinceId },
    select: {
      id: true, provinceId: true, fileName: true, byteSize: true, sha256: true, status: true, problemCount: true,
      createdAt: true, appliedAt: true, uploadedById: true, appliedById: true, report: true,
    },
  });
  if (!row) return null;
  const names = await userNames(db, [row.uploadedById, row.appliedById]);
  return {
    id: row.id,
    provinceId: row.provinceId,
    fileName: row.fileName,
    byteSize: row.byteSize,
    sha256: row.sha256,
    status: row.status,
    problemCount: row.problemCount,
    createdAt: row.createdAt,
    appliedAt: row.appliedAt,
    uploadedBy: row.uploadedById === null ? null : (names.get(row.uploadedById) ?? null),
    appliedBy: row.appliedById === null ? null : (names.get(row.appliedById) ?? null),
    report: (row.report as ImportReport | null) ?? null,
  };
}

/** The stored bytes of an upload, for the apply step (any instance may run it). */
export async function loadImportContent(db: Db, provinceId: number, id: string): Promise<Uint8Array | null> {
  if (!UUID.test(id)) return null;
  const row = await db.importUpload.findFirst({ where: { id, provinceId }, select: { content: true } });
  return row ? new Uint8Array(row.content) : null;
}
