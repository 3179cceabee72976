import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

export type AuditActor = { id: number | null; name: string; role: string; provinceId: number | null };
export type RequestContext = { ipAddress: string | null; userAgent: string | null };
export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

const json = (value: unknown) => (value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));

/** Writes one audit record inside the caller's transaction, so the change and its record commit together. */
export async function writeAudit(tx: Tx, actor: AuditActor, context: RequestContext, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      provinceId: actor.provinceId,
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: json(entry.before),
      after: json(entry.after),
      ipAddress: context.ipAddress?.slice(0, 100) ?? null,
      userAgent: context.userAgent?.slice(0, 500) ?? null,
    },
  });
}
