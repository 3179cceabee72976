'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/result';
import { cancelRosterChange } from '@/lib/actions/roster/cancel-roster-change';
import { closeVacancy } from '@/lib/actions/vacancies/close-vacancy';
import { sameOriginPath } from '@/lib/auth/safe-callback';
import { routeCode } from '@/lib/validation/route-params';

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

/**
 * Closing a need makes its card, and the close form with its answer, leave the list: on success the workspace is shown
 * again at its needs with the notice in the address (`?notice=vacancyClosed#vacancies`), as above.
 */
export async function closeVacancyAndShow(state: ActionResult<undefined> | null, formData: FormData): Promise<ActionResult<undefined>> {
  const result = await closeVacancy(state as never, formData);
  const code = routeCode(String(formData.get('communeCode') ?? ''));
  if (result.ok && code) redirect(`/communes/${encodeURIComponent(code)}/manage?notice=vacancyClosed#vacancies`);
  return result;
}
