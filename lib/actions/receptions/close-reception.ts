import { revalidatePath } from 'next/cache';
import * as receptions from '@/lib/db/reception-mutations';
import type { ActionContext } from '../define-action';
import { ok, type ActionResult } from '../result';
import { loadReceptionStep } from './load';

/**
 * An open proposal closed: refused by Home Affairs with the reason (refuse-reception.ts), or withdrawn by its
 * commune (withdraw-reception.ts). One transaction guarded by the proposal's version, with its audit record.
 */
export async function closeReception(step: 'refuse' | 'withdraw', input: { receptionId: number; version: number; reason: string | null }, ctx: ActionContext): Promise<ActionResult> {
  const reception = await loadReceptionStep(ctx, step, input, () => ({ reason: input.reason }));
  const from = reception.state as 'proposed' | 'appraised';
  await ctx.write(async (tx) => {
    if (step === 'refuse') {
      await receptions.closeReception(tx, { id: reception.id, version: input.version, state: 'refused', reason: input.reason });
      return { audit: { action: 'reception.refuse', entityId: reception.id, after: { from, to: 'refused', comment: input.reason! } } };
    }
    await receptions.closeReception(tx, { id: reception.id, version: input.version, state: 'withdrawn', reason: input.reason });
    return { audit: { action: 'reception.withdraw', entityId: reception.id, after: { from, to: 'withdrawn', comment: input.reason } } };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, step === 'refuse' ? 'reception.notices.refused' : 'reception.notices.withdrawn');
}
