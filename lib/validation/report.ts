import { z } from 'zod';

// The plan report's editable draft (decision 019). Messages are keys (decision 003).

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v === undefined ? null : v);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, { error: 'errors.tooLong' }).nullable());

export const SaveReportDraftSchema = z.object({
  /** The draft's version the form was rendered from; 0 when there was no draft yet. */
  version: z.coerce.number({ error: 'errors.invalid' }).int({ error: 'errors.invalid' }).nonnegative({ error: 'errors.invalid' }),
  documentNumber: optionalText(40),
  signerTitle: optionalText(100),
  signerName: optionalText(100),
  recommendations: z.string({ error: 'report.errors.recommendationsRequired' }).trim().min(1, { error: 'report.errors.recommendationsRequired' }).max(6000, { error: 'errors.tooLong' }),
});
