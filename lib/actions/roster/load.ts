import { can } from '@/lib/auth/policy';
import { findCommuneById, findPersonInCommune, type CommuneRef, type RosterPerson } from '@/lib/db/roster-queries';
import { Refusal, StaleWrite } from '@/lib/db/errors';
import { checkBlockQuota } from '@/lib/db/quota-guard';
import { isActiveCadre } from '@/lib/domain/people';
import type { BlockFigure } from '@/lib/domain/roster';
import type { Block } from '@/lib/domain/types';
import { formatDate } from '@/lib/domain/format';
import { recordDecision } from '@/lib/db/decision-mutations';
import type { DecisionKind, Prisma } from '@/lib/generated/prisma/client';
import type { DecisionFields } from '@/lib/validation/decision';
import type { ActionContext } from '../define-action';

/**
 * The preamble of every change to a person of a commune's roster: the commune exists (else not found) and is
 * in the user's scope (else forbidden), the person has open posts there (else not found), and the form was
 * rendered from the person's current version while he is active (else "changed meanwhile"), and no change of
 * his is waiting for its effective date (one change at a time). Throws; the action's defineAction answers.
 */
export async function loadRosterPerson(ctx: ActionContext, input: { communeId: number; cadreId: number; version: number }): Promise<{ commune: CommuneRef; person: RosterPerson }> {
  const commune = await findCommuneById(ctx.db, input.communeId);
  if (!commune) throw new Refusal('errors.notFound');
  if (!can(ctx.user, 'roster.edit', { provinceId: commune.provinceId, communeId: commune.id })) throw new Refusal('errors.forbidden');
  const person = await findPersonInCommune(ctx.db, commune.id, { cadreId: input.cadreId });
  if (!person || person.provinceId !== commune.provinceId) throw new Refusal('errors.notFound');
  if (person.version !== input.version || !isActiveCadre(person)) throw new StaleWrite('cadre');
  if (person.pendingFrom !== null) throw new Refusal('roster.errors.pendingChange', undefined, { date: formatDate(person.pendingFrom) });
  return { commune, person };
}

/**
 * The quota guard (lib/db/quota-guard.ts) for a change adding one person to a commune block on `date`, inside the
 * change's transaction: a breach is refused beside `refusal.field` with the block, its figures and the date.
 */
export async function guardBlockQuota(
  ctx: ActionContext,
  tx: Prisma.TransactionClient,
  commune: CommuneRef,
  block: Block,
  date: string,
  refusal: { error: string; field: string } = { error: 'errors.validation', field: 'positionId' },
): Promise<BlockFigure> {
  const outcome = await checkBlockQuota(tx, ctx.db, commune, block, date);
  if (!outcome.ok) {
    const key = refusal.error === 'errors.validation' ? 'roster.errors.overQuotaBlock' : refusal.error;
    throw new Refusal(refusal.error, { [refusal.field]: key }, { block, headcount: outcome.breach.headcount, quota: outcome.breach.quota, date: formatDate(outcome.breach.at) });
  }
  return outcome.figures;
}


/** Records (or finds) the decision inside the change's transaction. */
export function recordRosterDecision(tx: Prisma.TransactionClient, commune: CommuneRef, input: DecisionFields, kind: DecisionKind) {
  return recordDecision(tx, { provinceId: commune.provinceId, communeId: commune.id, issuingBodyId: input.issuingBodyId, number: input.decisionNumber, date: input.decisionDate, kind });
}


