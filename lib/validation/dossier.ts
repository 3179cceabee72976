import { z } from 'zod';
import { isDecisionNumber } from '@/lib/domain/decisions';
import { RANK_CODE_PATTERN, SALARY_STEP_RANGE, parseSalaryCoefficient } from '@/lib/domain/civil-service-rank';
import { DOSSIER_ENTRY_KINDS, POLITICAL_THEORY_LEVELS, RECOGNITION_KINDS, STATE_MANAGEMENT_LEVELS, TRAINING_KINDS } from '@/lib/domain/dossier';
import { isoDate } from './date';
import { blankToNull, id, optionalText, text, version } from './fields';
import { EDUCATIONS } from './roster';

// The dossier's forms (components/dossier) and their actions (lib/actions/dossier). Messages are keys (decision 003).

const optionalDate = (message: string) => z.preprocess(blankToNull, isoDate(message).nullable());
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.preprocess(blankToNull, z.enum(values, { error: message }).nullable());

const person = { cadreId: id(), communeId: id() };

/** The identity, Party and rank-and-salary fields of one person, guarded by the person's version. */
export const UpdateDossierSchema = z.object({
  ...person,
  version,
  nationalId: z.preprocess(blankToNull, text().trim().regex(/^[0-9]{12}$/, { error: 'nationalId.problems.format' }).nullable()),
  placeOfBirth: optionalText(200),
  homeTown: optionalText(200),
  ethnicity: optionalText(50),
  religion: optionalText(50),
  isPartyMember: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
  partyJoinDate: optionalDate('dossier.errors.date'),
  partyOfficialDate: optionalDate('dossier.errors.date'),
  politicalTheory: optionalChoice(POLITICAL_THEORY_LEVELS, 'dossier.errors.politicalTheory'),
  stateManagement: optionalChoice(STATE_MANAGEMENT_LEVELS, 'dossier.errors.stateManagement'),
  rankCode: z.preprocess(blankToNull, text().trim().regex(RANK_CODE_PATTERN, { error: 'dossier.errors.rankCode' }).nullable()),
  salaryStep: z.preprocess(
    blankToNull,
    z.coerce.number({ error: 'dossier.errors.salaryStep' }).int({ error: 'dossier.errors.salaryStep' })
      .min(SALARY_STEP_RANGE.min, { error: 'dossier.errors.salaryStep' }).max(SALARY_STEP_RANGE.max, { error: 'dossier.errors.salaryStep' }).nullable(),
  ),
  salaryCoefficient: z.preprocess(
    blankToNull,
    text().trim().transform((value, context) => {
      const parsed = parseSalaryCoefficient(value);
      if (parsed === null) {
        context.addIssue({ code: 'custom', message: 'dossier.errors.salaryCoefficient' });
        return z.NEVER;
      }
      return parsed;
    }).nullable(),
  ),
  salaryEffectiveOn: optionalDate('dossier.errors.date'),
});
export type UpdateDossierInput = z.infer<typeof UpdateDossierSchema>;

const requiredText = (max: number, message: string) => text(message).trim().min(1, { error: message }).max(max, { error: 'errors.tooLong' });

/** One degree of the education history. */
export const AddEducationSchema = z.object({
  ...person,
  degree: z.enum(EDUCATIONS, { error: 'roster.errors.education' }),
  field: requiredText(200, 'dossier.errors.educationField'),
  institution: optionalText(200),
  year: z.preprocess(blankToNull, z.coerce.number({ error: 'dossier.errors.year' }).int({ error: 'dossier.errors.year' }).min(1950, { error: 'dossier.errors.year' }).max(2100, { error: 'dossier.errors.year' }).nullable()),
  mode: optionalText(100),
});

/** One training course. */
export const AddTrainingSchema = z.object({
  ...person,
  kind: z.enum(TRAINING_KINDS, { error: 'dossier.errors.trainingKind' }),
  name: requiredText(300, 'dossier.errors.trainingName'),
  institution: optionalText(200),
  startDate: optionalDate('dossier.errors.date'),
  endDate: optionalDate('dossier.errors.date'),
  certificate: optionalText(200),
});

/** One award or disciplinary measure, by its decision. */
export const AddRecognitionSchema = z.object({
  ...person,
  kind: z.enum(RECOGNITION_KINDS, { error: 'dossier.errors.recognitionKind' }),
  form: requiredText(200, 'dossier.errors.recognitionForm'),
  decisionNumber: requiredText(50, 'decisions.errors.number').refine(isDecisionNumber, { error: 'decisions.errors.number' }),
  decisionDate: isoDate('decisions.errors.date'),
  issuer: optionalText(200),
  reason: optionalText(500),
});

/** Removing one entry of a list (the button names the entry: `entry` is `<kind>:<id>`). */
export const RemoveDossierEntrySchema = z.object({
  ...person,
  entry: z.string({ error: 'errors.invalid' }).regex(/^(education|training|recognition):\d{1,9}$/, { error: 'errors.invalid' }),
}).transform(({ entry, ...rest }) => {
  const [kind, entryId] = entry.split(':');
  return { ...rest, kind: kind as (typeof DOSSIER_ENTRY_KINDS)[number], entryId: Number(entryId) };
});
