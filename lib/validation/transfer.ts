import { z } from 'zod';
import { isDecisionNumber } from '@/lib/domain/decisions';
import { CONFIRM } from './confirm';
import { DecisionFieldsSchema } from './decision';
import { blankToNull, id, optionalText, version } from './fields';
import { isoDate } from './roster';

// The transfer workflow's forms (decision 016). Messages are keys (decision 003).


export const ProposeTransferSchema = z.object({
  cadreId: id('transfer.errors.cadre'),
  toCommuneId: id('transfer.errors.commune'),
  positionId: id('transfer.errors.position'),
  effectiveDate: isoDate('transfer.errors.date'),
  reason: optionalText(2000),
  justification: optionalText(4000),
  // A proposal, once made, is on record and sent to both communes: the confirm step.
  ...CONFIRM,
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
