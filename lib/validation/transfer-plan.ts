import { z } from 'zod';
import { CONFIRM } from './confirm';
import { isoDate } from './roster';

// The plan page's accept form (decision 017): the ticked moves are `m_<cadre code>` fields read by
// lib/domain/plan-selection.ts; the schema checks the rest and lets those through.

export const AcceptProposalsSchema = z.looseObject({
  effectiveDate: isoDate('transferPlan.errors.date'),
  // Every ticked move becomes a proposal on record: the confirm step.
  ...CONFIRM,
  /** The old district the plan was computed for (its code), empty for the whole province. */
  od: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(40).regex(/^[A-Za-z0-9_.-]+$/).optional()),
});
