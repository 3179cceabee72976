import { z } from 'zod';
import { isDecisionNumber } from '@/lib/domain/decisions';
import { isoDate } from './date';

// The decision behind a personnel change, as every roster form posts it (components/roster/decision-fields.tsx).

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : (v ?? null));

export const DecisionFieldsSchema = z.object({
  decisionNumber: z
    .string({ error: 'decisions.errors.number' })
    .trim()
    .min(1, { error: 'decisions.errors.number' })
    .refine(isDecisionNumber, { error: 'decisions.errors.number' }),
  decisionDate: isoDate('decisions.errors.date'),
  issuingBodyId: z.coerce.number({ error: 'decisions.errors.issuingBody' }).int({ error: 'decisions.errors.issuingBody' }).positive({ error: 'decisions.errors.issuingBody' }),
  backdatedReason: z.preprocess(blankToNull, z.string().trim().max(500, { error: 'errors.tooLong' }).nullable()),
});
export type DecisionFields = z.infer<typeof DecisionFieldsSchema>;
