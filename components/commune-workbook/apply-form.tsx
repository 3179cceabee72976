'use client';

import { useTranslations } from '@/components/forms/translations';
import { applyCommuneWorkbook } from '@/lib/actions/commune-workbook/apply-commune-workbook';
import { ActionForm } from '@/components/forms/action-form';

/** Applies a checked commune workbook, all or nothing (docs/decisions/047-commune-workbook.md). */
export function ApplyCommuneWorkbookForm({ communeId, uploadId }: { communeId: number; uploadId: string }) {
  const t = useTranslations('communeWorkbook.page');
  return <ActionForm id="workbook-apply" namespace="communeWorkbook" action={applyCommuneWorkbook} hidden={{ communeId, uploadId }} submitLabel={t('apply')} />;
}
