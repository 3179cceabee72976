import { can } from '@/lib/auth/policy';
import { findCommuneById, findPersonInCommune, type CommuneRef, type RosterPerson } from '@/lib/db/roster-queries';
import { Refusal, StaleWrite } from '@/lib/db/errors';
import { listCommuneMovements } from '@/lib/db/movement-queries';
import { supersedeSnapshotsFrom } from '@/lib/db/snapshot-mutations';
import { getCommuneStaffing } from '@/lib/db/staffing-queries';
import { checkRecruitmentWithinQuota, type BlockFigure } from '@/lib/domain/roster';
import type { Block } from '@/lib/domain/types';
import { today } from '@/lib/clock';
import { formatDate } from '@/lib/domain/format';
import { recordDecision } from '@/lib/db/decision-mutations';
import { checkDecisionDates } from '@/lib/domain/decisions';
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
  if (person.version !== input.version || person.status !== 'active') throw new StaleWrite('cadre');
  if (person.pendingFrom !== null) throw new Refusal('roster.errors.pendingChange', undefined, { date: formatDate(person.pendingFrom) });
  return { commune, person };
}

/**
 * The quota guard of a change that adds one person to a commune's block from `date` on (a recruitment, a change of
 * primary post into another block): the block's headcount by the counting pipeline, plus one, within its quota at
 * `date` and at every later date a scheduled change brings someone into that block (docs/domain.md, How posts are filled), so
 * a change entered today cannot push a later month past the quota. Call it inside the transaction, after
 * `lockCommune`. The refusal names the first date it fails on.
 */
export async function guardBlockQuota(
  ctx: ActionContext,
  commune: CommuneRef,
  block: Block,
  date: string,
  refusal: { error: string; field: string } = { error: 'errors.validation', field: 'positionId' },
): Promise<BlockFigure> {
  const later = (await listCommuneMovements(ctx.db, commune.id, date))
    .filter((m) => m.kind !== 'secondment' && m.direction === 'in' && m.block === block && m.startDate > date)
    .map((m) => m.startDate);
  const dates = [date, ...[...new Set(later)].sort()];
  let first: BlockFigure | null = null;
  for (const at of dates) {
    const figures = (await getCommuneStaffing(ctx.db, commune.provinceId, commune.id, { date: at })).blocks[block];
    first ??= figures;
    if (!checkRecruitmentWithinQuota(figures).ok) {
      const key = refusal.error === 'errors.validation' ? 'roster.errors.overQuotaBlock' : refusal.error;
      throw new Refusal(refusal.error, { [refusal.field]: key }, { block, headcount: figures.headcount, quota: figures.quota, date: formatDate(at) });
    }
  }
  return first!;
}

/**
 * The decision behind a roster change and its dates (lib/domain/decisions.ts): refused beside the fields when the
 * decision is dated in the future, or when the change takes effect before the start of this month (or before its
 * decision) without the reason for entering it late. Returns whether it is backdated.
 */
export function checkRosterDecision(input: DecisionFields, effectiveDate: string, dateField: string): { backdated: boolean } {
  const { problems, backdated } = checkDecisionDates({ decisionDate: input.decisionDate, effectiveDate, today: today(), backdatedReason: input.backdatedReason });
  // The effective date is the form's own date field (date, startDate, effectiveDate): its message goes beside it.
  if (problems.length > 0) throw new Refusal('errors.validation', Object.fromEntries(problems.map((p) => [p.field === 'effectiveDate' ? dateField : p.field, p.error])));
  return { backdated };
}

/** Records (or finds) the decision inside the change's transaction. */
export function recordRosterDecision(tx: Prisma.TransactionClient, commune: CommuneRef, input: DecisionFields, kind: DecisionKind) {
  return recordDecision(tx, { provinceId: commune.provinceId, communeId: commune.id, issuingBodyId: input.issuingBodyId, number: input.decisionNumber, date: input.decisionDate, kind });
}

/** The audit envelope of a roster change. */
export const rosterEnvelope = (effectiveDate: string, decisionId: number, input: DecisionFields, backdated: boolean) => ({
  effectiveOn: effectiveDate, decisionId, backdatedReason: backdated ? input.backdatedReason : null, affectsFigures: true,
});

/**
 * After a roster change effective before today has committed: the snapshots of the days since are superseded by
 * successors with the change (lib/db/snapshot-mutations.ts), so no recorded figure changes silently.
 */
export async function afterDatedChange(ctx: ActionContext, provinceId: number, effectiveDate: string | null): Promise<void> {
  if (effectiveDate && effectiveDate < today()) await supersedeSnapshotsFrom(ctx.db, provinceId, effectiveDate, today());
}
