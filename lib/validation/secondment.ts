import { z } from 'zod';
import { POST_KINDS } from '@/lib/domain/secondment';
import { DecisionFieldsSchema } from './decision';
import { CONFIRM } from './confirm';
import { blankToNull, id, optionalText, version } from './fields';
import { isoDate } from './roster';

// The secondment workflow's forms and actions. Messages are keys (decision 003).


export const CreatePhaseSchema = z.object({
  year: z.coerce.number({ error: 'secondment.errors.year' }).int({ error: 'secondment.errors.year' }).min(2025, { error: 'secondment.errors.year' }).max(2100, { error: 'secondment.errors.year' }),
  number: z.coerce.number({ error: 'secondment.errors.phaseNumber' }).int({ error: 'secondment.errors.phaseNumber' }).min(1, { error: 'secondment.errors.phaseNumber' }).max(99, { error: 'secondment.errors.phaseNumber' }),
  dueDate: isoDate('secondment.errors.date'),
  note: optionalText(500),
});

export const ExtendPhaseSchema = z.object({ phaseId: id(), version, dueDate: isoDate('secondment.errors.date'), note: optionalText(500) });

export const CreateListSchema = z.object({ phaseId: id('secondment.errors.phase') });

export const AddCandidateSchema = z.object({
  listId: id(),
  version,
  cadreId: id('secondment.errors.cadre'),
  kind: z.enum(POST_KINDS, { error: 'secondment.errors.kind' }),
  field: optionalText(100),
  preferredCommuneId: z.preprocess(blankToNull, id('secondment.errors.commune').nullable()),
});

export const RemoveCandidateSchema = z.object({ listId: id(), version, candidateId: id() });

// Submitting, returning and forwarding a list cannot be taken back: each asks for the confirm step (CONFIRM).
export const SubmitListSchema = z.object({ listId: id(), version, justification: optionalText(2000), ...CONFIRM });

// A return gives the list its own new due date (docs/domain.md, The 5% secondment lists): required, not before today.
export const ReturnListSchema = z.object({ listId: id(), version, comment: optionalText(2000), dueDate: isoDate('secondment.errors.dueDate'), ...CONFIRM });

export const ForwardListSchema = z.object({ listId: id(), version, ...CONFIRM });

export const AssessCandidateSchema = z.object({
  candidateId: id(),
  version,
  meets: z.enum(['yes', 'no'], { error: 'secondment.errors.assessment' }),
  reason: optionalText(1000),
});

/** Approve or decline forwarded candidates of one list: all, or the ticked subset (`candidate-<id>` = "on"). */
export const DecideCandidatesSchema = z.object({
  listId: id(),
  version,
  decision: z.enum(['approve', 'decline'], { error: 'secondment.errors.decision' }),
  conclusionNumber: optionalText(50),
  conclusionDate: z.preprocess(blankToNull, isoDate('secondment.errors.date').nullable()),
  reason: optionalText(1000),
  // "all" decides every forwarded candidate of the list; otherwise the ticked `candidate-<id>` boxes.
  scope: z.enum(['all', 'selected']).default('selected'),
}).catchall(z.string());

export const PlaceCandidateSchema = z.object({
  candidateId: id(),
  version,
  communeId: id('secondment.errors.commune'),
  positionId: id('secondment.errors.position'),
  startDate: isoDate('secondment.errors.date'),
  endDate: isoDate('secondment.errors.date'),
}).extend(DecisionFieldsSchema.shape);

export const EndSecondmentSchema = z.object({
  secondmentId: id(),
  version,
  date: isoDate('secondment.errors.date'),
  reason: optionalText(1000),
}).extend(DecisionFieldsSchema.shape);

/** Conclusion numbers as the Standing Committee writes them: 599-KL/TU. */
export const CONCLUSION_NUMBER = /^\d{1,5}-KL\/[A-ZĐ]{1,10}$/u;
