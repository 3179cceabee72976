import { revalidatePath } from 'next/cache';
import type { AuditEnvelope } from '@/lib/audit/events';
import { today } from '@/lib/clock';
import { Refusal } from '@/lib/db/errors';
import { supersedeSnapshotsFrom } from '@/lib/db/snapshot-mutations';
import { checkDecisionDates, decisionDateProblem } from '@/lib/domain/decisions';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { DecisionFields } from '@/lib/validation/decision';
import type { ActionContext, Written } from './define-action';

// The steps every dated personnel change shares (docs/decisions/023-decisions-and-effective-dates.md): roster
// changes, a secondment's placement and its ending. The decision is recorded by lib/db/decision-mutations.ts inside
// the change's transaction; the envelope goes on the change's audit event.

/**
 * The decision behind a change and its dates (lib/domain/decisions.ts): refused beside the fields when the decision
 * is dated in the future (or before `notBefore.date`, the paper it follows, e.g. a Conclusion), or when the change
 * takes effect before the start of this month (or before its decision) without the reason for entering it late.
 * The effective date is the form's own date field (`dateField`: date, startDate, effectiveDate): its message goes
 * beside it. Returns whether the change is backdated.
 */
export function checkDecision(
  input: DecisionFields,
  effectiveDate: string,
  dateField: string,
  notBefore?: { date: string | null; error: string; params?: Record<string, string> },
): { backdated: boolean } {
  const day = today();
  const { problems, backdated } = checkDecisionDates({ decisionDate: input.decisionDate, effectiveDate, today: day, backdatedReason: input.backdatedReason });
  const errors: Record<string, string> = Object.fromEntries(problems.map((p) => [p.field === 'effectiveDate' ? dateField : p.field, p.error]));
  if (!errors.decisionDate && notBefore?.date && decisionDateProblem(input.decisionDate, { today: day, openedOn: notBefore.date }) === 'beforeOpening') {
    errors.decisionDate = notBefore.error;
  }
  if (Object.keys(errors).length > 0) throw new Refusal('errors.validation', errors, notBefore?.params);
  return { backdated };
}

/** The audit envelope of a dated change: its effective date, its decision, the reason it was entered late; it moves the figures. */
export const datedEnvelope = (effectiveDate: string, decisionId: number, input: DecisionFields, backdated: boolean) => ({
  effectiveOn: effectiveDate, decisionId, backdatedReason: backdated ? input.backdatedReason : null, affectsFigures: true,
});

/**
 * After a change effective before today has committed: the snapshots of the days since are superseded by
 * successors with the change (lib/db/snapshot-mutations.ts), so no recorded figure changes silently.
 */
export async function afterDatedChange(ctx: ActionContext, provinceId: number, effectiveDate: string | null): Promise<void> {
  if (effectiveDate && effectiveDate < today()) await supersedeSnapshotsFrom(ctx.db, provinceId, effectiveDate, today());
}

/**
 * Writes a dated change: `work` records its decision and the change in one transaction (ctx.write) and gives its
 * audit event the envelope `envelope(decisionId)`; after the commit, the snapshots since a past effective date are
 * superseded (afterDatedChange) and the pages revalidated. The dates were checked before (checkDecision).
 */
export async function writeDatedChange<T>(
  ctx: ActionContext,
  change: { provinceId: number; effectiveDate: string; input: DecisionFields; backdated: boolean; timeout?: number },
  work: (tx: Prisma.TransactionClient, envelope: (decisionId: number) => AuditEnvelope) => Promise<Written<T>>,
): Promise<T> {
  const envelope = (decisionId: number) => datedEnvelope(change.effectiveDate, decisionId, change.input, change.backdated);
  const value = await ctx.write((tx) => work(tx, envelope), change.timeout === undefined ? undefined : { timeout: change.timeout });
  await afterDatedChange(ctx, change.provinceId, change.effectiveDate);
  revalidatePath('/', 'layout');
  return value;
}
