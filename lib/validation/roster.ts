import { z } from 'zod';
import { COUNTED_EMPLOYMENT_TYPES } from '@/lib/domain/employment';
import { isPersonName } from '@/lib/domain/people';
import { DecisionFieldsSchema } from './decision';
import { isoDate } from './date';
import { blankToNull, id, optionalText, text, version } from './fields';

// Shared by the roster forms and their actions. Messages are keys (decision 003).


export { isoDate, parseFormDate } from './date';

export const DEPARTURE_REASONS = ['retirement', 'resignation', 'early_retirement', 'transfer_out', 'death', 'other'] as const;

export const RecordDepartureSchema = z.object({
  cadreId: id(),
  communeId: id(),
  version,
  reason: z.enum(DEPARTURE_REASONS, { error: 'roster.errors.reason' }),
  date: isoDate('roster.errors.date'),
}).extend(DecisionFieldsSchema.shape);

/** A recruitment brings in counted staff (lib/domain/employment.ts): a cadre or a civil servant. */
export const RECRUIT_EMPLOYMENT_TYPES = COUNTED_EMPLOYMENT_TYPES;
export const EDUCATIONS = ['intermediate', 'college', 'university', 'master', 'doctorate'] as const;

export const RecruitCadreSchema = z.object({
  communeId: id(),
  fullName: text('roster.errors.fullName')
    .trim()
    .min(2, { error: 'roster.errors.fullName' })
    .max(100, { error: 'roster.errors.fullName' })
    .refine(isPersonName, { error: 'roster.errors.fullNameLetters' }),
  gender: z.enum(['male', 'female'], { error: 'roster.errors.gender' }),
  birthDate: isoDate('roster.errors.date'),
  employmentType: z.enum(RECRUIT_EMPLOYMENT_TYPES, { error: 'roster.errors.employmentType' }),
  education: z.enum(EDUCATIONS, { error: 'roster.errors.education' }),
  field: optionalText(100),
  positionId: id('roster.errors.position'),
  startDate: isoDate('roster.errors.date'),
}).extend(DecisionFieldsSchema.shape);

/** A change of primary position: the new post and the day it takes effect (the old one ends the day before). */
export const ChangePrimaryPositionSchema = z.object({
  cadreId: id(),
  communeId: id(),
  version,
  positionId: id('roster.errors.position'),
  effectiveDate: isoDate('roster.errors.date'),
}).extend(DecisionFieldsSchema.shape);

export const AddConcurrentPositionSchema = z.object({
  cadreId: id(),
  communeId: id(),
  version,
  positionId: id('roster.errors.position'),
  startDate: isoDate('roster.errors.date'),
}).extend(DecisionFieldsSchema.shape);

/** Ending one concurrent assignment: from `date` on the person no longer holds it. */
export const RemoveConcurrentPositionSchema = z.object({
  cadreId: id(),
  communeId: id(),
  version,
  assignmentId: id(),
  date: isoDate('roster.errors.date'),
}).extend(DecisionFieldsSchema.shape);

/**
 * Cancelling a person's latest roster change: which change (its audit event), the reason, and, after the day it
 * was recorded or by another user, the correcting decision (all three decision fields, or none).
 */
export const CancelRosterChangeSchema = z
  .object({
    cadreId: id(),
    communeId: id(),
    version,
    eventId: z.string({ error: 'errors.invalid' }).regex(/^\d+$/, { error: 'errors.invalid' }),
    reason: text('roster.errors.cancelReason').trim().min(5, { error: 'roster.errors.cancelReason' }).max(500, { error: 'errors.tooLong' }),
    decisionNumber: z.preprocess(blankToNull, DecisionFieldsSchema.shape.decisionNumber.nullable()),
    decisionDate: z.preprocess(blankToNull, DecisionFieldsSchema.shape.decisionDate.nullable()),
    issuingBodyId: z.preprocess(blankToNull, DecisionFieldsSchema.shape.issuingBodyId.nullable()),
  });
export type CancelRosterChangeInput = z.infer<typeof CancelRosterChangeSchema>;
