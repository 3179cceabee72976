import { z } from 'zod';
import { blankToNull, id, optionalText, version } from './fields';

// Shared by the vacancy forms and their actions. Messages are keys (decision 003).


export const URGENCIES = ['normal', 'urgent', 'critical'] as const;

export const DeclareVacancySchema = z
  .object({
    communeId: id(),
    positionId: z.preprocess(blankToNull, id('vacancies.errors.position').nullable()),
    field: optionalText(100),
    count: z.coerce
      .number({ error: 'vacancies.errors.count' })
      .int({ error: 'vacancies.errors.count' })
      .min(1, { error: 'vacancies.errors.count' })
      .max(999, { error: 'vacancies.errors.count' }),
    urgency: z.enum(URGENCIES, { error: 'vacancies.errors.urgency' }),
    note: optionalText(1000),
  })
  .superRefine((value, ctx) => {
    if (value.positionId === null && value.field === null) {
      ctx.addIssue({ code: 'custom', path: ['positionId'], message: 'vacancies.errors.whatRequired' });
    }
  });

export const CloseVacancySchema = z.object({
  vacancyId: id(),
  version,
  closeNote: optionalText(1000),
});
