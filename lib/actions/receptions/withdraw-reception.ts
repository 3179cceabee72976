'use server';

import { CloseReceptionSchema } from '@/lib/validation/reception';
import { defineAction } from '../define-action';
import { closeReception } from './close-reception';

/** The commune's chairman withdraws his commune's proposal while it is open. */
export const withdrawReception = defineAction('withdrawReception', 'reception.withdraw', CloseReceptionSchema, (input, ctx) => closeReception('withdraw', input, ctx), {
  stale: 'reception.errors.stale',
});
