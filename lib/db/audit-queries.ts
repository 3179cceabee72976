import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditFilters } from '@/lib/validation/audit-filters';
import type { Db } from './prisma';

export const AUDIT_PAGE_SIZE = 50;
/** The CSV export's ceiling, so one request cannot stream the whole history. */
export const AUDIT_EXPORT_LIMIT = 50_000;

export type AuditRow = {
  id: string;
  at: Date;
  actorName: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ipAddress: string | null;
  userAgent: string | null;
};

/** Start of the next calendar day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
const dayStart = (isoDate: string) => new Date(`${isoDate}T00:00:00+07:00`);
const nextDayStart = (isoDate: string) => new Date(dayStart(isoDate).getTime() + 86_400_000);

/**
 * The province's records, plus those of no province (failed sign-ins for unknown usernames, which belong
 * to this deployment).
 */
function auditWhere(provinceId: number, filters: AuditFilters): Prisma.AuditLogWhereInput {
  return {
    OR: [{ provinceId }, { provinceId: null }],
    ...(filters.actorId !== null ? { actorId: filters.actorId } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.from || filters.to
      ? { at: { ...(filters.from ? { gte: dayStart(filters.from) } : {}), ...(filters.to ? { lt: nextDayStart(filters.to) } : {}) } }
      : {}),
  };
}

const ROW_SELECT = {
  id: true, at: true, actorName: true, actorRole: true, action: true, entityType: true, entityId: true,
  before: true, after: true, ipAddress: true, userAgent: true,
} as const;

const toRow = (row: Omit<AuditRow, 'id'> & { id: bigint }): AuditRow => ({ ...row, id: row.id.toString() });

/** Newest first, with the id as tie-breaker. */
export async function listAuditPage(db: Db, provinceId: number, filters: AuditFilters): Promise<{ rows: AuditRow[]; total: number }> {
  const where = auditWhere(provinceId, filters);
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: ROW_SELECT,
    }),
    db.auditLog.count({ where }),
  ]);
  return { rows: rows.map(toRow), total };
}

export async function listAuditForExport(db: Db, provinceId: number, filters: AuditFilters): Promise<AuditRow[]> {
  const rows = await db.auditLog.findMany({
    where: auditWhere(provinceId, filters),
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: AUDIT_EXPORT_LIMIT,
    select: ROW_SELECT,
  });
  return rows.map(toRow);
}

export type AuditFilterOptions = { actors: { id: number; name: string }[]; entityTypes: string[] };

/** The filter form's choices: who has acted, on which kinds of entity. */
export async function listAuditFilterOptions(db: Db, provinceId: number): Promise<AuditFilterOptions> {
  const scope = { OR: [{ provinceId }, { provinceId: null }] };
  const [actors, entities] = await Promise.all([
    db.auditLog.groupBy({ by: ['actorId', 'actorName'], where: { ...scope, actorId: { not: null } }, orderBy: { actorName: 'asc' } }),
    db.auditLog.groupBy({ by: ['entityType'], where: scope, orderBy: { entityType: 'asc' } }),
  ]);
  const seen = new Set<number>();
  return {
    actors: actors
      .filter((row) => row.actorId !== null && !seen.has(row.actorId) && seen.add(row.actorId))
      .map((row) => ({ id: row.actorId as number, name: row.actorName })),
    entityTypes: entities.map((row) => row.entityType),
  };
}
