'use client';

import { useTranslations } from '@/components/forms/translations';
import { applyWorkbookUpload } from '@/lib/actions/imports/apply-workbook';
import { ActionForm } from '@/components/forms/action-form';

/** Applies a checked workbook (all or nothing). */
export function ApplyWorkbookForm({ importId }: { importId: string }) {
  const t = useTranslations('imports');
  return <ActionForm id="apply-form" namespace="imports" action={applyWorkbookUpload} hidden={{ importId }} submitLabel={t('apply.submit')} />;
}
