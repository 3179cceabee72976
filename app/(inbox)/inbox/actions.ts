'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/result';
import { markAllNotificationsRead } from '@/lib/actions/inbox/mark-all-notifications-read';
import { markNotificationRead } from '@/lib/actions/inbox/mark-notification-read';

// Marking read goes back to the inbox with the notice in the address (`?notice=`): a 303 after the POST, so it works
// without JavaScript and a reload does not post again. Refusals come back to the form as usual; the checks stay in
// the actions these wrap.

type State = ActionResult<undefined> | null;

export async function markReadAndShow(state: State, formData: FormData): Promise<ActionResult<undefined>> {
  const result = await markNotificationRead(state, formData);
  if (result.ok) redirect('/inbox?notice=read');
  return result;
}

export async function markAllReadAndShow(state: State, formData: FormData): Promise<ActionResult<undefined>> {
  const result = await markAllNotificationsRead(state, formData);
  if (result.ok) redirect('/inbox?notice=allRead');
  return result;
}
