'use server';

import { CloseReceptionSchema } from '@/lib/validation/reception';
import { defineAction } from '../define-action';
import { closeReception } from './close-reception';

/** Home Affairs refuses an open proposal, with the reason (a condition not met, the council's result …). */
export const refuseReception = defineAction('refuseReception', 'reception.appraise', CloseReceptionSchema, (input, ctx) => closeReception('refuse', input, ctx), {
  stale: 'reception.errors.stale',
});
