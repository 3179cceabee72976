'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import { markAllNotificationsRead as markAllStoredRead, markRemindersRead } from '@/lib/db/notification-mutations';
import { listUnreadReminders } from '@/lib/db/notification-queries';
import { MarkAllReadSchema } from '@/lib/validation/inbox';
import { defineAction } from '../define-action';
import { ok } from '../result';
import { inboxUserOf } from './load';

/** Marks every item of the user's own inbox read: the stored ones and the reminders due today. */
export const markAllNotificationsRead = defineAction('markAllNotificationsRead', 'inbox.read', MarkAllReadSchema, async (_input, ctx) => {
  const user = ctx.user;
  const reminders = await listUnreadReminders(ctx.db, inboxUserOf(user), today());
  await ctx.write(async (tx) => {
    const stored = await markAllStoredRead(tx, user.id);
    const derived = await markRemindersRead(tx, user.id, reminders.map((r) => ({ kind: r.kind, params: r.params, link: r.link, dedupeKey: r.key })));
    return { audit: { action: 'inbox.read', entityId: user.id, after: { items: stored + derived } } };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, 'inbox.notices.allRead');
});
