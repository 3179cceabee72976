import type { Role } from '@/lib/auth/roles';
import { formatDate } from '@/lib/domain/format';
import { listDueDate, phaseReminderKey, phaseReminderKind, recordsReminderKey, type Reminder } from '@/lib/domain/reminders';
import type { ListState } from '@/lib/domain/secondment';
import { listIncompleteRecords } from './completeness-queries';
import { poolOf, type Db } from './prisma';

// Reads of a user's inbox (docs/decisions/045-inbox-and-reminders.md): the stored events, and the reminders derived
// from dates and the record when the inbox or a digest is built (never written by a read). No 'server-only': the
// `remind` command builds the same items.

export type InboxUser = { id: number; role: Role; provinceId: number; communeId: number | null; departmentId: number | null };

/** One line of the inbox: a stored item, or a reminder not yet marked read (`id` null, `key` its dedupe key). */
export type InboxItem = {
  id: string | null;
  key: string | null;
  kind: string;
  params: Record<string, string | number>;
  link: string;
  at: Date;
  read: boolean;
};

/** The header's count: the user's unread stored items (one count over the (user_id, read_at) index). */
export async function countUnread(db: Db, userId: number): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

type PhaseRow = { phase_id: number; number: number; year: number; phase_due: string; list_id: number | null; state: ListState | null; list_due: string | null };

/**
 * The reminders due for a user today: for a department officer, each phase whose list her department has not
 * submitted and whose due date (the list's own after a return) is within a week or passed (phaseReminderKind); for
 * a commune chairman, his commune's records that lack what the national file needs first (lib/domain/completeness.ts).
 */
export async function listReminders(db: Db, user: InboxUser, today: string): Promise<Reminder[]> {
  if (user.role === 'department_officer' && user.departmentId !== null) {
    const { rows } = await poolOf(db).query<PhaseRow>(
      `SELECT p.id AS phase_id, p.number, p.year, to_char(p.due_date, 'YYYY-MM-DD') AS phase_due,
              l.id AS list_id, l.state::text AS state, to_char(l.due_date, 'YYYY-MM-DD') AS list_due
         FROM secondment_phase p LEFT JOIN secondment_list l ON l.phase_id = p.id AND l.department_id = $2
        WHERE p.province_id = $1
        ORDER BY p.year, p.number, p.id`,
      [user.provinceId, user.departmentId],
    );
    return rows.flatMap((r) => {
      const dueDate = listDueDate({ dueDate: r.list_due }, r.phase_due);
      const kind = phaseReminderKind(r.state, dueDate, today);
      if (!kind) return [];
      return [{
        key: phaseReminderKey(r.phase_id, kind, dueDate),
        kind,
        params: { phase: String(r.number), year: String(r.year), dueDate: formatDate(dueDate) },
        link: r.list_id ? `/secondments/lists/${r.list_id}` : '/secondments',
      }];
    });
  }
  if (user.role === 'commune_chairman' && user.communeId !== null) {
    const incomplete = await listIncompleteRecords(db, user.communeId, today);
    if (incomplete.length === 0) return [];
    const commune = await db.commune.findUniqueOrThrow({ where: { id: user.communeId }, select: { code: true, name: true } });
    return [{
      key: recordsReminderKey(user.communeId, today),
      kind: 'recordsIncomplete',
      params: { count: incomplete.length, commune: commune.name },
      link: `/communes/${commune.code}/manage/completeness`,
    }];
  }
  return [];
}

/** The reminders of `keys` the user has already marked read (a stored row under the key). */
async function readReminderKeys(db: Db, userId: number, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.notification.findMany({ where: { userId, dedupeKey: { in: [...keys] } }, select: { dedupeKey: true } });
  return new Set(rows.map((r) => r.dedupeKey!));
}

/** The reminders due today that the user has not marked read. */
export async function listUnreadReminders(db: Db, user: InboxUser, today: string): Promise<Reminder[]> {
  const reminders = await listReminders(db, user, today);
  const read = await readReminderKeys(db, user.id, reminders.map((r) => r.key));
  return reminders.filter((r) => !read.has(r.key));
}

export const INBOX_PAGE_SIZE = 100;

/**
 * The inbox, newest first: the reminders due today not yet marked read (at the top, as of `now`), then the stored
 * items (a reminder marked read is one of them), at most INBOX_PAGE_SIZE of those.
 */
export async function listInbox(db: Db, user: InboxUser, today: string, now: Date): Promise<InboxItem[]> {
  const [reminders, stored] = await Promise.all([
    listUnreadReminders(db, user, today),
    db.notification.findMany({
      where: { userId: user.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: INBOX_PAGE_SIZE,
      select: { id: true, kind: true, params: true, link: true, createdAt: true, readAt: true },
    }),
  ]);
  return [
    ...reminders.map((r) => ({ id: null, key: r.key, kind: r.kind, params: r.params, link: r.link, at: now, read: false })),
    ...stored.map((n) => ({
      id: n.id.toString(), key: null, kind: n.kind, params: n.params as Record<string, string | number>, link: n.link, at: n.createdAt, read: n.readAt !== null,
    })),
  ];
}

/** The stored items a digest reports: unread, and recorded after the user's last digest (all unread ones before any). */
export async function listUnreadSince(db: Db, userId: number, since: Date | null): Promise<InboxItem[]> {
  const rows = await db.notification.findMany({
    where: { userId, readAt: null, ...(since ? { createdAt: { gt: since } } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, kind: true, params: true, link: true, createdAt: true },
  });
  return rows.map((n) => ({ id: n.id.toString(), key: null, kind: n.kind, params: n.params as Record<string, string | number>, link: n.link, at: n.createdAt, read: false }));
}

/** A user a digest may go to: active, with an email address, no digest sent on `day` yet; his last digest's time. */
export type DigestRecipient = InboxUser & { username: string; displayName: string; email: string; lastSentAt: Date | null };

/** The users to consider for `day`'s digests (Asia/Ho_Chi_Minh), by id: at most one digest per user and day. */
export async function listDigestRecipients(db: Db, day: string): Promise<DigestRecipient[]> {
  const { rows } = await poolOf(db).query<{
    id: number; username: string; display_name: string; email: string; role: Role; province_id: number; commune_id: number | null; department_id: number | null;
    last_sent_at: Date | null;
  }>(
    `SELECT u.id, u.username, u.display_name, btrim(u.email) AS email, u.role::text AS role, u.province_id, u.commune_id, u.department_id,
            (SELECT max(d.sent_at) FROM email_digest d WHERE d.user_id = u.id) AS last_sent_at
       FROM app_user u
      WHERE u.is_active AND NULLIF(btrim(u.email), '') IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM email_digest d WHERE d.user_id = u.id AND d.day = $1::date AND d.sent_at IS NOT NULL)
      ORDER BY u.id`,
    [day],
  );
  return rows.map((r) => ({
    id: r.id, username: r.username, displayName: r.display_name, email: r.email, role: r.role, provinceId: r.province_id,
    communeId: r.commune_id, departmentId: r.department_id, lastSentAt: r.last_sent_at,
  }));
}
