import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/auth/roles';

// The one writer of users' inboxes. A mutation that concerns someone calls `notify` inside its own transaction, so
// the item exists exactly when the change does. An item is a kind (its sentence is the catalogue's
// `notifications.kinds.<kind>`, rendered at the edge with `params`) and a link to the page to act on. A
// `dedupeKey` keeps a recurring reminder (a phase due in 7 days) to one item per user.

type Tx = Prisma.TransactionClient;

export type NotificationItem = {
  kind: string;
  params?: Record<string, string | number>;
  /** An application path, e.g. `/secondments/lists/12`. */
  link: string;
  dedupeKey?: string;
};

/** Writes one item to each recipient (duplicates of a dedupe key are skipped); returns how many were written. */
export async function notify(tx: Tx, recipientIds: readonly number[], item: NotificationItem): Promise<number> {
  const ids = [...new Set(recipientIds)];
  if (ids.length === 0) return 0;
  if (!item.link.startsWith('/') || item.link.startsWith('//')) throw new Error(`notify: link must be an application path: ${item.link}`);
  const result = await tx.notification.createMany({
    data: ids.map((userId) => ({ userId, kind: item.kind, params: item.params ?? {}, link: item.link, dedupeKey: item.dedupeKey ?? null })),
    skipDuplicates: true,
  });
  return result.count;
}

/**
 * The active users of a province with one of `roles`, optionally bound to a commune or a department (a chairman of
 * that commune, an officer of that department); province-wide roles match regardless of the unit.
 */
export async function recipients(tx: Tx, provinceId: number, roles: readonly Role[], unit?: { communeId?: number | null; departmentId?: number | null }): Promise<number[]> {
  const users = await tx.user.findMany({
    where: { provinceId, isActive: true, role: { in: [...roles] } },
    select: { id: true, role: true, communeId: true, departmentId: true },
  });
  return users
    .filter((u) => {
      if (u.role === 'commune_chairman') return unit?.communeId !== undefined && unit.communeId !== null && u.communeId === unit.communeId;
      if (u.role === 'department_officer') return unit?.departmentId !== undefined && unit.departmentId !== null && u.departmentId === unit.departmentId;
      return true;
    })
    .map((u) => u.id);
}
