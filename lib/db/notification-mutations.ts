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
  /** The instant the item records (created_at): the database's clock unless a replayed story gives its own. */
  at?: Date;
};

/** Writes one item to each recipient (duplicates of a dedupe key are skipped); returns how many were written. */
export async function notify(tx: Tx, recipientIds: readonly number[], item: NotificationItem): Promise<number> {
  const ids = [...new Set(recipientIds)];
  if (ids.length === 0) return 0;
  if (!item.link.startsWith('/') || item.link.startsWith('//')) throw new Error(`notify: link must be an application path: ${item.link}`);
  const result = await tx.notification.createMany({
    data: ids.map((userId) => ({ userId, kind: item.kind, params: item.params ?? {}, link: item.link, dedupeKey: item.dedupeKey ?? null, createdAt: item.at })),
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

/** Marks one of the user's items read, now; 0 when it is not his or was already read. */
export async function markNotificationRead(tx: Tx, userId: number, notificationId: bigint): Promise<number> {
  const updated = await tx.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: new Date() } });
  return updated.count;
}

/** Marks every unread item of the user read, now; returns how many. */
export async function markAllNotificationsRead(tx: Tx, userId: number): Promise<number> {
  const updated = await tx.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return updated.count;
}

/**
 * Records derived reminders read (docs/decisions/045-inbox-and-reminders.md): a row under each reminder's key, read
 * now, so the reminder is listed read from then on; a key already stored keeps its first reading. Returns how many
 * were newly read.
 */
export async function markRemindersRead(tx: Tx, userId: number, reminders: readonly NotificationItem[]): Promise<number> {
  let read = 0;
  for (const reminder of reminders) {
    if (!reminder.dedupeKey) throw new Error('markRemindersRead: a reminder has a key');
    read += await tx.$executeRaw`
      INSERT INTO notification (user_id, kind, params, link, dedupe_key, read_at)
      VALUES (${userId}, ${reminder.kind}, ${JSON.stringify(reminder.params ?? {})}::jsonb, ${reminder.link}, ${reminder.dedupeKey}, now())
      ON CONFLICT (user_id, dedupe_key) DO UPDATE SET read_at = now() WHERE notification.read_at IS NULL`;
  }
  return read;
}

/**
 * Records a digest the SMTP server accepted (sent now): written only after acceptance, so a failed send is retried
 * by the next run; a second record of the same user and day is a no-op (one digest per user and day).
 */
export async function recordDigestSent(db: Pick<Tx, '$executeRaw'>, userId: number, day: string, itemCount: number): Promise<void> {
  await db.$executeRaw`
    INSERT INTO email_digest (user_id, day, item_count, sent_at) VALUES (${userId}, ${day}::date, ${itemCount}, now())
    ON CONFLICT (user_id, day) DO UPDATE SET sent_at = COALESCE(email_digest.sent_at, EXCLUDED.sent_at), item_count = EXCLUDED.item_count
    WHERE email_digest.sent_at IS NULL`;
}
