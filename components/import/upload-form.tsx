'use client';

import { useActionState, type ChangeEvent } from 'react';
import { useTranslations } from 'next-intl';
import { checkWorkbookUpload } from '@/lib/actions/imports/check-workbook';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { formFeedback } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';

const MAX_BYTES = 25 * 1024 * 1024;

/**
 * Uploads a province workbook for a dry run. Works without JavaScript (a multipart POST to the action); with
 * it, a file over 25 MB is refused before it is sent, which spares a weak connection the upload.
 */
export function UploadWorkbookForm() {
  const t = useTranslations('imports');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(checkWorkbookUpload, null);
  const { error } = formFeedback(state, message);
  const fileError = error('file');
  const checkSize = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.setCustomValidity(file && file.size > MAX_BYTES ? t('errors.tooLarge') : '');
    event.currentTarget.reportValidity();
  };
  return (
    <form action={formAction} className="space-y-4" data-testid="upload-form">
      <FormStatus state={state} />
      <div>
        <label htmlFor="import-file" className="block text-sm font-medium text-stone-800">
          {t('upload.file')}
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          required
          accept=".xlsx,.zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/zip"
          onChange={checkSize}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? 'import-file-error import-file-hint' : 'import-file-hint'}
          className={`mt-1 block w-full rounded-md border bg-white text-sm text-stone-900 file:mr-3 file:border-0 file:bg-stone-100 file:px-3 file:py-2 file:font-medium file:text-stone-800 ${fileError ? 'border-red-600' : 'border-stone-300'}`}
        />
        {fileError ? (
          <p id="import-file-error" className="mt-1 text-sm font-medium text-red-700">
            {fileError}
          </p>
        ) : null}
        <p id="import-file-hint" className="mt-1 text-xs text-stone-600">
          {t('upload.hint')}
        </p>
      </div>
      <SubmitButton>{t('upload.submit')}</SubmitButton>
    </form>
  );
}
