'use server';

import { CloseTransferSchema } from '@/lib/validation/transfer';
import { defineAction } from '../define-action';
import { closeTransfer } from './close-transfer';

/** Home Affairs withdraws a transfer it proposed, with a reason. */
export const cancelTransfer = defineAction('cancelTransfer', 'transfer.cancel', CloseTransferSchema, (input, ctx) => closeTransfer('cancel', input, ctx), {
  stale: 'transfer.errors.stale',
});
