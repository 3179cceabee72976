'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/result';
import { createSecondmentList } from '@/lib/actions/secondments/create-secondment-list';
import { submitSecondmentList } from '@/lib/actions/secondments/submit-secondment-list';
import { forwardSecondmentList } from '@/lib/actions/secondments/forward-secondment-list';
import { returnSecondmentList } from '@/lib/actions/secondments/return-secondment-list';
import { decideSecondmentCandidates } from '@/lib/actions/secondments/decide-secondment-candidates';
import { endSecondment } from '@/lib/actions/secondments/end-secondment';
import { placeSecondmentCandidate } from '@/lib/actions/secondments/place-secondment-candidate';

// The steps that move a list or a candidate on make their own form disappear (the page shows the next step),
// so on success they go to the list's page with the notice in the address (`?notice=`), which the page shows.
// This works without JavaScript too (a 303 after the POST). Refusals come back to the form as usual. The
// permission, scope and state checks stay in the actions these wrap.

type State = ActionResult<unknown> | null;

const listPage = (listId: unknown, notice: string) => {
  const id = Number(listId);
  return Number.isInteger(id) && id > 0 ? `/secondments/lists/${id}?notice=${notice}` : `/secondments?notice=${notice}`;
};

type Action = (state: never, formData: FormData) => Promise<ActionResult<unknown>>;

/** The action, then on success a redirect to the list's page with the notice `notice(result)`. */
function andShow(action: Action, notice: (result: ActionResult<unknown>, formData: FormData) => { listId: unknown; key: string }) {
  return async (state: State, formData: FormData): Promise<ActionResult<unknown>> => {
    const result = await action(state as never, formData);
    if (result.ok) {
      const { listId, key } = notice(result, formData);
      redirect(listPage(listId, key));
    }
    return result;
  };
}

const fromForm = (key: string) => (_result: ActionResult<unknown>, formData: FormData) => ({ listId: formData.get('listId'), key });

export const createListAndOpen = andShow(createSecondmentList, (result) => ({ listId: result.ok ? (result.data as { listId: number }).listId : null, key: 'listCreated' }));
export const submitListAndShow = andShow(submitSecondmentList, fromForm('submitted'));
export const forwardListAndShow = andShow(forwardSecondmentList, fromForm('forwarded'));
export const returnListAndShow = andShow(returnSecondmentList, fromForm('returned'));
export const decideAndShow = andShow(decideSecondmentCandidates, (result, formData) => ({
  listId: formData.get('listId'),
  key: result.ok && result.notice === 'secondment.notices.declined' ? 'declined' : 'approved',
}));
/** `listId` is a hidden field of the placement form (the action itself ignores it). */
export const placeAndShow = andShow(placeSecondmentCandidate, fromForm('placed'));
export const endAndShow = andShow(endSecondment, fromForm('ended'));
