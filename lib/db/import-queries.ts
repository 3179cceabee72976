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

/** What the import template's example is made of for a province (lib/import/template.ts#templateExample). */
export type TemplateSource = {
  province: { code: string; name: string };
  /** Null while the province has no commune or no position with a block yet (go-live). */
  units: {
    commune: { code: string; name: string; kind: 'commune' | 'ward'; oldDistrict: string; mountainous: boolean; extremelyDisadvantaged: boolean };
    position: { code: string; titleVi: string; block: 'party_front' | 'government'; isKey: boolean; field: string | null; isElected: boolean; level: number };
    /** A post that is not key, for the example person. */
    postCode: string;
    department: { code: string; name: string; quota: number } | null;
    quota: { year: number; quota: number } | null;
    /** Every key position of the commune with its norm (the key_positions sheet is the whole truth for a commune it names). */
    norms: { positionCode: string; required: number }[];
  } | null;
  /** A code and a personal ID nobody holds. */
  personCode: string;
  nationalId: string;
};

/**
 * The import template's example for a province: its first commune, a key position of the catalogue with a block
 * and the first department as stored, with their quota and norms; and a code and a personal ID no record holds, for
 * a fictitious person, so that the template passes a dry run as downloaded.
 */
export async function loadTemplateSource(db: Db, provinceId: number, today: string): Promise<TemplateSource> {
  const year = Number(today.slice(0, 4));
  const province = await db.province.findUniqueOrThrow({ where: { id: provinceId }, select: { code: true, name: true } });
  let personCode = 'MAU00001';
  for (let n = 2; await db.cadre.findFirst({ where: { provinceId, code: personCode }, select: { id: true } }); n++) personCode = `MAU${String(n).padStart(5, '0')}`;
  const prefix = (await db.$queryRaw<{ prefix: string }[]>`
    SELECT substr(national_id, 1, 3) AS prefix FROM cadre WHERE province_id = ${provinceId} AND national_id ~ '^0[0-9]{11}$'
     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)[0]?.prefix ?? '001';
  let nationalId = `${prefix}090999999`;
  for (let serial = 999_998; await db.cadre.findFirst({ where: { nationalId }, select: { id: true } }); serial--) nationalId = `${prefix}090${String(serial).padStart(6, '0')}`;
  const commune = await db.commune.findFirst({ where: { provinceId }, orderBy: { code: 'asc' }, include: { oldDistrict: true } });
  const ordered = [{ sortOrder: 'asc' as const }, { code: 'asc' as const }];
  const position = await db.position.findFirst({ where: { provinceId, isKey: true, block: { not: null } }, orderBy: ordered });
  const post = await db.position.findFirst({ where: { provinceId, isKey: false, block: { not: null } }, orderBy: ordered });
  if (!commune || !position || !post) return { province, units: null, personCode, nationalId };
  const quota = await db.quota.findFirst({ where: { communeId: commune.id, block: position.block!, year: { lte: year } }, orderBy: { year: 'desc' } });
  const quotaYear = quota?.year ?? year;
  const department = await db.department.findFirst({ where: { provinceId }, orderBy: { code: 'asc' } });
  const departmentQuota = department
    ? await db.departmentQuota.findFirst({ where: { departmentId: department.id, year: { lte: quotaYear } }, orderBy: { year: 'desc' } })
    : null;
  const keyPositions = await db.position.findMany({ where: { provinceId, isKey: true, block: { not: null } }, orderBy: ordered, select: { id: true, code: true } });
  const norms = new Map((await db.keyPositionNorm.findMany({ where: { communeId: commune.id } })).map((n) => [n.positionId, n.required]));
  return {
    province,
    units: {
      commune: {
        code: commune.code, name: commune.name, kind: commune.kind, oldDistrict: commune.oldDistrict.name,
        mountainous: commune.mountainous, extremelyDisadvantaged: commune.extremelyDisadvantaged,
      },
      position: { code: position.code, titleVi: position.titleVi, block: position.block!, isKey: position.isKey, field: position.field, isElected: position.isElected, level: position.level },
      postCode: post.code,
      department: department ? { code: department.code, name: department.name, quota: departmentQuota?.quota ?? 0 } : null,
      quota: quota ? { year: quota.year, quota: quota.quota } : null,
      norms: keyPositions.map((p) => ({ positionCode: p.code, required: norms.get(p.id) ?? 1 })),
    },
    personCode,
    nationalId,
  };
}
