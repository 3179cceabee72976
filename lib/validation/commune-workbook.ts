import { z } from 'zod';
import { id } from './fields';

// The commune workbook's apply form (docs/decisions/047-commune-workbook.md). Messages are keys (decision 003).

export const ApplyCommuneWorkbookSchema = z.object({
  communeId: id(),
  uploadId: z.uuid({ error: 'errors.invalid' }),
});
