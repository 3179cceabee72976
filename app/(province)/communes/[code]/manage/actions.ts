'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/result';
import { cancelRosterChange } from '@/lib/actions/roster/cancel-roster-change';
import { sameOriginPath } from '@/lib/auth/safe-callback';

// Cancelling a person's latest change makes its own form disappear (nothing is left to cancel, or another change
// is next), so on success the page it was posted from is shown again with the notice in the address
// (`?notice=changeCancelled`), which the page shows. This works without JavaScript too (a 303 after the POST).
// Refusals come back to the form as usual; the permission, scope and rules stay in the action.

export async function cancelChangeAndShow(state: ActionResult<unknown> | null, formData: FormData): Promise<ActionResult<unknown>> {
  const result = await cancelRosterChange(state as never, formData);
  if (result.ok) {
    const back = sameOriginPath(formData.get('returnTo'));
    if (back) redirect(`${back.split('?')[0]}?notice=changeCancelled`);
  }
  return result;
}
