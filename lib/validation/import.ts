import { z } from 'zod';

// The workbook upload and apply forms. Messages are keys (decision 003).

export const UploadWorkbookSchema = z.object({
  file: z.instanceof(File, { error: 'imports.errors.noFile' }),
});

export const ApplyWorkbookSchema = z.object({
  importId: z.uuid({ error: 'errors.invalid' }),
});
