'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/result';
import { assignSupportRequest } from '@/lib/actions/support/assign-support-request';
import { createWorkingGroup } from '@/lib/actions/support/create-working-group';
import { escalateSupportRequest } from '@/lib/actions/support/escalate-support-request';
import { resolveSupportRequest } from '@/lib/actions/support/resolve-support-request';

// The steps that change what the request's page offers (assign, resolve, escalate; setting up a group), so on success it goes to the page with the notice in the
// address (`?notice=`), which works without JavaScript too (a 303 after the POST). Refusals come back to the form as
// usual; permission, scope and state checks stay in the wrapped actions.

type State = ActionResult<unknown> | null;
type Action = (state: never, formData: FormData) => Promise<ActionResult<unknown>>;

const NOTICE = /^support\.(?:groups\.)?notices\.(\w+)$/;

function andShow(action: Action, target: (result: ActionResult<unknown>, formData: FormData) => string) {
  return async (state: State, formData: FormData): Promise<ActionResult<unknown>> => {
    const result = await action(state as never, formData);
    if (result.ok) redirect(`${target(result, formData)}?notice=${NOTICE.exec(result.notice ?? '')?.[1] ?? ''}`);
    return result;
  };
}

const requestPage = (_result: ActionResult<unknown>, formData: FormData) => `/support/${Number(formData.get('requestId'))}`;

export const assignAndShow = andShow(assignSupportRequest, requestPage);
export const resolveAndShow = andShow(resolveSupportRequest, requestPage);
export const escalateAndShow = andShow(escalateSupportRequest, requestPage);
export const createGroupAndShow = andShow(createWorkingGroup, (result) => `/support/groups/${result.ok ? (result.data as { groupId: number }).groupId : ''}`);
