'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { deletePosition } from '@/lib/actions/positions/delete-position';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { SubmitButton } from '@/components/ui/submit-button';

/** Deletes a position never used; the page offers it only then, and the action checks again. */
export function DeletePositionForm({ positionId, version }: { positionId: number; version: number }) {
  const t = useTranslations('positions');
  const [state, formAction] = useActionState<ActionResult | null, FormData>(deletePosition, null);
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid="delete-position-form">
      <input type="hidden" name="positionId" value={positionId} />
      <input type="hidden" name="version" value={version} />
      <FormStatus state={state} />
      <SubmitButton tone="danger">{t('delete')}</SubmitButton>
    </form>
  );
}
