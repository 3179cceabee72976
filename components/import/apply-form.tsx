'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { applyWorkbookUpload } from '@/lib/actions/imports/apply-workbook';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { SubmitButton } from '@/components/ui/submit-button';

/** Applies a checked workbook (all or nothing). */
export function ApplyWorkbookForm({ importId }: { importId: string }) {
  const t = useTranslations('imports');
  const [state, formAction] = useActionState<ActionResult | null, FormData>(applyWorkbookUpload, null);
  return (
    <form action={formAction} className="space-y-3" data-testid="apply-form">
      <input type="hidden" name="importId" value={importId} />
      <FormStatus state={state} />
      <SubmitButton>{t('apply.submit')}</SubmitButton>
    </form>
  );
}
