import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from './prisma';

export type IssuingBodyOption = { id: number; name: string; kind: 'party' | 'state'; communeId: number | null };

/** The bodies that may decide a change in a commune: the commune's own (Party committee, council, committee) and the province's. */
export async function issuingBodiesFor(db: Db | Prisma.TransactionClient, provinceId: number, communeId: number | null): Promise<IssuingBodyOption[]> {
  const rows = await db.issuingBody.findMany({
    where: { provinceId, OR: [{ communeId: null }, ...(communeId === null ? [] : [{ communeId }])] },
    select: { id: true, name: true, kind: true, communeId: true },
    orderBy: [{ communeId: { sort: 'desc', nulls: 'last' } }, { sortOrder: 'asc' }, { id: 'asc' }],
  });
  return rows;
}

export type DecisionRef = { id: number; number: string; date: string; issuingBody: string; kind: string };

/** Decisions by id, for pages and the audit trail. */
export async function findDecisions(db: Db, ids: readonly number[]): Promise<Map<number, DecisionRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db.decision.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, number: true, date: true, kind: true, issuingBody: { select: { name: true } } },
  });
  return new Map(rows.map((r) => [r.id, { id: r.id, number: r.number, date: r.date.toISOString().slice(0, 10), issuingBody: r.issuingBody.name, kind: r.kind }]));
}
