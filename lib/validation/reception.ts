import { z } from 'zod';
import { isPersonName } from '@/lib/domain/people';
import { DEGREES } from '@/lib/domain/reception';
import { DecisionFieldsSchema } from './decision';
import { isoDate } from './date';
import { blankToNull, id, optionalText, text, version } from './fields';

// The reception workflow's and the recruitment plan's forms (docs/decisions/043-reception-and-recruitment.md).
// Messages are keys (decision 003).

const months = z.coerce
  .number({ error: 'reception.errors.insuranceMonths' })
  .int({ error: 'reception.errors.insuranceMonths' })
  .min(0, { error: 'reception.errors.insuranceMonths' })
  .max(600, { error: 'reception.errors.insuranceMonths' });

/**
 * A proposal: the person (a non-professional worker of the commune's roster by `cadreId`, or someone from elsewhere
 * by name, gender, birth date, optional personal ID and current workplace), the post and the evidence of the
 * conditions. Which of the two the person is, and the rules of each, are the action's to check.
 */
export const ProposeReceptionSchema = z.object({
  communeId: id(),
  positionId: id('reception.errors.position'),
  cadreId: z.preprocess(blankToNull, id('reception.errors.person').nullable()),
  fullName: z.preprocess(blankToNull, text().trim().max(100, { error: 'roster.errors.fullName' }).refine(isPersonName, { error: 'roster.errors.fullNameLetters' }).nullable()),
  gender: z.preprocess(blankToNull, z.enum(['male', 'female'], { error: 'roster.errors.gender' }).nullable()),
  birthDate: z.preprocess(blankToNull, isoDate('roster.errors.date').nullable()),
  nationalId: z.preprocess(blankToNull, text().trim().regex(/^\d{12}$/, { error: 'reception.errors.nationalId' }).nullable()),
  workplace: optionalText(200),
  insuranceMonths: months,
  degree: z.preprocess(blankToNull, z.enum(DEGREES, { error: 'roster.errors.education' }).nullable()),
  degreeField: optionalText(100),
  evidence: optionalText(4000),
  exceptionReason: optionalText(2000),
});
export type ProposeReceptionInput = z.infer<typeof ProposeReceptionSchema>;

const yesNo = z.preprocess(blankToNull, z.enum(['yes', 'no'], { error: 'reception.errors.finding' }));

/** Home Affairs' appraisal: its finding on each condition, the testing council's result and score, a note. */
export const AppraiseReceptionSchema = z.object({
  receptionId: id(),
  version,
  insuranceMet: yesNo,
  degreeMet: yesNo,
  fieldMet: yesNo,
  councilResult: z.preprocess(blankToNull, z.enum(['passed', 'failed'], { error: 'reception.errors.councilRequired' }).nullable()),
  councilScore: z.preprocess(
    blankToNull,
    z.coerce.number({ error: 'reception.errors.councilScore' }).min(0, { error: 'reception.errors.councilScore' }).max(100, { error: 'reception.errors.councilScore' }).nullable(),
  ),
  note: optionalText(2000),
});

/** A refusal (Home Affairs) or a withdrawal (the commune): the reason. */
export const CloseReceptionSchema = z.object({ receptionId: id(), version, reason: optionalText(2000) });

/** The Provincial People's Committee's decision: number, date, issuing body, and the day the person takes the post. */
export const DecideReceptionSchema = z.object({
  receptionId: id(),
  version,
  effectiveDate: isoDate('reception.errors.date'),
  /** A person from elsewhere: his personal ID as the decision records it (blank: the proposal's). */
  nationalId: z.preprocess(blankToNull, text().trim().regex(/^\d{12}$/, { error: 'reception.errors.nationalId' }).nullable()).optional(),
}).extend(DecisionFieldsSchema.shape);

export const CreateRecruitmentPlanSchema = z.object({
  year: z.coerce.number({ error: 'recruitment.errors.year' }).int({ error: 'recruitment.errors.year' }).min(2025, { error: 'recruitment.errors.year' }).max(2100, { error: 'recruitment.errors.year' }),
  note: optionalText(2000),
});

/** A target of the plan: a commune, a post, how many people and by when (a date of the plan's year). */
export const SaveRecruitmentTargetSchema = z.object({
  planId: id(),
  communeId: id('recruitment.errors.commune'),
  positionId: id('recruitment.errors.position'),
  count: z.coerce.number({ error: 'recruitment.errors.count' }).int({ error: 'recruitment.errors.count' }).min(1, { error: 'recruitment.errors.count' }).max(500, { error: 'recruitment.errors.count' }),
  plannedDate: isoDate('recruitment.errors.date'),
});

export const RemoveRecruitmentTargetSchema = z.object({ targetId: id(), version });
