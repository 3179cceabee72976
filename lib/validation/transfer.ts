import { z } from 'zod';
import { isDecisionNumber } from '@/lib/domain/decisions';
import { DecisionFieldsSchema } from './decision';
import { isoDate } from './roster';

// The transfer workflow's forms (decision 016). Messages are keys (decision 003).

const id = (message = 'errors.invalid') => z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });
const version = z.coerce.number({ error: 'errors.invalid' }).int().nonnegative();
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v === undefined ? null : v);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, { error: 'errors.tooLong' }).nullable());

export const ProposeTransferSchema = z.object({
  cadreId: id('transfer.errors.cadre'),
  toCommuneId: id('transfer.errors.commune'),
  positionId: id('transfer.errors.position'),
  effectiveDate: isoDate('transfer.errors.date'),
  reason: optionalText(2000),
  justification: optionalText(4000),
});

export const TransferOpinionSchema = z.object({
  transferId: id(),
  version,
  opinion: z.preprocess(blankToNull, z.enum(['agree', 'disagree'], { error: 'transfer.errors.opinionRequired' }).nullable()),
  note: optionalText(2000),
});

/**
 * The decision (number, date, issuing body) recorded at approval. A blank number or date is answered by the state
 * machine (transfer.errors.decisionRequired); a number not written as on the paper, or no issuing body, here.
 */
export const ApproveTransferSchema = z.object({
  transferId: id(),
  version,
  decisionNumber: optionalText(50).refine((value) => value === null || isDecisionNumber(value), { error: 'decisions.errors.number' }),
  decisionDate: z.preprocess(blankToNull, isoDate('transfer.errors.date').nullable()),
  issuingBodyId: DecisionFieldsSchema.shape.issuingBodyId,
});

export const CloseTransferSchema = z.object({ transferId: id(), version, reason: optionalText(2000) });
