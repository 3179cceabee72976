import { z } from 'zod';
import { isDecisionNumber } from '@/lib/domain/decisions';
import { isoDate } from './date';
import { id, optionalText, text } from './fields';

// The decision behind a personnel change, as every roster form posts it (components/roster/decision-fields.tsx).

export const DecisionFieldsSchema = z.object({
  decisionNumber: text('decisions.errors.number')
    .trim()
    .min(1, { error: 'decisions.errors.number' })
    .refine(isDecisionNumber, { error: 'decisions.errors.number' }),
  decisionDate: isoDate('decisions.errors.date'),
  issuingBodyId: id('decisions.errors.issuingBody'),
  backdatedReason: optionalText(500),
});
export type DecisionFields = z.infer<typeof DecisionFieldsSchema>;
