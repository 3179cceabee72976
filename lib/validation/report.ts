import { z } from 'zod';
import { optionalText, text, version } from './fields';

// The plan report's editable draft (decision 019). Messages are keys (decision 003).


export const SaveReportDraftSchema = z.object({
  /** The draft's version the form was rendered from; 0 when there was no draft yet. */
  version,
  documentNumber: optionalText(40),
  signerTitle: optionalText(100),
  signerName: optionalText(100),
  recommendations: text('report.errors.recommendationsRequired').trim().min(1, { error: 'report.errors.recommendationsRequired' }).max(6000, { error: 'errors.tooLong' }),
});
