'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/result';
import { createSecondmentList, submitSecondmentList } from '@/lib/actions/secondments/lists';
import { forwardSecondmentList, returnSecondmentList } from '@/lib/actions/secondments/review';
import { decideSecondmentCandidates } from '@/lib/actions/secondments/decide';
import { endSecondment, placeSecondmentCandidate } from '@/lib/actions/secondments/placement';

// The steps that move a list or a candidate on make their own form disappear (the page shows the next step),
// so on success they go to the list's page with the notice in the address (`?notice=`), which the page shows.
// This works without JavaScript too (a 303 after the POST). Refusals come back to the form as usual. The
// permission, scope and state checks stay in the actions these wrap.

type State = ActionResult<unknown> | null;

const listPage = (listId: unknown, notice: string) => {
  const id = Number(listId);
  return Number.isInteger(id) && id > 0 ? `/secondments/lists/${id}?notice=${notice}` : `/secondments?notice=${notice}`;
};

export async function createListAndOpen(state: State, formData: FormData): Promise<ActionResult<unknown>> {
  const result = await createSecondmentList(state as never, formData);
  if (result.ok) redirect(listPage(result.data.listId, 'listCreated'));
  return result;
}

export async function submitListAndShow(state: State, formData: FormData): Promise<ActionResult<unknown>> {
  const result = await submitSecondmentList(state as never, formData);
  if (result.ok) redirect(listPage(formData.get('listId'), 'submitted'));
  return result;
}

export async function forwardListAndShow(state: State, formData: FormData): Promise<ActionResult<unknown>> {
  const result = await forwardSecondmentList(state as never, formData);
  if (result.ok) redirect(listPage(formData.get('listId'), 'forwarded'));
  return result;
}

export async function returnListAndShow(state: State, formData: FormData): Promise<ActionResult<unknown>> {
  const result = await returnSecondmentList(state as never, formData);
  if (result.ok) redirect(listPage(formData.get('listId'), 'returned'));
  return result;
}

export async function decideAndShow(state: State, formData: FormData): Promise<ActionResult<unknown>> {
  const result = await decideSecondmentCandidates(state as never, formData);
  if (result.ok) redirect(listPage(formData.get('listId'), result.notice === 'secondment.notices.declined' ? 'declined' : 'approved'));
  return result;
}

/** `listId` is a hidden field of the placement form (the action itself ignores it). */
export async function placeAndShow(state: State, formData: FormData): Promise<ActionResult<unknown>> {
  const result = await placeSecondmentCandidate(state as never, formData);
  if (result.ok) redirect(listPage(formData.get('listId'), 'placed'));
  return result;
}

export async function endAndShow(state: State, formData: FormData): Promise<ActionResult<unknown>> {
  const result = await endSecondment(state as never, formData);
  if (result.ok) redirect(listPage(formData.get('listId'), 'ended'));
  return result;
}
