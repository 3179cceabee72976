'use server';

import { redirect } from 'next/navigation';
import { removePlanningEntry } from '@/lib/actions/planning/remove-planning-entry';
import type { ActionResult } from '@/lib/actions/result';
import { routeCode } from '@/lib/validation/route-params';

/**
 * Taking a person out of the plan makes his line, and the form with its answer, leave the post's list: on success the
 * commune's plan is shown again at its posts with the notice in the address (`?notice=removed#planning-posts`),
 * with or without JavaScript (a 303 after the POST). Refusals come back to the form; the rules stay in the action.
 */
export async function removePlanningEntryAndShow(state: ActionResult<undefined> | null, formData: FormData): Promise<ActionResult<undefined>> {
  const result = await removePlanningEntry(state as never, formData);
  const code = routeCode(String(formData.get('communeCode') ?? ''));
  const term = Number(formData.get('termId'));
  if (result.ok && code) {
    const query = new URLSearchParams({ ...(Number.isSafeInteger(term) && term > 0 ? { term: String(term) } : {}), notice: 'removed' });
    redirect(`/planning/${encodeURIComponent(code)}?${query}#planning-posts`);
  }
  return result;
}
