'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/result';
import { appraiseReception } from '@/lib/actions/receptions/appraise-reception';
import { decideReception } from '@/lib/actions/receptions/decide-reception';
import { refuseReception } from '@/lib/actions/receptions/refuse-reception';
import { withdrawReception } from '@/lib/actions/receptions/withdraw-reception';
import { routeCode } from '@/lib/validation/route-params';

// Each step moves the proposal on and makes its own form disappear, so on success it goes to a page showing the new
// state with the notice in the address (`?notice=`), which works without JavaScript too (a 303 after the POST). The
// proposal form posts to its action directly (its one-time token, docs/decisions/036-one-time-form-tokens.md): the
// page it is on lists the new proposal.
// Refusals come back to the form as usual; permission, scope and state checks stay in the wrapped actions.

type State = ActionResult<unknown> | null;
type Action = (state: never, formData: FormData) => Promise<ActionResult<unknown>>;

const NOTICE = /^reception\.notices\.(\w+)$/;

function andShow(action: Action, target: (result: ActionResult<unknown>, formData: FormData) => string) {
  return async (state: State, formData: FormData): Promise<ActionResult<unknown>> => {
    const result = await action(state as never, formData);
    if (result.ok) {
      const notice = NOTICE.exec(result.notice ?? '')?.[1] ?? '';
      redirect(`${target(result, formData)}?notice=${notice}`);
    }
    return result;
  };
}

/** The proposal's page, from the form's hidden id. */
const detail = (_result: ActionResult<unknown>, formData: FormData) => {
  const id = Number(formData.get('receptionId'));
  return Number.isInteger(id) && id > 0 ? `/receptions/${id}` : '/receptions';
};

/** The chairman's page of his commune's proposals, from the form's hidden `communeCode` (checked as a route code). */
const communeList = (_result: ActionResult<unknown>, formData: FormData) => {
  const code = routeCode(String(formData.get('communeCode') ?? ''));
  return code ? `/communes/${encodeURIComponent(code)}/manage/receptions` : '/receptions';
};

export const withdrawFromListAndShow = andShow(withdrawReception, communeList);
export const withdrawAndShow = andShow(withdrawReception, detail);
export const appraiseAndShow = andShow(appraiseReception, detail);
export const refuseAndShow = andShow(refuseReception, detail);
export const decideAndShow = andShow(decideReception, detail);
