'use server';

import { CloseTransferSchema } from '@/lib/validation/transfer';
import { defineAction } from '../define-action';
import { closeTransfer } from './close-transfer';

/** The decider (Home Affairs, or the Organizing Committee) declines a proposed transfer, with a reason. */
export const declineTransfer = defineAction('declineTransfer', 'transfer.decide', CloseTransferSchema, (input, ctx) => closeTransfer('decline', input, ctx), {
  stale: 'transfer.errors.stale',
});
