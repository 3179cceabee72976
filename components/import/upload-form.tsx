'use client';

import type { ChangeEvent } from 'react';
import { useTranslations } from '@/components/forms/translations';
import { checkWorkbookUpload } from '@/lib/actions/imports/check-workbook';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';

const MAX_BYTES = 25 * 1024 * 1024;

/**
 * Uploads a province workbook for a dry run. Works without JavaScript (a multipart POST to the action); with
 * it, a file over 25 MB is refused before it is sent, which spares a weak connection the upload.
 */
export function UploadWorkbookForm() {
  const t = useTranslations('imports');
  const checkSize = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.setCustomValidity(file && file.size > MAX_BYTES ? t('errors.tooLarge') : '');
    event.currentTarget.reportValidity();
  };
  return (
    <ActionForm id="upload-form" namespace="imports" action={checkWorkbookUpload} submitLabel={t('upload.submit')} className="space-y-4" browserChecks>
      {({ error }) => (
        <Field
          id="import-file"
          name="file"
          type="file"
          label={t('upload.file')}
          required
          accept=".xlsx,.zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/zip"
          onChange={checkSize}
          hint={t('upload.hint')}
          error={error('file')}
        />
      )}
    </ActionForm>
  );
}
