'use server';

import { redirect } from 'next/navigation';
import { confirmCadreRound, confirmCivilServantRound } from '@/lib/actions/ratings/confirm-rating-round';
import type { ActionResult } from '@/lib/actions/result';
import { routeCode } from '@/lib/validation/route-params';

// Confirming a round closes it: its forms, the confirmation's among them, leave the page with the answer. On success
// the round is shown again at its summary with the notice in the address (`?notice=confirmed#round-summary`), with or
// without JavaScript (a 303 after the POST). Refusals (beyond 20% without a reason, a stale round) come back to the
// form; the permission and the rules stay in the actions.

async function andShow(
  confirm: typeof confirmCivilServantRound,
  group: 'civil_servant' | 'cadre',
  state: ActionResult<{ roundId: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ roundId: number }>> {
  const result = await confirm(state as never, formData);
  const code = routeCode(String(formData.get('communeCode') ?? ''));
  const year = Number(formData.get('year'));
  if (result.ok && code && Number.isSafeInteger(year)) {
    redirect(`/ratings/communes/${encodeURIComponent(code)}?${new URLSearchParams({ year: String(year), group, notice: 'confirmed' })}#round-summary`);
  }
  return result;
}

export async function confirmCivilServantRoundAndShow(state: ActionResult<{ roundId: number }> | null, formData: FormData) {
  return andShow(confirmCivilServantRound, 'civil_servant', state, formData);
}

export async function confirmCadreRoundAndShow(state: ActionResult<{ roundId: number }> | null, formData: FormData) {
  return andShow(confirmCadreRound, 'cadre', state, formData);
}
