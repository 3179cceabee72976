'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import type { AuditEvent } from '@/lib/audit/events';
import { Refusal, StaleWrite } from '@/lib/db/errors';
import * as secondments from '@/lib/db/secondment-mutations';
import { formatDate } from '@/lib/domain/format';
import { checkCandidateTransition } from '@/lib/domain/secondment';
import { CONCLUSION_NUMBER, DecideCandidatesSchema } from '@/lib/validation/secondment';
import { defineAction } from '../define-action';
import { fail, ok, type ActionResult } from '../result';
import { allowedOn, expectTransition, loadList } from './load';

/**
 * The Standing Committee approves forwarded candidates of a list, all or a subset, by a numbered Conclusion
 * (an entity: number unique in the province, with its date, approving candidates of any lists), or declines
 * them with a reason. When nobody on the list awaits a decision any more, the list is decided. A Conclusion is
 * never dated in the future nor before the list's phase was opened (lib/domain/decisions.ts).
 */
export const decideSecondmentCandidates = defineAction('decideSecondmentCandidates', 'secondment.decide', DecideCandidatesSchema, async (input, ctx): Promise<ActionResult<{ decided: number }>> => {
  const list = await loadList(ctx, input.listId);
  if (list.version !== input.version) throw new StaleWrite('secondment_list');
  const waiting = list.candidates.filter((c) => c.state === 'forwarded');
  const chosen = input.scope === 'all' ? waiting : waiting.filter((c) => (input as Record<string, unknown>)[`candidate-${c.id}`] === 'on');
  const approve = input.decision === 'approve';
  const conclusionNumber = input.conclusionNumber?.toUpperCase() ?? null;
  const day = today();
  // Every chosen candidate passes the machine, or the first refusal answers (nothing is written); with none
  // chosen, the form's own errors still come first.
  for (const candidate of chosen.length > 0 ? chosen : [{ state: 'forwarded' as const }]) {
    expectTransition(
      checkCandidateTransition(approve ? 'approve' : 'decline', candidate.state, list.state, allowedOn(ctx.user, list.resource), {
        reason: input.reason, conclusionNumber, conclusionDate: input.conclusionDate, today: day, phaseOpenedOn: list.phase.openedOn,
      }),
      {
        'secondment.errors.conclusionRequired': conclusionNumber ? 'conclusionDate' : 'conclusionNumber', 'secondment.errors.reasonRequired': 'reason',
        'secondment.errors.conclusionDateFuture': 'conclusionDate', 'secondment.errors.conclusionBeforePhase': 'conclusionDate',
      },
      { date: formatDate(list.phase.openedOn) },
    );
  }
  if (chosen.length === 0) return fail('secondment.errors.noneChosen');
  if (approve && !CONCLUSION_NUMBER.test(conclusionNumber!)) return fail('errors.validation', { fieldErrors: { conclusionNumber: 'secondment.errors.conclusionFormat' } });

  const ids = chosen.map((c) => c.id);
  await ctx.write(async (tx) => {
    const decision: secondments.Decision = approve
      ? { kind: 'approve', conclusionNumber: conclusionNumber!, conclusionDate: input.conclusionDate! }
      : { kind: 'decline', reason: input.reason };
    const { listState, conclusionDate } = await secondments.decideCandidates(tx, { listId: list.id, version: input.version, provinceId: list.provinceId, candidateIds: ids, decision });
    // A Conclusion already recorded under this number must be the same document (same date).
    if (approve && conclusionDate !== input.conclusionDate) throw new Refusal('errors.validation', { conclusionDate: 'secondment.errors.conclusionDateMismatch' });
    const audit: AuditEvent[] = [];
    if (approve) {
      const conclusion = { number: conclusionNumber!, date: input.conclusionDate! };
      for (const id of ids) audit.push({ action: 'secondment.candidate.approve', entityId: id, after: { from: 'forwarded', to: 'approved', conclusion } });
      audit.push({ action: 'secondment.list.approve', entityId: list.id, after: { from: 'forwarded', to: listState, conclusion, candidates: ids.length } });
    } else {
      const comment = input.reason ?? '';
      for (const id of ids) audit.push({ action: 'secondment.candidate.decline', entityId: id, after: { from: 'forwarded', to: 'declined', comment } });
      audit.push({ action: 'secondment.list.decline', entityId: list.id, after: { from: 'forwarded', to: listState, comment, candidates: ids.length } });
    }
    return { audit };
  });
  revalidatePath('/secondments', 'layout');
  return ok({ decided: ids.length }, approve ? 'secondment.notices.approved' : 'secondment.notices.declined');
}, { stale: 'secondment.errors.stale' });
