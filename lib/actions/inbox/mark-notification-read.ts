'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import { markNotificationRead as markStoredRead, markRemindersRead } from '@/lib/db/notification-mutations';
import { listReminders } from '@/lib/db/notification-queries';
import { MarkReadSchema } from '@/lib/validation/inbox';
import { defineAction } from '../define-action';
import { fail, ok } from '../result';
import { inboxUserOf } from './load';

/**
 * Marks one item of the user's own inbox read (a POST: reading the inbox writes nothing). A stored item of another
 * user is not found; a reminder is recomputed for today and found by its key, else it is no longer due.
 */
export const markNotificationRead = defineAction('markNotificationRead', 'inbox.read', MarkReadSchema, async (input, ctx) => {
  const user = ctx.user;
  if (input.id !== undefined) {
    const id = BigInt(input.id);
    const item = await ctx.db.notification.findFirst({ where: { id, userId: user.id }, select: { id: true } });
    if (!item) return fail('errors.notFound');
    await ctx.write(async (tx) => {
      const items = await markStoredRead(tx, user.id, id);
      return { audit: { action: 'inbox.read', entityId: user.id, after: { items } } };
    });
  } else {
    const reminder = (await listReminders(ctx.db, inboxUserOf(user), today())).find((r) => r.key === input.key);
    if (!reminder) return fail('inbox.errors.reminderGone');
    await ctx.write(async (tx) => {
      const items = await markRemindersRead(tx, user.id, [{ kind: reminder.kind, params: reminder.params, link: reminder.link, dedupeKey: reminder.key }]);
      return { audit: { action: 'inbox.read', entityId: user.id, after: { items } } };
    });
  }
  revalidatePath('/', 'layout');
  return ok(undefined, 'inbox.notices.read');
});
