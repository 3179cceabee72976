import { z } from 'zod';

// Shared by the vacancy forms and their actions. Messages are keys (decision 003).

const id = (message = 'errors.invalid') => z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v === undefined ? null : v);

export const URGENCIES = ['normal', 'urgent', 'critical'] as const;

export const DeclareVacancySchema = z
  .object({
    communeId: id(),
    positionId: z.preprocess(blankToNull, id('vacancies.errors.position').nullable()),
    field: z.preprocess(blankToNull, z.string().trim().max(100, { error: 'errors.tooLong' }).nullable()),
    count: z.coerce
      .number({ error: 'vacancies.errors.count' })
      .int({ error: 'vacancies.errors.count' })
      .min(1, { error: 'vacancies.errors.count' })
      .max(999, { error: 'vacancies.errors.count' }),
    urgency: z.enum(URGENCIES, { error: 'vacancies.errors.urgency' }),
    note: z.preprocess(blankToNull, z.string().trim().max(1000, { error: 'errors.tooLong' }).nullable()),
  })
  .superRefine((value, ctx) => {
    if (value.positionId === null && value.field === null) {
      ctx.addIssue({ code: 'custom', path: ['positionId'], message: 'vacancies.errors.whatRequired' });
    }
  });

export const CloseVacancySchema = z.object({
  vacancyId: id(),
  version: z.coerce.number({ error: 'errors.invalid' }).int().nonnegative(),
  closeNote: z.preprocess(blankToNull, z.string().trim().max(1000, { error: 'errors.tooLong' }).nullable()),
});
