'use client';

import { useTranslations } from '@/components/forms/translations';
import { deletePosition } from '@/lib/actions/positions/delete-position';
import { ActionForm } from '@/components/forms/action-form';

/** Deletes a position never used; the page offers it only then, and the action checks again. */
export function DeletePositionForm({ positionId, version }: { positionId: number; version: number }) {
  const t = useTranslations('positions');
  return <ActionForm id="delete-position-form" namespace="positions" action={deletePosition} hidden={{ positionId, version }} submitLabel={t('delete')} tone="danger" />;
}
