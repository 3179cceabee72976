import { z } from 'zod';
import { POST_KINDS } from '@/lib/domain/secondment';
import { isoDate } from './roster';

// The secondment workflow's forms and actions. Messages are keys (decision 003).

const id = (message = 'errors.invalid') => z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });
const version = z.coerce.number({ error: 'errors.invalid' }).int().nonnegative();
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v === undefined ? null : v);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, { error: 'errors.tooLong' }).nullable());

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

export const SubmitListSchema = z.object({ listId: id(), version, justification: optionalText(2000) });

export const ReturnListSchema = z.object({ listId: id(), version, comment: optionalText(2000) });

export const ForwardListSchema = z.object({ listId: id(), version });

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
});

export const EndSecondmentSchema = z.object({
  secondmentId: id(),
  version,
  date: isoDate('secondment.errors.date'),
  reason: optionalText(1000),
});

/** Conclusion numbers as the Standing Committee writes them: 599-KL/TU. */
export const CONCLUSION_NUMBER = /^\d{1,5}-KL\/[A-ZĐ]{1,10}$/u;
