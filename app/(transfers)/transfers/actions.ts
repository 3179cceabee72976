'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/result';
import { approveTransfer } from '@/lib/actions/transfers/approve-transfer';
import { cancelTransfer } from '@/lib/actions/transfers/cancel-transfer';
import { declineTransfer } from '@/lib/actions/transfers/decline-transfer';
import { proposeTransfer } from '@/lib/actions/transfers/propose-transfer';
import { recordTransferOpinion } from '@/lib/actions/transfers/record-transfer-opinion';

// Each step moves the transfer on and makes its own form disappear, so on success it goes to the transfer's page
// with the notice in the address (`?notice=`), which works without JavaScript too (a 303 after the POST).
// Refusals come back to the form as usual; permission, scope and state checks stay in the wrapped actions.

type State = ActionResult<unknown> | null;
type Action = (state: never, formData: FormData) => Promise<ActionResult<unknown>>;

const NOTICE = /^transfer\.notices\.(\w+)$/;

function andShow(action: Action, idOf: (result: ActionResult<unknown>, formData: FormData) => unknown) {
  return async (state: State, formData: FormData): Promise<ActionResult<unknown>> => {
    const result = await action(state as never, formData);
    if (result.ok) {
      const id = Number(idOf(result, formData));
      const notice = NOTICE.exec(result.notice ?? '')?.[1] ?? '';
      redirect(Number.isInteger(id) && id > 0 ? `/transfers/${id}?notice=${notice}` : `/transfers?notice=${notice}`);
    }
    return result;
  };
}

const fromForm = (_result: ActionResult<unknown>, formData: FormData) => formData.get('transferId');

export const proposeAndShow = andShow(proposeTransfer, (result) => (result.ok ? (result.data as { transferId: number }).transferId : null));
export const opinionAndShow = andShow(recordTransferOpinion, fromForm);
export const approveAndShow = andShow(approveTransfer, fromForm);
export const declineAndShow = andShow(declineTransfer, fromForm);
export const cancelAndShow = andShow(cancelTransfer, fromForm);
